// Live indices of assessment periods per answer stage, computed by the scoring engine from
// the stored answers. The workspace, the period list and the period overview all score
// through scorePeriodStages, so the same period always shows the same numbers everywhere.
import type { DbClient } from "@/lib/db";
import { getFrameworkVersion, getIndicatorNodeIds, type StoredFrameworkVersion } from "@/lib/framework-versions/store";
import type { AnswerStage, PredicateBasis } from "@/lib/generated/prisma/client";
import { scoreAssessment, type AssessmentScore } from "@/lib/scoring";
import { applyExternalIndices, hasConvertedIndices, type EnteredIndexValue } from "@/lib/scoring/external-index-values";

/** Every stage an answer can belong to, in the order the year's work produces them. */
export const ANSWER_STAGES = ["SELF", "INTERNAL_VERIFICATION", "DOCUMENT", "INTERVIEW", "VISITATION", "FINAL"] as const satisfies readonly AnswerStage[];

export type ScorablePeriod = { id: string; predicateBasis: PredicateBasis; frameworkVersionId: string };

export type StageScores<S extends AnswerStage> = {
  framework: StoredFrameworkVersion;
  scores: Record<S, AssessmentScore>;
};

/**
 * Scores each period for each of `stages`, with one query for all their answers (the
 * framework versions and their indicator numbers come from the process's cache, read once
 * per version). A stage without answers scores 0 with answeredCount 0.
 */
export async function scorePeriodStages<S extends AnswerStage>(
  db: DbClient,
  periods: readonly ScorablePeriod[],
  stages: readonly S[],
): Promise<Map<string, StageScores<S>>> {
  const result = new Map<string, StageScores<S>>();
  if (periods.length === 0) return result;
  const answers = await db.answer.findMany({
    where: { periodId: { in: periods.map((period) => period.id) }, stage: { in: [...stages] }, level: { not: null } },
    select: { periodId: true, stage: true, level: true, indicatorId: true },
  });
  const versionIds = [...new Set(periods.map((period) => period.frameworkVersionId))];
  const versions = new Map<string, StoredFrameworkVersion>();
  // Node ids are unique across versions: one map answers for every period's indicators.
  const numberOf = new Map<string, number>();
  for (const versionId of versionIds) {
    const stored = await getFrameworkVersion(db, versionId);
    if (stored) versions.set(versionId, stored);
    for (const [id, number] of (await getIndicatorNodeIds(db, versionId)).numberById) numberOf.set(id, number);
  }

  const values = new Map<string, Record<string, string>>();
  for (const answer of answers) {
    const number = numberOf.get(answer.indicatorId);
    if (number === undefined || answer.level === null) continue;
    const key = `${answer.periodId}/${answer.stage}`;
    const stageValues = values.get(key) ?? {};
    stageValues[String(number)] = answer.level.toString();
    values.set(key, stageValues);
  }

  // The self stage of indicators fed by another national index counts what the index gives
  // (lib/assessment/external-index-values.ts); one more query, only for frameworks that have them.
  const indexedPeriods = (stages as readonly AnswerStage[]).includes("SELF")
    ? periods.filter((period) => {
        const framework = versions.get(period.frameworkVersionId);
        return framework !== undefined && hasConvertedIndices(framework.definition);
      })
    : [];
  const enteredIndices = new Map<string, Map<number, EnteredIndexValue>>();
  if (indexedPeriods.length > 0) {
    const rows = await db.externalIndexValue.findMany({
      where: { periodId: { in: indexedPeriods.map((period) => period.id) } },
      select: { periodId: true, value: true, year: true, indicator: { select: { number: true } } },
    });
    for (const period of indexedPeriods) enteredIndices.set(period.id, new Map());
    for (const row of rows) if (row.indicator.number !== null) enteredIndices.get(row.periodId)?.set(row.indicator.number, row);
  }

  for (const period of periods) {
    const framework = versions.get(period.frameworkVersionId);
    if (!framework) continue;
    const entered = enteredIndices.get(period.id);
    if (entered) values.set(`${period.id}/SELF`, applyExternalIndices(framework.definition, values.get(`${period.id}/SELF`) ?? {}, entered));
    const options = { predicateBasis: period.predicateBasis === "ROUNDED" ? ("rounded" as const) : ("exact" as const) };
    const scores = Object.fromEntries(
      stages.map((stage) => [stage, scoreAssessment(framework.definition, values.get(`${period.id}/${stage}`) ?? {}, options)]),
    ) as Record<S, AssessmentScore>;
    result.set(period.id, { framework, scores });
  }
  return result;
}

const SUMMARY_STAGES = ["SELF", "INTERNAL_VERIFICATION"] as const;

const SUMMARY_SELECT = {
  id: true,
  year: true,
  phase: true,
  predicateBasis: true,
  frameworkVersionId: true,
  targetIndex: true,
  fillDeadline: true,
  verifyDeadline: true,
  submitDeadline: true,
  objectionDeadline: true,
} as const;

export type PeriodSummary = {
  periodId: string;
  year: number;
  phase: string;
  predicateBasis: PredicateBasis;
  targetIndex: string | null;
  deadlines: { fill: Date | null; verify: Date | null; submit: Date | null; objection: Date | null };
  frameworkName: string;
  frameworkVersion: number;
  self: AssessmentScore;
  verified: AssessmentScore;
};

/** An instansi's periods, newest first, with their self-assessment and verified index. */
export async function periodSummaries(db: DbClient, instansiId: string, options: { take?: number } = {}): Promise<PeriodSummary[]> {
  const periods = await db.assessmentPeriod.findMany({
    where: { instansiId },
    orderBy: { year: "desc" },
    select: SUMMARY_SELECT,
    ...(options.take ? { take: options.take } : {}),
  });
  const scored = await scorePeriodStages(db, periods, SUMMARY_STAGES);
  return periods.flatMap((period) => {
    const stages = scored.get(period.id);
    if (!stages) return [];
    return [
      {
        periodId: period.id,
        year: period.year,
        phase: period.phase,
        predicateBasis: period.predicateBasis,
        targetIndex: period.targetIndex?.toString() ?? null,
        deadlines: { fill: period.fillDeadline, verify: period.verifyDeadline, submit: period.submitDeadline, objection: period.objectionDeadline },
        frameworkName: stages.framework.definition.name,
        frameworkVersion: stages.framework.version,
        self: stages.scores.SELF,
        verified: stages.scores.INTERNAL_VERIFICATION,
      },
    ];
  });
}

/** The latest period of an instansi, as the workspace shows it. */
export async function latestPeriodSummary(db: DbClient, instansiId: string): Promise<PeriodSummary | null> {
  const [latest] = await periodSummaries(db, instansiId, { take: 1 });
  return latest ?? null;
}
