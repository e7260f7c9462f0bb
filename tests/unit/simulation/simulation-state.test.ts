// The simulator's state machine without a DOM: targets, holds, goals and the fastest path.
import { describe, expect, it } from "vitest";
import { getFramework, listIndicators } from "@/lib/framework/catalog";
import { Decimal, scoreAssessment } from "@/lib/scoring";
import { fastestPath } from "@/lib/simulation/fastest-path";
import { initialSimulation, projectionOf, reduceSimulation, simulationBase, targetOptions, type SimulationEvent, type SimulationState } from "@/lib/simulation/simulation-state";

const definition = getFramework("spbe-2020")!;
const numbers = listIndicators(definition).map(({ indicator }) => indicator.number);
// Every indicator at level 2 except the first, which is unanswered.
const current = Object.fromEntries(numbers.slice(1).map((number) => [String(number), { level: "2", stage: "SELF" as const }]));
const base = simulationBase(definition, current, "exact");
const run = (...events: SimulationEvent[]) => events.reduce((state: SimulationState, event) => reduceSimulation(base, state, event), initialSimulation(base));

describe("simulation state", () => {
  it("starts at the current levels, projected index equal to now, nothing raised; the goal is the next predicate up", () => {
    const state = initialSimulation(base);
    expect(state.targets[String(numbers[0])]).toBeNull();
    expect(state.targets[String(numbers[1])]).toBe("2");
    const { projected, difference, raised } = projectionOf(base, state);
    expect(projected.indexExact).toBe(base.now.indexExact);
    expect(difference.isZero()).toBe(true);
    expect(raised).toEqual([]);
    expect(base.higherBands.length).toBeGreaterThan(0);
    expect(state.goal).toBe(`predicate:${base.higherBands[0]!.name}`);
    expect(base.rows.filter((row) => row.kind === "indicator")).toHaveLength(numbers.length);
  });

  it("raising a target raises the projection by the engine's exact index and lists it as raised", () => {
    const number = numbers[1]!;
    const state = run({ type: "targetTyped", number, text: "4" }, { type: "targetSet", number, value: "4" });
    expect(state.drafts[number]).toBe("4");
    const { projected, difference, raised } = projectionOf(base, state);
    expect(projected.indexExact).toBe(scoreAssessment(definition, { ...state.targets }, { predicateBasis: "exact" }).indexExact);
    expect(difference.gt(Decimal.ZERO)).toBe(true);
    expect(raised).toEqual([{ number, target: "4" }]);
  });

  it("a target at the current level is not raised; reset returns to the current levels and forgets typed text", () => {
    const number = numbers[1]!;
    expect(projectionOf(base, run({ type: "targetSet", number, value: "2" })).raised).toEqual([]);
    const state = run({ type: "targetTyped", number, text: "5" }, { type: "targetSet", number, value: "5" }, { type: "reset" });
    expect(state.targets).toEqual(base.initialTargets);
    expect(state.drafts).toEqual({});
    expect(state.path).toBeNull();
  });

  it("asking for the path sets the targets to the path's and matches the engine's fastest path", () => {
    const state = run({ type: "pathAsked" });
    const expected = fastestPath(definition, base.currentValues, { kind: "predicate", predicate: base.higherBands[0]!.name }, { basis: "exact", ceilings: {} });
    expect(state.path).toEqual(expected);
    expect(expected.status).toBe("found");
    expect(expected.steps.length).toBeGreaterThan(0);
    if (expected.status === "found") expect(state.targets).toEqual({ ...base.initialTargets, ...expected.targets });
  });

  it("held indicators stay at their level in the path (unanswered held at 0)", () => {
    const held = numbers.map((number) => ({ type: "held", number, held: true }) as const);
    const state = run(...held, { type: "pathAsked" });
    expect(state.path?.status).toBe("unreachable");
    expect(state.path?.steps).toEqual([]);
    expect(state.targets).toEqual(base.initialTargets);
  });

  it("an index goal must be 0-5 with at most 2 decimals (comma accepted); a bad one changes nothing but the flag", () => {
    for (const text of ["5,5", "abc", "3.456", ""]) {
      const state = run({ type: "goalChosen", goal: "index" }, { type: "goalIndexTyped", text }, { type: "pathAsked" });
      expect(state.goalIndexInvalid, text).toBe(true);
      expect(state.path).toBeNull();
    }
    const state = run({ type: "goalChosen", goal: "index" }, { type: "goalIndexTyped", text: " 3,1 " }, { type: "pathAsked" });
    expect(state.goalIndexInvalid).toBe(false);
    expect(state.path?.status).toBe("found");
    expect(state.path?.steps.length).toBeGreaterThan(0);
  });

  it("target options run from the current level (or the scale minimum) to the maximum", () => {
    expect(targetOptions(definition, "3")).toEqual(["3", "4", "5"]);
    expect(targetOptions(definition, null)).toEqual(["1", "2", "3", "4", "5"]);
    expect(targetOptions(definition, "5")).toEqual(["5"]);
  });
});
