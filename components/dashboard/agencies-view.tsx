// The superadmin's national view: every agency in a table sorted on the server (GET
// parameters, so a sorted view is a link), the distribution of indices, and the
// anonymised comparison per kind of agency.
import Link from "next/link";
import { fill } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { AGENCY_SORT_KEYS, type AgenciesDashboard, type AgencySort, type AgencySortKey, type KindComparison } from "@/lib/dashboard/agencies";
import { formatIndex } from "@/lib/scoring";
import { ChartFigure } from "./chart-figure";
import { CountBars } from "./lazy-charts";
import { chartNumber, STAGE_COLORS } from "./stage-colors";

type Props = { dashboard: AgenciesDashboard; sort: AgencySort; m: Messages };

const NUMERIC: ReadonlySet<AgencySortKey> = new Set(["tahun", "mandiri", "terverifikasi", "indeks", "kelengkapan"]);

function SortHeader({ column, sort, label }: { column: AgencySortKey; sort: AgencySort; label: string }) {
  const isActive = sort.urut === column;
  // Numbers start with the highest, text from A.
  const first = NUMERIC.has(column) ? "turun" : "naik";
  const next = isActive ? (sort.arah === "naik" ? "turun" : "naik") : first;
  return (
    <th
      scope="col"
      className={`p-2 ${NUMERIC.has(column) ? "text-right" : "text-left"}`}
      aria-sort={isActive ? (sort.arah === "naik" ? "ascending" : "descending") : undefined}
    >
      <Link href={`/dasbor?urut=${column}&arah=${next}`} className="text-brand-700 underline" data-testid={`urut-${column}`}>
        {label}
        {isActive && <span aria-hidden="true">{sort.arah === "naik" ? " ▲" : " ▼"}</span>}
      </Link>
    </th>
  );
}

const index = (text: string | undefined) => (text === undefined ? "-" : formatIndex(text));
/** Bin bounds are multiples of 0.5: "2,5". */
const oneDecimal = (text: string) => formatIndex(text).slice(0, -1);

/** Min-max whisker, quartile box and median line on the 0-5 scale; the table next to it has the numbers. */
function BoxPlot({ stats }: { stats: NonNullable<KindComparison["stats"]> }) {
  const at = (value: string) => `${(chartNumber(value) / 5) * 100}%`;
  const width = (from: string, to: string) => `${((chartNumber(to) - chartNumber(from)) / 5) * 100}%`;
  return (
    <div aria-hidden="true" className="relative h-4 w-32 min-w-32 rounded bg-slate-100">
      <div className="absolute top-1/2 h-px bg-slate-500" style={{ left: at(stats.min), width: width(stats.min, stats.max) }} />
      <div className="absolute top-0.5 h-3 rounded-sm bg-brand-100 ring-1 ring-brand-600" style={{ left: at(stats.q1), width: width(stats.q1, stats.q3) }} />
      <div className="absolute top-0 h-4 w-0.5 bg-brand-900" style={{ left: at(stats.median) }} />
    </div>
  );
}

