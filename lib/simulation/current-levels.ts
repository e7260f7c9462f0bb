// Where a period stands now, per indicator: the final stage's level when the external
// assessors gave one, else the internally verified level, else the self-assessment. The
// simulation starts from these levels, and a recommendation's projected gain is measured
// against them. Callers load the period within the actor's instansi first.
import type { DbClient } from "@/lib/db";
import { Decimal } from "@/lib/scoring";

export const CURRENT_STAGES = ["FINAL", "INTERNAL_VERIFICATION", "SELF"] as const;
export type CurrentStage = (typeof CURRENT_STAGES)[number];

export type CurrentLevel = { level: string; stage: CurrentStage };

/** Indicator number -> its current level, canonical decimal text ("3", "2.5"); unanswered indicators are absent. */
export async function loadCurrentLevels(db: DbClient, periodId: string): Promise<Map<number, CurrentLevel>> {
  const answers = await db.answer.findMany({
    where: { periodId, stage: { in: [...CURRENT_STAGES] }, level: { not: null } },
    select: { stage: true, level: true, indicator: { select: { number: true } } },
  });
  const current = new Map<number, CurrentLevel>();
  const rank = (stage: CurrentStage) => CURRENT_STAGES.indexOf(stage);
  for (const answer of answers) {
    const number = answer.indicator.number;
    if (number === null || answer.level === null) continue;
    const stage = answer.stage as CurrentStage;
    const held = current.get(number);
    if (held && rank(held.stage) <= rank(stage)) continue;
    current.set(number, { level: Decimal.parse(answer.level.toString()).toString(), stage });
  }
  return current;
}

/** The levels as scoring input. */
export function levelValues(current: ReadonlyMap<number, CurrentLevel>): Record<string, string> {
  return Object.fromEntries([...current].map(([number, { level }]) => [String(number), level]));
}
