// Framework versions as the public API shows them.
import type { z } from "zod";
import type { ZFrameworkDetail, ZFrameworkSummary, ZScoreResponse } from "@/lib/validation/frameworks";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { listIndicators } from "@/lib/framework/catalog";
import type { AssessmentScore, PredicateBasis } from "@/lib/scoring";

type StoredVersion = { version: number; definition: FrameworkDefinition };

export function toFrameworkSummary({ version, definition }: StoredVersion): z.infer<typeof ZFrameworkSummary> {
  return {
    code: definition.code,
    name: definition.name,
    regulation: definition.regulation,
    status: definition.status,
    version,
    usedForYears: [...definition.usedForYears],
    indicatorCount: listIndicators(definition).length,
  };
}

export function toFrameworkDetail(stored: StoredVersion): z.infer<typeof ZFrameworkDetail> {
  const { definition } = stored;
  return {
    ...toFrameworkSummary(stored),
    ...(definition.statusNote ? { statusNote: definition.statusNote } : {}),
    valueScale: { ...definition.valueScale },
    nodeKinds: [...definition.nodeKinds],
    levelScales: definition.levelScales.map((scale) => ({ ...scale, levels: scale.levels.map((level) => ({ ...level })) })),
    predicates: definition.predicates.map((band) => ({ ...band })),
    nodes: JSON.parse(JSON.stringify(definition.nodes)) as unknown[],
  };
}

export function toScoreResponse(
  stored: StoredVersion,
  predicateBasis: PredicateBasis,
  score: AssessmentScore,
): z.infer<typeof ZScoreResponse> {
  return {
    framework: { code: stored.definition.code, version: stored.version },
    predicateBasis,
    index: score.index,
    indexExact: score.indexExact,
    predicate: score.predicate,
    completeness: score.completeness,
    answeredCount: score.answeredCount,
    indicatorCount: score.indicatorCount,
    nodes: score.nodes.map(({ code, name, kind, parentCode, weight, index, indexExact, predicate, answeredCount, indicatorCount }) => ({
      code, name, kind, parentCode, weight, index, indexExact, predicate, answeredCount, indicatorCount,
    })),
  };
}
