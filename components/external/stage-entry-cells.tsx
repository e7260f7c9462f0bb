"use client";

// One indicator's level and notes in the stage recording form, with their field errors
// from the surrounding ActionForm. The version field tells the server which row this
// form showed, so a change made meanwhile by someone else is refused, not overwritten.
import { useFormContext } from "@/components/forms/action-form";
import { LevelInput } from "@/components/forms/level-input";
import type { LevelOption, LevelScaleRule, LevelTexts } from "@/lib/assessment/level-rule";

type Props = {
  number: number;
  scale: LevelScaleRule;
  options: LevelOption[];
  levelTexts: LevelTexts & { none: string };
  /** As people write it: "3", "2,5"; empty when not recorded. */
  level: string;
  notes: string;
  version: number;
  labels: { level: string; notes: string };
};

const fieldClass = (invalid: boolean) => `w-full rounded-md border px-2 py-1 text-sm ${invalid ? "border-red-500" : "border-slate-300"}`;

export function StageEntryCells({ number, scale, options, levelTexts, level, notes, version, labels }: Props) {
  const { errors, formId } = useFormContext();
  const levelId = `${formId}-level-${number}`;
  const notesId = `${formId}-notes-${number}`;
  const levelError = errors[`level-${number}`];
  const notesError = errors[`notes-${number}`];
  return (
    <>
      <td className="p-2 align-top">
        <input type="hidden" name={`version-${number}`} value={version} />
        <label htmlFor={levelId} className="sr-only">{labels.level}</label>
        <LevelInput id={levelId} name={`level-${number}`} scale={scale} options={options} texts={levelTexts} defaultValue={level} error={levelError} className="w-full" />
      </td>
      <td className="p-2 align-top">
        <label htmlFor={notesId} className="sr-only">{labels.notes}</label>
        <textarea
          id={notesId}
          name={`notes-${number}`}
          rows={2}
          defaultValue={notes}
          aria-invalid={!!notesError}
          aria-describedby={notesError ? `${notesId}-error` : undefined}
          className={fieldClass(!!notesError)}
        />
        {notesError && <p id={`${notesId}-error`} className="mt-0.5 text-sm text-red-700">{notesError}</p>}
      </td>
    </>
  );
}
