// The Pimpinan's and Koordinator's dashboard, rendered on the server; only the drawings
// of the charts run in the browser.
import { ButirBreakdownView } from "@/components/assessment/butir-progress";
import Link from "next/link";
import { fill } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import type { LeadershipDashboard, StageNodes } from "@/lib/dashboard/leadership";
import type { HeadlineStage } from "@/lib/dashboard/headline-stage";
import { displayLevel } from "@/lib/assessment/level-rule";
import { formatIndex } from "@/lib/scoring";
import { ChartFigure } from "./chart-figure";
import { StageBars, StageRadar, TrendLines } from "./lazy-charts";
import { chartNumber, STAGE_COLORS } from "./stage-colors";

type Props = { dashboard: LeadershipDashboard; m: Messages };

function stageSeries(dashboard: LeadershipDashboard, m: Messages) {
  return (Object.keys(dashboard.stages) as HeadlineStage[]).map((stage) => ({ key: stage, label: m.dashboard.stageShort[stage]!, color: STAGE_COLORS[stage] }));
}

function nodeFigure(nodes: StageNodes[], dashboard: LeadershipDashboard, m: Messages, kind: "radar" | "bars", title: string, testId: string) {
  const series = stageSeries(dashboard, m);
  const rows = nodes.map((node) => ({
    label: kind === "radar" ? node.name : node.code,
    name: `${node.code} ${node.name}`,
    ...Object.fromEntries(series.map(({ key }) => [key, node.indices[key as HeadlineStage]?.index ?? null])),
  }));
  const table = {
    columns: [m.dashboard.lead.node, ...series.map((item) => item.label)],
    rows: nodes.map((node) => ({
      key: node.code,
      cells: [`${node.code} ${node.name}`, ...series.map(({ key }) => formatIndex(node.indices[key as HeadlineStage]?.indexExact ?? "0"))],
    })),
  };
  const Chart = kind === "radar" ? StageRadar : StageBars;
  return (
    <ChartFigure title={title} table={table} testId={testId}>
      <Chart rows={rows} series={series} />
    </ChartFigure>
  );
}

/** Series in the order they first appear (SPBE years before Pemdi years). */
const seriesOf = (trend: LeadershipDashboard["trend"]) => [...new Set(trend.map((point) => point.series))];

function TrendFigure({ dashboard, m }: Props) {
  const labels = m.dashboard.lead;
  const trend = dashboard.trend;
  const kinds = seriesOf(trend);
  // Only years of the same framework are compared: the summary speaks of the latest series.
  const latest = trend.filter((point) => point.series === kinds[kinds.length - 1]);
  const first = latest[0];
  const last = latest[latest.length - 1];
  const lastNational = [...latest].reverse().find((point) => point.national !== null);
  const summary = [
    first && last && first !== last ? fill(labels.trendSummary, { from: formatIndex(first.index), fromYear: first.year, to: formatIndex(last.index), toYear: last.year }) : "",
    lastNational?.national ? fill(labels.nationalSummary, { year: lastNational.year, index: formatIndex(lastNational.national) }) : "",
    kinds.length > 1 ? labels.trendBreak : "",
    labels.trendRule,
  ]
    .filter(Boolean)
    .join(" ");
  const colors = { spbe: STAGE_COLORS.SELF, pemdi: STAGE_COLORS.FINAL };
  const series = kinds.flatMap((kind) => [
    { key: kind, label: m.frameworkWords[kind].index, color: colors[kind] },
    { key: `${kind}National`, label: fill(labels.trendNationalOf, { index: m.frameworkWords[kind].index }), color: "#64748b", dashed: true },
  ]);
  return (
    <ChartFigure
      title={labels.trend}
      summary={summary}
      testId="tren-indeks"
      table={{
        columns: [labels.year, labels.trendFramework, labels.trendOwn, labels.source, labels.trendNational],
        rows: trend.map((point) => ({
          key: String(point.year),
          cells: [
            String(point.year),
            m.frameworkWords[point.series].index,
            formatIndex(point.index),
            labels.sources[point.source]!,
            point.national ? formatIndex(point.national) : "-",
          ],
        })),
      }}
    >
      <TrendLines
        rows={trend.map((point) => ({
          label: String(point.year),
          // One key per framework: a line never joins an SPBE year to a Pemdi year.
          [point.series]: chartNumber(point.index),
          [`${point.series}National`]: point.national === null ? null : chartNumber(point.national),
        }))}
        series={series}
      />
    </ChartFigure>
  );
}

