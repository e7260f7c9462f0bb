import type { FrameworkDefinition } from "@/lib/framework/schema";
import { compileFramework } from "./compiled-framework";
import { Decimal } from "@/lib/decimal";

export type ValueIssueCode = "unknown_indicator" | "out_of_scale" | "not_integer" | "not_a_number";

type ValueIssueMessage = {
  readonly key: "values.unknownIndicator" | "values.notANumber" | "values.outOfScale" | "values.notInteger";
  readonly params: Readonly<Record<string, string | number>>;
};

const msg = (key: ValueIssueMessage["key"], params: ValueIssueMessage["params"]): ValueIssueMessage => ({ key, params });

export interface ValueIssue {
  /** "values.<indicator number>", as the key was sent. */
  readonly field: string;
  readonly code: ValueIssueCode;
  /** Shown next to the field: a key of the catalogs' `values` namespace (the engine imports no catalog) and its parameters. */
  readonly message: ValueIssueMessage;
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
      issues.push({ field, code: "unknown_indicator", message: msg("values.unknownIndicator", { key, framework: framework.code }) });
      continue;
    }
    if (raw === null || raw === undefined) continue;
    const value = Decimal.tryFrom(raw);
    if (!value) {
      issues.push({ field, code: "not_a_number", message: msg("values.notANumber", { key }) });
    } else if (value.lt(valueMin) || value.gt(valueMax)) {
      issues.push({
        field,
        code: "out_of_scale",
        message: msg("values.outOfScale", { key, min: framework.valueScale.min, max: framework.valueScale.max }),
      });
    } else if (compiled.isIntegerScale && !value.isInteger()) {
      issues.push({ field, code: "not_integer", message: msg("values.notInteger", { key, min: framework.valueScale.min, max: framework.valueScale.max }) });
    } else {
      parsed.set(number, value);
    }
  }
  return { issues, values: parsed };
}

export function validateValues(framework: FrameworkDefinition, values: Readonly<Record<string, unknown>>): ValueIssue[] {
  return parseValues(framework, values).issues;
}
