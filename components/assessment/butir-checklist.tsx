// The butir of an indicator on its page, for frameworks whose levels have butir: per level
// the progress, whether it waits for the level below, and each butir with its evidence and
// its status in every stage. The owner attaches and detaches evidence here; the Asesor's
// and the Koordinator's per-butir statuses use ButirStatusFields inside their forms.
// Server-rendered; the small forms are ActionForms.
import type { ReactNode } from "react";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FieldError } from "@/components/forms/fields";
import { butirProgress, REVIEW_STAGES, statusChoices, statusLabel, type BoardButir, type ButirBoard, type ButirStatusEntry, type ReviewStage } from "@/lib/assessment/butir-board";
import { levelProgressText } from "./butir-progress";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { fill } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import type { FormState } from "@/lib/validation/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Labels = Messages["butir"];
type StageLabels = Record<string, string>;

function StatusText({ entry, definition, labels }: { entry: ButirStatusEntry | undefined; definition: FrameworkDefinition; labels: Labels }) {
  if (!entry) return <span className="text-slate-500">{labels.statusNone}</span>;
  const tone = entry.status === "diterima" ? "text-emerald-800" : "text-amber-900";
  return (
    <span className={tone}>
      {statusLabel(definition, entry)}
      {entry.automatic && <span className="text-xs text-slate-600"> ({labels.automatic})</span>}
      {entry.note && <span className="block text-xs text-slate-700">{entry.note}</span>}
    </span>
  );
}

/** Stages shown as columns: the internal verification always, external stages once they have statuses. */
function stageColumns(board: ButirBoard): ReviewStage[] {
  const used = new Set(board.levels.flatMap((level) => level.butir.flatMap((butir) => Object.keys(butir.stages))));
  return REVIEW_STAGES.filter((stage) => stage === "INTERNAL_VERIFICATION" || used.has(stage));
}

export type ButirOwnerTools = {
  periodId: string;
  indicatorId: string;
  /** What the owner may attach: their unit's library and what is already on the answer. */
  choices: readonly { id: string; title: string }[];
  attach: Action;
  detach: Action;
  fixErrorsMessage: string;
  savingLabel: string;
};

