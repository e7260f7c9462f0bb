// The index effect of raising one indicator, pure so the browser and the server agree.
import { Decimal } from "@/lib/scoring";

const HUNDRED = Decimal.fromInteger(100);

/**
 * Index gain of bringing an indicator from `current` (null: unanswered, counted as the
 * framework's `unansweredValue`) to `target`: weight x (target - current) / 100, since the
 * index is sum(value x weight) / 100. Zero when the target is not above the current level.
 */
export function indexGain(weight: string, current: string | null, target: string, unansweredValue: string): Decimal {
  const from = Decimal.parse(current ?? unansweredValue);
  const to = Decimal.parse(target);
  return to.gt(from) ? to.sub(from).mul(Decimal.parse(weight)).div(HUNDRED) : Decimal.ZERO;
}

/**
 * "+0,013": gains of one step are often below 0.01 in spbe-2020 (weight 1.3 / 100), so
 * they get one decimal more than an index (decimal comma, like formatIndex), still
 * rounded half-up from the exact value.
 */
export function formatGain(gain: Decimal): string {
  return `+${gain.toFixed(3).replace(".", ",")}`;
}
