"use client";

// Resumable evidence upload (tus): several files at once, drag and drop, a progress bar
// with speed and remaining time per file. A dropped connection is retried from the last
// byte the server has; a file picked again after a page reload resumes too. Checks that
// need the bytes (type by content, zip bombs) happen on the server after the last byte;
// its refusal is shown next to the file. Embed it anywhere evidence is attached and take
// the new item from `onUploaded`.
import { useRef, useState, type DragEvent } from "react";
import * as tus from "tus-js-client";
import type { Messages } from "@/lib/i18n/messages";
import { fill } from "@/lib/i18n/format";
import { formatBytes, formatDuration } from "@/lib/evidence/format";

export type UploadedEvidence = { id: string; title: string; kind: "FILE" | "LINK"; url: string };

type Props = {
  labels: Messages["evidence"]["uploader"];
  /** Labels of the document types; when given, the person picks the type of the next files. */
  documentTypes?: Record<string, string>;
  maxBytes: number;
  /** The period the evidence is uploaded for (it is then confirmed for that period). */
  periodId?: string;
  locale?: string;
  onUploaded?: (evidence: UploadedEvidence) => void;
};

type Status = "waiting" | "uploading" | "checking" | "retrying" | "done" | "failed";
type Item = { key: number; name: string; status: Status; sent: number; total: number; speed: number | null; message: string | null; upload?: tus.Upload };

const ENDPOINT = "/api/v1/uploads";
const ACCEPT = ".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.ods,.mp4,.m4v";
const SPEED_WINDOW_MS = 3000;

function decodeEvidence(header: string | undefined): (UploadedEvidence & { message: string }) | null {
  if (!header) return null;
  const binary = atob(header.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
}

function serverMessage(error: Error): string | null {
  const body = (error as tus.DetailedError).originalResponse?.getBody();
  try {
    return (JSON.parse(body ?? "") as { error?: { message?: string } }).error?.message ?? null;
  } catch {
    return null;
  }
}

export function EvidenceUploader({ labels, documentTypes, maxBytes, periodId, locale = "id", onUploaded }: Props) {
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const [documentType, setDocumentType] = useState("LAINNYA");
  const nextKey = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);

  const update = (key: number, change: Partial<Item>) => setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  function start(file: File) {
    const key = nextKey.current++;
    const base: Item = { key, name: file.name, status: "waiting", sent: 0, total: file.size, speed: null, message: null };
    if (file.size === 0) return setItems((current) => [...current, { ...base, status: "failed", message: fill(labels.empty, { name: file.name }) }]);
    if (file.size > maxBytes) {
      const message = fill(labels.tooLarge, { name: file.name, size: formatBytes(file.size, locale), max: formatBytes(maxBytes, locale) });
      return setItems((current) => [...current, { ...base, status: "failed", message }]);
    }
    const samples: { at: number; sent: number }[] = [];
    const upload = new tus.Upload(file, {
      endpoint: ENDPOINT,
      metadata: { filename: file.name, documentType, ...(periodId ? { periodId } : {}) },
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000],
      removeFingerprintOnSuccess: true,
      onProgress(sent, total) {
        const now = performance.now();
        samples.push({ at: now, sent });
        while (samples.length > 2 && now - samples[0]!.at > SPEED_WINDOW_MS) samples.shift();
        const first = samples[0]!;
        const speed = now > first.at ? ((sent - first.sent) * 1000) / (now - first.at) : null;
        update(key, { sent, total, speed, status: sent >= total ? "checking" : "uploading" });
      },
      onShouldRetry(error) {
        const status = error.originalResponse?.getStatus() ?? 0;
        const retry = !(status >= 400 && status < 500 && status !== 409 && status !== 423);
        if (retry) update(key, { status: "retrying" });
        return retry;
      },
      onSuccess({ lastResponse }) {
        const evidence = decodeEvidence(lastResponse.getHeader("Upload-Evidence"));
        update(key, { status: "done", sent: file.size, message: evidence?.message ?? null, upload: undefined });
        if (evidence) onUploaded?.({ id: evidence.id, title: evidence.title, kind: evidence.kind, url: evidence.url });
      },
      onError(error) {
        update(key, { status: "failed", message: serverMessage(error) ?? fill(labels.networkFailed, { name: file.name }), upload: undefined });
      },
    });
    setItems((current) => [...current, { ...base, upload }]);
    // A file picked again after a reload continues the earlier upload of the same file.
    void upload.findPreviousUploads().then((previous) => {
      if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
      update(key, { status: "uploading" });
    });
  }

  function addFiles(files: FileList | null) {
    for (const file of Array.from(files ?? [])) start(file);
    if (inputRef.current) inputRef.current.value = "";
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  }

  function cancel(item: Item) {
    void item.upload?.abort(true);
    setItems((current) => current.filter((other) => other.key !== item.key));
  }

  const statusLabel: Record<Status, string> = {
    waiting: labels.waiting,
    uploading: labels.uploading,
    checking: labels.checking,
    retrying: labels.retrying,
    done: labels.done,
    failed: labels.failed,
  };

  return (
    <section aria-label={labels.title} className="space-y-3">
      {documentTypes && (
        <label className="block max-w-xs text-sm">
          <span className="font-medium">{labels.documentType}</span>
          <select value={documentType} onChange={(event) => setDocumentType(event.target.value)} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5" name="uploadDocumentType">
            {Object.entries(documentTypes).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
      )}
      <div
        data-testid="area-unggah"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed p-5 text-center text-sm ${dragging ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}
      >
        <p>
          {labels.drop}{" "}
          <label className="cursor-pointer font-medium text-brand-700 underline">
            {labels.choose}
            <input ref={inputRef} type="file" multiple accept={ACCEPT} className="sr-only" onChange={(event) => addFiles(event.target.files)} />
          </label>
        </p>
        <p className="mt-1 text-xs text-slate-600">{fill(labels.accepted, { max: formatBytes(maxBytes, locale) })}</p>
      </div>
      {items.length > 0 && (
        <ul className="space-y-2">
          {items.map((item) => {
            const percent = item.total > 0 ? Math.floor((item.sent / item.total) * 100) : 0;
            const active = item.status === "uploading" || item.status === "retrying";
            const remaining = item.speed && item.speed > 0 ? (item.total - item.sent) / item.speed : null;
            return (
              <li key={item.key} data-testid={`unggahan-${item.name}`} data-status={item.status} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium break-all">{item.name}</span>
                  <span className="text-slate-600">
                    {statusLabel[item.status]}
                    {item.status !== "failed" && ` · ${percent}% · ${formatBytes(item.sent, locale)} / ${formatBytes(item.total, locale)}`}
                    {active && item.speed !== null && ` · ${fill(labels.speed, { speed: formatBytes(item.speed, locale) })}`}
                    {active && remaining !== null && ` · ${fill(labels.remaining, { time: formatDuration(remaining) })}`}
                  </span>
                </div>
                {item.status !== "failed" && (
                  <progress value={item.sent} max={item.total || 1} aria-label={fill(labels.progressLabel, { name: item.name })} className="mt-2 h-2 w-full" />
                )}
                {item.message && (
                  <p role={item.status === "failed" ? "alert" : "status"} className={`mt-1 ${item.status === "failed" ? "text-red-700" : "text-green-800"}`}>
                    {item.message}
                  </p>
                )}
                {(active || item.status === "waiting") && (
                  <button type="button" onClick={() => cancel(item)} className="mt-1 text-xs text-slate-600 underline">{labels.cancel}</button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
