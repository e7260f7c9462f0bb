"use client";

import { useState, type FormEvent } from "react";
import { fill } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";

type Labels = Messages["auth"];
type FieldErrors = Partial<Record<"email" | "password", string>>;

type Props = { labels: Labels; returnTo: string; ssoName: string | null; initialError: string | null };

async function postToAuth(path: string, fields: Record<string, string>, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  return fetch(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...extraHeaders },
    body: new URLSearchParams({ ...fields, csrfToken, json: "true" }),
  });
}

// Talks to next-auth's endpoints directly (what next-auth/react's signIn does), so the page
// needs no session provider and can show the server's 429 with its retry time.
export function SignInForm({ labels, returnTo, ssoName, initialError }: Props) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(initialError);
  const [isBusy, setIsBusy] = useState(false);
  const [isRedirecting, setIsRedirecting] = useState(false);

  // next-auth answers with the provider's authorization URL (state and PKCE verifier are set
  // as cookies on this response); the browser then leaves for the provider.
  async function onSingleSignOn() {
    setFormError(null);
    setIsRedirecting(true);
    try {
      const response = await postToAuth("/api/auth/signin/oidc", { callbackUrl: returnTo });
      const body = (await response.json().catch(() => ({}))) as { url?: string };
      if (!response.ok || !body.url) throw new Error("no authorization URL");
      window.location.assign(body.url);
    } catch {
      setFormError(labels.networkError);
      setIsRedirecting(false);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // zod arrives with the first submission, not with the page.
    const { ZSignIn } = await import("@/lib/validation/auth");
    const parsed = ZSignIn.safeParse({ email: data.get("email"), password: data.get("password") });
    setFormError(null);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      // The reader's language: the schema only decides which field is wrong.
      const messageOf = { email: labels.emailInvalid, password: labels.passwordRequired };
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof FieldErrors;
        errors[field] ??= messageOf[field];
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setIsBusy(true);
    try {
      const response = await postToAuth("/api/auth/callback/credentials", { ...parsed.data, callbackUrl: returnTo }, { "x-auth-return-redirect": "1" });
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
    <div className="space-y-4">
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
      {ssoName && (
        <>
          <p className="flex items-center gap-3 text-sm text-slate-600 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">
            {labels.ssoDivider}
          </p>
          <button
            type="button"
            onClick={onSingleSignOn}
            disabled={isRedirecting}
            className="w-full rounded-md border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60"
          >
            {fill(isRedirecting ? labels.ssoRedirecting : labels.ssoSubmit, { name: ssoName })}
          </button>
        </>
      )}
    </div>
  );
}
