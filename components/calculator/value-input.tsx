"use client";

import { useState } from "react";
import { Decimal } from "@/lib/scoring";
import { useCalculator } from "./calculator-context";

/** Free decimal value for frameworks whose indicators take averages (pemdi-2026). */
export function ValueInput({
  number,
  label,
  hint,
  invalidMessage,
}: {
  number: number;
  label: string;
  hint: string;
  invalidMessage: string;
}) {
  const { framework, values, setValue } = useCalculator();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (values[number] ?? "").replace(".", ",");
  const min = Decimal.parse(framework.valueScale.min);
  const max = Decimal.parse(framework.valueScale.max);

  const parsed = shown.trim() === "" ? null : Decimal.tryFrom(shown.trim().replace(",", "."));
  const isInvalid = shown.trim() !== "" && (!parsed || parsed.lt(min) || parsed.gt(max));
  const inputId = `nilai-${number}`;
  const errorId = `${inputId}-galat`;

  return (
    <div className="space-y-1">
      <label htmlFor={inputId} className="block text-sm font-medium">{label}</label>
      <input
        id={inputId}
        inputMode="decimal"
        autoComplete="off"
        value={shown}
        aria-invalid={isInvalid}
        aria-describedby={isInvalid ? errorId : `${inputId}-petunjuk`}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const candidate = next.trim() === "" ? null : Decimal.tryFrom(next.trim().replace(",", "."));
          // An invalid entry counts as unanswered rather than silently keeping the old value.
          const isValid = candidate !== null && candidate.gte(min) && candidate.lte(max);
          setValue(number, isValid ? candidate.toString() : null);
        }}
        className={`w-32 rounded-md border px-3 py-2 ${isInvalid ? "border-red-600" : "border-slate-300"}`}
      />
      {isInvalid ? (
        <p id={errorId} className="text-sm text-red-700">{invalidMessage}</p>
      ) : (
        <p id={`${inputId}-petunjuk`} className="text-xs text-slate-600">{hint}</p>
      )}
    </div>
  );
}
