import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getFramework, listIndicators } from "@/lib/framework/catalog";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { Decimal } from "@/lib/decimal";
import { scoreAssessment, type ScoreValues } from "@/lib/scoring";
import {
  flatIndex,
  frameworkWithValuesArb,
  hierarchicalIndex,
  permuteSiblings,
  randomFrameworkWithValuesArb,
  unansweredOf,
  valueArb,
} from "./arbitraries";

function shipped(code: string): FrameworkDefinition {
  const framework = getFramework(code);
  if (!framework) throw new Error(`missing ${code}`);
  return framework;
}

const cases: [string, fc.Arbitrary<{ framework: FrameworkDefinition; values: ScoreValues }>][] = [
  ["spbe-2020", frameworkWithValuesArb(shipped("spbe-2020"))],
  ["pemdi-2026", frameworkWithValuesArb(shipped("pemdi-2026"))],
  ["random small trees", randomFrameworkWithValuesArb],
];

const FIVE = Decimal.fromInteger(5);

describe.each(cases)("index engine properties on %s", (_label, arbitrary) => {
  it("keeps the index and every node index in [0, 5]", () => {
    fc.assert(
      fc.property(arbitrary, ({ framework, values }) => {
        const result = scoreAssessment(framework, values);
        for (const exact of [result.indexExact, ...result.nodes.map((node) => node.indexExact)]) {
          const value = Decimal.parse(exact);
          expect(value.gte(Decimal.ZERO) && value.lte(FIVE), exact).toBe(true);
        }
        expect(result.index).toBeGreaterThanOrEqual(0);
        expect(result.index).toBeLessThanOrEqual(5);
      }),
    );
  });

  it("is monotonic: raising one indicator never lowers the index", () => {
    const withRaise = arbitrary.chain(({ framework, values }) => {
      const numbers = listIndicators(framework).map(({ indicator }) => indicator.number);
      return fc.record({
        framework: fc.constant(framework),
        values: fc.constant(values),
        number: fc.constantFrom(...numbers),
        replacement: valueArb(framework),
      });
    });
    fc.assert(
      fc.property(withRaise, ({ framework, values, number, replacement }) => {
        const key = String(number);
        const before = values[key];
        const asNumber = (value: unknown) => (value === null || value === undefined ? Decimal.ZERO : Decimal.from(value as string));
        // Order the pair so `higher` is the raised assessment.
        const [low, high] = asNumber(before).lte(asNumber(replacement)) ? [before, replacement] : [replacement, before];
        const lower = scoreAssessment(framework, { ...values, [key]: low });
        const higher = scoreAssessment(framework, { ...values, [key]: high });
        expect(Decimal.parse(higher.indexExact).gte(Decimal.parse(lower.indexExact))).toBe(true);
        higher.nodes.forEach((node, index) => {
          // Truncated non-terminating texts are still monotone, so comparing them is sound.
          const previous = lower.nodes[index]?.indexExact ?? "0";
          expect(Decimal.parse(node.indexExact).gte(Decimal.parse(previous)), node.code).toBe(true);
        });
      }),
    );
  });

  it("hierarchical equals flat: combining node indices by weight gives sum(value x weight) / 100 exactly", () => {
    fc.assert(
      fc.property(arbitrary, ({ framework, values }) => {
        const result = scoreAssessment(framework, values);
        const flat = flatIndex(framework, values);
        const combined = framework.nodes
          .reduce((sum, node) => sum.add(hierarchicalIndex(node, values, unansweredOf(framework)).mul(Decimal.parse(node.weight))), Decimal.ZERO)
          .div(Decimal.fromInteger(100));
        expect(combined.eq(flat)).toBe(true);
        expect(result.indexExact).toBe(flat.toString());
        expect(result.index).toBe(Number(flat.toFixed(2)));
        // Node indices reported by the engine match the recursive reference.
        const groups: { code: string; exact: string }[] = [];
        const collect = (nodes: FrameworkDefinition["nodes"]) => {
          for (const node of nodes) {
            if ("children" in node) {
              groups.push({ code: node.code, exact: hierarchicalIndex(node, values, unansweredOf(framework)).toString() });
              collect(node.children);
            }
          }
        };
        collect(framework.nodes);
        expect(result.nodes.map((node) => ({ code: node.code, exact: node.indexExact }))).toEqual(groups);
      }),
    );
  });

  it("is invariant under sibling permutation", () => {
    fc.assert(
      fc.property(arbitrary, fc.integer(), ({ framework, values }, seed) => {
        const original = scoreAssessment(framework, values);
        const permuted = scoreAssessment(permuteSiblings(framework, seed), values);
        expect(permuted.indexExact).toBe(original.indexExact);
        expect(permuted.predicate).toBe(original.predicate);
        const byCode = (nodes: typeof original.nodes) =>
          Object.fromEntries(nodes.map((node) => [node.code, [node.indexExact, node.answeredCount]]));
        expect(byCode(permuted.nodes)).toEqual(byCode(original.nodes));
      }),
    );
  });

  it("counts answers: completeness = answered / total", () => {
    fc.assert(
      fc.property(arbitrary, ({ framework, values }) => {
        const result = scoreAssessment(framework, values);
        const answered = Object.values(values).filter((value) => value !== null && value !== undefined).length;
        expect(result.answeredCount).toBe(answered);
        expect(result.indicatorCount).toBe(listIndicators(framework).length);
        expect(result.completeness).toBe(answered / result.indicatorCount);
      }),
    );
  });
});
