"use client";

// A form bound to a server action. It checks the same zod schema as the server before
// sending (instant field errors), keeps what was typed when the server refuses, clears
// itself after success, and shows the outcome. Without JavaScript it still posts.
import { createContext, startTransition, useActionState, useContext, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { FormSchemaName } from "@/lib/validation/forms";
import { fieldErrors, zodDetails } from "@/lib/validation/issues";
import { formDataToObject, IDLE, type FormState } from "@/lib/validation/form-state";
import { renderIn } from "@/lib/i18n/message";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { useLocale } from "@/components/locale-context";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

// The schemas (zod) and the reader's catalog (their messages are keys) are not needed to
// show a form, only to check it: fetched when a person starts filling one, so first loads
// stay small.
const loadCatalog = (locale: Locale): Promise<Messages> =>
  locale === "en" ? import("@/lib/i18n/en").then((module) => module.en) : import("@/lib/i18n/id").then((module) => module.id);
const loadChecks = (locale: Locale) => Promise.all([import("@/lib/validation/forms"), loadCatalog(locale)]);

type FormContext = { errors: Record<string, string>; pending: boolean; formId: string };
const Context = createContext<FormContext>({ errors: {}, pending: false, formId: "" });

export const useFormContext = () => useContext(Context);

type Props = {
  action: Action;
  schema?: FormSchemaName;
  /** Asked with window.confirm before sending. */
  confirm?: string;
  resetOnSuccess?: boolean;
  /** Shown with the result, e.g. the label of a one-time temporary password. */
  dataLabels?: Record<string, string>;
  fixErrorsMessage: string;
  className?: string;
  id: string;
  children: ReactNode;
};

export function ActionForm({ action, schema, confirm, resetOnSuccess = true, dataLabels = {}, fixErrorsMessage, className, id, children }: Props) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const locale = useLocale();

  useEffect(() => {
    if (state.status === "ok" && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    if (schema) {
      const [{ FORM_SCHEMAS }, catalog] = await loadChecks(locale);
      const parsed = FORM_SCHEMAS[schema].safeParse(formDataToObject(formData));
      if (!parsed.success) {
        const errors = fieldErrors(zodDetails(parsed.error));
        setClientErrors(Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, renderIn(catalog, message)])));
        return;
      }
    }
    if (confirm && !window.confirm(confirm)) return;
    setClientErrors(null);
    startTransition(() => dispatch(formData));
  }

  const errors = clientErrors ?? (state.status === "error" ? state.fieldErrors : {});
  const message = clientErrors ? fixErrorsMessage : state.status === "idle" ? null : state.message;
  const isError = clientErrors !== null || state.status === "error";

  return (
    <Context.Provider value={{ errors, pending, formId: id }}>
      <form ref={formRef} id={id} action={dispatch} onSubmit={onSubmit} onFocus={schema ? () => void loadChecks(locale) : undefined} noValidate className={className}>
        {children}
        {message && (
          <div
            role={isError ? "alert" : "status"}
            data-testid={`${id}-hasil`}
            className={`w-full rounded-md border px-3 py-2 text-sm ${isError ? "border-red-300 bg-red-50 text-red-800" : "border-green-300 bg-green-50 text-green-900"}`}
          >
            <p>{message}</p>
            {!isError && state.status === "ok" && state.data && (
              <dl className="mt-1">
                {Object.entries(state.data).map(([key, value]) => (
                  <div key={key}>
                    <dt>{dataLabels[key] ?? key}</dt>
                    <dd className="font-mono text-base font-semibold select-all" data-testid={`${id}-${key}`}>{value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
        )}
      </form>
    </Context.Provider>
  );
}

export function SubmitButton({ children, pendingLabel, variant = "primary" }: { children: ReactNode; pendingLabel: string; variant?: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormContext();
  const styles = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    secondary: "border border-slate-300 bg-white hover:bg-slate-100",
    danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  }[variant];
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${styles}`}>
      {pending ? pendingLabel : children}
    </button>
  );
}
