import Link from "next/link";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { requireInstansiPermission } from "@/lib/auth/page-guard";
import { listLatestFrameworkVersions } from "@/lib/framework-versions/store";
import { can } from "@/lib/policy";
import { fill } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { periodSummaries } from "@/lib/results/period-summary";
import { PERIOD_YEAR_MAX, PERIOD_YEAR_MIN } from "@/lib/validation/periods";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { CheckboxField, SelectField, TextField } from "@/components/forms/fields";
import { Deadline, IndexSummary, PeriodSettingsFields } from "@/components/periods/period-parts";
import { openPeriod } from "./actions";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("periods");
export const dynamic = "force-dynamic";

export default async function PeriodsPage() {
  const actor = await requireActor("/periode");
  const instansiId = requireInstansiPermission(actor, "results.read");
  const { locale, m } = await getMessages();
  const labels = m.periods;
  const canManage = can(actor, "period.manage", { instansiId });
  const [periods, frameworks] = await Promise.all([periodSummaries(db, instansiId), canManage ? listLatestFrameworkVersions(db) : []]);
  const nextYear = Math.min(PERIOD_YEAR_MAX, Math.max(PERIOD_YEAR_MIN, (periods[0]?.year ?? new Date().getFullYear()) + 1));
  // The framework meant for that year, if its file says so; otherwise the first one.
  const suggested = frameworks.find((framework) => framework.definition.usedForYears.includes(nextYear)) ?? frameworks[0];

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">{labels.title}</h1>
        <p className="text-sm text-slate-700">{labels.intro}</p>
      </div>

      {canManage && (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold">{labels.form.open}</summary>
          <ActionForm id="periode-baru" action={openPeriod} schema="periodOpen" fixErrorsMessage={m.forms.fixErrors} className="mt-3 grid gap-3 sm:grid-cols-2">
            <TextField name="year" label={labels.year} defaultValue={String(nextYear)} />
            <SelectField
              name="frameworkVersionId"
              label={labels.form.frameworkVersion}
              defaultValue={suggested?.id}
              options={frameworks.map((framework) => ({
                value: framework.id,
                label: `${fill(labels.form.versionOption, { name: framework.definition.name, version: framework.version })}${framework.definition.status === "provisional" ? ` · ${labels.form.provisional}` : ""}`,
              }))}
            />
            <PeriodSettingsFields labels={labels} />
            <CheckboxField name="baseline" label={labels.form.baseline} hint={labels.form.baselineHint} className="sm:col-span-2" />
            <CheckboxField name="confirmFramework" label={labels.form.confirmFramework} hint={labels.form.confirmFrameworkHint} className="sm:col-span-2" />
            <div className="sm:col-span-2">
              <SubmitButton pendingLabel={m.forms.saving}>{labels.form.open}</SubmitButton>
            </div>
          </ActionForm>
        </details>
      )}

      {periods.length === 0 ? (
        <p>{labels.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th className="p-2">{labels.year}</th>
                <th className="p-2">{labels.framework}</th>
                <th className="p-2">{labels.phase}</th>
                <th className="p-2">{labels.deadlines}</th>
                <th className="p-2">{labels.stages.SELF}</th>
                <th className="p-2">{labels.stages.INTERNAL_VERIFICATION}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period.periodId} className="border-t border-slate-100 align-top" data-testid={`periode-${period.year}`}>
                  <td className="p-2 font-semibold">
                    <Link href={`/periode/${period.periodId}`} className="text-brand-700 underline">
                      {fill(labels.periodTitle, { year: period.year })}
                    </Link>
                  </td>
                  <td className="p-2">{period.frameworkName}</td>
                  <td className="p-2">{labels.phases[period.phase]}</td>
                  <td className="p-2">
                    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
                      <dt className="text-slate-600">{labels.form.fillDeadline}</dt>
                      <dd><Deadline date={period.deadlines.fill} locale={locale} timeZone={actor.active.timeZone} none={labels.none} /></dd>
                      <dt className="text-slate-600">{labels.form.verifyDeadline}</dt>
                      <dd><Deadline date={period.deadlines.verify} locale={locale} timeZone={actor.active.timeZone} none={labels.none} /></dd>
                      <dt className="text-slate-600">{labels.form.submitDeadline}</dt>
                      <dd><Deadline date={period.deadlines.submit} locale={locale} timeZone={actor.active.timeZone} none={labels.none} /></dd>
                    </dl>
                  </td>
                  <td className="p-2"><IndexSummary score={period.self} labels={labels} testId={`indeks-mandiri-${period.year}`} size="small" /></td>
                  <td className="p-2"><IndexSummary score={period.verified} labels={labels} testId={`indeks-terverifikasi-${period.year}`} size="small" /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
