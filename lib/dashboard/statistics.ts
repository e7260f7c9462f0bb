// Order statistics for the anonymised comparison of agencies, on exact decimals so a
// median printed "2,80" is the same number the index engine would print.
import { Decimal } from "@/lib/scoring";

export type FiveNumbers = { min: Decimal; q1: Decimal; median: Decimal; q3: Decimal; max: Decimal };

/** Quantile `p` (0..1) by linear interpolation between order statistics (spreadsheet QUARTILE.INC). */
export function quantile(sorted: readonly Decimal[], p: Decimal): Decimal {
  if (sorted.length === 0) throw new RangeError("Tidak ada nilai");
  const position = Decimal.fromInteger(sorted.length - 1).mul(p);
  // position >= 0, so BigInt truncation is the floor.
  const below = Number(position.num / position.den);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower.add(upper.sub(lower).mul(position.sub(Decimal.fromInteger(below))));
}

export function fiveNumbers(values: readonly Decimal[]): FiveNumbers | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.cmp(b));
  const at = (p: string) => quantile(sorted, Decimal.parse(p));
  return { min: sorted[0]!, q1: at("0.25"), median: at("0.5"), q3: at("0.75"), max: sorted[sorted.length - 1]! };
}

export type Bin = { from: Decimal; to: Decimal; count: number };

/** Counts per bin of `width` over [0, max]; the last bin includes `max` itself. */
export function histogram(values: readonly Decimal[], width: Decimal, max: Decimal): Bin[] {
  const bins: Bin[] = [];
  for (let from = Decimal.ZERO; from.lt(max); from = from.add(width)) bins.push({ from, to: from.add(width), count: 0 });
  for (const value of values) {
    const bin = bins.find((candidate, position) => value.gte(candidate.from) && (value.lt(candidate.to) || position === bins.length - 1));
    if (bin) bin.count += 1;
  }
  return bins;
}
