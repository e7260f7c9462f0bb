// What a period's overview shows: the live index of every stage that has answers, and the
// progress of the self-assessment per unit and per top-level node (domain in spbe-2020,
// aspect in pemdi-2026). A fixed number of queries, whatever the number of units or
// indicators. The period is a LoadedPeriod: the caller reached it through the policy.
import type { DbClient } from "@/lib/db";
import type { AnswerStage, AnswerStatus } from "@/lib/generated/prisma/client";
import { isIndicatorNode, type FrameworkDefinition } from "@/lib/framework/schema";
import { walkNodes } from "@/lib/framework/tree";
import { getIndicatorNodeIds } from "@/lib/framework-versions/store";
import { ANSWER_STAGES, scorePeriodStages } from "@/lib/results/period-summary";
import type { AssessmentScore } from "@/lib/scoring";
import { unansweredValueOf } from "@/lib/framework/schema";
import { externallyFedIndicators, externalIndexStanding, type ExternalIndexStanding } from "@/lib/scoring/external-index-values";
import type { LoadedPeriod } from "./period-access";

/** Always shown, even before the first answer; external stages only once they have answers. */
const ALWAYS_SHOWN: readonly AnswerStage[] = ["SELF", "INTERNAL_VERIFICATION"];

export type ProgressCounts = {
  /** Indicators with at least one owner unit. */
  assigned: number;
  /** A level chosen by the owner (baseline answers still to be confirmed are counted apart). */
  answered: number;
  needsConfirmation: number;
  /** Sent for verification (verified ones included). */
  submitted: number;
  verified: number;
};

export type UnitProgress = ProgressCounts & { unitId: string; name: string; isActive: boolean };
export type NodeProgress = ProgressCounts & { code: string; name: string; indicators: number };

export type PeriodResults = {
  frameworkName: string;
  /** Label of the top-level node kind, e.g. "domain". */
  topKind: string;
  stages: { stage: AnswerStage; score: AssessmentScore }[];
  units: UnitProgress[];
  nodes: NodeProgress[];
  total: ProgressCounts & { indicators: number };
  /** Assigned indicators not yet submitted: what is still open when filling ends. */
  open: number;
  /** Indicators fed by another national index, with what the self-assessment counts for each. */
  externalIndices: { number: number; name: string; standing: ExternalIndexStanding; selfValue: string }[];
};

const SUBMITTED: readonly AnswerStatus[] = ["SUBMITTED", "VERIFIED"];

const emptyCounts = (): ProgressCounts => ({ assigned: 0, answered: 0, needsConfirmation: 0, submitted: 0, verified: 0 });

type SelfAnswer = { status: AnswerStatus; level: unknown };

function addIndicator(counts: ProgressCounts, answer: SelfAnswer | undefined, isAssigned: boolean): void {
  if (isAssigned) counts.assigned += 1;
  if (!answer) return;
  if (answer.status === "NEEDS_CONFIRMATION") counts.needsConfirmation += 1;
  else if (answer.level !== null) counts.answered += 1;
  if (SUBMITTED.includes(answer.status)) counts.submitted += 1;
  if (answer.status === "VERIFIED") counts.verified += 1;
}

/** Indicator number -> the top-level node it belongs to. */
function topNodes(definition: FrameworkDefinition) {
  const topOf = new Map<number, string>();
  const tops: { code: string; name: string }[] = [];
  walkNodes(definition.nodes, (node, at) => {
    if (at.depth === 0) tops.push({ code: node.code, name: node.name });
    if (isIndicatorNode(node)) topOf.set(node.number, at.ancestors[0]?.code ?? node.code);
  });
  return { tops, topOf };
}

