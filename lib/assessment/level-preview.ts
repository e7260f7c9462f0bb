// The live index preview on the indicator form: the period's self index with this
// indicator at the level being typed, whole or decimal. With every other answer fixed the
// index is affine in this one value, so the engine's exact sums at the two ends of the
// scale define it everywhere in between; the browser interpolates exactly, without the
// framework or the other answers. Plain TypeScript, used by the server and the browser.
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { Decimal, INDEX_DECIMALS, scoreAssessment, type PredicateBasis, type ScoreValues } from "@/lib/scoring";
import { bandFor } from "@/lib/scoring/predicate";
import { checkLevel, levelScaleOf, type LevelScaleRule } from "./level-rule";

type Sum = { sumProduct: string; sumWeight: string };

export type LevelPreview = {
  scale: LevelScaleRule;
  basis: PredicateBasis;
  unanswered: Sum;
  atMin: Sum;
  atMax: Sum;
  bands: { name: string; min: string; max: string; maxInclusive: boolean }[];
};

export function buildLevelPreview(definition: FrameworkDefinition, others: ScoreValues, number: number, basis: PredicateBasis): LevelPreview {
  const sum = (values: ScoreValues): Sum => {
    const { total } = scoreAssessment(definition, values, { predicateBasis: basis }).trail;
    return { sumProduct: total.sumProduct, sumWeight: total.sumWeight };
  };
  const { min, max } = definition.valueScale;
  return {
    scale: levelScaleOf(definition),
    basis,
    unanswered: sum(others),
    atMin: sum({ ...others, [number]: min }),
    atMax: sum({ ...others, [number]: max }),
    bands: definition.predicates.map(({ name, min, max, maxInclusive }) => ({ name, min, max, maxInclusive })),
  };
}

/** The index ("3,28") and predicate with the indicator at `text`; null when the text is not a valid level. */
export function previewAt(preview: LevelPreview, text: string): { index: string; predicate: string } | null {
  const checked = checkLevel(preview.scale, text);
  if ("issue" in checked) return null;
  const exact = checked.level === null ? indexOf(preview.unanswered) : interpolate(preview, Decimal.parse(checked.level));
  const bands = preview.bands.map((band) => ({ ...band, min: Decimal.parse(band.min), max: Decimal.parse(band.max) }));
  return { index: exact.toFixed(INDEX_DECIMALS).replace(".", ","), predicate: bandFor(bands, exact, preview.basis)?.name ?? "-" };
}

const indexOf = (sum: Sum) => Decimal.parse(sum.sumProduct).div(Decimal.parse(sum.sumWeight));

function interpolate(preview: LevelPreview, level: Decimal): Decimal {
  const min = Decimal.parse(preview.scale.min);
  const span = Decimal.parse(preview.scale.max).sub(min);
  const low = indexOf(preview.atMin);
  if (span.isZero()) return low;
  return low.add(indexOf(preview.atMax).sub(low).mul(level.sub(min)).div(span));
}
