// The butir of one indicator as the form, the verification view, the dashboards and the
// reports show them: per level each butir with its evidence and its status in every stage,
// gated level by level (gateButir). Plain TypeScript over what lib/assessment/butir.ts reads,
// so every view derives the same counts from the same rows.
import type { ApplicationStatus, FrameworkDefinition, IndicatorNode } from "@/lib/framework/schema";
import type { AnswerStage } from "@/lib/generated/prisma/enums";
import { gateButir, valueAboveButir, type GatedButirState } from "./butir-gating";

/** The stages that give butir a status, in the order of the evaluation. */
export const REVIEW_STAGES = ["INTERNAL_VERIFICATION", "DOCUMENT", "INTERVIEW", "VISITATION", "FINAL"] as const satisfies readonly AnswerStage[];
export type ReviewStage = (typeof REVIEW_STAGES)[number];
export const EXTERNAL_REVIEW_STAGES = ["DOCUMENT", "INTERVIEW", "VISITATION", "FINAL"] as const satisfies readonly ReviewStage[];

export const ACCEPTED_STATUS = "diterima";
export const REVISION_STATUS = "revisi";
/** The kind the portal sets itself from the gating rule; never a person's choice. */
export const AUTOMATIC_KIND = "otomatis_ditolak";

export type ButirLevel = { readonly level: number; readonly butir: readonly { readonly code: string; readonly text: string }[] };

/** The indicator's butir per level, or null when the framework lists none (spbe-2020). */
export function butirLevels(indicator: IndicatorNode): ButirLevel[] | null {
  const levels = indicator.levels ?? [];
  if (!levels.some((level) => level.butir.length > 0)) return null;
  return levels.map((level) => ({ level: level.level, butir: level.butir.map((butir) => ({ code: butir.code, text: butir.text })) }));
}

/** A status a person may set, as one form value: "diterima" or "revisi:<kind>". */
export type StatusChoice = { readonly value: string; readonly status: string; readonly kind: string | null; readonly label: string };

export const choiceValue = (status: string, kind: string | null) => (kind ? `${status}:${kind}` : status);

/** The framework's statuses a person may set: every one except the automatic rejection. */
export function statusChoices(definition: FrameworkDefinition): StatusChoice[] {
  return (definition.applicationStatuses ?? [])
    .filter((status: ApplicationStatus) => status.kind !== AUTOMATIC_KIND)
    .map((status) => ({ value: choiceValue(status.status, status.kind ?? null), status: status.status, kind: status.kind ?? null, label: status.label }));
}

/** The framework's label of a stored status ("Bukti tidak tepat"); the raw value when the framework lacks it. */
export function statusLabel(definition: FrameworkDefinition, status: { status: string; kind: string | null }): string {
  const found = (definition.applicationStatuses ?? []).find((candidate) => candidate.status === status.status && (candidate.kind ?? null) === status.kind);
  return found?.label ?? choiceValue(status.status, status.kind);
}

export type StoredButirStatus = { butirCode: string; status: string; kind: string | null; note: string | null; automatic: boolean };
export type StoredRound = { stage: AnswerStage; round: number; origin: string; actorId: string | null; createdAt: Date; statuses: readonly StoredButirStatus[] };
export type ButirStatusEntry = StoredButirStatus & { stage: ReviewStage; round: number; origin: string; actorId: string | null; createdAt: Date };
export type ButirEvidenceRef = { id: string; title: string; kind: string; url: string | null };

const isReviewStage = (stage: AnswerStage): stage is ReviewStage => (REVIEW_STAGES as readonly AnswerStage[]).includes(stage);

/** Every status ever given, oldest first: the rounds are kept, the latest one per stage is current. */
export function statusHistory(rounds: readonly StoredRound[]): ButirStatusEntry[] {
  return [...rounds]
    .filter((round) => isReviewStage(round.stage))
    .sort((left, right) => left.createdAt.getTime() - right.createdAt.getTime() || left.round - right.round)
    .flatMap((round) => round.statuses.map((status) => ({ ...status, stage: round.stage as ReviewStage, round: round.round, origin: round.origin, actorId: round.actorId, createdAt: round.createdAt })));
}

/** The current status of each butir in one stage: its row in the latest round naming it. */
export function currentStatuses(rounds: readonly StoredRound[], stage: ReviewStage): Map<string, ButirStatusEntry> {
  const current = new Map<string, ButirStatusEntry>();
  for (const entry of statusHistory(rounds)) if (entry.stage === stage) current.set(entry.butirCode, entry);
  return current;
}

export type BoardButir = {
  code: string;
  text: string;
  level: number;
  state: GatedButirState;
  evidence: ButirEvidenceRef[];
  stages: Partial<Record<ReviewStage, ButirStatusEntry>>;
  history: ButirStatusEntry[];
};

export type BoardLevel = { level: number; total: number; accepted: number; waitingForLowerLevel: boolean; complete: boolean; butirUnknown: boolean; butir: BoardButir[] };

