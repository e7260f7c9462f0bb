// The indicator page's short, read-only list of recommendations: this period's and the
// previous period's, so the owner sees what they were asked to follow up.
import { displayLevel } from "@/lib/assessment/level-rule";
import { fill, formatDate } from "@/lib/i18n/format";
import type { AgencyTimeZone } from "@/lib/i18n/time-zone";
import type { Messages } from "@/lib/i18n/messages";
import type { IndicatorRecommendations as Recommendations } from "@/lib/assessment/indicator-recommendations";

type Labels = Messages["recommendations"];
type Item = Recommendations["current"][number];

function ItemList({ items, labels, locale, timeZone, testId, withIndicator = false }: { items: Item[]; labels: Labels; locale: string; timeZone: AgencyTimeZone; testId: string; withIndicator?: boolean }) {
  return (
    <ul className="mt-1 space-y-1" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id}>
          {withIndicator && <p className="text-slate-700">{fill(labels.contextIndicator, { number: item.indicator.number ?? "-", name: item.indicator.name })}</p>}
          <span className="font-medium">{labels.statuses[item.status]}</span>
          <span className="text-slate-600">
            {" "}· {labels.sources[item.source]}
            {item.ownerName && ` · ${item.ownerName}`}
            {item.targetLevel && ` · ${fill(labels.contextTarget, { level: displayLevel(item.targetLevel) })}`}
            {item.dueDate && ` · ${fill(labels.contextDue, { date: formatDate(item.dueDate, locale, timeZone) })}`}
          </span>
          <p className="whitespace-pre-line text-slate-800">{item.text}</p>
        </li>
      ))}
    </ul>
  );
}

export function IndicatorRecommendations({ recommendations, labels, locale, timeZone }: { recommendations: Recommendations; labels: Labels; locale: string; timeZone: AgencyTimeZone }) {
  const { current, previous } = recommendations;
  const hasPrevious = !!previous && previous.items.length > 0;
  return (
    <section className="rounded-md border border-slate-200 bg-white p-3 text-sm" aria-labelledby="rekomendasi-indikator">
      <h2 id="rekomendasi-indikator" className="font-semibold">{labels.contextTitle}</h2>
      {current.length === 0 && !hasPrevious && <p className="text-slate-600">{labels.contextNone}</p>}
      {current.length > 0 && (
        <div className="mt-1">
          <h3 className="text-slate-700">{labels.contextCurrent}</h3>
          <ItemList timeZone={timeZone} items={current} labels={labels} locale={locale} testId="rekomendasi-periode-ini" />
        </div>
      )}
      {hasPrevious && (
        <div className="mt-2">
          <h3 className="text-slate-700">
            {previous.frameworkName ? fill(labels.contextPreviousMapped, { year: previous.year, framework: previous.frameworkName }) : fill(labels.contextPrevious, { year: previous.year })}
          </h3>
          <ItemList timeZone={timeZone} items={previous.items} labels={labels} locale={locale} testId="rekomendasi-periode-lalu" withIndicator={!!previous.frameworkName} />
        </div>
      )}
    </section>
  );
}
