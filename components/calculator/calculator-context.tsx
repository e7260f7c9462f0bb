"use client";

// Client state of the public calculator: the chosen value of every indicator, kept in
// localStorage so a reload loses nothing, and the score recomputed on every change by the
// same exact engine the server uses.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { scoreAssessment, type AssessmentScore, type PredicateBasis } from "@/lib/scoring";

type Values = Record<string, string>;

type CalculatorState = {
  framework: FrameworkDefinition;
  values: Values;
  setValue(number: number, value: string | null): void;
  setAll(value: string | null): void;
  basis: PredicateBasis;
  setBasis(basis: PredicateBasis): void;
  score: AssessmentScore;
};

const CalculatorContext = createContext<CalculatorState | null>(null);

export function useCalculator(): CalculatorState {
  const state = useContext(CalculatorContext);
  if (!state) throw new Error("useCalculator must be used inside <CalculatorProvider>");
  return state;
}

function indicatorNumbers(framework: FrameworkDefinition): number[] {
  const numbers: number[] = [];
  const visit = (nodes: FrameworkDefinition["nodes"]) => {
    for (const node of nodes) {
      if ("number" in node) numbers.push(node.number);
      else visit(node.children);
    }
  };
  visit(framework.nodes);
  return numbers;
}

export function CalculatorProvider({
  framework,
  storageKey,
  children,
}: {
  framework: FrameworkDefinition;
  storageKey: string;
  children: ReactNode;
}) {
  const [values, setValues] = useState<Values>({});
  const [basis, setBasis] = useState<PredicateBasis>("exact");

  useEffect(() => {
    try {
      // Another framework (or version) starts from its own saved values, or from nothing:
      // values of one framework never carry over to another.
      const saved = JSON.parse(localStorage.getItem(storageKey) ?? "null") as { values?: Values; basis?: PredicateBasis } | null;
      // localStorage exists only after hydration: reading it during render would make the
      // first client render differ from the server's HTML.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setValues(saved?.values ?? {});
      setBasis(saved?.basis === "rounded" ? "rounded" : "exact");
    } catch {
      // A corrupt or foreign entry is ignored; the calculator simply starts empty.
    }
  }, [storageKey]);

  const score = useMemo(() => {
    try {
      return scoreAssessment(framework, values, { predicateBasis: basis });
    } catch {
      // Values saved under an older framework version may no longer fit: start over.
      return scoreAssessment(framework, {}, { predicateBasis: basis });
    }
  }, [framework, values, basis]);

  const state = useMemo<CalculatorState>(() => {
    const persist = (next: Values, nextBasis: PredicateBasis) => {
      try {
        localStorage.setItem(storageKey, JSON.stringify({ values: next, basis: nextBasis }));
      } catch {
        // Storage full or disabled: the calculator still works, it just forgets on reload.
      }
    };
    return {
      framework,
      values,
      basis,
      score,
      setValue(number, value) {
        setValues((current) => {
          const next = { ...current };
          if (value === null) delete next[number];
          else next[number] = value;
          persist(next, basis);
          return next;
        });
      },
      setAll(value) {
        const next: Values = {};
        if (value !== null) for (const number of indicatorNumbers(framework)) next[number] = value;
        persist(next, basis);
        setValues(next);
      },
      setBasis(nextBasis) {
        persist(values, nextBasis);
        setBasis(nextBasis);
      },
    };
  }, [framework, values, basis, score, storageKey]);

  return <CalculatorContext.Provider value={state}>{children}</CalculatorContext.Provider>;
}