function UnitCompletion({ dashboard, m }: Props) {
  const labels = m.dashboard.lead;
  if (dashboard.units.length === 0) return <p className="text-sm">{m.periods.overview.noAssignments}</p>;
  return (
    <table className="w-full text-sm" data-testid="kelengkapan-unit">
      <thead className="text-left text-slate-700">
        <tr>
          <th className="p-1">{m.periods.overview.unit}</th>
          <th className="p-1 text-right">{labels.submittedOf}</th>
          <th className="p-1 text-right">{m.periods.overview.verified}</th>
        </tr>
      </thead>
      <tbody>
        {dashboard.units.map((unit) => {
          const share = unit.assigned === 0 ? 0 : Math.round((unit.submitted / unit.assigned) * 100);
          return (
            <tr key={unit.unitId} className="border-t border-slate-100" data-testid={`kelengkapan-unit-${unit.unitId}`}>
              <td className="p-1">
                {unit.name}
                <div aria-hidden="true" className="mt-1 h-1.5 w-full rounded bg-slate-100">
                  <div className="h-1.5 rounded bg-brand-600" style={{ width: `${share}%` }} />
                </div>
              </td>
              <td className="p-1 text-right tabular-nums">{fill(labels.ofCount, { count: unit.submitted, total: unit.assigned })}</td>
              <td className="p-1 text-right tabular-nums">{unit.verified}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Gaps({ dashboard, m }: Props) {
  const labels = m.dashboard.lead;
  if (dashboard.gaps.length === 0) return <p className="text-sm">{labels.noGaps}</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid="kesenjangan">
      {dashboard.gaps.map((gap) => (
        <li key={gap.number} data-testid={`kesenjangan-${gap.number}`}>
          <Link href={`/periode/${dashboard.period.id}/indikator/${gap.number}`} className="font-medium text-brand-700 underline">
            {gap.number}. {gap.name}
          </Link>
          <div className="text-xs text-slate-700">
            {fill(gap.level ? labels.gapLine : labels.gapLineUnanswered, {
              level: displayLevel(gap.level),
              target: displayLevel(gap.target),
              gain: formatIndex(gap.gain),
            })}
            {" · "}
            {labels.targetSources[gap.targetSource]}
          </div>
        </li>
      ))}
    </ol>
  );
}

export function LeadershipView({ dashboard, m }: Props) {
  const labels = m.dashboard.lead;
  const topKind = m.nodeKinds[dashboard.topKind] ?? dashboard.topKind;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-2">
        {nodeFigure(dashboard.topNodes, dashboard, m, "radar", fill(labels.perNode, { kind: topKind }), "radar-domain")}
        {dashboard.aspects.length > 0 && nodeFigure(dashboard.aspects, dashboard, m, "bars", fill(labels.perNode, { kind: m.nodeKinds.aspect! }), "batang-aspek")}
      </div>
      <TrendFigure dashboard={dashboard} m={m} />
      {dashboard.butir && <ButirBreakdownView breakdown={dashboard.butir} labels={m.butir} />}
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold text-brand-900">{labels.completion}</h2>
          <UnitCompletion dashboard={dashboard} m={m} />
        </section>
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold text-brand-900">{labels.gaps}</h2>
          <p className="text-xs text-slate-600">{labels.gapsHint}</p>
          <Gaps dashboard={dashboard} m={m} />
        </section>
      </div>
    </div>
  );
}