export function AgenciesView({ dashboard, sort, m }: Props) {
  const labels = m.dashboard.all;
  const kinds = m.admin.agencies.kinds;
  const columns: Record<AgencySortKey, string> = {
    nama: m.dashboard.agencies,
    jenis: m.admin.agencies.kind,
    tahun: labels.period,
    mandiri: m.dashboard.stageShort.SELF!,
    terverifikasi: m.dashboard.stageShort.INTERNAL_VERIFICATION!,
    indeks: labels.headline,
    kelengkapan: labels.completeness,
  };
  return (
    <div className="space-y-4">
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{m.dashboard.agencies}</h2>
        <p className="text-xs text-slate-600">{labels.headlineHint}</p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="tabel-instansi">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                {AGENCY_SORT_KEYS.map((column) => (
                  <SortHeader key={column} column={column} sort={sort} label={columns[column]} />
                ))}
              </tr>
            </thead>
            <tbody>
              {dashboard.rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100" data-testid={`instansi-${row.id}`}>
                  <td className="p-2">{row.name}</td>
                  <td className="p-2">{kinds[row.kind] ?? row.kind}</td>
                  <td className="p-2 text-right tabular-nums">{row.period ? `${row.period.year} · ${m.periods.phases[row.period.phase] ?? row.period.phase}` : labels.noPeriod}</td>
                  <td className="p-2 text-right tabular-nums" data-kolom="mandiri">{index(row.stages.SELF?.indexExact)}</td>
                  <td className="p-2 text-right tabular-nums" data-kolom="terverifikasi">{index(row.stages.INTERNAL_VERIFICATION?.indexExact)}</td>
                  <td className="p-2 text-right" data-kolom="indeks">
                    {row.headline ? (
                      <span className="inline-flex items-center gap-2">
                        <span className="tabular-nums">{formatIndex(row.headline.indexExact)}</span>
                        <span className="text-xs text-slate-600">{m.dashboard.stageShort[row.headline.stage]}</span>
                      </span>
                    ) : (
                      "-"
                    )}
                  </td>
                  <td className="p-2 text-right tabular-nums">
                    {row.stages.SELF ? fill(labels.answered, { answered: row.stages.SELF.answeredCount, total: row.stages.SELF.indicatorCount }) : "-"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {dashboard.frameworks.map((group) => (
      <section key={`${group.framework.code}:${group.framework.version}`} className="space-y-2" data-testid={`kerangka-${group.framework.code}`}>
      <h2 className="text-lg font-semibold">{fill(labels.perFramework, { index: m.frameworkWords[group.framework.wording].index, name: group.framework.name, version: group.framework.version })}</h2>
      <div className="grid gap-4 xl:grid-cols-[2fr_3fr]">
        <ChartFigure
          title={labels.distribution}
          summary={fill(labels.distributionSummary, { count: group.agencies, none: dashboard.withoutPeriod })}
          testId={`sebaran-indeks-${group.framework.code}`}
          table={{
            columns: [labels.range, labels.count],
            rows: group.distribution.map((bin) => ({ key: bin.from, cells: [`${formatIndex(bin.from)}-${formatIndex(bin.to)}`, String(bin.count)] })),
          }}
        >
          <CountBars
            rows={group.distribution.map((bin) => ({ label: `${oneDecimal(bin.from)}–${oneDecimal(bin.to)}`, count: bin.count }))}
            series={[{ key: "count", label: labels.count, color: STAGE_COLORS.SELF }]}
          />
        </ChartFigure>

        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-semibold text-brand-900">{labels.comparison}</h3>
          <p className="text-xs text-slate-600">{group.nationalYear === null ? labels.comparisonHintNoNational : labels.comparisonHint}</p>
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid={`perbandingan-jenis-${group.framework.code}`}>
              <thead className="text-slate-700">
                <tr>
                  <th scope="col" className="p-1 text-left">{m.admin.agencies.kind}</th>
                  <th scope="col" className="p-1 text-right">{labels.count}</th>
                  <th scope="col" className="p-1 text-right">{labels.min}</th>
                  <th scope="col" className="p-1 text-right">{labels.q1}</th>
                  <th scope="col" className="p-1 text-right">{labels.median}</th>
                  <th scope="col" className="p-1 text-right">{labels.q3}</th>
                  <th scope="col" className="p-1 text-right">{labels.max}</th>
                  <th scope="col" className="p-1 text-right">{group.nationalYear === null ? labels.nationalNone : fill(labels.national, { year: group.nationalYear })}</th>
                  <th scope="col" className="p-1"><span className="sr-only">{labels.boxPlot}</span></th>
                </tr>
              </thead>
              <tbody>
                {group.comparison.map((row) => (
                  <tr key={row.kind} className="border-t border-slate-100" data-testid={`perbandingan-${group.framework.code}-${row.kind}`}>
                    <th scope="row" className="p-1 text-left font-normal">{kinds[row.kind] ?? row.kind}</th>
                    <td className="p-1 text-right tabular-nums">{row.count}</td>
                    {(["min", "q1", "median", "q3", "max"] as const).map((key) => (
                      <td key={key} className="p-1 text-right tabular-nums" data-kolom={key}>{row.stats ? formatIndex(row.stats[key]) : "-"}</td>
                    ))}
                    <td className="p-1 text-right tabular-nums">{row.national === null ? "-" : formatIndex(row.national)}</td>
                    <td className="p-1">{row.stats && <BoxPlot stats={row.stats} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
      </section>
      ))}
    </div>
  );
}
