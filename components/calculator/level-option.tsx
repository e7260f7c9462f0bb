"use client";

import type { ReactNode } from "react";
import { useCalculator } from "./calculator-context";

/** One level of one indicator; the criteria text comes from the server as children. */
export function LevelOption({ number, level, children }: { number: number; level: string | null; children: ReactNode }) {
  const { values, setValue } = useCalculator();
  const checked = level === null ? values[number] === undefined : values[number] === level;
  return (
    <label
      className={`flex cursor-pointer gap-3 rounded-md border p-3 text-sm transition-colors ${
        checked ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white hover:border-slate-300"
      }`}
    >
      <input
        type="radio"
        name={`indikator-${number}`}
        value={level ?? ""}
        checked={checked}
        onChange={() => setValue(number, level)}
        className="mt-1 accent-brand-700"
      />
      <span className="flex-1">{children}</span>
    </label>
  );
}
