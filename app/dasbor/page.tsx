import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/policy";
import { fill } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { formatIndex } from "@/lib/scoring";
import { latestPeriodSummary, type PeriodSummary } from "@/lib/results/period-summary";
import { recentMentions } from "@/lib/assessment/mentions";
import { formatDateTime } from "@/lib/i18n/format";
import { PredicateBadge } from "@/components/predicate-badge";
import { switchMembership } from "./actions";

export const metadata: Metadata = { title: "Beranda kerja" };
export const dynamic = "force-dynamic";

function IndexCard({ label, score, testId }: { label: string; score: PeriodSummary["self"]; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="text-sm text-slate-600">{label}</div>
      <div className="mt-1 flex items-center gap-3">
        <span className="text-3xl font-bold tabular-nums text-brand-900" data-testid={testId}>{formatIndex(score.indexExact)}</span>
        <PredicateBadge predicate={score.predicate} />
      </div>
      <div className="mt-1 text-xs text-slate-600">{score.answeredCount}/{score.indicatorCount}</div>
    </div>
  );
}

export default async function DashboardPage() {
  const actor = await requireActor("/dasbor");
  const { m, locale } = await getMessages();
  const labels = m.dashboard;
  const { active } = actor;
  const where = active.instansiName ? `${active.instansiName}${active.unitName ? ` · ${active.unitName}` : ""}` : labels.deployment;

  const summary = active.instansiId && can(actor, "results.read", { instansiId: active.instansiId }) ? await latestPeriodSummary(db, active.instansiId) : null;
  const agencies = can(actor, "instansi.list")
    ? await db.instansi.findMany({ where: { isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } })
    : [];
  const mentions = active.instansiId ? await recentMentions(db, actor.userId, active.instansiId) : [];
  const agencySummaries = await Promise.all(agencies.map(async (agency) => ({ agency, summary: await latestPeriodSummary(db, agency.id) })));

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">{labels.title}</h1>
        <p>{fill(labels.greeting, { name: actor.name })}</p>
        <p className="text-sm text-slate-700" data-testid="peran-aktif">
          {labels.actingAs} <strong>{labels.roles[active.role]}</strong> · {where}
        </p>
      </div>

      {actor.memberships.length > 1 && (
        <form action={switchMembership} className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="block font-medium">{labels.switchRole}</span>
            <select name="membershipId" defaultValue={active.id} className="mt-1 rounded-md border border-slate-300 px-2 py-1">
              {actor.memberships.map((membership) => (
                <option key={membership.id} value={membership.id}>
                  {labels.roles[membership.role]} · {membership.instansiName ?? labels.deployment}
                  {membership.unitName ? ` · ${membership.unitName}` : ""}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">{labels.switchSubmit}</button>
        </form>
      )}

      {active.instansiId && (
        <section className="space-y-3">
          {summary ? (
            <>
              <h2 className="text-lg font-semibold">{fill(labels.periodTitle, { year: summary.year })} · {summary.frameworkName}</h2>
              <div className="grid gap-4 sm:grid-cols-2">
                <IndexCard label={labels.selfIndex} score={summary.self} testId="indeks-mandiri" />
                <IndexCard label={labels.verifiedIndex} score={summary.verified} testId="indeks-terverifikasi" />
              </div>
              <nav aria-label={m.indicatorList.title} className="flex flex-wrap gap-4 text-sm">
                <Link href={`/periode/${summary.periodId}/indikator`} className="text-brand-700 underline" data-testid="tautan-indikator">
                  {active.role === "ADMIN_OPD" ? m.indicatorList.todoTitle : m.indicatorList.title}
                </Link>
                <Link href={`/periode/${summary.periodId}`} className="text-brand-700 underline">{labels.periodOverview}</Link>
                {can(actor, "answer.verify", { instansiId: active.instansiId }) && (
                  <Link href={`/periode/${summary.periodId}/verifikasi`} className="text-brand-700 underline" data-testid="tautan-verifikasi">{labels.verificationQueue}</Link>
                )}
                {can(actor, "assignment.manage", { instansiId: active.instansiId }) && (
                  <Link href={`/periode/${summary.periodId}/penugasan`} className="text-brand-700 underline" data-testid="tautan-penugasan">{m.assignments.title}</Link>
                )}
              </nav>
            </>
          ) : (
            <p>{labels.noPeriod}</p>
          )}
        </section>
      )}

      {mentions.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{labels.mentions}</h2>
          <ul className="space-y-2" data-testid="sebutan">
            {mentions.map((comment) => (
              <li key={comment.id} className="rounded-md border border-slate-200 bg-white p-2 text-sm">
                <Link href={`/periode/${comment.periodId}/indikator/${comment.indicator.number}`} className="font-medium text-brand-700 underline">
                  {comment.indicator.number}. {comment.indicator.name}
                </Link>
                <p className="text-xs text-slate-600">{comment.author.name} · {formatDateTime(comment.createdAt, locale)}</p>
                <p className="line-clamp-2">{comment.body}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {agencySummaries.length > 0 && (
        <section>
          <h2 className="text-lg font-semibold">{labels.agencies}</h2>
          <table className="mt-2 w-full rounded-lg border border-slate-200 bg-white text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="p-2">{labels.agencies}</th>
                <th className="p-2 text-right">{labels.agencyIndex}</th>
              </tr>
            </thead>
            <tbody>
              {agencySummaries.map(({ agency, summary: agencySummary }) => (
                <tr key={agency.id} className="border-t border-slate-100">
                  <td className="p-2">{agency.name}</td>
                  <td className="p-2 text-right tabular-nums">{agencySummary ? formatIndex(agencySummary.self.indexExact) : "-"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
