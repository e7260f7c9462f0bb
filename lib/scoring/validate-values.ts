import type { FrameworkDefinition } from "@/lib/framework/schema";
import { compileFramework } from "./compiled-framework";
import { Decimal } from "@/lib/decimal";

export type ValueIssueCode = "unknown_indicator" | "out_of_scale" | "not_integer" | "not_a_number";

export interface ValueIssue {
  /** "values.<indicator number>", as the key was sent. */
  readonly field: string;
  readonly code: ValueIssueCode;
  /** Bahasa Indonesia, shown next to the field. */
  readonly message: string;
}

export interface ParsedValues {
  readonly issues: ValueIssue[];
  /** Answered indicators only; null/undefined values mean "not answered" and are absent. */
  readonly values: Map<number, Decimal>;
}

/**
 * Parses indicator values keyed by indicator number. Accepted: a finite JS number or a
 * plain decimal string with a dot ("3", "2.75"); null/undefined = unanswered. One issue at
 * most per field, the most basic first (not a number, then out of scale, then not integer).
 */
export function parseValues(framework: FrameworkDefinition, values: Readonly<Record<string, unknown>>): ParsedValues {
  const compiled = compileFramework(framework);
  const { valueMin, valueMax } = compiled;
  const issues: ValueIssue[] = [];
  const parsed = new Map<number, Decimal>();
  for (const [key, raw] of Object.entries(values)) {
    const field = `values.${key}`;
    const number = /^[1-9]\d*$/.test(key) ? Number(key) : NaN;
    if (!compiled.indicators.has(number)) {
      issues.push({ field, code: "unknown_indicator", message: `Indikator nomor ${key} tidak ada pada kerangka ${framework.code}` });
      continue;
    }
    if (raw === null || raw === undefined) continue;
    const value = Decimal.tryFrom(raw);
    if (!value) {
      issues.push({ field, code: "not_a_number", message: `Nilai indikator ${key} harus berupa angka (gunakan titik desimal, mis. 3.5)` });
    } else if (value.lt(valueMin) || value.gt(valueMax)) {
      issues.push({
        field,
        code: "out_of_scale",
        message: `Nilai indikator ${key} harus antara ${framework.valueScale.min} dan ${framework.valueScale.max}`,
      });
    } else if (compiled.isIntegerScale && !value.isInteger()) {
      issues.push({ field, code: "not_integer", message: `Nilai indikator ${key} harus bilangan bulat (tingkat ${framework.valueScale.min}-${framework.valueScale.max})` });
    } else {
      parsed.set(number, value);
    }
  }
  return { issues, values: parsed };
}

export function validateValues(framework: FrameworkDefinition, values: Readonly<Record<string, unknown>>): ValueIssue[] {
  return parseValues(framework, values).issues;
}
