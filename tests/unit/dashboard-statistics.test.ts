// Order statistics of the anonymised comparison and the choice of a period's headline stage.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fiveNumbers, histogram, quantile } from "@/lib/dashboard/statistics";
import { headlineStage } from "@/lib/dashboard/headline-stage";
import { getFramework } from "@/lib/framework/catalog";
import { Decimal, scoreAssessment } from "@/lib/scoring";

const d = (text: string) => Decimal.parse(text);
const texts = (values: (Decimal | undefined)[]) => values.map((value) => value?.toString());

describe("quantiles", () => {
  it("interpolate between order statistics like a spreadsheet's QUARTILE.INC", () => {
    const sorted = ["1", "2", "3", "4"].map(d);
    expect(texts([quantile(sorted, d("0.25")), quantile(sorted, d("0.5")), quantile(sorted, d("0.75"))])).toEqual(["1.75", "2.5", "3.25"]);
    const stats = fiveNumbers(["3.28", "2.1", "4"].map(d))!;
    expect(texts([stats.min, stats.q1, stats.median, stats.q3, stats.max])).toEqual(["2.1", "2.69", "3.28", "3.64", "4"]);
    expect(fiveNumbers([])).toBeNull();
  });

  it("stay ordered and within the values for any input", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 30 }), (hundredths) => {
        const stats = fiveNumbers(hundredths.map((value) => Decimal.fraction(BigInt(value), 100n)))!;
        const chain = [stats.min, stats.q1, stats.median, stats.q3, stats.max];
        return chain.every((value, position) => position === 0 || chain[position - 1]!.lte(value));
      }),
    );
  });
});

describe("histogram", () => {
  it("puts each value in one bin, the top of the scale in the last", () => {
    const bins = histogram(["0", "0.49", "0.5", "4.99", "5"].map(d), d("0.5"), d("5"));
    expect(bins).toHaveLength(10);
    expect(bins.map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
  });
});

describe("headline stage", () => {
  const spbe = getFramework("spbe-2020")!;
  const score = (count: number) => scoreAssessment(spbe, Object.fromEntries(Array.from({ length: count }, (_, index) => [String(index + 1), 3])));

  it("is the final result once recorded, the verified index once verification covers the self-assessment, else the self-assessment", () => {
    expect(headlineStage({ SELF: score(40), INTERNAL_VERIFICATION: score(40), FINAL: score(1) })).toBe("FINAL");
    expect(headlineStage({ SELF: score(40), INTERNAL_VERIFICATION: score(40), FINAL: score(0) })).toBe("INTERNAL_VERIFICATION");
    expect(headlineStage({ SELF: score(40), INTERNAL_VERIFICATION: score(39), FINAL: score(0) })).toBe("SELF");
    expect(headlineStage({ SELF: score(0), INTERNAL_VERIFICATION: score(0), FINAL: score(0) })).toBe("SELF");
  });
});
