// The target simulation's state as a pure state machine: targets per indicator (and the
// text being typed into each), indicators held at their level, the goal and the fastest
// path found for it. The projection is recomputed from the targets by the same exact
// engine the server uses. `components/simulation/use-simulation.ts` runs it in the
// browser; tests/unit/simulation/simulation-state.test.ts checks it without a DOM.
import { walkNodes } from "@/lib/framework/tree";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { Decimal, scoreAssessment, type PredicateBasis } from "@/lib/scoring";
import { fastestPath, type FastestPath, type PathGoal } from "@/lib/simulation/fastest-path";

export type Targets = Record<string, string | null>;

export type SimulationRow = { kind: "group"; code: string; name: string; depth: number } | { kind: "indicator"; number: number; name: string; weight: string };

/** What a simulation starts from and never changes while the page is open. */
export type SimulationBase = {
  definition: FrameworkDefinition;
  basis: PredicateBasis;
  rows: SimulationRow[];
  /** The current level per indicator number (null: unanswered). */
  currentValues: Record<string, string | null>;
  /** Every indicator at its current level. */
  initialTargets: Targets;
  now: ReturnType<typeof scoreAssessment>;
  /** The predicate bands above the current one, lowest first (the goals worth choosing). */
  higherBands: FrameworkDefinition["predicates"];
};

/** `goal`: `predicate:<name>` or `index`. `goalIndexInvalid`: the typed index is not 0-5 with at most 2 decimals. */
export type SimulationState = {
  targets: Targets;
  drafts: Record<string, string>;
  held: Record<string, boolean>;
  path: FastestPath | null;
  goal: string;
  goalIndex: string;
  goalIndexInvalid: boolean;
};

export type SimulationEvent =
  | { type: "targetTyped"; number: number; text: string }
  | { type: "targetSet"; number: number; value: string | null }
  | { type: "held"; number: number; held: boolean }
  | { type: "goalChosen"; goal: string }
  | { type: "goalIndexTyped"; text: string }
  | { type: "pathAsked" }
  | { type: "reset" };

function rowsOf(definition: FrameworkDefinition): SimulationRow[] {
  const rows: SimulationRow[] = [];
  walkNodes(definition.nodes, (node, at) => {
    rows.push("number" in node ? { kind: "indicator", number: node.number, name: node.name, weight: node.weight } : { kind: "group", code: node.code, name: node.name, depth: at.depth });
  });
  return rows;
}

export function simulationBase(definition: FrameworkDefinition, current: Record<string, { level: string | null }>, basis: PredicateBasis): SimulationBase {
  const currentValues = Object.fromEntries(Object.entries(current).map(([number, entry]) => [number, entry.level]));
  const rows = rowsOf(definition);
  const initialTargets: Targets = Object.fromEntries(rows.flatMap((row) => (row.kind === "indicator" ? [[String(row.number), currentValues[row.number] ?? null]] : [])));
  const now = scoreAssessment(definition, currentValues, { predicateBasis: basis });
  const bands = [...definition.predicates].sort((a, b) => Decimal.parse(a.min).cmp(Decimal.parse(b.min)));
  const higherBands = bands.slice(bands.findIndex((band) => band.name === now.predicate) + 1);
  return { definition, basis, rows, currentValues, initialTargets, now, higherBands };
}

export function initialSimulation(base: SimulationBase): SimulationState {
  return { targets: base.initialTargets, drafts: {}, held: {}, path: null, goal: base.higherBands[0] ? `predicate:${base.higherBands[0].name}` : "index", goalIndex: "", goalIndexInvalid: false };
}

/** The goal as the path search takes it, or null when the typed index is not 0-5 with at most 2 decimals. */
function goalOf(state: SimulationState): PathGoal | null {
  if (state.goal !== "index") return { kind: "predicate", predicate: state.goal.slice("predicate:".length) };
  const text = state.goalIndex.trim().replace(",", ".");
  if (!/^\d(\.\d{1,2})?$/.test(text) || Number(text) > 5) return null;
  return { kind: "index", index: text };
}

export function reduceSimulation(base: SimulationBase, state: SimulationState, event: SimulationEvent): SimulationState {
  switch (event.type) {
    case "targetTyped":
      return { ...state, drafts: { ...state.drafts, [event.number]: event.text } };
    case "targetSet":
      return { ...state, targets: { ...state.targets, [event.number]: event.value } };
    case "held":
      return { ...state, held: { ...state.held, [event.number]: event.held } };
    case "goalChosen":
      return { ...state, goal: event.goal };
    case "goalIndexTyped":
      return { ...state, goalIndex: event.text };
    case "reset":
      return { ...state, targets: base.initialTargets, drafts: {}, path: null };
    case "pathAsked": {
      const goal = goalOf(state);
      if (!goal) return { ...state, goalIndexInvalid: true };
      // A held indicator stays at its current level (unanswered counts as held at 0).
      const ceilings = Object.fromEntries(Object.entries(state.held).filter(([, isHeld]) => isHeld).map(([number]) => [number, base.currentValues[number] ?? "0"]));
      const path = fastestPath(base.definition, base.currentValues, goal, { basis: base.basis, ceilings });
      return { ...state, goalIndexInvalid: false, path, drafts: {}, targets: path.status === "found" ? { ...base.initialTargets, ...path.targets } : base.initialTargets };
    }
  }
}

/** The index the targets would give, its difference to now, and the targets above the current level (what a plan saves). */
export function projectionOf(base: SimulationBase, state: SimulationState) {
  const projected = scoreAssessment(base.definition, state.targets, { predicateBasis: base.basis });
  const difference = Decimal.parse(projected.indexExact).sub(Decimal.parse(base.now.indexExact));
  const raised = base.rows.flatMap((row) => {
    if (row.kind !== "indicator") return [];
    const target = state.targets[row.number] ?? null;
    const from = base.currentValues[row.number] ?? null;
    if (target === null || (from !== null && !Decimal.parse(target).gt(Decimal.parse(from)))) return [];
    return [{ number: row.number, target }];
  });
  return { projected, difference, raised };
}

/** The choices for a target: from the current level (or the scale minimum when unanswered) up to the scale maximum. */
export function targetOptions(definition: FrameworkDefinition, from: string | null): string[] {
  const min = Number(definition.valueScale.min);
  const max = Number(definition.valueScale.max);
  const start = from === null ? min : Number(from);
  return Array.from({ length: Math.max(0, max - start + 1) }, (_, i) => String(start + i));
}
