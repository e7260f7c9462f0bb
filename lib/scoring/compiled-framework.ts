import {
  isIndicatorNode,
  unansweredValueOf,
  type FrameworkDefinition,
  type FrameworkNode,
  type IndicatorNode,
} from "@/lib/framework/schema";
import { walkNodes } from "@/lib/framework/tree";
import { Decimal } from "@/lib/decimal";

export interface CompiledBand {
  readonly name: string;
  readonly min: Decimal;
  readonly max: Decimal;
  readonly maxInclusive: boolean;
}

/** A framework with its decimal texts parsed once, so scoring does not re-parse per call. */
export interface CompiledFramework {
  readonly indicators: ReadonlyMap<number, IndicatorNode>;
  readonly weights: ReadonlyMap<FrameworkNode, Decimal>;
  readonly valueMin: Decimal;
  readonly valueMax: Decimal;
  readonly isIntegerScale: boolean;
  /** What an unanswered indicator counts (the framework's scoring rule). */
  readonly unansweredValue: Decimal;
  readonly bands: readonly CompiledBand[];
}

// Keyed by object identity: the shipped definitions are frozen, and an imported revision
// is a new object, so an entry can never describe a framework that changed after caching.
const cache = new WeakMap<FrameworkDefinition, CompiledFramework>();

export function compileFramework(framework: FrameworkDefinition): CompiledFramework {
  const cached = cache.get(framework);
  if (cached) return cached;
  const indicators = new Map<number, IndicatorNode>();
  const weights = new Map<FrameworkNode, Decimal>();
  walkNodes(framework.nodes, (node) => {
    weights.set(node, Decimal.parse(node.weight));
    if (isIndicatorNode(node)) indicators.set(node.number, node);
  });
  const compiled: CompiledFramework = {
    indicators,
    weights,
    valueMin: Decimal.parse(framework.valueScale.min),
    valueMax: Decimal.parse(framework.valueScale.max),
    isIntegerScale: framework.valueScale.integer,
    unansweredValue: Decimal.parse(unansweredValueOf(framework)),
    bands: framework.predicates.map((band) => ({
      name: band.name,
      min: Decimal.parse(band.min),
      max: Decimal.parse(band.max),
      maxInclusive: band.maxInclusive,
    })),
  };
  cache.set(framework, compiled);
  return compiled;
}

export function weightOf(compiled: CompiledFramework, node: FrameworkNode): Decimal {
  const weight = compiled.weights.get(node);
  if (!weight) throw new Error(`Node ${node.code} bukan bagian dari kerangka yang dikompilasi`);
  return weight;
}
