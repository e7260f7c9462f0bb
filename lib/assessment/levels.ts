// A level typed by a person ("3", "2,5", "2.75") checked against the framework's scale:
// spbe-2020 takes whole levels 1-5, pemdi-2026 decimals. Stored as Decimal(4,2).
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { Decimal } from "@/lib/scoring";
import { parseValues } from "@/lib/scoring/validate-values";

export type ParsedLevel = { level: string | null } | { issue: string };

export function parseLevel(definition: FrameworkDefinition, indicatorNumber: number, raw: string | null | undefined): ParsedLevel {
  const text = (raw ?? "").trim().replace(",", ".");
  if (text === "") return { level: null };
  const { issues, values } = parseValues(definition, { [indicatorNumber]: text });
  if (issues.length > 0) return { issue: issues[0]!.message.replace("(gunakan titik desimal, mis. 3.5)", "(mis. 3 atau 3,5)") };
  const value = values.get(indicatorNumber)!;
  if (!value.mul(Decimal.from(100)).isInteger()) return { issue: `Tingkat indikator ${indicatorNumber} paling banyak 2 angka desimal.` };
  return { level: value.toFixed(2) };
}

/** "3.00" -> "3", "2.50" -> "2,5": how people write levels. */
export function displayLevel(level: { toString(): string } | null | undefined): string {
  if (level === null || level === undefined) return "-";
  return String(Number(level.toString())).replace(".", ",");
}
