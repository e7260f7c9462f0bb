"use client";

// The owner's answer: level (criteria side by side, cumulative), explanation, evidence.
// The draft (autosave, the device copy, conflicts, offline) is useAnswerDraft's; this
// component only shows it.
import { useState } from "react";
import dynamic from "next/dynamic";
import type { Messages } from "@/lib/i18n/messages";
import type { FormState } from "@/lib/validation/form-state";
import { displayLevel, type LevelTexts } from "@/lib/assessment/level-rule";
import { previewAt, type LevelPreview } from "@/lib/assessment/level-preview";
import type { Draft } from "@/lib/assessment/answer-draft";
import { LevelInput } from "@/components/forms/level-input";
import { useAnswerDraft } from "@/components/assessment/use-answer-draft";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

// The resumable uploader (tus) is fetched only when the person opens it.
const EvidenceUploader = dynamic(() => import("@/components/evidence/evidence-uploader").then((module) => module.EvidenceUploader), { ssr: false });

export type EditorLabels = {
  level: string; levelNone: string; criteriaTitle: string; criteriaHint: string; met: string;
  explanation: string; explanationHint: string; explanationTemplate: string;
  evidence: string; evidenceNone: string; evidenceLibrary: string; evidenceLibraryEmpty: string;
  addLink: string; linkTitle: string; linkUrl: string; waiver: string; upload: string;
  saveNow: string; saving: string; saved: string; unsaved: string; offline: string; restored: string;
  conflictTitle: string; conflictText: string; conflictTheirs: string; conflictMine: string; useMine: string; useTheirs: string;
  confirmBaseline: string; baselineNotice: string; submit: string; effect: string;
  candidatesTitle: string; candidatesHint: string; candidateFrom: string; candidateAttach: string; candidateOtherUnit: string;
};

type Props = {
  periodId: string;
  indicatorId: string;
  storageKey: string;
  version: number;
  status: string | null;
  initial: Draft;
  /** `mark`: why the criterion is not the regulation's wording (a summary...), or null. */
  levels: { value: string; name: string; criteria: string; mark: string | null }[];
  levelTexts: LevelTexts & { none: string };
  library: { id: string; title: string; kind: string; url: string | null }[];
  /** Evidence the carry-over proposes for this indicator (another framework's mapped indicator supported it). */
  candidates: { id: string; title: string; kind: string; url: string | null; source: string; attachable: boolean }[];
  /** The period's self index with this indicator at any level of the scale. */
  preview: LevelPreview;
  uploader: { labels: Messages["evidence"]["uploader"]; documentTypes: Record<string, string>; maxBytes: number; locale: string };
  labels: EditorLabels;
  save: Action;
  submit: Action;
  addLink: Action;
};

const clockOf = (epoch: number) => new Date(epoch).toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit" });

