"use client";

// Unexpected server errors only (expected failures are answered where they happen): the
// reference the server logged, and a way to try again.
import { errorPageId as m } from "@/lib/i18n/error-page";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-3 py-10 text-center">
      <h1 className="text-2xl font-bold text-brand-900">{m.title}</h1>
      <p>{m.text}</p>
      {error.digest && <p className="text-sm text-slate-600">{m.reference} {error.digest}</p>}
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">{m.retry}</button>
    </div>
  );
}
