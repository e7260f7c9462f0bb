"use client";

// The Excel upload of the import page. A file cannot ride on the form-action wrapper
// (it passes text fields only), so this posts the file to the import's route handler,
// which runs the importAnswers command; the outcome is shown here: the count imported,
// or every problem with its row and column, nothing having been saved.
import { useRef, useState, type FormEvent } from "react";

type Labels = { file: string; submit: string; sending: string; errorsTitle: string; fileMissing: string; fileTooLarge: string; notXlsx: string; failed: string };

type Outcome = { status: "idle" } | { status: "ok"; message: string } | { status: "error"; message: string; problems: string[] };

type ErrorBody = { error?: { message?: string; details?: { field: string; message: string }[] } };

export function ImportForm({ endpoint, maxBytes, labels }: { endpoint: string; maxBytes: number; labels: Labels }) {
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    const problem = !(file instanceof File) || file.size === 0 ? labels.fileMissing : !/\.xlsx$/i.test(file.name) ? labels.notXlsx : file.size > maxBytes ? labels.fileTooLarge : null;
    if (problem) return setOutcome({ status: "error", message: problem, problems: [] });
    setPending(true);
    try {
      const response = await fetch(endpoint, { method: "POST", body: data });
      const body = (await response.json().catch(() => ({}))) as ErrorBody & { message?: string };
      if (response.ok) {
        setOutcome({ status: "ok", message: body.message ?? "" });
        formRef.current?.reset();
      } else {
        const details = body.error?.details ?? [];
        const problems = details.map((detail) => detail.message);
        setOutcome({ status: "error", message: body.error?.message ?? labels.failed, problems: problems.length === 1 && problems[0] === body.error?.message ? [] : problems });
      }
    } catch {
      setOutcome({ status: "error", message: labels.failed, problems: [] });
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={formRef} id="impor" onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <label htmlFor="impor-berkas" className="block text-sm font-medium">{labels.file}</label>
        <input
          id="impor-berkas"
          name="file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={outcome.status === "error" ? "impor-hasil" : undefined}
          className="mt-1 block w-full text-sm"
        />
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? labels.sending : labels.submit}
      </button>
      {outcome.status !== "idle" && (
        <div
          id="impor-hasil"
          role={outcome.status === "error" ? "alert" : "status"}
          data-testid="impor-hasil"
          className={`rounded-md border px-3 py-2 text-sm ${outcome.status === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-green-300 bg-green-50 text-green-900"}`}
        >
          <p>{outcome.message}</p>
          {outcome.status === "error" && outcome.problems.length > 0 && (
            <>
              <p className="mt-2 font-semibold">{labels.errorsTitle}</p>
              <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="impor-masalah">
                {outcome.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}
