import Link from "next/link";
import type { Metadata } from "next";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { orNotFound } from "@/lib/auth/page-guard";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import { getMessages } from "@/lib/i18n/locale";
import { fill, formatDate } from "@/lib/i18n/format";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { setUnitDeadline } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).m.unitDeadlines.title };
}
export const dynamic = "force-dynamic";

export default async function UnitDeadlinesPage({ params }: { params: Promise<{ periodId: string }> }) {
  const { periodId } = await params;
  const actor = await requireActor(`/periode/${periodId}/tenggat`);
  const period = await orNotFound(loadPeriodFor(db, actor, "unit-deadline.manage", periodId));
  const { locale, m } = await getMessages();
  const labels = m.unitDeadlines;
  const zone = actor.active.timeZone;
  const [units, assignments, deadlines] = await Promise.all([
    db.unit.findMany({ where: { instansiId: period.instansiId, isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.assignment.findMany({ where: { periodId: period.id }, select: { unitId: true, indicator: { select: { id: true, number: true, name: true } } } }),
    db.unitDeadline.findMany({ where: { periodId: period.id }, select: { id: true, unitId: true, fillDeadline: true, indicator: { select: { number: true, name: true } } } }),
  ]);
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const indicators = [...new Map(assignments.map((row) => [row.indicator.id, row.indicator])).values()].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  const periodDeadline = period.fillDeadline ? formatDate(period.fillDeadline, locale, zone) : labels.noPeriodDeadline;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm"><Link href={`/periode/${period.id}`} className="text-brand-700 underline">{fill(m.periods.periodTitle, { year: period.year })}</Link></p>
        <h1 className="text-2xl font-bold text-brand-900">{labels.title}</h1>
        <p className="text-sm text-slate-700">{fill(labels.intro, { deadline: periodDeadline })}</p>
      </div>

      <section aria-labelledby="tenggat-berlaku" className="space-y-2">
        <h2 id="tenggat-berlaku" className="text-lg font-semibold text-brand-900">{labels.current}</h2>
        {deadlines.length === 0 ? (
          <p className="text-sm text-slate-600">{labels.none}</p>
        ) : (
          <table className="text-sm" data-testid="tenggat-unit">
            <thead>
              <tr className="text-left">
                <th scope="col" className="py-1 pr-4">{labels.unit}</th>
                <th scope="col" className="py-1 pr-4">{labels.indicator}</th>
                <th scope="col" className="py-1">{labels.deadline}</th>
              </tr>
            </thead>
            <tbody>
              {deadlines.map((row) => (
                <tr key={row.id} className="border-t border-slate-100">
                  <td className="py-1 pr-4">{unitName.get(row.unitId) ?? "-"}</td>
                  <td className="py-1 pr-4">{row.indicator ? `${row.indicator.number}. ${row.indicator.name}` : labels.wholeUnit}</td>
                  <td className="py-1">{formatDate(row.fillDeadline, locale, zone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <ActionForm id="tenggat-baru" action={setUnitDeadline} resetOnSuccess={false} fixErrorsMessage={m.forms.fixErrors} className="grid max-w-xl gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <input type="hidden" name="periodId" value={period.id} />
        <SelectField name="unitId" label={labels.unit} options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
        <SelectField name="indicatorId" label={labels.indicator} options={[{ value: "", label: labels.wholeUnit }, ...indicators.map((indicator) => ({ value: indicator.id, label: `${indicator.number}. ${indicator.name}` }))]} />
        <TextField name="fillDeadline" type="date" label={labels.deadline} hint={labels.deadlineHint} />
        <SubmitButton pendingLabel={m.forms.saving}>{labels.save}</SubmitButton>
      </ActionForm>
    </div>
  );
}
