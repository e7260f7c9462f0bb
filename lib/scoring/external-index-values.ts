// What an indicator fed by another national index (SDI, SJIG, IPS/EPSS, IKASANDI) stands at
// in a period, and what its self-assessment counts. The rule is the framework data's: an
// indicator taken from another index counts its `valueWhileMissing` (1 in pemdi-2026:
// "Asumsi nilai dari indikator yang menggunakan indeks lain = 1") while no index value is
// entered, and the value the bands give once one is. Where the bands document no value
// range (IPS for I7, SDI interoperability for I18) the bands give only a level, so the
// owner's own level counts; an index used as evidence (IKASANDI, I10-I12) never replaces
// the owner's level, the value is shown next to it. Plain TypeScript: the scoring of every
// page, the form and the tests share it.
import type { DecimalText, ExternalIndex, FrameworkDefinition, IndicatorNode } from "@/lib/framework/schema";
import { isIndicatorNode, unansweredValueOf } from "@/lib/framework/schema";
import { walkNodes } from "@/lib/framework/tree";
import { Decimal } from "@/lib/decimal";
import { convertIndex, type IndexConversion } from "./external-index";

/** An entered index value as stored (the row's value and year). */
export type EnteredIndexValue = { readonly value: { toString(): string }; readonly year: number };

export type ExternalIndexStanding =
  /** Menunggu nilai eksternal: the indicator counts `counts` (null: the framework's unanswered rule). */
  | { readonly state: "waiting"; readonly index: ExternalIndex; readonly counts: DecimalText | null }
  | { readonly state: "entered"; readonly index: ExternalIndex; readonly value: DecimalText; readonly year: number; readonly conversion: IndexConversion };

export function externalIndexStanding(index: ExternalIndex, entered: EnteredIndexValue | null): ExternalIndexStanding {
  if (!entered) return { state: "waiting", index, counts: index.use === "converted" ? index.valueWhileMissing : null };
  const value = Decimal.parse(entered.value.toString()).toString();
  return { state: "entered", index, value, year: entered.year, conversion: convertIndex(index, value) };
}

/**
 * What the self-assessment of the indicator counts: "keep" the owner's level, "drop" it (the
 * indicator counts the framework's unanswered value, which is the value while missing), or
 * a value that replaces it.
 */
export type SelfStageEffect = { readonly kind: "keep" } | { readonly kind: "drop" } | { readonly kind: "value"; readonly value: DecimalText };

export function selfStageEffect(definition: FrameworkDefinition, standing: ExternalIndexStanding): SelfStageEffect {
  if (standing.index.use !== "converted") return { kind: "keep" };
  if (standing.state === "waiting") {
    const counts = standing.counts;
    if (counts === null || Decimal.parse(counts).eq(Decimal.parse(unansweredValueOf(definition)))) return { kind: "drop" };
    return { kind: "value", value: counts };
  }
  return standing.conversion.kind === "value" ? { kind: "value", value: standing.conversion.value } : { kind: "keep" };
}

/** The indicators of a framework that another national index feeds, by number. */
export function externallyFedIndicators(definition: FrameworkDefinition): Map<number, IndicatorNode & { externalIndex: ExternalIndex }> {
  const fed = new Map<number, IndicatorNode & { externalIndex: ExternalIndex }>();
  walkNodes(definition.nodes, (node) => {
    if (isIndicatorNode(node) && node.externalIndex) fed.set(node.number, node as IndicatorNode & { externalIndex: ExternalIndex });
  });
  return fed;
}

/** True when some index of the framework replaces self-assessment values (only then is there anything to load). */
export const hasConvertedIndices = (definition: FrameworkDefinition) =>
  [...externallyFedIndicators(definition).values()].some((indicator) => indicator.externalIndex.use === "converted");

/**
 * The self-assessment values (indicator number -> value) with the indices applied: what the
 * period's self index is computed from everywhere (overview, dashboards, reports).
 */
export function applyExternalIndices(
  definition: FrameworkDefinition,
  values: Readonly<Record<string, string>>,
  entered: ReadonlyMap<number, EnteredIndexValue>,
): Record<string, string> {
  const applied: Record<string, string> = { ...values };
  for (const [number, indicator] of externallyFedIndicators(definition)) {
    const effect = selfStageEffect(definition, externalIndexStanding(indicator.externalIndex, entered.get(number) ?? null));
    if (effect.kind === "drop") delete applied[String(number)];
    else if (effect.kind === "value") applied[String(number)] = effect.value;
  }
  return applied;
}
