// Strengths and weaknesses per aspect, as the report states them:
// - they are read from the reference stage: the latest external stage that has results
//   (final, visitation, interview, document), otherwise the self-assessment;
// - an aspect is a strength when its index is at least the overall index, a weakness when
//   it is below;
// - within each aspect, its strongest indicators are those with its highest level and its
//   weakest those with its lowest (an unanswered indicator counts 0, as in the index).
import type { AnswerStage } from "@/lib/generated/prisma/enums";
import { Decimal, type AssessmentScore } from "@/lib/scoring";

const REFERENCE_ORDER: readonly AnswerStage[] = ["FINAL", "VISITATION", "INTERVIEW", "DOCUMENT"];

/** How many indicators a strongest/weakest list names at most. */
const LIST_MAX = 3;

export type IndicatorMention = { number: number; name: string; level: string | null };

export type AspectFinding = {
  code: string;
  name: string;
  /** Name of the aspect's parent (its domain), when there is one. */
  parentName: string | null;
  index: number;
  indexExact: string;
  isStrength: boolean;
  strongest: IndicatorMention[];
  weakest: IndicatorMention[];
};

export function referenceStage(scores: Record<AnswerStage, AssessmentScore>): AnswerStage {
  return REFERENCE_ORDER.find((stage) => scores[stage].answeredCount > 0) ?? "SELF";
}

/** Aspects (the groups directly above the indicators), highest index first. */
export function aspectFindings(score: AssessmentScore): AspectFinding[] {
  const total = Decimal.from(score.indexExact);
  const nodeOf = new Map(score.nodes.map((node) => [node.code, node]));
  const byParent = new Map<string, AssessmentScore["trail"]["indicators"]>();
  for (const indicator of score.trail.indicators) {
    if (indicator.parentCode === null) continue;
    byParent.set(indicator.parentCode, [...(byParent.get(indicator.parentCode) ?? []), indicator]);
  }
  const findings: AspectFinding[] = [];
  for (const [code, indicators] of byParent) {
    const aspect = nodeOf.get(code);
    if (!aspect) continue;
    const valueOf = (value: string | null) => Decimal.from(value ?? "0");
    const ordered = [...indicators].sort((a, b) => valueOf(b.value).cmp(valueOf(a.value)) || a.number - b.number);
    const highest = valueOf(ordered[0]!.value);
    const lowest = valueOf(ordered[ordered.length - 1]!.value);
    const mention = (indicator: (typeof ordered)[number]): IndicatorMention => ({ number: indicator.number, name: indicator.name, level: indicator.value });
    const strongest = ordered.filter((indicator) => indicator.value !== null && valueOf(indicator.value).cmp(highest) === 0).slice(0, LIST_MAX).map(mention);
    const weakest = lowest.cmp(highest) < 0 ? ordered.filter((indicator) => valueOf(indicator.value).cmp(lowest) === 0).slice(0, LIST_MAX).map(mention) : [];
    findings.push({
      code,
      name: aspect.name,
      parentName: aspect.parentCode ? (nodeOf.get(aspect.parentCode)?.name ?? null) : null,
      index: aspect.index,
      indexExact: aspect.indexExact,
      isStrength: Decimal.from(aspect.indexExact).cmp(total) >= 0,
      strongest,
      weakest,
    });
  }
  return findings.sort((a, b) => Decimal.from(b.indexExact).cmp(Decimal.from(a.indexExact)) || a.code.localeCompare(b.code));
}
