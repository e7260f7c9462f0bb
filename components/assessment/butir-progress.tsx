// Butir progress as lists and dashboards show it: per level "Tingkat 2: 3 dari 4 butir
// diterima" (or, before any assessor, how many have evidence), and the counts per unit and
// per aspect. Server-rendered.
import type { ButirProgress, LevelProgress } from "@/lib/assessment/butir-board";
import type { ButirBreakdown } from "@/lib/dashboard/butir-breakdown";
import { fill } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";

type Labels = Messages["butir"];

export function levelProgressText(level: LevelProgress, basis: ButirProgress["basis"], labels: Labels): string {
  if (level.butirUnknown) return fill(labels.progressUnknown, { level: level.level });
  if (basis === "SELF") return fill(labels.progressEvidenced, { level: level.level, count: level.evidenced, total: level.total });
  return fill(labels.progressAccepted, { level: level.level, accepted: level.accepted, total: level.total });
}

/** Under an indicator in a list: the counts and the level to work on next. */
export function ButirProgressNote({ progress, labels, testId }: { progress: ButirProgress; labels: Labels; testId?: string }) {
  const next = progress.levels.find((level) => !level.complete);
  return (
    <div className="text-xs text-slate-700" data-testid={testId}>
      <span>{fill(labels.summary, progress.counts)}</span>
      {next && <span className="block">{levelProgressText(next, progress.basis, labels)}</span>}
    </div>
  );
}

function BreakdownTable({ rows, heading, labels, testId }: { rows: ButirBreakdown["units"]; heading: string; labels: Labels; testId: string }) {
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <thead className="text-left text-slate-700">
        <tr>
          <th className="p-1">{heading}</th>
          <th className="p-1 text-right">{labels.accepted}</th>
          <th className="p-1 text-right">{labels.revision}</th>
          <th className="p-1 text-right">{labels.missing}</th>
          <th className="p-1 text-right">{labels.total}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-slate-100" data-testid={`${testId}-${row.key}`}>
            <td className="p-1">{row.label}</td>
            <td className="p-1 text-right tabular-nums">{row.accepted}</td>
            <td className="p-1 text-right tabular-nums">{row.revision}</td>
            <td className="p-1 text-right tabular-nums">{row.missing}</td>
            <td className="p-1 text-right tabular-nums">{row.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ButirBreakdownView({ breakdown, labels }: { breakdown: ButirBreakdown; labels: Labels }) {
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="butir-dasbor">
      <h2 className="font-semibold text-brand-900">{labels.summaryTitle}</h2>
      <p className="text-sm text-slate-700" data-testid="butir-dasbor-ringkasan">{fill(labels.summary, breakdown.total)}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="overflow-x-auto">
          <h3 className="text-sm font-medium">{labels.perUnit}</h3>
          <BreakdownTable rows={breakdown.units} heading={labels.unit} labels={labels} testId="butir-per-unit" />
        </div>
        <div className="overflow-x-auto">
          <h3 className="text-sm font-medium">{labels.perAspect}</h3>
          <BreakdownTable rows={breakdown.aspects} heading={labels.aspect} labels={labels} testId="butir-per-aspek" />
        </div>
      </div>
    </section>
  );
}
