// The fastest path against brute force: on small random trees every combination of
// target levels is tried, and the algorithm must find the same minimum number of steps
// and, among plans of that size, the same highest index. Targets may be already reached
// or unreachable (indicators held by a ceiling).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getFramework, listIndicators } from "@/lib/framework/catalog";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { Decimal, scoreAssessment, type PredicateBasis } from "@/lib/scoring";
import { fastestPath, meetsGoal, possibleSteps, type PathGoal } from "@/lib/simulation/fastest-path";
import { buildFramework, SPBE_BANDS, type TreeSpec } from "../framework/fixtures";

/** Hundredths -> "12.34". */
const hundredths = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, "0")}`;

type Case = {
  framework: FrameworkDefinition;
  values: Record<string, string | null>;
  ceilings: Record<string, string>;
  goal: PathGoal;
  basis: PredicateBasis;
};

/** 2-6 indicators with random weights (hundredths summing to 100), flat or in two groups. */
const smallFrameworkArb = fc
  .record({
    shares: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: 6 }),
    isGrouped: fc.boolean(),
    isInteger: fc.boolean(),
  })
  .map(({ shares, isGrouped, isInteger }) => {
    const total = shares.reduce((sum, share) => sum + share, 0);
    const spare = 10_000 - shares.length;
    const weights = shares.map((share) => 1 + Math.floor((spare * share) / total));
    weights[weights.length - 1]! += 10_000 - weights.reduce((sum, weight) => sum + weight, 0);
    const leaves: TreeSpec[] = weights.map((weight) => ({ weight: hundredths(weight) }));
    if (!isGrouped) return buildFramework({ tree: leaves, kinds: ["indicator"], integer: isInteger });
    const middle = Math.ceil(leaves.length / 2);
    const group = (part: TreeSpec[], from: number, to: number) => ({
      weight: hundredths(weights.slice(from, to).reduce((sum, weight) => sum + weight, 0)),
      children: part,
    });
    return buildFramework({
      tree: [group(leaves.slice(0, middle), 0, middle), group(leaves.slice(middle), middle, leaves.length)],
      kinds: ["aspect", "indicator"],
      integer: isInteger,
    });
  });

const levelArb = (framework: FrameworkDefinition) =>
  framework.valueScale.integer ? fc.integer({ min: 1, max: 5 }).map(String) : fc.integer({ min: 100, max: 500 }).map(hundredths);

const caseArb: fc.Arbitrary<Case> = smallFrameworkArb.chain((framework) => {
  const numbers = listIndicators(framework).map(({ indicator }) => indicator.number);
  const perIndicator = fc.record({
    value: fc.option(levelArb(framework), { nil: null, freq: 3 }),
    ceiling: fc.option(levelArb(framework), { nil: undefined, freq: 2 }),
  });
  return fc.record({
    framework: fc.constant(framework),
    indicators: fc.tuple(...numbers.map(() => perIndicator)),
    goal: fc.oneof(
      fc.constantFrom(...SPBE_BANDS.map((band) => band.name)).map((predicate): PathGoal => ({ kind: "predicate", predicate })),
      fc.integer({ min: 0, max: 520 }).map((value): PathGoal => ({ kind: "index", index: hundredths(value) })),
    ),
    basis: fc.constantFrom<PredicateBasis>("exact", "rounded"),
  }).map(({ framework, indicators, goal, basis }) => {
    const values: Record<string, string | null> = {};
    const ceilings: Record<string, string> = {};
    numbers.forEach((number, position) => {
      const { value, ceiling } = indicators[position]!;
      values[number] = value;
      if (ceiling !== undefined) ceilings[number] = ceiling;
    });
    return { framework, values, ceilings, goal, basis };
  });
});

/**
 * Tries every combination of levels each indicator can reach (its own level, then one
 * step at a time up to its ceiling) with integer arithmetic in hundredths, independent of
 * the algorithm's ordering. Returns the fewest steps meeting the goal and the best index
 * among plans of that size, or null.
 */
function bruteForce({ framework, values, ceilings, goal, basis }: Case): { steps: number; index: Decimal } | null {
  const options = listIndicators(framework).map(({ indicator }) => {
    const start = values[indicator.number] ?? null;
    const reachable = [{ level: start === null ? 0 : Math.round(Number(start) * 100), steps: 0 }];
    const ceiling = Math.round(Number(ceilings[indicator.number] ?? framework.valueScale.max) * 100);
    for (let level = reachable[0]!.level, steps = 0; level < ceiling; ) {
      const next = Math.min(Math.max(level + 100, 100), ceiling);
      if (next < 100) break;
      level = next;
      steps += 1;
      reachable.push({ level, steps });
    }
    return { weight: Math.round(Number(indicator.weight) * 100), reachable };
  });
  let best: { steps: number; index: Decimal } | null = null;
  const visit = (position: number, sum: number, steps: number) => {
    if (position === options.length) {
      const index = Decimal.fraction(BigInt(sum), 1_000_000n);
      if (!meetsGoal(framework, index, goal, basis)) return;
      if (!best || steps < best.steps || (steps === best.steps && index.gt(best.index))) best = { steps, index };
      return;
    }
    const { weight, reachable } = options[position]!;
    for (const option of reachable) visit(position + 1, sum + option.level * weight, steps + option.steps);
  };
  visit(0, 0, 0);
  return best;
}

describe("fastest path", () => {
  it("finds the minimum number of steps and the best index of that size, as brute force does", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const expected = bruteForce(input);
        const path = fastestPath(input.framework, input.values, input.goal, { basis: input.basis, ceilings: input.ceilings });
        if (expected === null) {
          expect(path.status).toBe("unreachable");
          expect(path.steps).toEqual([]);
          return;
        }
        expect(path.status).toBe(expected.steps === 0 ? "reached" : "found");
        expect(path.steps).toHaveLength(expected.steps);
        if (expected.steps > 0) expect(path.index.toString()).toBe(expected.index.toString());
      }),
      { numRuns: 300 },
    );
  });

  it("gives a plan the real engine confirms: its index, the goal met, each step one level, ranked by gain", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const path = fastestPath(input.framework, input.values, input.goal, { basis: input.basis, ceilings: input.ceilings });
        // Unreachable: the index reported is the best one, every possible step taken.
        const everyStep = Object.fromEntries(possibleSteps(input.framework, input.values, input.ceilings).map((step) => [step.number, step.to]));
        const targets = path.status === "unreachable" ? everyStep : path.targets;
        const score = scoreAssessment(input.framework, { ...input.values, ...targets }, { predicateBasis: input.basis });
        expect(score.indexExact).toBe(path.index.toString());
        expect(score.predicate).toBe(path.predicate);
        expect(meetsGoal(input.framework, path.index, input.goal, input.basis)).toBe(path.status !== "unreachable");
        for (let position = 1; position < path.steps.length; position += 1) {
          expect(path.steps[position - 1]!.gain.gte(path.steps[position]!.gain)).toBe(true);
        }
        // Steps of one indicator chain up from its current level, one level (or less, at the cap) each.
        const reached = new Map<number, string | null>(Object.entries(input.values).map(([number, value]) => [Number(number), value === null ? null : Decimal.parse(value).toString()]));
        for (const step of path.steps) {
          expect(step.from).toBe(reached.get(step.number));
          expect(Decimal.parse(step.to).sub(Decimal.parse(step.from ?? "0")).lte(Decimal.ONE) || step.from === null).toBe(true);
          reached.set(step.number, step.to);
        }
      }),
      { numRuns: 300 },
    );
  });

  const spbe = getFramework("spbe-2020")!;

  it("answers for spbe-2020 from nothing to Memuaskan quickly, and every step raises one level", () => {
    const started = performance.now();
    const path = fastestPath(spbe, {}, { kind: "predicate", predicate: "Memuaskan" }, { basis: "exact" });
    const elapsed = performance.now() - started;
    expect(path.status).toBe("found");
    expect(path.predicate).toBe("Memuaskan");
    expect(scoreAssessment(spbe, path.targets).predicate).toBe("Memuaskan");
    // Every indicator's first steps are worth weight x 1 / 100; fewer steps cannot reach 4.2.
    const lastGain = path.steps[path.steps.length - 1]!.gain;
    const withoutLast = path.index.sub(lastGain);
    expect(withoutLast.lt(Decimal.parse("4.2"))).toBe(true);
    expect(elapsed).toBeLessThan(100);
  });

  it("says when the goal is already reached, with an empty plan", () => {
    const values = Object.fromEntries(listIndicators(spbe).map(({ indicator }) => [indicator.number, "4"]));
    const path = fastestPath(spbe, values, { kind: "predicate", predicate: "Sangat Baik" }, { basis: "exact" });
    expect(path).toMatchObject({ status: "reached", steps: [], targets: {}, predicate: "Sangat Baik" });
    expect(path.index.toString()).toBe("4");
  });

  it("says when the goal cannot be reached, with the best index the ceilings allow", () => {
    const values = Object.fromEntries(listIndicators(spbe).map(({ indicator }) => [indicator.number, "2"]));
    const ceilings = Object.fromEntries(listIndicators(spbe).map(({ indicator }) => [indicator.number, "3"]));
    const path = fastestPath(spbe, values, { kind: "predicate", predicate: "Sangat Baik" }, { basis: "exact", ceilings });
    expect(path.status).toBe("unreachable");
    expect(path.steps).toEqual([]);
    expect(path.index.toString()).toBe("3");
    expect(fastestPath(spbe, values, { kind: "index", index: "5.01" }, { basis: "exact" }).status).toBe("unreachable");
  });

  it("prefers the heaviest indicators, so one step on a heavy one beats two on light ones", () => {
    // Weights 50, 30, 20: from all at 1 (index 1) to 1.5 takes one step on the first.
    const framework = buildFramework({ tree: [{ weight: 50 }, { weight: 30 }, { weight: 20 }], kinds: ["indicator"] });
    const path = fastestPath(framework, { 1: "1", 2: "1", 3: "1" }, { kind: "index", index: "1.5" }, { basis: "exact" });
    expect(path.steps.map((step) => [step.number, step.from, step.to])).toEqual([[1, "1", "2"]]);
    expect(path.index.toString()).toBe("1.5");
  });

  it("with the rounded basis the threshold is on the rounded index", () => {
    // From index 3, one step on indicator 1 gives exactly 3.4975: Baik, but printed 3,50.
    const framework = buildFramework({ tree: [{ weight: "49.75" }, { weight: "49.75" }, { weight: "0.5" }], kinds: ["indicator"] });
    const values = { 1: "3", 2: "3", 3: "3" };
    const exact = fastestPath(framework, values, { kind: "predicate", predicate: "Sangat Baik" }, { basis: "exact" });
    expect(exact.steps.map((step) => step.number)).toEqual([1, 1]);
    const rounded = fastestPath(framework, values, { kind: "predicate", predicate: "Sangat Baik" }, { basis: "rounded" });
    expect(rounded.steps.map((step) => step.number)).toEqual([1]);
    expect(rounded.index.toString()).toBe("3.4975");
    expect(rounded.predicate).toBe("Sangat Baik");

    const atBoundary = { 1: "4", 2: "3", 3: "3" };
    expect(fastestPath(framework, atBoundary, { kind: "index", index: "3.5" }, { basis: "rounded" }).status).toBe("reached");
    expect(fastestPath(framework, atBoundary, { kind: "index", index: "3.5" }, { basis: "exact" }).steps).toHaveLength(1);
  });

  it("counts a step from unanswered to the lowest level and stops at the scale maximum", () => {
    const framework = buildFramework({ tree: [{ weight: 60 }, { weight: 40 }], kinds: ["indicator"], integer: false });
    const steps = possibleSteps(framework, { 1: null, 2: "4.5" });
    expect(steps.map((step) => [step.number, step.from, step.to, step.gain.toString()])).toEqual([
      [1, null, "1", "0.6"],
      [1, "1", "2", "0.6"],
      [1, "2", "3", "0.6"],
      [1, "3", "4", "0.6"],
      [1, "4", "5", "0.6"],
      [2, "4.5", "5", "0.2"],
    ]);
  });
});
