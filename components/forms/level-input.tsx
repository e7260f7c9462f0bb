"use client";

// The one control for entering a level, following the framework's scale: a select of the
// named levels on a whole-level scale (spbe-2020), a decimal field with a comma on a
// decimal one (pemdi-2026), checked as the person types with the same rule the server
// applies (lib/assessment/level-rule.ts). Works uncontrolled inside a form (name +
// defaultValue) or controlled (value + onValue).
import { useState } from "react";
import { checkLevel, describeLevelIssue, type LevelOption, type LevelScaleRule, type LevelTexts } from "@/lib/assessment/level-rule";

export type LevelInputProps = {
  id: string;
  name?: string;
  scale: LevelScaleRule;
  /** The named levels, shown as a select on a whole-level scale. */
  options: readonly LevelOption[];
  texts: LevelTexts & { none: string };
  defaultValue?: string;
  value?: string;
  /** Every change as typed; `level` is the canonical value ("2.75"), null when empty or invalid. */
  onValue?(text: string, level: string | null): void;
  /** A message from the server or the caller's own rule (e.g. "not below the current level"). */
  error?: string;
  /** Offer "not filled in" (false where a level is required, e.g. a target above the current one). */
  allowNone?: boolean;
  label?: string;
  describedBy?: string;
  className?: string;
};

export function LevelInput({ id, name, scale, options, texts, defaultValue, value, onValue, error, allowNone = true, label, describedBy, className }: LevelInputProps) {
  const [typed, setTyped] = useState<string | null>(null);
  const text = value ?? typed ?? defaultValue ?? "";
  const checked = scale.integer ? null : checkLevel(scale, text);
  const ownError = checked && "issue" in checked ? describeLevelIssue(scale, checked.issue, texts) : undefined;
  const shownError = error ?? ownError;
  const errorId = `${id}-galat`;
  const common = {
    id,
    name,
    "aria-label": label,
    "aria-invalid": !!shownError,
    "aria-describedby": [describedBy, shownError ? errorId : null].filter(Boolean).join(" ") || undefined,
    className: `rounded-md border px-2 py-1 text-sm ${shownError ? "border-red-500" : "border-slate-300"} ${className ?? ""}`,
  };
  const change = (next: string) => {
    if (value === undefined) setTyped(next);
    const result = checkLevel(scale, next);
    onValue?.(next, "level" in result ? result.level : null);
  };
  return (
    <>
      {scale.integer ? (
        <select {...common} {...(value === undefined ? { defaultValue } : { value })} onChange={(event) => change(event.target.value)}>
          {allowNone && <option value="">{texts.none}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          inputMode="decimal"
          autoComplete="off"
          {...(value === undefined ? { defaultValue } : { value })}
          onChange={(event) => change(event.target.value)}
        />
      )}
      {shownError && <p id={errorId} className="mt-0.5 text-sm text-red-700">{shownError}</p>}
    </>
  );
}
