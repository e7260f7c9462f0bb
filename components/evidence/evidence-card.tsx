// One item of the evidence library: its data, where it is used, and (for its owner) the
// forms to change or delete it. Server component; the forms are the shared client ones.
import Link from "next/link";
import type { Messages } from "@/lib/i18n/messages";
import { fill, formatDate } from "@/lib/i18n/format";
import { formatBytes } from "@/lib/evidence/format";
import type { AgencyTimeZone } from "@/lib/i18n/time-zone";
import { INLINE_MIME_TYPES } from "@/lib/evidence/file-type";
import { evidenceUrl } from "@/lib/evidence/create-file-evidence";
import { expiryOf, type LibraryItem } from "@/lib/evidence/library-query";
import { DOCUMENT_TYPES } from "@/lib/validation/evidence";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import type { FormState } from "@/lib/validation/form-state";
import { precheckWarnings } from "@/lib/evidence/precheck/warnings";
import { PrecheckList } from "./precheck-list";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  item: LibraryItem;
  m: Messages;
  locale: string;
  today: Date;
  /** The agency's zone: dates read as its calendar days. */
  timeZone: AgencyTimeZone;
  canManage: boolean;
  actions: { update: Action; remove: Action; share: Action };
};

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "";

export function EvidenceCard({ item, m, locale, today, timeZone, canManage, actions }: Props) {
  const labels = m.evidence;
  const expiry = expiryOf(item.validUntil, today);
  const url = evidenceUrl(item.id);
  const selfAnswers = item.answers.map((link) => link.answer);
  const warnings = precheckWarnings({ ...item, mimeType: item.blob?.mimeType ?? null });
  const typeOptions = DOCUMENT_TYPES.map((value) => ({ value, label: labels.documentTypes[value] ?? value }));
  return (
    <li data-testid={`bukti-${item.id}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 className="font-semibold text-brand-900">{item.title}</h3>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{labels.kinds[item.kind]}</span>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{labels.documentTypes[item.documentType]}</span>
        {item.sharedWithInstansi && <span className="rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-900" data-testid="bukti-bersama">{labels.sharing.badge}</span>}
        {expiry === "expired" && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800">{fill(labels.expiredBadge, { date: formatDate(item.validUntil!, locale, timeZone) })}</span>}
        {expiry === "expiring" && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{fill(labels.expiringBadge, { date: formatDate(item.validUntil!, locale, timeZone) })}</span>}
      </div>
      <dl className="grid gap-x-4 gap-y-0.5 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
        {item.documentNo && (<><dt className="text-slate-500">{labels.fields.documentNo}</dt><dd>{item.documentNo}</dd></>)}
        {item.enactedAt && (<><dt className="text-slate-500">{labels.fields.enactedAt}</dt><dd>{formatDate(item.enactedAt, locale, timeZone)}</dd></>)}
        {item.validUntil && (<><dt className="text-slate-500">{labels.fields.validUntil}</dt><dd>{formatDate(item.validUntil, locale, timeZone)}</dd></>)}
        <dt className="text-slate-500">{labels.filterUnit}</dt>
        <dd>{item.ownerUnit?.name ?? labels.noUnit}</dd>
        {item.sourceUrl && (<><dt className="text-slate-500">{labels.fields.sourceUrl}</dt><dd className="break-all"><a href={item.sourceUrl} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">{item.sourceUrl}</a></dd></>)}
        {item.originalName && item.blob && (<><dt className="text-slate-500">{labels.fields.fileName}</dt><dd className="break-all">{item.originalName} ({formatBytes(Number(item.blob.size), locale)})</dd></>)}
      </dl>
      <p className="flex flex-wrap gap-3 text-sm">
        {item.kind === "FILE" && item.blob && (
          <>
            <a href={url} className="text-brand-700 underline" data-testid="unduh">{labels.download}</a>
            {INLINE_MIME_TYPES.includes(item.blob.mimeType) && (
              <a href={`${url}?pratinjau=1`} target="_blank" rel="noopener" className="text-brand-700 underline">{labels.preview}</a>
            )}
          </>
        )}
        {item.kind === "LINK" && item.url && (
          <a href={item.url} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">{labels.openLink}</a>
        )}
      </p>
      <PrecheckList warnings={warnings} m={m} />
      <div className="text-sm">
        <p className="font-medium">{labels.columnUsedBy}</p>
        {selfAnswers.length === 0 ? (
          <p className="text-slate-600">{labels.unused}</p>
        ) : (
          <ul className="list-inside list-disc" data-testid="dipakai-oleh">
            {selfAnswers.map((answer) => (
              <li key={answer.id}>
                <Link href={`/periode/${answer.period.id}/indikator/${answer.indicator.number}`} className="text-brand-700 underline">
                  {fill(labels.usedByAnswer, { number: answer.indicator.number ?? "-", year: answer.period.year, status: m.answers.statuses[answer.status] ?? answer.status })}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {item.periods.length > 0 && (
          <p className="text-slate-600">
            {fill(labels.periods, {
              years: item.periods.map((link) => (link.confirmedAt ? String(link.period.year) : `${link.period.year} (${labels.pendingConfirmation})`)).join(", "),
            })}
          </p>
        )}
      </div>
      {canManage && (
        <div className="flex flex-wrap items-start gap-4">
          <details>
            <summary className="cursor-pointer text-sm text-brand-700 underline">{labels.edit}</summary>
            <ActionForm id={`ubah-${item.id}`} action={actions.update} schema="evidenceUpdate" resetOnSuccess={false} fixErrorsMessage={m.forms.fixErrors} className="mt-2 grid w-full max-w-xl gap-2 sm:grid-cols-2">
              <input type="hidden" name="evidenceId" value={item.id} />
              <TextField name="title" label={labels.fields.title} defaultValue={item.title} className="sm:col-span-2" />
              <SelectField name="documentType" label={labels.fields.documentType} options={typeOptions} defaultValue={item.documentType} />
              <TextField name="documentNo" label={labels.fields.documentNo} defaultValue={item.documentNo ?? ""} />
              <TextField type="date" name="enactedAt" label={labels.fields.enactedAt} defaultValue={day(item.enactedAt)} />
              <TextField type="date" name="validUntil" label={labels.fields.validUntil} defaultValue={day(item.validUntil)} />
              {item.kind === "FILE" && <TextField name="sourceUrl" label={labels.fields.sourceUrl} defaultValue={item.sourceUrl ?? ""} className="sm:col-span-2" />}
              <div className="sm:col-span-2">
                <SubmitButton pendingLabel={m.forms.saving}>{labels.save}</SubmitButton>
              </div>
            </ActionForm>
          </details>
          <ActionForm id={`bagikan-${item.id}`} action={actions.share} fixErrorsMessage={m.forms.fixErrors} className="space-y-1">
            <input type="hidden" name="evidenceId" value={item.id} />
            <input type="hidden" name="shared" value={item.sharedWithInstansi ? "false" : "true"} />
            <SubmitButton pendingLabel={m.forms.saving} variant="secondary">{item.sharedWithInstansi ? labels.sharing.unshare : labels.sharing.share}</SubmitButton>
          </ActionForm>
          <ActionForm id={`hapus-${item.id}`} action={actions.remove} confirm={labels.deleteConfirm} fixErrorsMessage={m.forms.fixErrors} className="space-y-1">
            <input type="hidden" name="evidenceId" value={item.id} />
            <SubmitButton pendingLabel={m.forms.saving} variant="danger">{labels.delete}</SubmitButton>
          </ActionForm>
        </div>
      )}
    </li>
  );
}
