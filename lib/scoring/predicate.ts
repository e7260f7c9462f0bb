import type { FrameworkDefinition } from "@/lib/framework/schema";
import { compileFramework, type CompiledBand } from "./compiled-framework";
import { Decimal } from "@/lib/decimal";

/**
 * Which value the predicate band is applied to. "exact": the unrounded index (2024
 * practice: exact 1.7975 prints 1.80 but is Kurang). "rounded": the index rounded half-up
 * to 2 decimals (2023 practice: 1.7995 -> 1.80 Cukup). A setting of the assessment period.
 */
export type PredicateBasis = "exact" | "rounded";

export const DEFAULT_PREDICATE_BASIS: PredicateBasis = "exact";

/** Display precision of every published index. */
export const INDEX_DECIMALS = 2;

/** Band lower bounds are inclusive, upper bounds exclusive except where maxInclusive. */
export function predicateFor(
  framework: FrameworkDefinition,
  index: Decimal | number | string,
  basis: PredicateBasis = DEFAULT_PREDICATE_BASIS,
): string {
  const band = bandFor(compileFramework(framework).bands, Decimal.from(index), basis);
  // validateFramework guarantees the bands tile [0, max]; reaching this means bad input.
  if (!band) throw new RangeError(`Indeks ${Decimal.from(index).toString()} di luar rentang predikat ${framework.code}`);
  return band.name;
}

/** The band an exact index falls in, on the given basis; null outside every band. */
export function bandFor<Band extends Pick<CompiledBand, "min" | "max" | "maxInclusive">>(bands: readonly Band[], exact: Decimal, basis: PredicateBasis): Band | null {
  const value = basis === "rounded" ? Decimal.parse(exact.toFixed(INDEX_DECIMALS)) : exact;
  return bands.find((band) => value.gte(band.min) && (value.lt(band.max) || (band.maxInclusive && value.eq(band.max)))) ?? null;
}
