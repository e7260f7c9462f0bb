// The Asesor's dashboard: the verification queue with its waiting times, and the
// indicators where the verified level differs from the owner's.
import Link from "next/link";
import { displayLevel } from "@/lib/assessment/level-rule";
import { fill, formatDate } from "@/lib/i18n/format";
import type { AgencyTimeZone } from "@/lib/i18n/time-zone";
import type { Messages } from "@/lib/i18n/messages";
import type { ReviewDashboard } from "@/lib/dashboard/review";

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="text-sm text-slate-600">{label}</div>
      <div className="text-2xl font-bold tabular-nums text-brand-900" data-testid={testId}>{value}</div>
    </div>
  );
}

const signed = (delta: string) => (delta.startsWith("-") ? displayLevel(delta) : `+${displayLevel(delta)}`);

export function ReviewView({ dashboard, m, locale, timeZone }: { dashboard: ReviewDashboard; m: Messages; locale: string; timeZone: AgencyTimeZone }) {
  const labels = m.dashboard.review;
  const days = (value: number | null) => (value === null ? "-" : fill(labels.days, { days: String(value).replace(".", ",") }));
  const base = `/periode/${dashboard.period.id}`;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={labels.queue} value={String(dashboard.queueSize)} testId="antrean-verifikasi" />
        <Stat label={labels.medianWait} value={days(dashboard.medianDays)} testId="median-tunggu" />
        <Stat label={labels.oldestWait} value={days(dashboard.oldestDays)} testId="tunggu-terlama" />
        <Stat label={labels.done} value={fill(labels.doneValue, { verified: dashboard.verified, revision: dashboard.needsRevision })} testId="hasil-verifikasi" />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold text-brand-900">{labels.oldest}</h2>
          {dashboard.oldest.length === 0 ? (
            <p className="text-sm">{labels.queueEmpty}</p>
          ) : (
            <ol className="space-y-1 text-sm" data-testid="menunggu-terlama">
              {dashboard.oldest.map((item) => (
                <li key={item.number}>
                  <Link href={`${base}/indikator/${item.number}`} className="text-brand-700 underline">{item.number}. {item.name}</Link>
                  <span className="text-xs text-slate-600"> · {fill(labels.since, { date: formatDate(item.submittedAt, locale, timeZone), days: item.days })}</span>
                </li>
              ))}
            </ol>
          )}
          {dashboard.period.verifyDeadline && (
            <p className="text-xs text-slate-600">{fill(labels.deadline, { date: formatDate(dashboard.period.verifyDeadline, locale, timeZone) })}</p>
          )}
        </section>

        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold text-brand-900">{labels.differences}</h2>
          {dashboard.differences.length === 0 ? (
            <p className="text-sm">{labels.noDifferences}</p>
          ) : (
            <table className="w-full text-sm" data-testid="selisih-tingkat">
              <thead className="text-left text-slate-700">
                <tr>
                  <th className="p-1">{m.indicatorList.indicator}</th>
                  <th className="p-1 text-right">{labels.selfLevel}</th>
                  <th className="p-1 text-right">{labels.verifiedLevel}</th>
                  <th className="p-1 text-right">{labels.delta}</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.differences.map((difference) => (
                  <tr key={difference.number} className="border-t border-slate-100" data-testid={`selisih-${difference.number}`}>
                    <td className="p-1">
                      <Link href={`${base}/indikator/${difference.number}`} className="text-brand-700 underline">{difference.number}. {difference.name}</Link>
                    </td>
                    <td className="p-1 text-right tabular-nums">{displayLevel(difference.self)}</td>
                    <td className="p-1 text-right tabular-nums">{displayLevel(difference.verified)}</td>
                    <td className="p-1 text-right tabular-nums">{signed(difference.delta)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}
