// The Admin OPD's dashboard: their indicators of the current period with status, level and
// deadline, and what their work does to the agency's index. Built on the same to-do list
// as /periode/[id]/indikator, so both always agree. A fixed number of queries.
import type { DbClient } from "@/lib/db";
import { getIndicatorNodeIds } from "@/lib/framework-versions/store";
import { AppError } from "@/lib/errors";
import { listPeriodIndicators, OPEN_STATUSES, type IndicatorRow } from "@/lib/assessment/indicator-list";
import { scorePeriodStages } from "@/lib/results/period-summary";
import type { Actor } from "@/lib/policy";
import { Decimal, scoreAssessment, type AssessmentScore } from "@/lib/scoring";
import { indicatorGaps, recommendedTargets } from "./indicator-gaps";

export type UnitIndicator = IndicatorRow & {
  verifiedLevel: string | null;
  isOpen: boolean;
  /** Index points reaching the target level would add (exact). */
  gain: string;
  target: string;
};

export type UnitWorkDashboard = {
  period: { id: string; year: number; fillDeadline: Date | null; targetIndex: string | null };
  indicators: UnitIndicator[];
  counts: { total: number; open: number; submitted: number; verified: number; revision: number };
  effect: {
    /** Index points the unit's self-assessed levels put into the agency's self index (exact). */
    selfPoints: string;
    selfIndex: string;
    /** Index points of the unit's verified levels in the verified index (exact). */
    verifiedPoints: string;
    verifiedIndex: string;
    /** What the unit's open indicators add when raised to their target levels (exact). */
    openPotential: string;
  };
};

const NO_FILTERS = { unit: "", domain: "", status: undefined };

/** The index of only `numbers`' values: their share of the total, since the formula is a weighted sum. */
function pointsOf(score: AssessmentScore, numbers: ReadonlySet<number>, definition: Parameters<typeof scoreAssessment>[0]): string {
  const values = Object.fromEntries(score.trail.indicators.filter((indicator) => numbers.has(indicator.number)).map((indicator) => [String(indicator.number), indicator.value]));
  return scoreAssessment(definition, values).indexExact;
}

export async function unitWorkDashboard(db: DbClient, actor: Actor, periodId: string, now = new Date()): Promise<UnitWorkDashboard> {
  const list = await listPeriodIndicators(db, actor, periodId, NO_FILTERS, now);
  if (list.mode !== "todo") throw new AppError("forbidden");
  const [period, recommendations] = await Promise.all([
    db.assessmentPeriod.findUniqueOrThrow({ where: { id: list.period.id }, select: { id: true, predicateBasis: true, frameworkVersionId: true, targetIndex: true } }),
    db.recommendation.findMany({
      where: { periodId: list.period.id, status: { in: ["OPEN", "IN_PROGRESS"] }, targetLevel: { not: null } },
      select: { targetLevel: true, indicatorId: true },
    }),
  ]);
  const stages = (await scorePeriodStages(db, [period], ["SELF", "INTERNAL_VERIFICATION"] as const)).get(period.id);
  if (!stages) throw new AppError("not_found");
  const { framework, scores } = stages;

  const verifiedOf = new Map(scores.INTERNAL_VERIFICATION.trail.indicators.map((indicator) => [indicator.number, indicator.value]));
  const gapOf = new Map(
    indicatorGaps(scores, {
      periodTarget: period.targetIndex?.toString() ?? null,
      scaleMax: framework.definition.valueScale.max,
      recommended: recommendedTargets(recommendations, (await getIndicatorNodeIds(db, period.frameworkVersionId)).numberById),
    }).map((gap) => [gap.number, gap]),
  );
  const indicators = list.rows.map((row) => {
    const gap = gapOf.get(row.number);
    return { ...row, verifiedLevel: verifiedOf.get(row.number) ?? null, isOpen: OPEN_STATUSES.has(row.status), gain: gap?.gain ?? "0", target: gap?.target ?? "0" };
  });
  const mine = new Set(indicators.map((indicator) => indicator.number));
  const openPotential = indicators.filter((indicator) => indicator.isOpen).reduce((sum, indicator) => sum.add(Decimal.parse(indicator.gain)), Decimal.ZERO);

  return {
    period: { id: list.period.id, year: list.period.year, fillDeadline: list.period.fillDeadline, targetIndex: period.targetIndex?.toString() ?? null },
    indicators,
    counts: {
      total: indicators.length,
      open: indicators.filter((indicator) => indicator.isOpen).length,
      submitted: indicators.filter((indicator) => indicator.status === "SUBMITTED").length,
      verified: indicators.filter((indicator) => indicator.status === "VERIFIED").length,
      revision: indicators.filter((indicator) => indicator.status === "NEEDS_REVISION").length,
    },
    effect: {
      selfPoints: pointsOf(scores.SELF, mine, framework.definition),
      selfIndex: scores.SELF.indexExact,
      verifiedPoints: pointsOf(scores.INTERNAL_VERIFICATION, mine, framework.definition),
      verifiedIndex: scores.INTERNAL_VERIFICATION.indexExact,
      openPotential: openPotential.toString(),
    },
  };
}
