// The Admin OPD's dashboard: what their work adds to the index, and their indicators with
// status, level and deadline, what needs action first.
import Link from "next/link";
import { displayLevel } from "@/lib/assessment/level-rule";
import { fill, formatDate } from "@/lib/i18n/format";
import type { AgencyTimeZone } from "@/lib/i18n/time-zone";
import type { Messages } from "@/lib/i18n/messages";
import type { UnitWorkDashboard } from "@/lib/dashboard/unit-work";
import { formatIndex } from "@/lib/scoring";
import { ButirProgressNote } from "@/components/assessment/butir-progress";

function Effect({ label, value, detail, testId }: { label: string; value: string; detail: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="text-sm text-slate-600">{label}</div>
      <div className="text-2xl font-bold tabular-nums text-brand-900" data-testid={testId}>+{formatIndex(value)}</div>
      <div className="text-xs text-slate-600">{detail}</div>
    </div>
  );
}

export function UnitWorkView({ dashboard, m, locale, timeZone }: { dashboard: UnitWorkDashboard; m: Messages; locale: string; timeZone: AgencyTimeZone }) {
  const labels = m.dashboard.unit;
  const { effect, counts, period } = dashboard;
  const deadline = period.fillDeadline ? formatDate(period.fillDeadline, locale, timeZone) : "-";
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <Effect label={labels.selfPoints} value={effect.selfPoints} detail={fill(labels.ofIndex, { index: formatIndex(effect.selfIndex) })} testId="sumbangan-mandiri" />
        <Effect label={labels.verifiedPoints} value={effect.verifiedPoints} detail={fill(labels.ofIndex, { index: formatIndex(effect.verifiedIndex) })} testId="sumbangan-terverifikasi" />
        <Effect
          label={labels.openPotential}
          value={effect.openPotential}
          detail={fill(labels.openDetail, { open: counts.open, target: period.targetIndex ? fill(labels.targetIndex, { target: formatIndex(period.targetIndex) }) : labels.scaleTop })}
          testId="potensi-terbuka"
        />
      </div>

      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold text-brand-900">{labels.title}</h2>
        <p className="text-sm text-slate-700" data-testid="ringkasan-indikator-saya">
          {fill(labels.counts, { total: counts.total, open: counts.open, submitted: counts.submitted, verified: counts.verified, revision: counts.revision })}
          {" · "}
          {m.indicatorList.deadline}: <strong>{deadline}</strong>
        </p>
        {dashboard.indicators.length === 0 ? (
          <p className="text-sm">{m.indicatorList.empty}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="indikator-saya">
              <thead className="text-left text-slate-700">
                <tr>
                  <th className="p-1 text-right">{m.indicatorList.number}</th>
                  <th className="p-1">{m.indicatorList.indicator}</th>
                  <th className="p-1">{m.indicatorList.status}</th>
                  <th className="p-1 text-right">{m.indicatorList.level}</th>
                  <th className="p-1 text-right">{labels.verifiedLevel}</th>
                  <th className="p-1 text-right">{labels.potential}</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.indicators.map((indicator) => (
                  <tr key={indicator.id} className="border-t border-slate-100 align-top" data-testid={`indikator-saya-${indicator.number}`}>
                    <td className="p-1 text-right tabular-nums">{indicator.number}</td>
                    <td className="p-1">
                      <Link href={`/periode/${period.id}/indikator/${indicator.number}`} className="text-brand-700 underline">{indicator.name}</Link>
                      {indicator.daysOverdue > 0 && <div className="text-xs text-red-700">{fill(m.indicatorList.overdue, { days: indicator.daysOverdue })}</div>}
                      {indicator.butir && <ButirProgressNote progress={indicator.butir} labels={m.butir} testId={`butir-kemajuan-${indicator.number}`} />}
                    </td>
                    <td className="p-1">{m.answers.statuses[indicator.status] ?? indicator.status}</td>
                    <td className="p-1 text-right tabular-nums">{displayLevel(indicator.level)}</td>
                    <td className="p-1 text-right tabular-nums">{displayLevel(indicator.verifiedLevel)}</td>
                    <td className="p-1 text-right tabular-nums">{indicator.isOpen ? `+${formatIndex(indicator.gain)}` : "-"}</td>
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
