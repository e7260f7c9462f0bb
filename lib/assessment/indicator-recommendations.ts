// The recommendations the indicator page shows as follow-up context. Read here, beside the
// indicator view, because lib/recommendations builds on lib/assessment (periods, levels)
// and the view must not reach back up into it.
import type { DbClient } from "@/lib/db";
import { canonicalLevel } from "./level-rule";

const CONTEXT_SELECT = {
  id: true,
  source: true,
  text: true,
  status: true,
  targetLevel: true,
  dueDate: true,
  ownerUnit: { select: { name: true, shortName: true } },
  indicator: { select: { number: true, name: true } },
} as const;

/**
 * Context for the indicator form: this period's recommendations for the indicator and the
 * previous period's for its counterparts (lib/framework/lineage.ts): the same indicator
 * within a framework, the mapped indicators across frameworks, labelled with their names.
 * The caller has already checked that the actor may read the indicator.
 */
export async function loadIndicatorRecommendations(
  db: DbClient,
  at: {
    periodId: string;
    indicatorId: string;
    previous: { id: string; year: number; frameworkVersionId: string; sameFramework: boolean; codes: string[]; framework: { definition: { name: string } } } | null;
  },
) {
  const [current, previous] = await Promise.all([
    db.recommendation.findMany({ where: { periodId: at.periodId, indicatorId: at.indicatorId }, orderBy: { createdAt: "asc" }, select: CONTEXT_SELECT }),
    at.previous && at.previous.codes.length > 0
      ? db.recommendation.findMany({
          where: { periodId: at.previous.id, indicator: { versionId: at.previous.frameworkVersionId, code: { in: at.previous.codes } } },
          orderBy: [{ indicator: { sortOrder: "asc" } }, { createdAt: "asc" }],
          select: CONTEXT_SELECT,
        })
      : Promise.resolve([]),
  ]);
  const present = (rows: typeof current) =>
    rows.map(({ indicator, ...row }) => ({
      ...row,
      indicator: { number: indicator.number, name: indicator.name },
      targetLevel: canonicalLevel(row.targetLevel),
      ownerName: row.ownerUnit ? (row.ownerUnit.shortName ?? row.ownerUnit.name) : null,
    }));
  return {
    current: present(current),
    previous: at.previous
      ? { year: at.previous.year, frameworkName: at.previous.sameFramework ? null : at.previous.framework.definition.name, items: present(previous) }
      : null,
  };
}

export type IndicatorRecommendations = Awaited<ReturnType<typeof loadIndicatorRecommendations>>;
