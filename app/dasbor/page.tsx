import Link from "next/link";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { can, type Role } from "@/lib/policy";
import { fill, formatDateTime } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { formatIndex } from "@/lib/scoring";
import { latestPeriodSummary } from "@/lib/results/period-summary";
import { recentMentions } from "@/lib/assessment/mentions";
import { leadershipDashboard } from "@/lib/dashboard/leadership";
import { unitWorkDashboard } from "@/lib/dashboard/unit-work";
import { reviewDashboard } from "@/lib/dashboard/review";
import { agenciesDashboard, ZAgencySort } from "@/lib/dashboard/agencies";
import { StageCards } from "@/components/dashboard/stage-cards";
import { LeadershipView } from "@/components/dashboard/leadership-view";
import { UnitWorkView } from "@/components/dashboard/unit-work-view";
import { ReviewView } from "@/components/dashboard/review-view";
import { AgenciesView } from "@/components/dashboard/agencies-view";
import { switchMembership } from "./actions";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("dashboard");
export const dynamic = "force-dynamic";

/** Which dashboard each role works with; every loader checks the policy itself. */
const DASHBOARD_OF: Record<Role, "leadership" | "review" | "unit" | "agencies"> = {
  PIMPINAN: "leadership",
  KOORDINATOR: "leadership",
  ASESOR: "review",
  ADMIN_OPD: "unit",
  SUPERADMIN: "agencies",
};

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/dasbor");
  const { m, locale } = await getMessages();
  const labels = m.dashboard;
  const { active } = actor;
  const kind = DASHBOARD_OF[active.role];
  const where = active.instansiName ? `${active.instansiName}${active.unitName ? ` · ${active.unitName}` : ""}` : labels.deployment;
  const scope = active.instansiId ? { instansiId: active.instansiId } : null;
  const sort = ZAgencySort.parse(await searchParams);

  const leadership = kind === "leadership" ? await leadershipDashboard(db, actor) : null;
  const summary = kind !== "leadership" && scope && can(actor, "results.read", scope) ? await latestPeriodSummary(db, scope.instansiId) : null;
  const period = leadership
    ? { id: leadership.period.id, year: leadership.period.year, frameworkName: leadership.period.frameworkName, targetIndex: leadership.period.targetIndex, phase: leadership.period.phase }
    : summary && { id: summary.periodId, year: summary.year, frameworkName: summary.frameworkName, targetIndex: summary.targetIndex, phase: summary.phase };
  const [unitWork, review, agencies, mentions] = await Promise.all([
    kind === "unit" && period ? unitWorkDashboard(db, actor, period.id) : null,
    kind === "review" && period ? reviewDashboard(db, actor, period.id) : null,
    kind === "agencies" ? agenciesDashboard(db, actor, sort) : null,
    scope ? recentMentions(db, actor.userId, scope.instansiId) : [],
  ]);
  const stages = leadership?.stages ?? (summary ? { SELF: summary.self, INTERNAL_VERIFICATION: summary.verified } : null);

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

      {scope && (
        <section className="space-y-3">
          {period && stages ? (
            <>
              <h2 className="text-lg font-semibold">{fill(labels.periodTitle, { year: period.year })} · {period.frameworkName}</h2>
              <p className="text-sm text-slate-700">
                {m.periods.phase}: <strong>{m.periods.phases[period.phase] ?? period.phase}</strong> · {m.periods.target}:{" "}
                <strong data-testid="target-indeks">{period.targetIndex ? formatIndex(period.targetIndex) : m.periods.noTarget}</strong>
              </p>
              <StageCards stages={stages} m={m} showFinal={kind === "leadership"} />
              <nav aria-label={labels.work} className="flex flex-wrap gap-4 text-sm">
                <Link href={`/periode/${period.id}/indikator`} className="text-brand-700 underline" data-testid="tautan-indikator">
                  {active.role === "ADMIN_OPD" ? m.indicatorList.todoTitle : m.indicatorList.title}
                </Link>
                <Link href={`/periode/${period.id}`} className="text-brand-700 underline">{labels.periodOverview}</Link>
                {can(actor, "answer.verify", scope) && (
                  <Link href={`/periode/${period.id}/verifikasi`} className="text-brand-700 underline" data-testid="tautan-verifikasi">{labels.verificationQueue}</Link>
                )}
                {can(actor, "assignment.manage", scope) && (
                  <Link href={`/periode/${period.id}/penugasan`} className="text-brand-700 underline" data-testid="tautan-penugasan">{m.assignments.title}</Link>
                )}
              </nav>
            </>
          ) : (
            <p>{labels.noPeriod}</p>
          )}
        </section>
      )}

      {leadership && <LeadershipView dashboard={leadership} m={m} />}
      {unitWork && <UnitWorkView dashboard={unitWork} m={m} locale={locale} timeZone={actor.active.timeZone} />}
      {review && <ReviewView dashboard={review} m={m} locale={locale} timeZone={actor.active.timeZone} />}

      {mentions.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{labels.mentions}</h2>
          <ul className="space-y-2" data-testid="sebutan">
            {mentions.map((comment) => (
              <li key={comment.id} className="rounded-md border border-slate-200 bg-white p-2 text-sm">
                <Link href={`/periode/${comment.periodId}/indikator/${comment.indicator.number}`} className="font-medium text-brand-700 underline">
                  {comment.indicator.number}. {comment.indicator.name}
                </Link>
                <p className="text-xs text-slate-600">{comment.author.name} · {formatDateTime(comment.createdAt, locale, actor.active.timeZone)}</p>
                <p className="line-clamp-2">{comment.body}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {agencies && <AgenciesView dashboard={agencies} sort={sort} m={m} />}
    </div>
  );
}
