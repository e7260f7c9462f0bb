"use client";

// One indicator's level and notes in the stage recording form, with their field errors
// from the surrounding ActionForm. The version field tells the server which row this
// form showed, so a change made meanwhile by someone else is refused, not overwritten.
import { useFormContext } from "@/components/forms/action-form";
import type { LevelOption } from "@/lib/assessment/external-results";

type Props = {
  number: number;
  /** The framework's named levels; null where the scale takes decimals. */
  options: LevelOption[] | null;
  /** As people write it: "3", "2,5"; empty when not recorded. */
  level: string;
  notes: string;
  version: number;
  labels: { level: string; notes: string; none: string };
};

const fieldClass = (invalid: boolean) => `w-full rounded-md border px-2 py-1 text-sm ${invalid ? "border-red-500" : "border-slate-300"}`;

export function StageEntryCells({ number, options, level, notes, version, labels }: Props) {
  const { errors, formId } = useFormContext();
  const levelId = `${formId}-level-${number}`;
  const notesId = `${formId}-notes-${number}`;
  const levelError = errors[`level-${number}`];
  const notesError = errors[`notes-${number}`];
  const levelProps = {
    id: levelId,
    name: `level-${number}`,
    defaultValue: level,
    "aria-invalid": !!levelError,
    "aria-describedby": levelError ? `${levelId}-error` : undefined,
    className: fieldClass(!!levelError),
  };
  return (
    <>
      <td className="p-2 align-top">
        <input type="hidden" name={`version-${number}`} value={version} />
        <label htmlFor={levelId} className="sr-only">{labels.level}</label>
        {options ? (
          <select {...levelProps}>
            <option value="">{labels.none}</option>
            {options.map((option) => (
              <option key={option.value} value={option.value}>{option.label}</option>
            ))}
          </select>
        ) : (
          <input {...levelProps} inputMode="decimal" autoComplete="off" />
        )}
        {levelError && <p id={`${levelId}-error`} className="mt-0.5 text-sm text-red-700">{levelError}</p>}
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
