// Converts a national index (SDI, SJIG, IPS, IKASANDI) into an indicator value with the
// bands the framework data carries. Plain TypeScript: the form, the commands and the tests
// share it.
import type { DecimalText, ExternalIndex, ExternalIndexBand } from "@/lib/framework/schema";
import { Decimal } from "@/lib/decimal";
import { LEVEL_MAX_PLACES } from "./level-places";

export interface IndexScale {
  readonly min: DecimalText;
  readonly max: DecimalText;
}

export type IndexConversion =
  /** The band documents a value range: the value is interpolated linearly inside it. */
  | { readonly kind: "value"; readonly level: number; readonly value: DecimalText; readonly provisional: boolean }
  /** The band is known but the source documents no value for it: a person decides the value. */
  | { readonly kind: "level"; readonly level: number; readonly provisional: boolean }
  /** Inside the scale, but in no band the source documents (IKASANDI persandian below 4). */
  | { readonly kind: "undocumented"; readonly provisional: boolean }
  | { readonly kind: "outside_scale"; readonly scale: IndexScale };

const byLevel = (bands: readonly ExternalIndexBand[]) => [...bands].sort((left, right) => left.level - right.level);

/**
 * The range an index value may take. The bottom is level 1's lower bound; where the source
 * gives none ("< 1,8") or documents no level-1 band, the bottom is 0, since no index here
 * is negative.
 */
export function indexScaleOf(index: Pick<ExternalIndex, "bands">): IndexScale {
  const bands = byLevel(index.bands);
  const first = bands[0];
  const bottom = first && first.level <= 1 && first.indexMin !== null ? first.indexMin : "0";
  const top = bands.reduce((highest, band) => (Decimal.parse(band.indexMax).gt(highest) ? Decimal.parse(band.indexMax) : highest), Decimal.ZERO);
  return { min: Decimal.parse(bottom).toString(), max: top.toString() };
}

/**
 * A band takes its lower bound and stops before its upper bound; the top band also takes
 * its upper bound (SDI 100 is level 5). The worked examples of the SDI module hold:
 * 25 -> 2.00, 68.75 -> 3.75.
 */
export function convertIndex(index: Pick<ExternalIndex, "bands" | "provisional">, raw: DecimalText): IndexConversion {
  const scale = indexScaleOf(index);
  const value = Decimal.parse(raw);
  if (value.lt(Decimal.parse(scale.min)) || value.gt(Decimal.parse(scale.max))) return { kind: "outside_scale", scale };
  const bands = byLevel(index.bands);
  const top = bands[bands.length - 1];
  const band = bands.find((candidate) => {
    const min = candidate.indexMin === null ? Decimal.parse(scale.min) : Decimal.parse(candidate.indexMin);
    const max = Decimal.parse(candidate.indexMax);
    return value.gte(min) && (value.lt(max) || (candidate === top && value.eq(max)));
  });
  if (!band) return { kind: "undocumented", provisional: index.provisional };
  if (band.valueMin === undefined || band.valueMax === undefined || band.indexMin === null) {
    return { kind: "level", level: band.level, provisional: index.provisional };
  }
  const indexMin = Decimal.parse(band.indexMin);
  const valueMin = Decimal.parse(band.valueMin);
  const share = value.sub(indexMin).div(Decimal.parse(band.indexMax).sub(indexMin));
  const converted = valueMin.add(share.mul(Decimal.parse(band.valueMax).sub(valueMin)));
  return { kind: "value", level: band.level, value: converted.toFixed(LEVEL_MAX_PLACES), provisional: index.provisional };
}
