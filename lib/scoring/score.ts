import {
  isIndicatorNode,
  type FrameworkDefinition,
  type FrameworkNode,
  type GroupNode,
} from "@/lib/framework/schema";
import { walkNodes } from "@/lib/framework/tree";
import { compileFramework, weightOf, type CompiledFramework } from "./compiled-framework";
import { Decimal } from "@/lib/decimal";
import { DEFAULT_PREDICATE_BASIS, INDEX_DECIMALS, predicateFor, type PredicateBasis } from "./predicate";
import { parseValues, type ValueIssue } from "./validate-values";

/** A level/value as stored or sent: a JS number or a decimal string; null/undefined = unanswered. */
export type ScoreValue = number | string | null | undefined;

/** Indicator number -> value. */
export type ScoreValues = Readonly<Record<string, ScoreValue>>;

export interface ScoreOptions {
  readonly predicateBasis?: PredicateBasis;
}

export interface NodeScore {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  weight: string;
  /** Rounded half-up to 2 decimals from the exact value. */
  index: number;
  indexExact: string;
  predicate: string;
  answeredCount: number;
  indicatorCount: number;
}

export interface IndicatorTrail {
  number: number;
  code: string;
  name: string;
  parentCode: string | null;
  value: string | null;
  weight: string;
  /** value x weight; the framework's unanswered value x weight when unanswered. */
  product: string;
}

export interface NodeTrail {
  code: string;
  /** sum(child index x child weight): equals the sum of the indicator products below. */
  sumProduct: string;
  sumWeight: string;
  indexExact: string;
}

export interface AssessmentScore {
  index: number;
  indexExact: string;
  predicate: string;
  /** answeredCount / indicatorCount, between 0 and 1; below 1 the index is incomplete. */
  completeness: number;
  answeredCount: number;
  indicatorCount: number;
  /** Every non-indicator node in pre-order (domain, its aspects, next domain...). */
  nodes: NodeScore[];
  trail: {
    indicators: IndicatorTrail[];
    nodes: NodeTrail[];
    /** sum(value x weight) over all indicators, divided by 100. */
    total: { sumProduct: string; sumWeight: string; indexExact: string };
  };
}

export class InvalidScoreValuesError extends Error {
  readonly issues: readonly ValueIssue[];
  constructor(issues: readonly ValueIssue[]) {
    super(`Invalid indicator values: ${issues.map((issue) => `${issue.field} ${issue.code}`).join("; ")}`);
    this.name = "InvalidScoreValuesError";
    this.issues = issues;
  }
}

/** The regulation divides the indicator sum by 100 (weights are percentages). */
const TOTAL_WEIGHT = Decimal.fromInteger(100);

interface Subtotal {
  readonly index: Decimal;
  readonly sumProduct: Decimal;
  readonly sumWeight: Decimal;
  readonly answeredCount: number;
  readonly indicatorCount: number;
}

interface Walk {
  readonly compiled: CompiledFramework;
  readonly values: ReadonlyMap<number, Decimal>;
  readonly groups: Map<GroupNode, Subtotal>;
}

/**
 * Index of an assessment: each node is the weight-averaged value of its children, the
 * total is sum(value x weight) / 100 over all indicators. An unanswered indicator counts
 * the framework's unanswered value (spbe-2020: 0 as in the official tables; pemdi-2026:
 * the floor 1) and lowers `completeness` either way. Everything is exact; only the
 * `index` numbers are rounded, half-up to 2 decimals, for display.
 *
 * Throws InvalidScoreValuesError for values validateValues would reject: a wrong number
 * must not quietly become an official-looking index.
 */
