// Index of an instansi's latest period per stage, computed live by the scoring engine
// from the stored answers (self-assessment and internal verification).
import type { Db } from "@/lib/db";
import { getFrameworkVersion } from "@/lib/framework/store";
import { scoreAssessment, type AssessmentScore } from "@/lib/scoring";

export type PeriodSummary = {
  periodId: string;
  year: number;
  phase: string;
  frameworkName: string;
  self: AssessmentScore;
  verified: AssessmentScore;
};

export async function latestPeriodSummary(db: Db, instansiId: string): Promise<PeriodSummary | null> {
  const period = await db.assessmentPeriod.findFirst({
    where: { instansiId },
    orderBy: { year: "desc" },
    select: {
      id: true,
      year: true,
      phase: true,
      predicateBasis: true,
      frameworkVersionId: true,
      answers: {
        where: { stage: { in: ["SELF", "INTERNAL_VERIFICATION"] }, level: { not: null } },
        select: { stage: true, level: true, indicator: { select: { number: true } } },
      },
    },
  });
  if (!period) return null;
  const stored = await getFrameworkVersion(db, period.frameworkVersionId);
  if (!stored) return null;
  const valuesOf = (stage: "SELF" | "INTERNAL_VERIFICATION") =>
    Object.fromEntries(
      period.answers
        .filter((answer) => answer.stage === stage && answer.indicator.number !== null)
        .map((answer) => [String(answer.indicator.number), answer.level!.toString()]),
    );
  const options = { predicateBasis: period.predicateBasis === "ROUNDED" ? ("rounded" as const) : ("exact" as const) };
  return {
    periodId: period.id,
    year: period.year,
    phase: period.phase,
    frameworkName: stored.definition.name,
    self: scoreAssessment(stored.definition, valuesOf("SELF"), options),
    verified: scoreAssessment(stored.definition, valuesOf("INTERNAL_VERIFICATION"), options),
  };
}
