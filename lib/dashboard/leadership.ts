// The Pimpinan's and Koordinator's dashboard: the current period's indices per stage and
// per domain and aspect, the trend over the years next to the national average, completion
// per unit and the biggest gaps. A fixed number of queries whatever the number of periods,
// units or indicators (one more per distinct framework version).
import type { DbClient } from "@/lib/db";
import { getIndicatorNodeIds } from "@/lib/framework-versions/store";
import { listPeriodsFor } from "@/lib/assessment/period-access";
import { periodResults, type UnitProgress } from "@/lib/assessment/period-results";
import { scorePeriodStages } from "@/lib/results/period-summary";
import { butirBreakdown, type ButirBreakdown } from "./butir-breakdown";
import { assertCanInOwnInstansi, type Actor } from "@/lib/policy";
import { Decimal, type AssessmentScore, type NodeScore } from "@/lib/scoring";
import { headlineStage, HEADLINE_STAGES, type HeadlineStage } from "./headline-stage";
import { indicatorGaps, recommendedTargets, type IndicatorGap } from "./indicator-gaps";
import { getFramework } from "@/lib/framework/catalog";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { frameworkWording, type FrameworkWording } from "@/lib/framework/wording";

/** Gaps listed on the dashboard. */
const GAP_COUNT = 10;

export type StageNodes = { code: string; name: string; indices: Partial<Record<HeadlineStage, NodeScore>> };

export type TrendPoint = {
  year: number;
  /** Exact index. */
  index: string;
  predicate: string;
  /** Which number this is: an official result recorded before the portal, or a stage of a portal period. */
  source: HeadlineStage | "OFFICIAL";
  /** Which index this is: SPBE and Pemdi years are different measures, drawn as separate series. */
  series: FrameworkWording;
  /** The national average of that year under the same framework (data of the framework). */
  national: string | null;
};

/** A framework's published national average of `year`, or null. */
export function nationalAverageOf(definition: FrameworkDefinition | undefined, year: number): string | null {
  return definition?.nationalAverages?.find((average) => average.year === year)?.index ?? null;
}

export type LeadershipDashboard = {
  period: { id: string; year: number; phase: string; targetIndex: string | null; frameworkName: string };
  /** SELF and INTERNAL_VERIFICATION always; FINAL only once it has answers. */
  stages: Partial<Record<HeadlineStage, AssessmentScore>> & { SELF: AssessmentScore; INTERNAL_VERIFICATION: AssessmentScore };
  /** Kind of the top-level nodes: "domain" in spbe-2020, "aspect" in pemdi-2026. */
  topKind: string;
  topNodes: StageNodes[];
  /** Aspects below the top level (none where aspects are the top level). */
  aspects: StageNodes[];
  trend: TrendPoint[];
  /** Least complete first. */
  units: UnitProgress[];
  gaps: IndicatorGap[];
  /** Butir accepted / in revision / without evidence per unit and per aspect (frameworks with butir). */
  butir: ButirBreakdown | null;
};

const shownStages = (scores: Record<HeadlineStage, AssessmentScore>) =>
  HEADLINE_STAGES.filter((stage) => stage !== "FINAL" || scores.FINAL.answeredCount > 0);

function nodesBy(scores: Record<HeadlineStage, AssessmentScore>, keep: (node: NodeScore) => boolean): StageNodes[] {
  const stages = shownStages(scores);
  return scores.SELF.nodes.filter(keep).map((node) => ({
    code: node.code,
    name: node.name,
    indices: Object.fromEntries(stages.map((stage) => [stage, scores[stage].nodes.find((candidate) => candidate.code === node.code)!])),
  }));
}

const completion = (unit: UnitProgress) => (unit.assigned === 0 ? 1 : unit.submitted / unit.assigned);

export async function leadershipDashboard(db: DbClient, actor: Actor): Promise<LeadershipDashboard | null> {
  const instansiId = assertCanInOwnInstansi(actor, "answer.read-all");
  const periods = await listPeriodsFor(db, actor, "answer.read-all");
  const current = periods[0];
  if (!current) return null;
  const [scored, results, history, recommendations, butir] = await Promise.all([
    scorePeriodStages(db, periods, HEADLINE_STAGES),
    periodResults(db, current),
    db.historicalResult.findMany({ where: { instansiId }, orderBy: { year: "asc" }, select: { year: true, index: true, predicate: true, frameworkCode: true } }),
    db.recommendation.findMany({
      where: { periodId: current.id, status: { in: ["OPEN", "IN_PROGRESS"] }, targetLevel: { not: null } },
      select: { targetLevel: true, indicatorId: true },
    }),
    butirBreakdown(db, current),
  ]);
  const now = scored.get(current.id);
  if (!now || !results) return null;
  const scores = now.scores;

  const portalYears = new Set(periods.map((period) => period.year));
  const trend: TrendPoint[] = [
    ...history
      .filter((result) => !portalYears.has(result.year))
      .map((result) => {
        // Recorded results name their framework by code; the shipped definition has its averages.
        const definition = getFramework(result.frameworkCode);
        return {
          year: result.year,
          index: result.index.toString(),
          predicate: result.predicate,
          source: "OFFICIAL" as const,
          series: frameworkWording({ code: result.frameworkCode, wording: definition?.wording }),
          national: nationalAverageOf(definition, result.year),
        };
      }),
    ...periods.flatMap((period) => {
      const entry = scored.get(period.id);
      if (!entry) return [];
      const stage = headlineStage(entry.scores);
      const definition = entry.framework.definition;
      return [{
        year: period.year,
        index: entry.scores[stage].indexExact,
        predicate: entry.scores[stage].predicate,
        source: stage,
        series: frameworkWording(definition),
        national: nationalAverageOf(definition, period.year),
      }];
    }),
  ].sort((a, b) => a.year - b.year);

  const definition = now.framework.definition;
  const gaps = indicatorGaps(scores, {
    periodTarget: current.targetIndex?.toString() ?? null,
    scaleMax: definition.valueScale.max,
    recommended: recommendedTargets(recommendations, (await getIndicatorNodeIds(db, current.frameworkVersionId)).numberById),
  });

  return {
    period: { id: current.id, year: current.year, phase: current.phase, targetIndex: current.targetIndex?.toString() ?? null, frameworkName: definition.name },
    stages: Object.fromEntries(shownStages(scores).map((stage) => [stage, scores[stage]])) as LeadershipDashboard["stages"],
    topNodes: nodesBy(scores, (node) => node.parentCode === null),
    topKind: definition.nodeKinds[0] ?? "",
    aspects: nodesBy(scores, (node) => node.kind === "aspect" && node.parentCode !== null),
    trend,
    units: [...results.units].sort((a, b) => completion(a) - completion(b) || a.name.localeCompare(b.name)),
    gaps: gaps.filter((gap) => !Decimal.parse(gap.gain).isZero()).slice(0, GAP_COUNT),
    butir,
  };
}
