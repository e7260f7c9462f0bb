"use client";

// The superadmin picks a framework file; the server checks it (field by field) and shows
// what would change against the stored version; only then can it be imported, and exactly
// that content (the checksum ties the import to the preview).
import { useState, useTransition } from "react";
import type { FrameworkPreview } from "@/lib/framework-versions/import";
import type { Messages } from "@/lib/i18n/messages";
import { fill } from "@/lib/i18n/format";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FrameworkDiffLists } from "@/components/framework/framework-diff";

type Labels = Messages["admin"]["frameworks"];
type Action = Parameters<typeof ActionForm>[0]["action"];

export function FrameworkImport({
  labels,
  fixErrorsMessage,
  savingLabel,
  preview,
  importAction,
}: {
  labels: Labels;
  fixErrorsMessage: string;
  savingLabel: string;
  preview: (content: string) => Promise<FrameworkPreview>;
  importAction: Action;
}) {
  const [content, setContent] = useState<string | null>(null);
  const [result, setResult] = useState<FrameworkPreview | null>(null);
  const [pending, startTransition] = useTransition();

  const check = (file: File | undefined) => {
    setResult(null);
    if (!file) return;
    startTransition(async () => {
      const text = await file.text();
      setContent(text);
      setResult(await preview(text));
    });
  };

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="impor-kerangka">
      <label className="block text-sm">
        <span className="font-medium">{labels.file}</span>
        <input type="file" accept=".json,application/json" className="mt-1 block" onChange={(event) => check(event.target.files?.[0])} />
      </label>
      {pending && <p className="text-sm text-slate-600">{labels.previewing}</p>}
      {result && !result.ok && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="kerangka-ditolak">
          <p className="font-medium">{labels.refused}</p>
          <ul className="mt-1 list-disc pl-5">
            {result.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result?.ok && content !== null && (
        <div className="space-y-2 text-sm" data-testid="pratinjau-kerangka">
          <h3 className="font-semibold">
            {result.currentVersion === null ? fill(labels.previewNew, { code: result.code }) : fill(labels.previewTitle, { code: result.code, version: result.nextVersion })}
          </h3>
          {result.diff.unchanged && result.currentVersion !== null ? (
            <p>{fill(labels.unchangedPreview, { version: result.currentVersion })}</p>
          ) : (
            <FrameworkDiffLists diff={result.diff} labels={labels} />
          )}
          <ActionForm id="impor-kerangka-konfirmasi" action={importAction} fixErrorsMessage={fixErrorsMessage}>
            <input type="hidden" name="content" value={content} />
            <input type="hidden" name="checksum" value={result.checksum} />
            <SubmitButton pendingLabel={savingLabel}>{labels.confirm}</SubmitButton>
          </ActionForm>
        </div>
      )}
    </section>
  );
}
