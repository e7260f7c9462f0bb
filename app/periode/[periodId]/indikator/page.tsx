import Link from "next/link";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { orNotFound } from "@/lib/auth/page-guard";
import { listPeriodIndicators, WITHOUT_OWNER, ZIndicatorListFilters, type IndicatorRow } from "@/lib/assessment/indicator-list";
import { displayLevel } from "@/lib/assessment/level-rule";
import { can } from "@/lib/policy";
import { fill, formatDate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { pageTitle } from "@/lib/http/page-title";
import { externalIndexSummary } from "@/components/assessment/external-index-panel";
import { ButirProgressNote } from "@/components/assessment/butir-progress";

export const generateMetadata = pageTitle("indicators");
export const dynamic = "force-dynamic";

const STATUS_STYLE: Record<IndicatorRow["status"], string> = {
  NEEDS_REVISION: "bg-red-100 text-red-900",
  NEEDS_CONFIRMATION: "bg-amber-100 text-amber-900",
  NONE: "bg-slate-100 text-slate-800",
  DRAFT: "bg-sky-100 text-sky-900",
  SUBMITTED: "bg-indigo-100 text-indigo-900",
  VERIFIED: "bg-green-100 text-green-900",
  RECORDED: "bg-green-100 text-green-900",
};

const STATUS_ORDER = ["NONE", "DRAFT", "NEEDS_CONFIRMATION", "SUBMITTED", "NEEDS_REVISION", "VERIFIED"] as const;

export default async function IndicatorListPage({ params, searchParams }: { params: Promise<{ periodId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { periodId } = await params;
  const actor = await requireActor(`/periode/${periodId}/indikator`);
  const filters = ZIndicatorListFilters.parse(await searchParams);
  const { locale, m } = await getMessages();
  const labels = m.indicatorList;
  const statuses = m.answers.statuses;
  const list = await orNotFound(listPeriodIndicators(db, actor, periodId, filters));
  const { period, rows } = list;
  const isTodo = list.mode === "todo";
  const deadline = period.fillDeadline ? formatDate(period.fillDeadline, locale, actor.active.timeZone) : "-";
  const filtered = !!(filters.unit || filters.domain || filters.status);

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">
          {isTodo ? labels.todoTitle : labels.title} · {period.year}
        </h1>
        <p className="text-sm text-slate-700">{fill(isTodo ? labels.todoIntro : labels.intro, { year: period.year })}</p>
        <p className="text-sm">
          {labels.deadline}: <strong>{deadline}</strong>
        </p>
        {can(actor, "assignment.manage", { instansiId: period.instansiId }) && (
          <Link href={`/periode/${period.id}/penugasan`} className="text-sm text-brand-700 underline">{labels.toAssignments}</Link>
        )}
      </div>

      {!isTodo && (
        <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <label>
            <span className="block font-medium">{labels.unit}</span>
            <select name="unit" defaultValue={filters.unit} className="mt-1 rounded-md border border-slate-300 px-2 py-1">
              <option value="">{labels.allUnits}</option>
              <option value={WITHOUT_OWNER}>{labels.withoutOwner}</option>
              {list.units.map((unit) => (
                <option key={unit.id} value={unit.id}>{unit.label}</option>
              ))}
            </select>
          </label>
          <label>
            <span className="block font-medium">{labels.domain}</span>
            <select name="domain" defaultValue={filters.domain} className="mt-1 max-w-72 rounded-md border border-slate-300 px-2 py-1">
              <option value="">{labels.allDomains}</option>
              {list.groups.map((group) => (
                <option key={group.code} value={group.code}>{`${"\u00a0\u00a0".repeat(group.depth)}${group.name}`}</option>
              ))}
            </select>
          </label>
          <label>
            <span className="block font-medium">{labels.status}</span>
            <select name="status" defaultValue={filters.status ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1">
              <option value="">{labels.allStatuses}</option>
              {STATUS_ORDER.map((status) => (
                <option key={status} value={status}>{statuses[status]}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">{labels.apply}</button>
          {filtered && <Link href={`/periode/${period.id}/indikator`} className="py-1.5 text-brand-700 underline">{labels.reset}</Link>}
        </form>
      )}

      <p className="text-sm text-slate-700" data-testid="jumlah-indikator">{fill(labels.count, { count: rows.length })}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th className="p-2 text-right">{labels.number}</th>
              <th className="p-2">{labels.indicator}</th>
              <th className="p-2">{labels.owners}</th>
              <th className="p-2">{labels.status}</th>
              <th className="p-2 text-right">{labels.level}</th>
              {isTodo && <th className="p-2">{labels.deadline}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="p-3 text-slate-600">{filtered || !isTodo ? labels.emptyFiltered : labels.empty}</td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 align-top" data-testid={`indikator-${row.number}`}>
                <td className="p-2 text-right tabular-nums">{row.number}</td>
                <td className="p-2">
                  <Link href={`/periode/${period.id}/indikator/${row.number}`} className="text-brand-700 underline">{row.name}</Link>
                  <div className="text-xs text-slate-600">{row.ancestors.map((group) => group.name).join(" › ")}</div>
                  {row.butir && <ButirProgressNote progress={row.butir} labels={m.butir} testId={`butir-kemajuan-${row.number}`} />}
                </td>
                <td className="p-2">
                  {row.owners.length > 0 ? (
                    row.owners.map((owner) => owner.label).join(", ")
                  ) : (
                    <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">{labels.noOwner}</span>
                  )}
                </td>
                <td className="p-2">
                  <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[row.status]}`}>{statuses[row.status] ?? row.status}</span>
                  {row.submittedAt && <div className="text-xs text-slate-600">{fill(labels.waitingSince, { date: formatDate(row.submittedAt, locale, actor.active.timeZone) })}</div>}
                  {row.externalIndex && (
                    <div className={`mt-1 text-xs ${row.externalIndex.state === "waiting" ? "text-amber-900" : "text-slate-600"}`} data-testid="indeks-eksternal-status">
                      {row.externalIndex.state === "waiting" ? fill(m.externalIndex.todo, { name: row.externalIndex.index.name }) : externalIndexSummary(row.externalIndex, m.externalIndex)}
                    </div>
                  )}
                </td>
                <td className="p-2 text-right tabular-nums">{displayLevel(row.level)}</td>
                {isTodo && (
                  <td className="whitespace-nowrap p-2">
                    {deadline}
                    {row.daysOverdue > 0 && <span className="text-red-700">{" "}({fill(labels.overdue, { days: row.daysOverdue })})</span>}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
