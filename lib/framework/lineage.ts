// Indicator lineage: what an indicator of one period corresponds to in another period's
// framework. The one answer for every use (last year's answer on the form, the previous
// period's recommendations, the baseline, the carry-over into a new framework).
//
// Within a framework an indicator's identity is its code, kept across versions (a new
// version of spbe-2020 still calls Arsitektur SPBE "I11"). Across frameworks codes and
// numbers mean nothing (spbe-2020's I1 is Kebijakan Internal Arsitektur SPBE, pemdi-2026's
// I1 is Tata Kelola Pemerintah Digital): only a mapping one framework declares relates
// them, and a mapped indicator is context, never the same indicator's history.
import { isIndicatorNode, type FrameworkDefinition, type IndicatorNode } from "./schema";
import { walkNodes } from "./tree";

export type MappedIndicator = { readonly indicator: IndicatorNode; readonly relation: string };

export type Counterpart =
  /** The same indicator in an earlier version (or the same version) of the same framework. */
  | { readonly kind: "same"; readonly indicator: IndicatorNode }
  /** Indicators of another framework that feed this one, through a declared mapping. */
  | { readonly kind: "mapped"; readonly indicators: readonly MappedIndicator[] }
  | { readonly kind: "none" };

function indicatorsByCode(framework: FrameworkDefinition): Map<string, IndicatorNode> {
  const byCode = new Map<string, IndicatorNode>();
  walkNodes(framework.nodes, (node) => {
    if (isIndicatorNode(node)) byCode.set(node.code, node);
  });
  return byCode;
}

/**
 * `code` is an indicator of `current`; the answer is its counterpart in `previous`. A
 * mapping may be declared on either side (pemdi-2026 declares what it takes from
 * spbe-2020; looking from spbe-2020 to pemdi-2026 reads the same links backwards).
 */
export function counterpartOf(current: FrameworkDefinition, previous: FrameworkDefinition, code: string): Counterpart {
  const earlier = indicatorsByCode(previous);
  if (current.code === previous.code) {
    const indicator = earlier.get(code);
    return indicator ? { kind: "same", indicator } : { kind: "none" };
  }
  const forward = (current.mappings ?? []).find((mapping) => mapping.framework === previous.code);
  const backward = (previous.mappings ?? []).find((mapping) => mapping.framework === current.code);
  const links = [
    ...(forward?.indicators.filter((link) => link.indicator === code).map((link) => ({ code: link.source, relation: link.relation })) ?? []),
    ...(backward?.indicators.filter((link) => link.source === code).map((link) => ({ code: link.indicator, relation: link.relation })) ?? []),
  ];
  const indicators = links.flatMap((link) => {
    const indicator = earlier.get(link.code);
    return indicator ? [{ indicator, relation: link.relation }] : [];
  });
  return indicators.length > 0 ? { kind: "mapped", indicators } : { kind: "none" };
}

/** Every indicator of `current` with its counterpart in `previous`, keyed by code. */
export function counterpartsOf(current: FrameworkDefinition, previous: FrameworkDefinition): Map<string, Counterpart> {
  return new Map([...indicatorsByCode(current).keys()].map((code) => [code, counterpartOf(current, previous, code)]));
}
