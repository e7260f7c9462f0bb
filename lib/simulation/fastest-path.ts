// "Jalur tercepat": the fewest one-level increases that bring an assessment to a wanted
// predicate or index. Pure and framework-free, so the simulation page runs it in the
// browser and the tests run it against brute force.
//
// Why sorting the steps by gain is optimal (not merely plausible):
// 1. The index is linear in the levels: index = sum(value x weight) / 100 over the
//    indicators (scoreAssessment computes the total exactly this way; node indices are
//    weight averages whose weights sum to the parent's, so nothing else enters). A step
//    on indicator i from v to v' therefore adds exactly weight_i x (v' - v) / 100,
//    whatever else changes.
// 2. One indicator's steps have non-increasing gains: the first one may be larger (from
//    unanswered, counted as the framework's unanswered value, to the scale minimum), middle ones raise by 1, the last one
//    may be smaller (capped at the scale maximum or the indicator's ceiling). So sorting
//    all steps by gain, ties by indicator and then by step position, lists each
//    indicator's steps in their own order: every prefix of the sorted list is a plan that
//    can actually be carried out.
// 3. Any plan of k steps is k distinct steps, so its gain is at most the sum of the k
//    largest gains, and the first k sorted steps reach that sum. Hence the best index
//    reachable in k steps is the k-prefix's, and it grows with k.
// 4. Reaching the goal only depends on the index and is monotone in it (a predicate
//    band from its lower bound up; an index from its threshold up, both applied to the
//    exact or to the rounded index as the period's predicate basis says). So the smallest
//    k whose prefix meets the goal is the minimum number of steps, and among all plans of
//    that size the prefix has the highest index.
// Cost: at most (scale max x indicators) steps, one sort and one pass with exact
// fractions: at most 235 steps for spbe-2020, about a millisecond (tested).
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { compileFramework } from "@/lib/scoring/compiled-framework";
import { Decimal } from "@/lib/decimal";
import { INDEX_DECIMALS, predicateFor, type PredicateBasis } from "@/lib/scoring/predicate";
import { parseValues } from "@/lib/scoring/validate-values";
import type { ScoreValues } from "@/lib/scoring/score";

export type PathGoal = { kind: "predicate"; predicate: string } | { kind: "index"; index: string };

export type PathStep = {
  number: number;
  /** Level before the step; null when unanswered (counted as the framework's unanswered value). Canonical decimal text, e.g. "2". */
  from: string | null;
  to: string;
  /** Exact index gain of this step. */
  gain: Decimal;
};

export type FastestPath = {
  /** "reached": nothing to do; "found": `steps` reach the goal; "unreachable": not even every possible step does. */
  status: "reached" | "found" | "unreachable";
  /** Ranked by gain (largest first); empty unless found. */
  steps: PathStep[];
  /** Indicator number -> level after the plan, for the indicators the plan raises. */
  targets: Record<string, string>;
  /** The index after the plan (found), now (reached) or at best (unreachable). */
  index: Decimal;
  predicate: string;
};

const HUNDRED = Decimal.fromInteger(100);

/** Whether an exact index meets the goal under the period's predicate basis. */
export function meetsGoal(framework: FrameworkDefinition, index: Decimal, goal: PathGoal, basis: PredicateBasis): boolean {
  if (goal.kind === "index") {
    const compared = basis === "rounded" ? Decimal.parse(index.toFixed(INDEX_DECIMALS)) : index;
    return compared.gte(Decimal.parse(goal.index));
  }
  const bands = compileFramework(framework).bands;
  const wanted = bands.find((band) => band.name === goal.predicate);
  if (!wanted) throw new RangeError(`Predikat ${goal.predicate} tidak ada di kerangka ${framework.code}`);
  const reached = bands.find((band) => band.name === predicateFor(framework, index, basis));
  // Bands tile the scale (validateFramework), so comparing lower bounds orders them.
  return !!reached && reached.min.gte(wanted.min);
}

export type PathOptions = {
  basis: PredicateBasis;
  /**
   * Indicator number -> the highest level the plan may give it (e.g. its current level
   * for an indicator that cannot move this year). Default: the scale maximum.
   */
  ceilings?: Readonly<Record<string, string>>;
};

/** Every step each indicator can still take, in the indicator's own order. */
export function possibleSteps(framework: FrameworkDefinition, values: ScoreValues, ceilings: PathOptions["ceilings"] = {}): PathStep[] {
  const compiled = compileFramework(framework);
  const { values: parsed, issues } = parseValues(framework, values);
  if (issues.length > 0) throw new RangeError(issues.map((issue) => `${issue.field} ${issue.code}`).join("; "));
  const steps: PathStep[] = [];
  for (const [number, indicator] of compiled.indicators) {
    const weight = compiled.weights.get(indicator)!;
    const ceilingText = ceilings[number];
    const ceiling = ceilingText === undefined ? compiled.valueMax : Decimal.parse(ceilingText);
    let level = parsed.get(number) ?? null;
    for (;;) {
      const value = level ?? compiled.unansweredValue;
      if (value.gte(ceiling)) break;
      let next = value.add(Decimal.ONE);
      if (next.lt(compiled.valueMin)) next = compiled.valueMin;
      if (next.gt(ceiling)) next = ceiling;
      // A ceiling below the scale minimum leaves an unanswered indicator where it is.
      if (next.lt(compiled.valueMin)) break;
      steps.push({ number, from: level?.toString() ?? null, to: next.toString(), gain: next.sub(value).mul(weight).div(HUNDRED) });
      level = next;
    }
  }
  return steps;
}

function currentIndex(framework: FrameworkDefinition, values: ScoreValues): Decimal {
  const compiled = compileFramework(framework);
  const { values: parsed } = parseValues(framework, values);
  let sum = Decimal.ZERO;
  for (const [number, indicator] of compiled.indicators) {
    const value = parsed.get(number) ?? compiled.unansweredValue;
    sum = sum.add(value.mul(compiled.weights.get(indicator)!));
  }
  return sum.div(HUNDRED);
}

/** Largest gain first; equal gains by indicator number, then in the indicator's own order (stable sort). */
function rank(steps: PathStep[]): PathStep[] {
  return steps.map((step, position) => ({ step, position })).sort((a, b) => b.step.gain.cmp(a.step.gain) || a.step.number - b.step.number || a.position - b.position).map(({ step }) => step);
}

export function fastestPath(framework: FrameworkDefinition, values: ScoreValues, goal: PathGoal, { basis, ceilings }: PathOptions): FastestPath {
  let index = currentIndex(framework, values);
  const result = (status: FastestPath["status"], steps: PathStep[]): FastestPath => {
    const targets: Record<string, string> = {};
    for (const step of steps) targets[step.number] = step.to;
    return { status, steps, targets, index, predicate: predicateFor(framework, index, basis) };
  };
  if (meetsGoal(framework, index, goal, basis)) return result("reached", []);

  const ranked = rank(possibleSteps(framework, values, ceilings));
  for (let taken = 1; taken <= ranked.length; taken += 1) {
    index = index.add(ranked[taken - 1]!.gain);
    if (meetsGoal(framework, index, goal, basis)) return result("found", ranked.slice(0, taken));
  }
  return result("unreachable", []);
}
