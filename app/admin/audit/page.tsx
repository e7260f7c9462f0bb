import Link from "next/link";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { requireInstansiPermission } from "@/lib/auth/page-guard";
import { listAuditEntries } from "@/lib/admin/audit-queries";
import { fill, formatDateTime } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { auditFilterParams, ZAuditFilters } from "@/lib/validation/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Pagination } from "@/components/admin/list-controls";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("audit");

const BASE_PATH = "/admin/audit";
const inputClass = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(BASE_PATH);
  const instansiId = requireInstansiPermission(actor, "audit.read");
  const filters = ZAuditFilters.parse(await searchParams);
  const { locale, m } = await getMessages();
  const labels = m.audit;
  const { total, entries, entityTypes } = await listAuditEntries(db, instansiId, filters);
  const filterQuery = auditFilterParams(filters).toString();

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{labels.intro}</p>

      <form action={BASE_PATH} method="get" role="search" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        <label className="block text-sm font-medium">
          {labels.actor}
          <input type="search" name="actor" defaultValue={filters.actor} placeholder={labels.actorPlaceholder} maxLength={100} className={inputClass} />
        </label>
        <label className="block text-sm font-medium">
          {labels.entity}
          <select name="entity" defaultValue={filters.entity} className={inputClass}>
            <option value="">{labels.allEntities}</option>
            {entityTypes.map((type) => (
              <option key={type} value={type}>{type}</option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {labels.action}
          <input type="search" name="action" defaultValue={filters.action} placeholder={labels.actionPlaceholder} maxLength={100} className={inputClass} />
        </label>
        <label className="block text-sm font-medium">
          {labels.from}
          <input type="date" name="dari" defaultValue={filters.dari} aria-describedby="audit-tanggal-wib" className={inputClass} />
        </label>
        <label className="block text-sm font-medium">
          {labels.to}
          <input type="date" name="sampai" defaultValue={filters.sampai} aria-describedby="audit-tanggal-wib" className={inputClass} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">{labels.apply}</button>
          {filterQuery && <Link href={BASE_PATH} className="py-1.5 text-sm underline">{labels.reset}</Link>}
        </div>
        <p id="audit-tanggal-wib" className="text-xs text-slate-600 sm:col-span-3 lg:col-span-6">{labels.datesHint}</p>
      </form>

      {filters.swapped && <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">{fill(labels.swapped, { from: filters.dari, to: filters.sampai })}</p>}

      <div className="flex flex-wrap items-center justify-between gap-3">
        <a href={`${BASE_PATH}/unduh${filterQuery ? `?${filterQuery}` : ""}`} download data-testid="unduh-csv" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
          {labels.download}
        </a>
        <Pagination basePath={BASE_PATH} params={Object.fromEntries(auditFilterParams(filters))} page={filters.halaman} total={total} labels={m.forms} />
      </div>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th className="p-2">{labels.time}</th>
              <th className="p-2">{labels.actor}</th>
              <th className="p-2">{labels.action}</th>
              <th className="p-2">{labels.entity}</th>
              <th className="p-2">{labels.ip}</th>
              <th className="p-2">{labels.changes}</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 && (
              <tr>
                <td colSpan={6} className="p-3 text-slate-600">{m.forms.empty}</td>
              </tr>
            )}
            {entries.map((entry) => (
              <tr key={entry.id.toString()} className="border-t border-slate-100 align-top" data-testid="audit-baris">
                <td className="whitespace-nowrap p-2">
                  <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, locale, actor.active.timeZone)}</time>
                </td>
                <td className="p-2">
                  {entry.actor ? (
                    <>
                      {entry.actor.name}
                      <span className="block text-xs text-slate-600">{entry.actor.email}</span>
                    </>
                  ) : (
                    <span className="text-slate-600">{labels.anonymous}</span>
                  )}
                </td>
                <td className="p-2 font-mono text-xs">{entry.action}</td>
                <td className="p-2">
                  {entry.entityType}
                  {entry.entityId && <span className="block font-mono text-xs text-slate-600">{entry.entityId}</span>}
                </td>
                <td className="p-2 font-mono text-xs">{entry.ip ?? ""}</td>
                <td className="p-2">
                  {(entry.before !== null || entry.after !== null) && (
                    <details>
                      <summary className="cursor-pointer text-brand-700 underline">{labels.showChanges}</summary>
                      <div className="mt-2 grid gap-2 lg:grid-cols-2">
                        <Json label={labels.before} value={entry.before} />
                        <Json label={labels.after} value={entry.after} />
                      </div>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Json({ label, value }: { label: string; value: Prisma.JsonValue }) {
  return (
    <div>
      <p className="text-xs font-semibold text-slate-700">{label}</p>
      <pre className="max-w-md overflow-x-auto rounded bg-slate-50 p-2 text-xs">{value === null ? "-" : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}
