"use client";

// Labelled inputs that show their field error from the surrounding ActionForm, wired for
// screen readers (aria-invalid, aria-describedby).
import type { ReactNode } from "react";
import { useFormContext } from "./action-form";
import { LevelInput, type LevelInputProps } from "./level-input";

type Base = { name: string; label: string; hint?: string; className?: string };

function FieldFrame({ name, label, hint, className, children }: Base & { children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode }) {
  const { errors, formId } = useFormContext();
  const id = `${formId}-${name}`;
  const error = errors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      {children({ id, describedBy, invalid: !!error })}
      {hint && <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600">{hint}</p>}
      {error && <p id={`${id}-error`} className="mt-0.5 text-sm text-red-700">{error}</p>}
    </div>
  );
}

/** The error of a field that has no single input (per-row lists such as the butir statuses). */
export function FieldError({ name }: { name: string }) {
  const { errors, formId } = useFormContext();
  const error = errors[name];
  return error ? <p id={`${formId}-${name}-error`} role="alert" className="text-sm text-red-700">{error}</p> : null;
}

const inputClass = (invalid: boolean) =>
  `mt-1 w-full rounded-md border px-2 py-1.5 text-sm ${invalid ? "border-red-500" : "border-slate-300"}`;

export function TextField({ type = "text", defaultValue, autoComplete, ...base }: Base & { type?: "text" | "email" | "password" | "date"; defaultValue?: string; autoComplete?: string }) {
  return (
    <FieldFrame {...base}>
      {({ id, describedBy, invalid }) => (
        <input id={id} name={base.name} type={type} defaultValue={defaultValue} autoComplete={autoComplete} aria-invalid={invalid} aria-describedby={describedBy} className={inputClass(invalid)} />
      )}
    </FieldFrame>
  );
}

export function SelectField({ options, defaultValue, ...base }: Base & { options: { value: string; label: string }[]; defaultValue?: string }) {
  return (
    <FieldFrame {...base}>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={base.name} defaultValue={defaultValue} aria-invalid={invalid} aria-describedby={describedBy} className={inputClass(invalid)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxGroup({ name, label, options, defaultValues = [], className }: Base & { options: { value: string; label: string }[]; defaultValues?: string[] }) {
  const { errors } = useFormContext();
  return (
    <fieldset className={className}>
      <legend className="text-sm font-medium">{label}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name={`${name}[]`} value={option.value} defaultChecked={defaultValues.includes(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
      {errors[name] && <p className="mt-0.5 text-sm text-red-700">{errors[name]}</p>}
    </fieldset>
  );
}

/** One checkbox that sends `value` when checked and nothing otherwise. */
export function CheckboxField({ name, label, hint, value = "true", defaultChecked, className }: Base & { value?: string; defaultChecked?: boolean }) {
  const { errors, formId } = useFormContext();
  const id = `${formId}-${name}`;
  const error = errors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium">
        <input id={id} type="checkbox" name={name} value={value} defaultChecked={defaultChecked} aria-invalid={!!error} aria-describedby={describedBy} />
        {label}
      </label>
      {hint && <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600">{hint}</p>}
      {error && <p id={`${id}-error`} className="mt-0.5 text-sm text-red-700">{error}</p>}
    </div>
  );
}

export function TextAreaField({ defaultValue, rows = 4, ...base }: Base & { defaultValue?: string; rows?: number }) {
  return (
    <FieldFrame {...base}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} name={base.name} rows={rows} defaultValue={defaultValue} aria-invalid={invalid} aria-describedby={describedBy} className={inputClass(invalid)} />
      )}
    </FieldFrame>
  );
}

/** A level on the framework's scale (select or decimal field), with the server's error for it. */
export function LevelField({ name, label, hint, className, ...input }: Base & Omit<LevelInputProps, "id" | "name" | "error" | "label" | "describedBy">) {
  const { errors, formId } = useFormContext();
  const id = `${formId}-${name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <LevelInput {...input} id={id} name={name} error={errors[name]} describedBy={hint ? `${id}-hint` : undefined} className="mt-1 w-full" />
      {hint && <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600">{hint}</p>}
    </div>
  );
}
