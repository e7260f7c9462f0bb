import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requireActor } from "@/lib/auth/current";
import { orNotFound } from "@/lib/auth/page-guard";
import { can } from "@/lib/policy";
import { fill, formatDate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { carryOverCandidates, listEvidenceLibrary, startOfToday } from "@/lib/evidence/library-query";
import { DOCUMENT_TYPES, ZEvidenceQuery } from "@/lib/validation/evidence";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { Pagination } from "@/components/admin/list-controls";
import { EvidenceCard } from "@/components/evidence/evidence-card";
import { LibraryUploader } from "@/components/evidence/library-uploader";
import { carryOverEvidence, createLinkEvidence, deleteEvidence, setEvidenceShared, updateEvidence } from "./actions";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("evidence");
export const dynamic = "force-dynamic";

export default async function EvidenceLibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/bukti");
  const query = ZEvidenceQuery.parse(await searchParams);
  const { locale, m } = await getMessages();
  const labels = m.evidence;
  const library = await orNotFound(listEvidenceLibrary(db, actor, query));
  const instansiId = actor.active.instansiId!;
  const canManage = can(actor, "evidence.manage", { instansiId, unitId: actor.active.unitId });
  const [carry, periods] = await Promise.all([
    carryOverCandidates(db, actor),
    db.assessmentPeriod.findMany({ where: { instansiId }, orderBy: { year: "desc" }, select: { id: true, year: true } }),
  ]);
  const today = startOfToday(actor.active.timeZone);
  const typeOptions = DOCUMENT_TYPES.map((value) => ({ value, label: labels.documentTypes[value] ?? value }));
  const filterParams = Object.fromEntries(Object.entries({ q: query.q, jenis: query.jenis, unit: query.unit, berlaku: query.berlaku }).filter(([, value]) => value)) as Record<string, string>;
  const select = "mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm";

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">{labels.title}</h1>
        <p className="text-sm text-slate-700">{labels.intro}</p>
        {library.limitedTo && actor.active.unitName && <p className="text-sm text-slate-700">{fill(labels.introOwner, { unit: actor.active.unitName })} {labels.sharing.introShared}</p>}
      </div>

      {canManage && (
        <section className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
          <h2 className="font-semibold">{labels.uploader.title}</h2>
          <LibraryUploader labels={labels.uploader} documentTypes={labels.documentTypes} maxBytes={env.UPLOAD_MAX_BYTES} locale={locale} />
          <details>
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{labels.addLink}</summary>
            <ActionForm id="tautan-baru" action={createLinkEvidence} schema="evidenceLinkCreate" fixErrorsMessage={m.forms.fixErrors} className="mt-2 grid max-w-2xl gap-2 sm:grid-cols-2">
              <TextField name="title" label={labels.fields.title} className="sm:col-span-2" />
              <TextField name="url" label={labels.fields.url} className="sm:col-span-2" />
              <SelectField name="documentType" label={labels.fields.documentType} options={typeOptions} defaultValue="LAINNYA" />
              <TextField name="documentNo" label={`${labels.fields.documentNo} (${m.forms.optional})`} />
              <TextField type="date" name="enactedAt" label={`${labels.fields.enactedAt} (${m.forms.optional})`} />
              <TextField type="date" name="validUntil" label={`${labels.fields.validUntil} (${m.forms.optional})`} />
              <div className="sm:col-span-2">
                <SubmitButton pendingLabel={m.forms.saving}>{labels.addLink}</SubmitButton>
              </div>
            </ActionForm>
          </details>
        </section>
      )}

      {carry && (
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="bawa-periode">
          <h2 className="font-semibold">{fill(labels.carryTitle, { year: carry.period.year })}</h2>
          {carry.items.length === 0 ? (
            <p className="text-sm text-slate-600">{fill(labels.carryNothing, { year: carry.period.year })}</p>
          ) : (
            <>
              <p className="text-sm text-slate-700">{fill(labels.carryIntro, { year: carry.period.year })}</p>
              <ul className="divide-y divide-slate-100">
                {carry.items.map((item) => (
                  <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span>
                      <span className="font-medium">{item.title}</span> · {labels.documentTypes[item.documentType]}
                      {item.validUntil && ` · ${labels.fields.validUntil} ${formatDate(item.validUntil, locale, actor.active.timeZone)}`}
                    </span>
                    <ActionForm id={`bawa-${item.id}`} action={carryOverEvidence} fixErrorsMessage={m.forms.fixErrors} className="flex flex-wrap items-center gap-2">
                      <input type="hidden" name="evidenceId" value={item.id} />
                      <input type="hidden" name="periodId" value={carry.period.id} />
                      <SubmitButton pendingLabel={m.forms.saving} variant="secondary">{fill(labels.carryConfirm, { year: carry.period.year })}</SubmitButton>
                    </ActionForm>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {periods.length > 0 && (
        <section className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
          <h2 className="font-semibold">{labels.archiveTitle}:</h2>
          {periods.map((period) => (
            <a key={period.id} href={`/bukti/periode/${period.id}/unduh`} className="text-brand-700 underline" data-testid={`zip-${period.year}`}>
              {fill(labels.archiveLink, { year: period.year })}
            </a>
          ))}
          <span className="text-slate-600">{labels.archiveHint}</span>
        </section>
      )}

      <form action="/bukti" method="get" role="search" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <label className="text-sm">
          <span className="block font-medium">{labels.search}</span>
          <input type="search" name="q" defaultValue={query.q} placeholder={labels.searchPlaceholder} className="mt-1 w-64 rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="text-sm">
          <span className="block font-medium">{labels.filterType}</span>
          <select name="jenis" defaultValue={query.jenis ?? ""} className={select}>
            <option value="">{labels.all}</option>
            {typeOptions.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
          </select>
        </label>
        {library.units.length > 0 && (
          <label className="text-sm">
            <span className="block font-medium">{labels.filterUnit}</span>
            <select name="unit" defaultValue={query.unit ?? ""} className={select}>
              <option value="">{labels.all}</option>
              {library.units.map((unit) => <option key={unit.id} value={unit.id}>{unit.name}</option>)}
            </select>
          </label>
        )}
        <label className="text-sm">
          <span className="block font-medium">{labels.filterExpiry}</span>
          <select name="berlaku" defaultValue={query.berlaku ?? ""} className={select}>
            <option value="">{labels.all}</option>
            {Object.entries(labels.expiry).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">{labels.filterApply}</button>
      </form>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" data-testid="jumlah-bukti">{fill(labels.count, { count: library.total })}</p>
        <Pagination basePath="/bukti" params={filterParams} page={query.halaman} total={library.total} labels={m.forms} />
      </div>
      {library.items.length === 0 ? (
        <p className="text-sm text-slate-600">{labels.empty}</p>
      ) : (
        <ul className="space-y-3">
          {library.items.map((item) => (
            <EvidenceCard
              key={item.id}
              item={item}
              m={m}
              locale={locale}
              today={today}
              timeZone={actor.active.timeZone}
              canManage={canManage && item.ownerUnitId === actor.active.unitId}
              actions={{ update: updateEvidence, remove: deleteEvidence, share: setEvidenceShared }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