export function AnswerEditor(props: Props) {
  const { labels } = props;
  const answer = useAnswerDraft(props);
  const { draft, conflict, errors, message, restored, library, status, savedAt } = answer.state;
  const { change, dirty } = answer;
  const [isUploaderOpen, setUploaderOpen] = useState(false);

  const selected = draft.level === "" ? 0 : Number(draft.level.replace(",", "."));
  const effect = previewAt(props.preview, draft.level);
  const scale = props.preview.scale;
  const indicatorTexts = { saving: labels.saving, offline: labels.offline, unsaved: labels.unsaved, saved: savedAt === null ? "" : labels.saved.replace("{time}", clockOf(savedAt)) };
  const statusText = answer.indicator === null ? "" : indicatorTexts[answer.indicator];

  return (
    <div className="space-y-5">
      {props.status === "NEEDS_CONFIRMATION" && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p>{labels.baselineNotice}</p>
          <button type="button" onClick={() => void answer.confirmBaseline()} className="mt-2 rounded-md border border-amber-400 bg-white px-3 py-1 font-medium hover:bg-amber-100">
            {labels.confirmBaseline}
          </button>
        </div>
      )}
      {restored && <p role="status" className="rounded-md border border-sky-300 bg-sky-50 p-2 text-sm text-sky-900">{labels.restored}</p>}

      {conflict && (
        <section role="alert" aria-labelledby="konflik-judul" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm" data-testid="konflik">
          <h3 id="konflik-judul" className="font-semibold text-red-900">
            {labels.conflictTitle.replace("{name}", conflict.updatedBy).replace("{time}", conflict.updatedAt)}
          </h3>
          <p>{labels.conflictText}</p>
          <div className="grid gap-3 md:grid-cols-2">
            <div className="rounded border border-slate-200 bg-white p-2">
              <p className="font-medium">{labels.conflictTheirs}</p>
              <p>{labels.level}: {conflict.level === "" ? labels.levelNone : String(Number(conflict.level)).replace(".", ",")}</p>
              <p className="whitespace-pre-wrap" data-testid="versi-tersimpan">{conflict.explanation}</p>
            </div>
            <div className="rounded border border-slate-200 bg-white p-2">
              <p className="font-medium">{labels.conflictMine}</p>
              <p>{labels.level}: {draft.level === "" ? labels.levelNone : draft.level}</p>
              <p className="whitespace-pre-wrap">{draft.explanation}</p>
            </div>
          </div>
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={() => answer.resolve("mine")} className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">{labels.useMine}</button>
            <button type="button" onClick={() => answer.resolve("theirs")} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">{labels.useTheirs}</button>
          </div>
        </section>
      )}

      <fieldset className="space-y-2">
        <legend className="font-semibold">{labels.criteriaTitle}</legend>
        <p className="text-sm text-slate-600">{labels.criteriaHint}</p>
        <div className="grid gap-2 md:grid-cols-5" role="radiogroup" aria-label={labels.level}>
          {props.levels.map((level) => {
            const value = Number(level.value);
            const isChosen = selected === value;
            const isMet = selected >= value;
            return (
              <label
                key={level.value}
                className={`flex cursor-pointer flex-col gap-1 rounded-md border p-2 text-sm ${isChosen ? "border-brand-700 ring-2 ring-brand-700" : isMet ? "border-brand-300 bg-brand-50" : "border-slate-200 bg-white"}`}
              >
                <span className="flex items-center gap-2 font-semibold">
                  <input type="radio" name="level" value={level.value} checked={isChosen} onChange={() => change({ level: level.value })} />
                  {labels.level} {level.value} · {level.name}
                </span>
                <span className="text-slate-700">{level.criteria}</span>
                {level.mark && <span className="self-start rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{level.mark}</span>}
                {isMet && <span className="text-xs font-medium text-brand-800">✓ {labels.met}</span>}
              </label>
            );
          })}
        </div>
        {!scale.integer && (
          <div className="text-sm">
            <label htmlFor="tingkat-desimal" className="mr-2 font-medium">{labels.level} ({displayLevel(scale.min)}-{displayLevel(scale.max)})</label>
            <LevelInput id="tingkat-desimal" scale={scale} options={[]} texts={props.levelTexts} value={draft.level} onValue={(text) => change({ level: text })} error={errors.level} className="w-24" />
          </div>
        )}
        {errors.level && scale.integer && <p className="text-sm text-red-700">{errors.level}</p>}
        {effect && (
          <p className="text-sm" data-testid="efek-indeks">
            {labels.effect.replace("{index}", effect.index).replace("{predicate}", effect.predicate)}
          </p>
        )}
      </fieldset>

      <div>
        <label htmlFor="penjelasan" className="block font-semibold">{labels.explanation}</label>
        <p id="penjelasan-petunjuk" className="text-sm text-slate-600">{labels.explanationHint}</p>
        <textarea
          id="penjelasan"
          value={draft.explanation}
          placeholder={labels.explanationTemplate}
          onChange={(event) => change({ explanation: event.target.value })}
          rows={9}
          aria-invalid={!!errors.explanation}
          aria-describedby="penjelasan-petunjuk"
          className={`mt-1 w-full rounded-md border px-2 py-1.5 font-mono text-sm ${errors.explanation ? "border-red-500" : "border-slate-300"}`}
        />
        {errors.explanation && <p className="text-sm text-red-700">{errors.explanation}</p>}
      </div>

      <fieldset className="space-y-2">
        <legend className="font-semibold">{labels.evidence}</legend>
        {library.length === 0 ? (
          <p className="text-sm text-slate-600">{labels.evidenceLibraryEmpty}</p>
        ) : (
          <details open={draft.evidenceIds.length > 0} className="rounded-md border border-slate-200 bg-white p-2">
            <summary className="cursor-pointer text-sm">{labels.evidenceLibrary} ({draft.evidenceIds.length})</summary>
            <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto text-sm">
              {library.map((item) => (
                <li key={item.id}>
                  <label className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      checked={draft.evidenceIds.includes(item.id)}
                      onChange={(event) =>
                        change({ evidenceIds: event.target.checked ? [...draft.evidenceIds, item.id] : draft.evidenceIds.filter((id) => id !== item.id) })
                      }
                    />
                    <span>
                      {item.title}
                      {item.url && <span className="block break-all text-xs text-slate-600">{item.url}</span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </details>
        )}
        {props.candidates.some((candidate) => !draft.evidenceIds.includes(candidate.id)) && (
          <div className="rounded-md border border-sky-200 bg-sky-50 p-2 text-sm" data-testid="bukti-kandidat">
            <p className="font-medium">{labels.candidatesTitle}</p>
            <p className="text-slate-700">{labels.candidatesHint}</p>
            <ul className="mt-1 space-y-1">
              {props.candidates
                .filter((candidate) => !draft.evidenceIds.includes(candidate.id))
                .map((candidate) => (
                  <li key={candidate.id} className="flex flex-wrap items-center gap-2">
                    <span>
                      {candidate.title}
                      <span className="block text-xs text-slate-600">{labels.candidateFrom.replace("{source}", candidate.source)}</span>
                    </span>
                    {candidate.attachable ? (
                      <button
                        type="button"
                        onClick={() => answer.attach(candidate)}
                        className="rounded-md border border-sky-400 bg-white px-2 py-0.5 hover:bg-sky-100"
                      >
                        {labels.candidateAttach}
                      </button>
                    ) : (
                      <span className="text-xs text-slate-600">{labels.candidateOtherUnit}</span>
                    )}
                  </li>
                ))}
            </ul>
          </div>
        )}
        {errors.evidenceIds && <p className="text-sm text-red-700">{errors.evidenceIds}</p>}
        <details className="rounded-md border border-slate-200 bg-white p-2" onToggle={(event) => setUploaderOpen(event.currentTarget.open)}>
          <summary className="cursor-pointer text-sm">{labels.upload}</summary>
          {isUploaderOpen && (
            <div className="mt-2">
              <EvidenceUploader
                labels={props.uploader.labels}
                documentTypes={props.uploader.documentTypes}
                maxBytes={props.uploader.maxBytes}
                locale={props.uploader.locale}
                periodId={props.periodId}
                // A file already in the library comes back as that item: it is attached once.
                onUploaded={(evidence) => answer.attach(evidence)}
              />
            </div>
          )}
        </details>
        <details className="rounded-md border border-slate-200 bg-white p-2">
          <summary className="cursor-pointer text-sm">{labels.addLink}</summary>
          <form
            className="mt-2 flex flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              const form = event.currentTarget;
              const data = new FormData(form);
              void answer.addLink(String(data.get("title") ?? ""), String(data.get("url") ?? "")).then((added) => added && form.reset());
            }}
          >
            <label className="text-sm">
              <span className="block">{labels.linkTitle}</span>
              <input name="title" className="mt-1 w-56 rounded-md border border-slate-300 px-2 py-1" />
            </label>
            <label className="text-sm">
              <span className="block">{labels.linkUrl}</span>
              <input name="url" type="url" className="mt-1 w-72 rounded-md border border-slate-300 px-2 py-1" />
            </label>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">{labels.addLink}</button>
          </form>
        </details>
        <label className="block text-sm">
          <span className="font-medium">{labels.waiver}</span>
          <input value={draft.waiver} onChange={(event) => change({ waiver: event.target.value })} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1" />
        </label>
      </fieldset>

      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 py-3">
        <button type="button" onClick={answer.saveNow} disabled={!dirty || status === "saving"} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50">
          {labels.saveNow}
        </button>
        <button type="button" onClick={() => void answer.submit()} disabled={!!conflict || status === "saving"} className="rounded-md bg-brand-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-50">
          {labels.submit}
        </button>
        <span role="status" aria-live="polite" data-testid="status-simpan" className={`text-sm ${status === "offline" || status === "error" ? "text-red-700" : "text-slate-600"}`}>
          {statusText}
        </span>
        {message && (
          <p role={message.isError ? "alert" : "status"} data-testid="pesan-jawaban" className={`w-full text-sm ${message.isError ? "text-red-700" : "text-green-800"}`}>
            {message.text}
          </p>
        )}
      </div>
    </div>
  );

}