export function scoreAssessment(
  framework: FrameworkDefinition,
  values: ScoreValues,
  options: ScoreOptions = {},
): AssessmentScore {
  const basis = options.predicateBasis ?? DEFAULT_PREDICATE_BASIS;
  const parsed = parseValues(framework, values);
  if (parsed.issues.length > 0) throw new InvalidScoreValuesError(parsed.issues);

  const walk: Walk = {
    compiled: compileFramework(framework),
    values: parsed.values,
    groups: new Map(),
  };
  const top = sumChildren(framework.nodes, walk);

  // The total follows the regulation's flat formula; tests check it equals combining the
  // node indices, which holds because child weights sum to their parent's weight.
  let indicatorSum = Decimal.ZERO;
  const nodes: NodeScore[] = [];
  const nodeTrail: NodeTrail[] = [];
  const indicatorTrail: IndicatorTrail[] = [];
  walkNodes(framework.nodes, (node, at) => {
    const parentCode = at.ancestors[at.ancestors.length - 1]?.code ?? null;
    const weight = node.weight;
    if (isIndicatorNode(node)) {
      const value = walk.values.get(node.number) ?? null;
      const product = (value ?? walk.compiled.unansweredValue).mul(weightOf(walk.compiled, node));
      indicatorSum = indicatorSum.add(product);
      indicatorTrail.push({
        number: node.number,
        code: node.code,
        name: node.name,
        parentCode,
        value: value?.toString() ?? null,
        weight,
        product: product.toString(),
      });
      return;
    }
    const subtotal = walk.groups.get(node);
    if (!subtotal) throw new Error(`Node ${node.code} belum dihitung`);
    const indexExact = subtotal.index.toString();
    nodes.push({
      code: node.code,
      name: node.name,
      kind: node.kind,
      parentCode,
      weight,
      index: subtotal.index.toRoundedNumber(INDEX_DECIMALS),
      indexExact,
      predicate: predicateFor(framework, subtotal.index, basis),
      answeredCount: subtotal.answeredCount,
      indicatorCount: subtotal.indicatorCount,
    });
    nodeTrail.push({
      code: node.code,
      sumProduct: subtotal.sumProduct.toString(),
      sumWeight: subtotal.sumWeight.toString(),
      indexExact,
    });
  });
  const totalExact = indicatorSum.div(TOTAL_WEIGHT);

  return {
    index: totalExact.toRoundedNumber(INDEX_DECIMALS),
    indexExact: totalExact.toString(),
    predicate: predicateFor(framework, totalExact, basis),
    completeness: top.indicatorCount === 0 ? 0 : top.answeredCount / top.indicatorCount,
    answeredCount: top.answeredCount,
    indicatorCount: top.indicatorCount,
    nodes,
    trail: {
      indicators: indicatorTrail,
      nodes: nodeTrail,
      total: { sumProduct: indicatorSum.toString(), sumWeight: TOTAL_WEIGHT.toString(), indexExact: totalExact.toString() },
    },
  };
}

/** Post-order: a node's index needs its children's indices first. */
function sumChildren(children: readonly FrameworkNode[], walk: Walk): Subtotal {
  let sumProduct = Decimal.ZERO;
  let sumWeight = Decimal.ZERO;
  let answeredCount = 0;
  let indicatorCount = 0;
  for (const child of children) {
    const weight = weightOf(walk.compiled, child);
    sumWeight = sumWeight.add(weight);
    if (isIndicatorNode(child)) {
      const value = walk.values.get(child.number);
      indicatorCount += 1;
      if (value) answeredCount += 1;
      sumProduct = sumProduct.add((value ?? walk.compiled.unansweredValue).mul(weight));
      continue;
    }
    const subtotal = sumChildren(child.children, walk);
    walk.groups.set(child, subtotal);
    sumProduct = sumProduct.add(subtotal.index.mul(weight));
    answeredCount += subtotal.answeredCount;
    indicatorCount += subtotal.indicatorCount;
  }
  // A validated framework has positive weights; the guard keeps a malformed one from dividing by 0.
  const index = sumWeight.isZero() ? Decimal.ZERO : sumProduct.div(sumWeight);
  return { index, sumProduct, sumWeight, answeredCount, indicatorCount };
}