export type ButirBoard = {
  /**
   * What the gating counts as done: the latest stage that gave statuses, or, before any
   * assessor looked, "SELF" (a butir with evidence attached counts as ready).
   */
  basis: ReviewStage | "SELF";
  levels: BoardLevel[];
  highestCompleteLevel: number | null;
  /** Butir returned by a person in the basis stage: what the owner has to fix, with the notes. */
  revisions: ButirStatusEntry[];
  counts: ButirCounts;
};

export type ButirCounts = { total: number; accepted: number; revision: number; missing: number };

export function buildButirBoard(levels: readonly ButirLevel[], evidence: ReadonlyMap<string, readonly ButirEvidenceRef[]>, rounds: readonly StoredRound[]): ButirBoard {
  const stagesWithRounds = REVIEW_STAGES.filter((stage) => rounds.some((round) => round.stage === stage));
  const basis = stagesWithRounds.at(-1) ?? "SELF";
  const current = new Map(REVIEW_STAGES.map((stage) => [stage, currentStatuses(rounds, stage)] as const));
  const history = statusHistory(rounds);
  const basisStatuses = basis === "SELF" ? null : current.get(basis)!;
  const isAccepted = (code: string) => (basisStatuses ? basisStatuses.get(code)?.status === ACCEPTED_STATUS : (evidence.get(code)?.length ?? 0) > 0);
  const gating = gateButir(levels, isAccepted);
  const textOf = new Map(levels.flatMap((level) => level.butir.map((butir) => [butir.code, butir.text] as const)));

  const counts: ButirCounts = { total: 0, accepted: 0, revision: 0, missing: 0 };
  const boardLevels = gating.levels.map((level): BoardLevel => ({
    ...level,
    // Before any assessor looked nothing is accepted; the gating above still counts evidence.
    accepted: basisStatuses ? level.accepted : 0,
    butir: level.butir.map((item): BoardButir => {
      const stages: BoardButir["stages"] = {};
      for (const stage of REVIEW_STAGES) {
        const entry = current.get(stage)!.get(item.code);
        if (entry) stages[stage] = entry;
      }
      const attached = [...(evidence.get(item.code) ?? [])];
      const basisStatus = basisStatuses?.get(item.code);
      counts.total += 1;
      if (basisStatus?.status === ACCEPTED_STATUS && item.state === "accepted") counts.accepted += 1;
      // Returned by a person; the portal's automatic rejections are "waiting", not work to redo.
      else if (basisStatus?.status === REVISION_STATUS && !basisStatus.automatic) counts.revision += 1;
      else if (attached.length === 0) counts.missing += 1;
      return { code: item.code, text: textOf.get(item.code) ?? "", level: level.level, state: item.state, evidence: attached, stages, history: history.filter((entry) => entry.butirCode === item.code) };
    }),
  }));
  const revisions = basisStatuses ? [...basisStatuses.values()].filter((entry) => entry.status === REVISION_STATUS && !entry.automatic) : [];
  return { basis, levels: boardLevels, highestCompleteLevel: gating.highestCompleteLevel, revisions, counts };
}

/** True when the chosen value is above what the board's complete levels support (a warning, never a rule). */
export function valueAboveBoard(value: string | null, board: ButirBoard, floor: string): boolean {
  if (value === null || value.trim() === "") return false;
  return valueAboveButir(value, { levels: [], highestCompleteLevel: board.highestCompleteLevel }, floor);
}

/**
 * Which butir the gating rejects automatically in a stage once `statuses` (code -> status)
 * are its current statuses: every butir of a level whose lower levels are not all accepted.
 */
export function automaticallyRejected(levels: readonly ButirLevel[], statuses: ReadonlyMap<string, string>): Set<string> {
  const gating = gateButir(levels, (code) => statuses.get(code) === ACCEPTED_STATUS);
  return new Set(gating.levels.filter((level) => level.waitingForLowerLevel).flatMap((level) => level.butir.map((butir) => butir.code)));
}

/** One level's progress, as lists and dashboards print it ("Tingkat 2: 3 dari 4 butir diterima"). */
export type LevelProgress = { level: number; total: number; accepted: number; evidenced: number; butirUnknown: boolean; complete: boolean };
export type ButirProgress = { basis: ButirBoard["basis"]; counts: ButirCounts; levels: LevelProgress[]; highestCompleteLevel: number | null };

export function butirProgress(board: ButirBoard): ButirProgress {
  return {
    basis: board.basis,
    counts: board.counts,
    highestCompleteLevel: board.highestCompleteLevel,
    levels: board.levels.map((level) => ({
      level: level.level,
      total: level.total,
      accepted: level.accepted,
      evidenced: level.butir.filter((butir) => butir.evidence.length > 0).length,
      butirUnknown: level.butirUnknown,
      complete: level.complete,
    })),
  };
}

/** The level to work on: the first one not complete (null when all are). */
export const nextLevelToWork = (progress: ButirProgress): LevelProgress | null => progress.levels.find((level) => !level.complete) ?? null;

export const addCounts = (left: ButirCounts, right: ButirCounts): ButirCounts => ({
  total: left.total + right.total,
  accepted: left.accepted + right.accepted,
  revision: left.revision + right.revision,
  missing: left.missing + right.missing,
});
export const NO_COUNTS: ButirCounts = { total: 0, accepted: 0, revision: 0, missing: 0 };