export async function periodResults(db: DbClient, period: LoadedPeriod): Promise<PeriodResults | null> {
  const periodId = period.id;
  const [scored, nodeIds, assignments, selfAnswers] = await Promise.all([
    scorePeriodStages(db, [period], ANSWER_STAGES),
    // The version's indicators never change: from the process's cache, not the database.
    getIndicatorNodeIds(db, period.frameworkVersionId),
    db.assignment.findMany({
      where: { periodId },
      select: { indicatorId: true, unit: { select: { id: true, name: true, isActive: true } } },
      orderBy: { unit: { name: "asc" } },
    }),
    db.answer.findMany({ where: { periodId, stage: "SELF" }, select: { indicatorId: true, status: true, level: true } }),
  ]);
  const stageScores = scored.get(period.id);
  if (!stageScores) return null;

  const answerOf = new Map(selfAnswers.map((answer) => [answer.indicatorId, answer]));
  const assignedIndicators = new Set(assignments.map((assignment) => assignment.indicatorId));

  const units = new Map<string, UnitProgress>();
  for (const { indicatorId, unit } of assignments) {
    const progress = units.get(unit.id) ?? { unitId: unit.id, name: unit.name, isActive: unit.isActive, ...emptyCounts() };
    addIndicator(progress, answerOf.get(indicatorId), true);
    units.set(unit.id, progress);
  }

  const { tops, topOf } = topNodes(stageScores.framework.definition);
  const nodes = new Map<string, NodeProgress>(tops.map((top) => [top.code, { ...top, indicators: 0, ...emptyCounts() }]));
  const total = { indicators: 0, ...emptyCounts() };
  for (const [number, indicatorId] of nodeIds.byNumber) {
    const node = nodes.get(topOf.get(number) ?? "");
    const answer = answerOf.get(indicatorId);
    const isAssigned = assignedIndicators.has(indicatorId);
    for (const counts of node ? [node, total] : [total]) {
      counts.indicators += 1;
      addIndicator(counts, answer, isAssigned);
    }
  }

  const definition = stageScores.framework.definition;
  const fed = externallyFedIndicators(definition);
  const indexRows = fed.size > 0 ? await db.externalIndexValue.findMany({ where: { periodId }, select: { indicatorId: true, value: true, year: true } }) : [];
  const numberOf = nodeIds.numberById;
  const enteredOf = new Map(indexRows.map((row) => [numberOf.get(row.indicatorId), row]));
  const selfTrail = new Map(stageScores.scores.SELF.trail.indicators.map((indicator) => [indicator.number, indicator.value]));
  const externalIndices = [...fed.values()].map((indicator) => ({
    number: indicator.number,
    name: indicator.name,
    standing: externalIndexStanding(indicator.externalIndex, enteredOf.get(indicator.number) ?? null),
    selfValue: selfTrail.get(indicator.number) ?? unansweredValueOf(definition),
  }));

  const open = [...assignedIndicators].filter((indicatorId) => {
    const status = answerOf.get(indicatorId)?.status;
    return !status || !SUBMITTED.includes(status);
  }).length;

  return {
    frameworkName: stageScores.framework.definition.name,
    topKind: stageScores.framework.definition.nodeKinds[0] ?? "",
    stages: ANSWER_STAGES.filter((stage) => ALWAYS_SHOWN.includes(stage) || stageScores.scores[stage].answeredCount > 0).map((stage) => ({
      stage,
      score: stageScores.scores[stage],
    })),
    units: [...units.values()],
    nodes: [...nodes.values()],
    total,
    open,
    externalIndices,
  };
}

/** Assigned indicators whose self-assessment is not submitted yet. Two queries. */
export async function countOpenIndicators(db: DbClient, periodId: string): Promise<number> {
  const assigned = await db.assignment.findMany({ where: { periodId }, distinct: ["indicatorId"], select: { indicatorId: true } });
  const submitted = await db.answer.count({
    where: { periodId, stage: "SELF", status: { in: [...SUBMITTED] }, indicatorId: { in: assigned.map((row) => row.indicatorId) } },
  });
  return assigned.length - submitted;
}
