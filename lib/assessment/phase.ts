// What each phase of a period allows. Persiapan -> Pengisian -> Verifikasi -> Final; a
// Final period is locked: nothing in it changes until the Koordinator reopens it with a
// recorded reason (back to Verifikasi). Every command that touches a period asks here.
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";

export const PHASES = ["PERSIAPAN", "PENGISIAN", "VERIFIKASI", "FINAL"] as const;
export type Phase = (typeof PHASES)[number];

export type PeriodOperation =
  | "period.edit" // dates, target, predicate basis
  | "assignment.edit"
  | "answer.fill" // owners save and submit
  | "answer.verify" // internal verification
  | "external.record" // external assessors' results
  | "comment.create";

const ALLOWED: Record<PeriodOperation, readonly Phase[]> = {
  "period.edit": ["PERSIAPAN", "PENGISIAN", "VERIFIKASI"],
  "assignment.edit": ["PERSIAPAN", "PENGISIAN", "VERIFIKASI"],
  "answer.fill": ["PENGISIAN", "VERIFIKASI"],
  "answer.verify": ["PENGISIAN", "VERIFIKASI"],
  "external.record": ["VERIFIKASI"],
  "comment.create": ["PERSIAPAN", "PENGISIAN", "VERIFIKASI"],
};

export function phaseAllows(phase: Phase, operation: PeriodOperation): boolean {
  return ALLOWED[operation].includes(phase);
}

/** 409 with the reason when the period's phase forbids the operation. */
export function assertPhaseAllows(phase: Phase, operation: PeriodOperation): void {
  if (phaseAllows(phase, operation)) return;
  const message =
    phase === "FINAL"
      ? msg("periods.locked")
      : msg("periods.wrongPhase", { phase: msg(`periods.phases.${phase}`), allowed: ALLOWED[operation].map((allowed) => msg(`periods.phases.${allowed}`)) });
  throw new AppError("conflict", { message });
}

/** The phase moves one step at a time; Final only comes back to Verifikasi (a reopening). */
export function nextPhase(phase: Phase): Phase | null {
  const index = PHASES.indexOf(phase);
  return index < PHASES.length - 1 ? PHASES[index + 1]! : null;
}

export function previousPhase(phase: Phase): Phase | null {
  const index = PHASES.indexOf(phase);
  return index > 0 ? PHASES[index - 1]! : null;
}
