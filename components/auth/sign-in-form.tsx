"use client";

import { useState, type FormEvent } from "react";
import { ZSignIn } from "@/lib/validation/auth";
import { fill } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";

type Labels = Messages["auth"];
type FieldErrors = Partial<Record<"email" | "password", string>>;

// Talks to next-auth's credentials endpoint directly (what next-auth/react's signIn does),
// so the page needs no session provider and can show the server's 429 with its retry time.
export function SignInForm({ labels, returnTo }: { labels: Labels; returnTo: string }) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = ZSignIn.safeParse({ email: data.get("email"), password: data.get("password") });
    setFormError(null);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as keyof FieldErrors] ??= issue.message;
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setIsBusy(true);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
        body: new URLSearchParams({ ...parsed.data, csrfToken, callbackUrl: returnTo, json: "true" }),
      });
      if (response.status === 429) {
        const seconds = Number(response.headers.get("retry-after") ?? "900");
        setFormError(fill(labels.throttled, { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
        return;
      }
      const body = (await response.json().catch(() => ({}))) as { url?: string };
      if (!response.ok || !body.url || new URL(body.url, window.location.href).searchParams.has("error")) {
        setFormError(labels.invalid);
        return;
      }
      window.location.assign(returnTo);
    } catch {
      setFormError(labels.networkError);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && (
        <p role="alert" data-testid="galat-masuk" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      )}
      {(["email", "password"] as const).map((field) => (
        <div key={field} className="space-y-1">
          <label htmlFor={field} className="block text-sm font-medium">{labels[field]}</label>
          <input
            id={field}
            name={field}
            type={field === "email" ? "email" : "password"}
            autoComplete={field === "email" ? "username" : "current-password"}
            aria-invalid={!!fieldErrors[field]}
            aria-describedby={fieldErrors[field] ? `${field}-galat` : undefined}
            className={`w-full rounded-md border px-3 py-2 ${fieldErrors[field] ? "border-red-600" : "border-slate-300"}`}
          />
          {fieldErrors[field] && <p id={`${field}-galat`} className="text-sm text-red-700">{fieldErrors[field]}</p>}
        </div>
      ))}
      <button type="submit" disabled={isBusy} className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {isBusy ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
