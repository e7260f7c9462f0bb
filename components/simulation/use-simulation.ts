"use client";

// Runs the simulation's state machine (lib/simulation/simulation-state.ts) for the simulator.
import { useMemo, useReducer } from "react";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import type { PredicateBasis } from "@/lib/scoring";
import type { CurrentLevel } from "@/lib/simulation/current-levels";
import { initialSimulation, projectionOf, reduceSimulation, simulationBase, type SimulationEvent, type SimulationState } from "@/lib/simulation/simulation-state";

export function useSimulation(definition: FrameworkDefinition, current: Record<string, CurrentLevel>, basis: PredicateBasis) {
  const base = useMemo(() => simulationBase(definition, current, basis), [definition, current, basis]);
  const [state, dispatch] = useReducer((previous: SimulationState, event: SimulationEvent) => reduceSimulation(base, previous, event), base, initialSimulation);
  const projection = useMemo(() => projectionOf(base, state), [base, state]);
  return { base, state, dispatch, ...projection };
}
