// What the simulation page hands to the browser: the period's framework without its
// texts (the engine needs the tree, weights, scale and bands; criteria and questions
// would only weigh down the page), the current levels and each indicator's owner units.
import type { DbClient } from "@/lib/db";
import { getFrameworkVersion } from "@/lib/framework-versions/store";
import { isIndicatorNode, type FrameworkDefinition, type FrameworkNode } from "@/lib/framework/schema";
import { can, type Actor } from "@/lib/policy";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import { loadCurrentLevels, type CurrentLevel } from "./current-levels";

export function definitionForClient(definition: FrameworkDefinition): FrameworkDefinition {
  const strip = (node: FrameworkNode): FrameworkNode =>
    isIndicatorNode(node) ? { ...node, question: null, criteria: {} } : { ...node, children: node.children.map(strip) };
  return {
    ...definition,
    nodes: definition.nodes.map(strip),
    levelScales: definition.levelScales.map((scale) => ({ ...scale, levels: scale.levels.map((level) => ({ ...level, description: null })) })),
    sources: [],
    notes: [],
  };
}

export async function loadSimulation(db: DbClient, actor: Actor, periodId: string) {
  const period = await loadPeriodFor(db, actor, "simulation.run", periodId);
  const framework = await getFrameworkVersion(db, period.frameworkVersionId);
  if (!framework) throw new Error(`Kerangka periode ${period.id} tidak ditemukan`);
  const [current, assignments] = await Promise.all([
    loadCurrentLevels(db, period.id),
    db.assignment.findMany({
      where: { periodId: period.id },
      orderBy: { unit: { name: "asc" } },
      select: { indicator: { select: { number: true } }, unit: { select: { name: true, shortName: true } } },
    }),
  ]);
  const owners: Record<string, string[]> = {};
  for (const { indicator, unit } of assignments) {
    if (indicator.number === null) continue;
    (owners[indicator.number] ??= []).push(unit.shortName ?? unit.name);
  }
  return {
    period,
    frameworkName: framework.definition.name,
    definition: definitionForClient(framework.definition),
    current: Object.fromEntries(current) as Record<string, CurrentLevel>,
    owners,
    basis: period.predicateBasis === "ROUNDED" ? ("rounded" as const) : ("exact" as const),
    mayPlan: can(actor, "recommendation.manage", { instansiId: period.instansiId }),
  };
}
