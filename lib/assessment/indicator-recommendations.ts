// The recommendations the indicator page shows as follow-up context. Read here, beside the
// indicator view, because lib/recommendations builds on lib/assessment (periods, levels)
// and the view must not reach back up into it.
import type { DbClient } from "@/lib/db";
import { getIndicatorNodeIds } from "@/lib/framework-versions/store";
import { isIndicatorNode, type FrameworkDefinition } from "@/lib/framework/schema";
import { walkNodes } from "@/lib/framework/tree";
import { canonicalLevel } from "./level-rule";

// No joins to units or framework nodes: indicator numbers and names come from the cached
// framework, unit names from one query only when a recommendation names an owner unit (a
// nested select would send its query even for no recommendations at all).
const CONTEXT_SELECT = {
  id: true,
  source: true,
  text: true,
  status: true,
  targetLevel: true,
  dueDate: true,
  ownerUnitId: true,
  indicatorId: true,
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
    indicator: { number: number; name: string };
    previous: { id: string; year: number; frameworkVersionId: string; sameFramework: boolean; codes: string[]; framework: { definition: FrameworkDefinition } } | null;
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
  const unitIds = [...new Set([...current, ...previous].flatMap((row) => (row.ownerUnitId ? [row.ownerUnitId] : [])))];
  const units = unitIds.length > 0 ? await db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true, shortName: true } }) : [];
  const unitName = new Map(units.map((unit) => [unit.id, unit.shortName ?? unit.name]));

  const indicatorOf = new Map<string, { number: number; name: string }>([[at.indicatorId, at.indicator]]);
  if (previous.length > 0 && at.previous) {
    const names = new Map<number, string>();
    walkNodes(at.previous.framework.definition.nodes, (node) => {
      if (isIndicatorNode(node)) names.set(node.number, node.name);
    });
    for (const [id, number] of (await getIndicatorNodeIds(db, at.previous.frameworkVersionId)).numberById) indicatorOf.set(id, { number, name: names.get(number) ?? "" });
  }
  const present = (rows: typeof current) =>
    rows.map(({ indicatorId, ownerUnitId, ...row }) => ({
      ...row,
      indicator: indicatorOf.get(indicatorId) ?? { number: 0, name: "" },
      targetLevel: canonicalLevel(row.targetLevel),
      ownerName: ownerUnitId ? (unitName.get(ownerUnitId) ?? null) : null,
    }));
  return {
    current: present(current),
    previous: at.previous
      ? { year: at.previous.year, frameworkName: at.previous.sameFramework ? null : at.previous.framework.definition.name, items: present(previous) }
      : null,
  };
}

export type IndicatorRecommendations = Awaited<ReturnType<typeof loadIndicatorRecommendations>>;
