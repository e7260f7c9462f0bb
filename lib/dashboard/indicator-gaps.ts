// How far each indicator of a period is from its target, in index points: what the
// Pimpinan's "biggest gaps" list ranks and what an Admin OPD's open indicators could add.
import { Decimal, type AssessmentScore } from "@/lib/scoring";
import { HEADLINE_STAGES, type HeadlineStage } from "./headline-stage";

export type TargetSource = "recommendation" | "period" | "scale";

export type TargetRule = {
  /** The period's target index, e.g. "3.5", or null. */
  periodTarget: string | null;
  /** Top of the framework's value scale. */
  scaleMax: string;
  /** Indicator number -> target level of an open recommendation (the highest one). */
  recommended: ReadonlyMap<number, string>;
};

export type IndicatorGap = {
  number: number;
  name: string;
  weight: string;
  /** The most authoritative level known (final, else verified, else self); null = unanswered, counts 0. */
  level: string | null;
  levelStage: HeadlineStage | null;
  target: string;
  targetSource: TargetSource;
  /** Index points gained when the indicator reaches its target: distance x weight / 100 (exact). */
  gain: string;
};

/**
 * A period has no per-indicator targets, so the target level of an indicator is: the target
 * level of an open recommendation for it; else the period's target index taken as the same
 * level for every indicator (an index of 3,50 is reached when the levels average 3,50);
 * else the top of the scale.
 */
function targetOf(number: number, rule: TargetRule): { target: Decimal; source: TargetSource } {
  const recommended = rule.recommended.get(number);
  if (recommended) return { target: Decimal.parse(recommended), source: "recommendation" };
  if (rule.periodTarget) return { target: Decimal.parse(rule.periodTarget), source: "period" };
  return { target: Decimal.parse(rule.scaleMax), source: "scale" };
}

type StageScores = Partial<Record<HeadlineStage, AssessmentScore>> & { SELF: AssessmentScore };

/** Every indicator with its gap, the largest index effect first (then by number). */
export function indicatorGaps(scores: StageScores, rule: TargetRule): IndicatorGap[] {
  const valuesOf = new Map(
    HEADLINE_STAGES.map((stage) => [stage, new Map((scores[stage]?.trail.indicators ?? []).map((indicator) => [indicator.number, indicator.value]))]),
  );
  // The engine's divisor (100 in both frameworks): the flat formula sum(value x weight) / divisor.
  const divisor = Decimal.parse(scores.SELF.trail.total.sumWeight);
  const preferred = [...HEADLINE_STAGES].reverse();
  return scores.SELF.trail.indicators
    .map((indicator) => {
      const levelStage = preferred.find((stage) => valuesOf.get(stage)?.get(indicator.number)) ?? null;
      const level = levelStage ? valuesOf.get(levelStage)!.get(indicator.number)! : null;
      const { target, source } = targetOf(indicator.number, rule);
      const distance = target.sub(level ? Decimal.parse(level) : Decimal.ZERO);
      const gain = distance.isNegative() ? Decimal.ZERO : distance.mul(Decimal.parse(indicator.weight)).div(divisor);
      return { number: indicator.number, name: indicator.name, weight: indicator.weight, level, levelStage, target: target.toString(), targetSource: source, gain };
    })
    .sort((a, b) => b.gain.cmp(a.gain) || a.number - b.number)
    .map(({ gain, ...gap }) => ({ ...gap, gain: gain.toString() }));
}

/**
 * Open recommendations' target levels per indicator number, the highest when several.
 * `numberOf`: the period's indicator numbers by node id (getIndicatorNodeIds, cached), so
 * the recommendations need no join to the framework's nodes.
 */
export function recommendedTargets(rows: readonly { indicatorId: string; targetLevel: { toString(): string } | null }[], numberOf: ReadonlyMap<string, number>): Map<number, string> {
  const targets = new Map<number, string>();
  for (const { indicatorId, targetLevel } of rows) {
    const number = numberOf.get(indicatorId);
    if (number === undefined || targetLevel === null) continue;
    const level = targetLevel.toString();
    const current = targets.get(number);
    if (!current || Decimal.parse(level).gt(Decimal.parse(current))) targets.set(number, level);
  }
  return targets;
}
