import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { requireInstansiPermission } from "@/lib/auth/page-guard";
import { listUnits } from "@/lib/admin/queries";
import { getMessages } from "@/lib/i18n/locale";
import { UNIT_FUNCTIONS, ZListQuery } from "@/lib/validation/admin";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { CheckboxGroup, SelectField, TextField } from "@/components/forms/fields";
import { Pagination, SearchBox } from "@/components/admin/list-controls";
import { createUnit, setInstansiTimeZone, setUnitActive, updateUnit } from "../actions";
import { TIME_ZONE_CODES } from "@/lib/i18n/time-zone";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("units");

const FUNCTION_OPTIONS = UNIT_FUNCTIONS.map((value) => ({ value, label: value }));

export default async function UnitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/admin/unit");
  const instansiId = requireInstansiPermission(actor, "unit.manage");
  const query = ZListQuery.parse(await searchParams);
  const { m } = await getMessages();
  const labels = m.admin.units;
  const { total, units } = await listUnits(db, instansiId, query);

  return (
    <div className="space-y-4">
      <ActionForm id="zona-waktu" action={setInstansiTimeZone} resetOnSuccess={false} fixErrorsMessage={m.forms.fixErrors} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <SelectField
          name="timeZone"
          label={m.admin.timeZone.title}
          hint={m.admin.timeZone.hint}
          defaultValue={actor.active.timeZone}
          options={TIME_ZONE_CODES.map((zone) => ({ value: zone, label: m.admin.timeZone.options[zone]! }))}
          className="min-w-72 flex-1"
        />
        <SubmitButton pendingLabel={m.forms.saving} variant="secondary">{m.admin.timeZone.save}</SubmitButton>
      </ActionForm>
      <p className="text-sm text-slate-700">{labels.intro}</p>
      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-semibold">{labels.create}</summary>
        <ActionForm id="unit-baru" action={createUnit} schema="unitCreate" fixErrorsMessage={m.forms.fixErrors} className="mt-3 grid gap-3 sm:grid-cols-2">
          <TextField name="code" label={labels.code} hint={labels.codeHint} />
          <TextField name="name" label={labels.name} />
          <TextField name="shortName" label={`${labels.shortName} (${m.forms.optional})`} />
          <CheckboxGroup name="functions" label={labels.functions} options={FUNCTION_OPTIONS} className="sm:col-span-2" />
          <div className="sm:col-span-2">
            <SubmitButton pendingLabel={m.forms.saving}>{labels.create}</SubmitButton>
          </div>
        </ActionForm>
      </details>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <SearchBox basePath="/admin/unit" query={query.q} labels={m.forms} />
        <Pagination basePath="/admin/unit" params={query.q ? { q: query.q } : {}} page={query.halaman} total={total} labels={m.forms} />
      </div>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th className="p-2">{labels.code}</th>
              <th className="p-2">{labels.name}</th>
              <th className="p-2">{labels.functions}</th>
              <th className="p-2 text-right">{labels.members}</th>
              <th className="p-2">{m.admin.status}</th>
              <th className="p-2">{m.forms.actions}</th>
            </tr>
          </thead>
          <tbody>
            {units.length === 0 && (
              <tr>
                <td colSpan={6} className="p-3 text-slate-600">{m.forms.empty}</td>
              </tr>
            )}
            {units.map((unit) => (
              <tr key={unit.id} className="border-t border-slate-100 align-top" data-testid={`unit-${unit.code}`}>
                <td className="p-2 font-mono">{unit.code}</td>
                <td className="p-2">
                  {unit.name}
                  {unit.shortName && <span className="text-slate-600"> ({unit.shortName})</span>}
                </td>
                <td className="p-2 text-slate-700">{unit.functions.join(", ")}</td>
                <td className="p-2 text-right tabular-nums">{unit._count.memberships}</td>
                <td className="p-2">{unit.isActive ? m.admin.active : m.admin.inactive}</td>
                <td className="space-y-2 p-2">
                  <details>
                    <summary className="cursor-pointer text-brand-700 underline">{labels.edit}</summary>
                    <ActionForm id={`ubah-${unit.code}`} action={updateUnit} schema="unitUpdate" resetOnSuccess={false} fixErrorsMessage={m.forms.fixErrors} className="mt-2 w-72 space-y-2">
                      <input type="hidden" name="unitId" value={unit.id} />
                      <TextField name="name" label={labels.name} defaultValue={unit.name} />
                      <TextField name="shortName" label={labels.shortName} defaultValue={unit.shortName ?? ""} />
                      <CheckboxGroup name="functions" label={labels.functions} options={FUNCTION_OPTIONS} defaultValues={unit.functions} />
                      <SubmitButton pendingLabel={m.forms.saving}>{m.admin.save}</SubmitButton>
                    </ActionForm>
                  </details>
                  <ActionForm id={`status-${unit.code}`} action={setUnitActive} fixErrorsMessage={m.forms.fixErrors} className="space-y-1">
                    <input type="hidden" name="unitId" value={unit.id} />
                    <input type="hidden" name="active" value={unit.isActive ? "false" : "true"} />
                    <SubmitButton pendingLabel={m.forms.saving} variant={unit.isActive ? "danger" : "secondary"}>
                      {unit.isActive ? m.admin.deactivate : m.admin.activate}
                    </SubmitButton>
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
