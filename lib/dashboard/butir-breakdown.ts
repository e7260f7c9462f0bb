// Butir accepted, in revision and without evidence, per owner unit and per aspect of a
// period, for frameworks with butir (null otherwise). Built from the same boards as the
// indicator form, so the numbers agree with it. A fixed number of queries.
import type { DbClient } from "@/lib/db";
import { loadButirBoards } from "@/lib/assessment/butir";
import { addCounts, NO_COUNTS, type ButirCounts } from "@/lib/assessment/butir-board";
import { isIndicatorNode } from "@/lib/framework/schema";
import { walkNodes } from "@/lib/framework/tree";
import { getFrameworkVersion, getIndicatorNodeIds } from "@/lib/framework-versions/store";

export type ButirBreakdownRow = ButirCounts & { key: string; label: string };
export type ButirBreakdown = { total: ButirCounts; units: ButirBreakdownRow[]; aspects: ButirBreakdownRow[] };

function add(rows: Map<string, ButirBreakdownRow>, key: string, label: string, counts: ButirCounts) {
  const row = rows.get(key) ?? { key, label, ...NO_COUNTS };
  rows.set(key, { key, label, ...addCounts(row, counts) });
}

export async function butirBreakdown(db: DbClient, period: { id: string; frameworkVersionId: string }): Promise<ButirBreakdown | null> {
  const framework = await getFrameworkVersion(db, period.frameworkVersionId);
  if (!framework) return null;
  const nodeIds = await getIndicatorNodeIds(db, period.frameworkVersionId);
  const boards = await loadButirBoards(db, period.id, framework.definition, nodeIds.byNumber);
  if (boards.size === 0) return null;
  const assignments = await db.assignment.findMany({ where: { periodId: period.id }, select: { indicatorId: true, unit: { select: { id: true, name: true, shortName: true } } } });

  // The aspect of each indicator: its nearest group of kind "aspect", else its top-level group.
  const aspectOf = new Map<number, { code: string; name: string }>();
  walkNodes(framework.definition.nodes, (node, at) => {
    if (!isIndicatorNode(node)) return;
    const group = [...at.ancestors].reverse().find((ancestor) => ancestor.kind === "aspect") ?? at.ancestors[0];
    if (group) aspectOf.set(node.number, { code: group.code, name: group.name });
  });

  let total = NO_COUNTS;
  const units = new Map<string, ButirBreakdownRow>();
  const aspects = new Map<string, ButirBreakdownRow>();
  for (const [number, nodeId] of nodeIds.byNumber) {
    const board = boards.get(nodeId);
    if (!board) continue;
    total = addCounts(total, board.counts);
    const aspect = aspectOf.get(number);
    if (aspect) add(aspects, aspect.code, `${aspect.code} ${aspect.name}`, board.counts);
    for (const assignment of assignments.filter((candidate) => candidate.indicatorId === nodeId)) {
      add(units, assignment.unit.id, assignment.unit.shortName ?? assignment.unit.name, board.counts);
    }
  }
  const byLabel = (left: ButirBreakdownRow, right: ButirBreakdownRow) => left.label.localeCompare(right.label);
  return { total, units: [...units.values()].sort(byLabel), aspects: [...aspects.values()].sort((left, right) => left.key.localeCompare(right.key, undefined, { numeric: true })) };
}
