import { Decimal } from "@/lib/decimal";
import { INDEX_DECIMALS } from "./predicate";

/**
 * Index as printed in the Indonesian UI: 2 decimals, rounded half-up from the exact
 * value, decimal comma ("3,28"). Strings are read as exact decimals, so "1.795" gives
 * "1,80" where a float would give "1,79".
 */
export function formatIndex(value: number | string): string {
  return Decimal.from(value).toFixed(INDEX_DECIMALS).replace(".", ",");
}
