import Link from "next/link";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { orNotFound } from "@/lib/auth/page-guard";
import { displayLevel } from "@/lib/assessment/level-rule";
import { fill, formatDate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { loadRecommendationList, ZRecommendationFilters } from "@/lib/recommendations/queries";
import { formatIndex } from "@/lib/scoring";
import { formatGain } from "@/lib/simulation/gain";
import { RECOMMENDATION_SOURCES, RECOMMENDATION_STATUSES } from "@/lib/validation/recommendations";
import { CreateRecommendationForm, EditRecommendationForm, StatusForm } from "@/components/recommendations/recommendation-forms";
import { createRecommendation, setRecommendationStatus, updateRecommendation } from "./actions";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("recommendations");
export const dynamic = "force-dynamic";

const STATUS_STYLE: Record<string, string> = {
  OPEN: "bg-amber-100 text-amber-900",
  IN_PROGRESS: "bg-sky-100 text-sky-900",
  DONE: "bg-green-100 text-green-900",
  DROPPED: "bg-slate-100 text-slate-700",
};

type Props = { params: Promise<{ periodId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RecommendationsPage({ params, searchParams }: Props) {
  const { periodId } = await params;
  const actor = await requireActor(`/periode/${periodId}/rekomendasi`);
  const filters = ZRecommendationFilters.parse(await searchParams);
  const list = await orNotFound(loadRecommendationList(db, actor, periodId, filters));
  const { locale, m } = await getMessages();
  const labels = m.recommendations;
  const { period, items, scores } = list;
  const path = `/periode/${period.id}/rekomendasi`;
  const isFiltered = !!(filters.status || filters.source || filters.unit);
  const common = { labels, levelTexts: m.levels, fixErrors: m.forms.fixErrors, saving: m.forms.saving };
  const hasActions = list.may.manage || items.some((item) => item.mayUpdateStatus);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href={`/periode/${period.id}`} className="text-sm text-brand-700 underline">← {labels.back}</Link>
        <h1 className="text-2xl font-bold text-brand-900">{labels.title}</h1>
        <p className="text-sm text-slate-700">{fill(labels.periodTitle, { year: period.year, framework: list.framework.name })}</p>
        <p className="text-sm text-slate-700">{labels.intro}</p>
      </div>
      {list.unitScope ? (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800">{labels.unitScope}</p>
      ) : (
        !list.may.manage && <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="rekomendasi-baca-saja">{labels.readOnly}</p>
      )}

      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="rekomendasi-ringkasan">
        {fill(labels.summary, { current: formatIndex(scores.current.indexExact), projected: formatIndex(scores.projected.indexExact), predicate: scores.projected.predicate })}
      </p>

      <form method="get" action={path} aria-label={labels.filters} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <div>
          <label htmlFor="saring-status" className="block font-medium">{labels.status}</label>
          <select id="saring-status" name="status" defaultValue={filters.status ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1">
            <option value="">{labels.allStatuses}</option>
            {RECOMMENDATION_STATUSES.map((status) => <option key={status} value={status}>{labels.statuses[status]}</option>)}
          </select>
        </div>
        {list.units.length > 0 && (
          <div>
            <label htmlFor="saring-unit" className="block font-medium">{labels.unit}</label>
            <select id="saring-unit" name="unit" defaultValue={filters.unit} className="mt-1 max-w-64 rounded-md border border-slate-300 px-2 py-1">
              <option value="">{labels.allUnits}</option>
              {list.units.map((unit) => <option key={unit.id} value={unit.id}>{unit.name}</option>)}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="saring-sumber" className="block font-medium">{labels.source}</label>
          <select id="saring-sumber" name="source" defaultValue={filters.source ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1">
            <option value="">{labels.allSources}</option>
            {RECOMMENDATION_SOURCES.map((source) => <option key={source} value={source}>{labels.sources[source]}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">{labels.filter}</button>
        {isFiltered && <Link href={path} className="text-brand-700 underline">{labels.clear}</Link>}
      </form>

      {list.may.manage && (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold">{labels.create}</summary>
          <div className="mt-3">
            <CreateRecommendationForm action={createRecommendation} periodId={period.id} definition={list.framework} indicators={list.indicators} units={list.units} {...common} />
          </div>
        </details>
      )}

      <section aria-labelledby="daftar-rekomendasi" className="space-y-2">
        <h2 id="daftar-rekomendasi" className="text-lg font-semibold">
          {labels.title} <span className="text-sm font-normal text-slate-600" data-testid="jumlah-rekomendasi">({fill(labels.count, { count: items.length })})</span>
        </h2>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="rekomendasi-kosong">{isFiltered ? labels.emptyFiltered : labels.empty}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th scope="col" className="p-2">{labels.indicator}</th>
                  <th scope="col" className="p-2">{labels.text}</th>
                  <th scope="col" className="p-2">{labels.source}</th>
                  <th scope="col" className="p-2">{labels.owner}</th>
                  <th scope="col" className="p-2">{labels.dueDate}</th>
                  <th scope="col" className="p-2">{labels.status}</th>
                  <th scope="col" className="p-2 text-center">{labels.targetLevel}</th>
                  <th scope="col" className="p-2 text-right"><abbr title={labels.gainHint} className="no-underline">{labels.gain}</abbr></th>
                  {hasActions && <th scope="col" className="p-2">{labels.actions}</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id} className="border-t border-slate-100 align-top" data-testid="rekomendasi-baris" data-indikator={item.number}>
                    <td className="p-2">
                      <Link href={`/periode/${period.id}/indikator/${item.number}`} className="text-brand-700 underline">{item.number}</Link>
                      <span className="block text-slate-700">{item.indicatorName}</span>
                    </td>
                    <td className="max-w-sm p-2 whitespace-pre-line">{item.text}</td>
                    <td className="p-2">{labels.sources[item.source]}</td>
                    <td className="p-2">{item.ownerName ?? labels.none}</td>
                    <td className="p-2">{item.dueDate ? formatDate(item.dueDate, locale, actor.active.timeZone) : labels.none}</td>
                    <td className="p-2">
                      <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[item.status] ?? ""}`} data-testid="rekomendasi-status">{labels.statuses[item.status]}</span>
                    </td>
                    <td className="p-2 text-center tabular-nums">
                      {item.targetLevel === null ? labels.none : fill(labels.levelFromTo, { from: displayLevel(item.currentLevel), to: displayLevel(item.targetLevel) })}
                    </td>
                    <td className="p-2 text-right tabular-nums" data-testid="rekomendasi-kenaikan">
                      {item.gain === null ? labels.none : item.gain.isZero() ? labels.alreadyReached : <span className="font-semibold text-green-800">{formatGain(item.gain)}</span>}
                    </td>
                    {hasActions && (
                      <td className="p-2">
                        {list.may.manage ? (
                          <details>
                            <summary className="cursor-pointer text-brand-700 underline">{labels.edit}</summary>
                            <EditRecommendationForm action={updateRecommendation} item={item} definition={list.framework} units={list.units} {...common} />
                          </details>
                        ) : (
                          item.mayUpdateStatus && <StatusForm action={setRecommendationStatus} item={item} {...common} />
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
