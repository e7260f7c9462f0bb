// What the recommendation page and the indicator page show. The list carries each
// recommendation's projected index gain (its target level against the indicator's current
// level) and the index the period would reach if every open one in the list were done.
import { z } from "zod";
import type { DbClient } from "@/lib/db";
import { listIndicators } from "@/lib/framework/catalog";
import { unansweredValueOf } from "@/lib/framework/schema";
import { getFrameworkVersion } from "@/lib/framework-versions/store";
import { can, type Actor } from "@/lib/policy";
import { canonicalLevel } from "@/lib/assessment/level-rule";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import { Decimal, scoreAssessment, type AssessmentScore } from "@/lib/scoring";
import { levelValues, loadCurrentLevels } from "@/lib/simulation/current-levels";
import { indexGain } from "@/lib/simulation/gain";
import { RECOMMENDATION_SOURCES, RECOMMENDATION_STATUSES } from "@/lib/validation/recommendations";
import { line } from "@/lib/validation/primitives";

export const ZRecommendationFilters = z.object({
  status: z.enum(RECOMMENDATION_STATUSES).optional().catch(undefined),
  source: z.enum(RECOMMENDATION_SOURCES).optional().catch(undefined),
  unit: line().trim().max(40).catch("").default(""),
});
export type RecommendationFilters = z.output<typeof ZRecommendationFilters>;

const OPEN_STATUSES = new Set(["OPEN", "IN_PROGRESS"]);


export async function loadRecommendationList(db: DbClient, actor: Actor, periodId: string, filters: RecommendationFilters) {
  const period = await loadPeriodFor(db, actor, "recommendation.read", periodId);
  const instansiId = period.instansiId;
  const framework = await getFrameworkVersion(db, period.frameworkVersionId);
  if (!framework) throw new Error(`Kerangka periode ${period.id} tidak ditemukan`);
  // An Admin OPD reads their own unit's recommendations only, whatever the filter says.
  const unitScope = can(actor, "recommendation.read", { instansiId }) ? null : actor.active.unitId;
  const ownerUnitId = unitScope ?? (filters.unit || undefined);
  const [current, rows, units] = await Promise.all([
    loadCurrentLevels(db, period.id),
    db.recommendation.findMany({
      where: { periodId: period.id, status: filters.status, source: filters.source, ownerUnitId },
      orderBy: [{ indicator: { sortOrder: "asc" } }, { createdAt: "asc" }],
      include: { indicator: { select: { number: true, name: true, weight: true } }, ownerUnit: { select: { id: true, name: true, shortName: true } } },
    }),
    db.unit.findMany({ where: { instansiId }, orderBy: { name: "asc" }, select: { id: true, name: true, isActive: true } }),
  ]);

  const values = levelValues(current);
  const unansweredValue = unansweredValueOf(framework.definition);
  const projectedValues: Record<string, string> = { ...values };
  const items = rows.map((row) => {
    const number = row.indicator.number ?? 0;
    const from = current.get(number)?.level ?? null;
    const target = canonicalLevel(row.targetLevel);
    const gain = target === null ? null : indexGain(row.indicator.weight.toString(), from, target, unansweredValue);
    if (target !== null && OPEN_STATUSES.has(row.status) && gain && !gain.isZero()) {
      const planned = projectedValues[number];
      if (planned === undefined || Decimal.parse(target).gt(Decimal.parse(planned))) projectedValues[number] = target;
    }
    return {
      id: row.id,
      version: row.updatedAt.getTime(),
      number,
      indicatorName: row.indicator.name,
      source: row.source,
      text: row.text,
      status: row.status,
      ownerUnitId: row.ownerUnitId,
      ownerName: row.ownerUnit ? (row.ownerUnit.shortName ?? row.ownerUnit.name) : null,
      dueDate: row.dueDate,
      currentLevel: from,
      targetLevel: target,
      gain,
      mayUpdateStatus: can(actor, "recommendation.update-status", { instansiId, unitId: row.ownerUnitId }),
    };
  });
  const options = { predicateBasis: period.predicateBasis === "ROUNDED" ? ("rounded" as const) : ("exact" as const) };
  const scores: { current: AssessmentScore; projected: AssessmentScore } = {
    current: scoreAssessment(framework.definition, values, options),
    projected: scoreAssessment(framework.definition, projectedValues, options),
  };
  return {
    period,
    framework: framework.definition,
    indicators: listIndicators(framework.definition).map(({ indicator }) => ({ number: indicator.number, name: indicator.name })),
    units: unitScope ? [] : units,
    unitScope,
    items,
    scores,
    may: { manage: can(actor, "recommendation.manage", { instansiId }) },
  };
}

export type RecommendationList = Awaited<ReturnType<typeof loadRecommendationList>>;