function EvidenceCell({ butir, owner, labels }: { butir: BoardButir; owner: ButirOwnerTools | null; labels: Labels }) {
  const available = owner?.choices.filter((choice) => !butir.evidence.some((item) => item.id === choice.id)) ?? [];
  return (
    <div className="space-y-1">
      {butir.evidence.length === 0 ? (
        <p className="text-slate-500">{labels.evidenceNone}</p>
      ) : (
        <ul className="space-y-0.5">
          {butir.evidence.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center gap-2">
              <a href={item.kind === "FILE" ? `/bukti/${item.id}/unduh?pratinjau=1` : item.url ?? "#"} rel="noopener noreferrer" target="_blank" className="text-brand-700 underline">
                {item.title}
              </a>
              {owner && (
                <ActionForm id={`lepas-${butir.code}-${item.id}`} action={owner.detach} fixErrorsMessage={owner.fixErrorsMessage} resetOnSuccess={false}>
                  <input type="hidden" name="periodId" value={owner.periodId} />
                  <input type="hidden" name="indicatorId" value={owner.indicatorId} />
                  <input type="hidden" name="butirCode" value={butir.code} />
                  <input type="hidden" name="evidenceId" value={item.id} />
                  <button type="submit" className="text-xs text-red-700 underline" aria-label={fill(labels.detachLabel, { title: item.title, code: butir.code })}>
                    {labels.detach}
                  </button>
                  <FieldError name="evidenceId" />
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {owner && available.length > 0 && (
        <ActionForm id={`lampir-${butir.code}`} action={owner.attach} fixErrorsMessage={owner.fixErrorsMessage} className="flex flex-wrap items-center gap-1">
          <input type="hidden" name="periodId" value={owner.periodId} />
          <input type="hidden" name="indicatorId" value={owner.indicatorId} />
          <input type="hidden" name="butirCode" value={butir.code} />
          <select name="evidenceId" aria-label={fill(labels.attachLabel, { code: butir.code })} className="max-w-56 rounded-md border border-slate-300 px-1 py-0.5 text-xs" defaultValue="">
            <option value="" disabled>{labels.attachChoose}</option>
            {available.map((choice) => (
              <option key={choice.id} value={choice.id}>{choice.title}</option>
            ))}
          </select>
          <SubmitButton pendingLabel={owner.savingLabel}>{labels.attach}</SubmitButton>
          <FieldError name="evidenceId" />
          <FieldError name="butirCode" />
        </ActionForm>
      )}
    </div>
  );
}

export function ButirChecklist({
  board,
  definition,
  labels,
  stageLabels,
  owner,
  valueAbove,
}: {
  board: ButirBoard;
  definition: FrameworkDefinition;
  labels: Labels;
  stageLabels: StageLabels;
  owner: ButirOwnerTools | null;
  /** The saved value and the level the butir support, when the value is above it. */
  valueAbove: { value: string; level: string } | null;
}) {
  const columns = stageColumns(board);
  const progress = butirProgress(board);
  const highest = board.highestCompleteLevel === null ? labels.highestNone : String(board.highestCompleteLevel);
  return (
    <section className="space-y-3 rounded-md border border-slate-200 bg-white p-3 text-sm" aria-labelledby="butir-judul" data-testid="butir">
      <h2 id="butir-judul" className="text-lg font-semibold">{labels.title}</h2>
      <p className="text-slate-700">{labels.intro}</p>
      <p className="text-slate-700" data-testid="butir-dasar">
        {board.basis === "SELF" ? labels.basisSelf : fill(labels.basisStage, { stage: stageLabels[board.basis] ?? board.basis })}
      </p>
      <p className="font-medium" data-testid="butir-tertinggi">
        {fill(board.basis === "SELF" ? labels.highestSelf : labels.highest, { level: highest })}
      </p>
      {valueAbove && (
        <p role="status" className="rounded-md bg-amber-50 p-2 text-amber-900" data-testid="butir-peringatan">
          {fill(labels.valueAbove, valueAbove)}
        </p>
      )}
      {owner && <p className="text-xs text-slate-600">{labels.attachHint}</p>}
      {board.levels.map((level) => (
        <div key={level.level} className="space-y-1" data-testid={`butir-tingkat-${level.level}`}>
          <h3 className="font-semibold">{fill(labels.levelTitle, { level: level.level })}</h3>
          <p data-testid={`butir-kemajuan-${level.level}`}>{levelProgressText(progress.levels.find((candidate) => candidate.level === level.level)!, board.basis, labels)}</p>
          {level.waitingForLowerLevel && <p className="text-amber-900">{fill(labels.waitingLevel, { lower: level.level - 1 })}</p>}
          {level.butirUnknown && <p className="text-amber-900">{labels.levelUnknown}</p>}
          {level.butir.length > 0 && (
            <div className="overflow-x-auto">
              <table className="w-full text-left">
                <thead className="text-xs text-slate-600">
                  <tr>
                    <th className="p-1">{labels.code}</th>
                    <th className="p-1">{labels.text}</th>
                    <th className="p-1">{labels.evidence}</th>
                    <th className="p-1">{labels.stageSelf}</th>
                    {columns.map((stage) => <th key={stage} className="p-1">{stageLabels[stage] ?? stage}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {level.butir.map((butir) => (
                    <tr key={butir.code} className="border-t border-slate-100 align-top" data-testid={`butir-${butir.code}`} data-state={butir.state}>
                      <td className="p-1 font-mono text-xs">{butir.code}</td>
                      <td className="p-1">
                        {butir.text}
                        {butir.state === "waiting_for_lower_level" && <span className="mt-0.5 block text-xs font-medium text-amber-900">{labels.waiting}</span>}
                      </td>
                      <td className="p-1"><EvidenceCell butir={butir} owner={owner} labels={labels} /></td>
                      <td className="p-1">{butir.evidence.length > 0 ? labels.selfUploaded : labels.selfMissing}</td>
                      {columns.map((stage) => (
                        <td key={stage} className="p-1" data-testid={`butir-${butir.code}-${stage}`}>
                          <StatusText entry={butir.stages[stage]} definition={definition} labels={labels} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}
      {board.levels.some((level) => level.butir.some((butir) => butir.history.length > 1)) && (
        <details>
          <summary className="cursor-pointer text-brand-800">{labels.historyTitle}</summary>
          <ul className="mt-1 space-y-0.5 text-xs" data-testid="butir-riwayat">
            {board.levels.flatMap((level) =>
              level.butir.flatMap((butir) =>
                butir.history.map((entry) => (
                  <li key={`${butir.code}-${entry.stage}-${entry.round}`}>
                    <span className="font-mono">{butir.code}</span> · {fill(labels.historyItem, { stage: stageLabels[entry.stage] ?? entry.stage, round: entry.round, status: statusLabel(definition, entry) })}
                    {entry.note && ` · ${entry.note}`}
                  </li>
                )),
              ),
            )}
          </ul>
        </details>
      )}
    </section>
  );
}

/** What the assessor returned, at the top of the owner's form: each butir with its kind and note. */
export function ButirRevisions({ board, definition, labels, stageLabels }: { board: ButirBoard; definition: FrameworkDefinition; labels: Labels; stageLabels: StageLabels }) {
  if (board.revisions.length === 0 || board.basis === "SELF") return null;
  return (
    <div role="status" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="butir-revisi">
      <p className="font-semibold">{labels.revisionsTitle}</p>
      <p>{fill(labels.revisionsIntro, { stage: stageLabels[board.basis] ?? board.basis })}</p>
      <ul className="list-disc pl-5">
        {board.revisions.map((entry) => (
          <li key={entry.butirCode}>
            {fill(labels.revisionItem, { code: entry.butirCode, kind: statusLabel(definition, entry) })}
            {entry.note && `: ${entry.note}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * One status select and one note per butir, as parallel lists inside the Asesor's
 * verification form or the Koordinator's stage form ("tidak diubah" leaves a butir as it is).
 */
export function ButirStatusFields({ board, definition, labels, stage, children }: { board: ButirBoard; definition: FrameworkDefinition; labels: Labels; stage: ReviewStage; children?: ReactNode }) {
  const choices = statusChoices(definition);
  return (
    <fieldset className="space-y-2 sm:col-span-2" data-testid={`butir-status-${stage}`}>
      <legend className="font-medium">{labels.statusesTitle}</legend>
      <p className="text-xs text-slate-600">{labels.statusesIntro}</p>
      {children}
      <FieldError name="butir" />
      {board.levels.map((level) => (
        <div key={level.level} className="space-y-1">
          <p className="text-sm font-medium">{fill(labels.levelTitle, { level: level.level })}</p>
          {level.butir.map((butir) => (
            <div key={butir.code} className="grid gap-1 rounded border border-slate-100 p-1 text-sm sm:grid-cols-[8rem_1fr_12rem_1fr]">
              <input type="hidden" name="butirCodes[]" value={butir.code} />
              <span className="font-mono text-xs">{butir.code}</span>
              <span>
                {butir.text}
                <span className="block text-xs text-slate-600">{butir.evidence.map((item) => item.title).join(", ") || labels.evidenceNone}</span>
              </span>
              <select name="butirStatuses[]" aria-label={fill(labels.statusLabel, { code: butir.code })} defaultValue="" className="rounded-md border border-slate-300 px-1 py-0.5 text-xs">
                <option value="">{labels.statusKeep}</option>
                {choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>{choice.label}</option>
                ))}
              </select>
              <input name="butirNotes[]" aria-label={fill(labels.noteLabel, { code: butir.code })} maxLength={2000} className="rounded-md border border-slate-300 px-1 py-0.5 text-xs" />
            </div>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
