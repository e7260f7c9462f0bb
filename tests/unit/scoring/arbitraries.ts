import fc from "fast-check";
import { isIndicatorNode, unansweredValueOf, type FrameworkDefinition, type FrameworkNode } from "@/lib/framework/schema";
import { listIndicators } from "@/lib/framework/catalog";
import { Decimal } from "@/lib/decimal";
import type { ScoreValues } from "@/lib/scoring";
import { buildRawFramework, parseFramework, type TreeSpec } from "../framework/fixtures";

/** Test-only generators and reference computations for the property tests. */

interface Shape {
  share: number;
  children?: Shape[];
}

const shapeArb = (depth: number): fc.Arbitrary<Shape> =>
  depth === 0
    ? fc.record({ share: fc.integer({ min: 1, max: 50 }) })
    : fc.record({
        share: fc.integer({ min: 1, max: 50 }),
        children: fc.array(shapeArb(depth - 1), { minLength: 1, maxLength: 4 }),
      });

const leafCount = (shape: Shape): number =>
  shape.children ? shape.children.reduce((sum, child) => sum + leafCount(child), 0) : 1;

/** Hundredths -> "12.34". */
const hundredthsText = (hundredths: number) =>
  `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;

/**
 * Splits `total` hundredths among `shapes` by their shares, giving each at least one
 * hundredth per leaf below it, so every subtree can be split again and the parts sum to
 * the parent exactly.
 */
function toTree(shapes: Shape[], total: number): TreeSpec[] {
  const minimums = shapes.map(leafCount);
  const spare = total - minimums.reduce((sum, value) => sum + value, 0);
  const shares = shapes.reduce((sum, shape) => sum + shape.share, 0);
  let given = 0;
  return shapes.map((shape, index) => {
    const isLast = index === shapes.length - 1;
    const amount = isLast
      ? total - given
      : (minimums[index] ?? 1) + Math.floor((spare * shape.share) / shares);
    given += amount;
    return {
      weight: hundredthsText(amount),
      ...(shape.children ? { children: toTree(shape.children, amount) } : {}),
    };
  });
}

const KINDS_BY_DEPTH: Record<number, string[]> = {
  0: ["indicator"],
  1: ["aspect", "indicator"],
  2: ["domain", "aspect", "indicator"],
  3: ["domain", "aspect", "subaspect", "indicator"],
};

/**
 * Random valid frameworks: 1-4 levels, up to 4 children per node, weights in hundredths
 * summing to 100, integer or decimal value scale.
 */
export const randomFrameworkArb: fc.Arbitrary<FrameworkDefinition> = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.boolean())
  .chain(([depth, integer]) =>
    fc.tuple(fc.constant(depth), fc.constant(integer), fc.array(shapeArb(depth), { minLength: 1, maxLength: 4 })),
  )
  .map(([depth, integer, shapes]) =>
    parseFramework(buildRawFramework({ tree: toTree(shapes, 10_000), kinds: KINDS_BY_DEPTH[depth] ?? [], integer })),
  );

/** A value on the framework's scale (1..5; decimals in hundredths if allowed) or unanswered. */
export function valueArb(framework: FrameworkDefinition): fc.Arbitrary<string | number | null> {
  const answered: fc.Arbitrary<string | number> = framework.valueScale.integer
    ? fc.integer({ min: 1, max: 5 })
    : fc.integer({ min: 100, max: 500 }).map(hundredthsText);
  return fc.option(answered, { nil: null, freq: 4 });
}

export function valuesArb(framework: FrameworkDefinition): fc.Arbitrary<ScoreValues> {
  const numbers = listIndicators(framework).map(({ indicator }) => indicator.number);
  return fc
    .tuple(...numbers.map(() => valueArb(framework)))
    .map((values) => Object.fromEntries(numbers.map((number, index) => [String(number), values[index] ?? null])));
}

export const frameworkWithValuesArb = (framework: FrameworkDefinition) =>
  valuesArb(framework).map((values) => ({ framework, values }));

export const randomFrameworkWithValuesArb = randomFrameworkArb.chain(frameworkWithValuesArb);

/** Reference: a value as given, or what the framework counts for an unanswered indicator. */
const valueOf = (values: ScoreValues, number: number, unanswered: Decimal): Decimal => {
  const raw = values[String(number)];
  return raw === null || raw === undefined ? unanswered : Decimal.from(raw);
};

export const unansweredOf = (framework: FrameworkDefinition): Decimal => Decimal.parse(unansweredValueOf(framework));

/** Reference: the regulation's flat formula, sum(value x weight) / 100. */
export function flatIndex(framework: FrameworkDefinition, values: ScoreValues): Decimal {
  return listIndicators(framework)
    .reduce(
      (sum, { indicator }) =>
        sum.add(valueOf(values, indicator.number, unansweredOf(framework)).mul(Decimal.parse(indicator.weight))),
      Decimal.ZERO,
    )
    .div(Decimal.fromInteger(100));
}

/** Reference: a node's index as the weight-average of its children, recursively. */
export function hierarchicalIndex(node: FrameworkNode, values: ScoreValues, unanswered: Decimal): Decimal {
  if (isIndicatorNode(node)) return valueOf(values, node.number, unanswered);
  let sumProduct = Decimal.ZERO;
  let sumWeight = Decimal.ZERO;
  for (const child of node.children) {
    const weight = Decimal.parse(child.weight);
    sumProduct = sumProduct.add(hierarchicalIndex(child, values, unanswered).mul(weight));
    sumWeight = sumWeight.add(weight);
  }
  return sumProduct.div(sumWeight);
}

/** Shuffles every sibling list (deterministically from `seed`), keeping each node's contents. */
export function permuteSiblings(framework: FrameworkDefinition, seed: number): FrameworkDefinition {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32: a tiny deterministic PRNG so shrinking reproduces the same permutation.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = Math.floor(next() * (index + 1));
      [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
    }
    return copy;
  };
  const permute = (nodes: readonly FrameworkNode[]): FrameworkNode[] =>
    shuffle(nodes).map((node) => (isIndicatorNode(node) ? node : { ...node, children: permute(node.children) }));
  return { ...framework, nodes: permute(framework.nodes) };
}
