import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { listAgencies } from "@/lib/admin/queries";
import { can } from "@/lib/policy";
import { getMessages } from "@/lib/i18n/locale";
import { INSTANSI_KINDS, ZListQuery } from "@/lib/validation/admin";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { Pagination, SearchBox } from "@/components/admin/list-controls";
import { createInstansi, resetKoordinatorPassword, setInstansiActive } from "../actions";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("agencies");

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/admin/instansi");
  if (!can(actor, "instansi.manage")) notFound();
  const query = ZListQuery.parse(await searchParams);
  const { m } = await getMessages();
  const labels = m.admin.agencies;
  const { total, agencies } = await listAgencies(db, query);
  const kindOptions = INSTANSI_KINDS.map((kind) => ({ value: kind, label: labels.kinds[kind]! }));
  const dataLabels = { temporaryPassword: m.admin.users.temporaryPassword };

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{labels.intro}</p>
      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-semibold">{labels.create}</summary>
        <ActionForm id="instansi-baru" action={createInstansi} schema="instansiCreate" dataLabels={dataLabels} fixErrorsMessage={m.forms.fixErrors} className="mt-3 grid gap-3 sm:grid-cols-2">
          <TextField name="code" label={labels.code} hint={labels.codeHint} />
          <TextField name="name" label={labels.name} />
          <SelectField name="kind" label={labels.kind} options={kindOptions} defaultValue="KABUPATEN" />
          <TextField name="region" label={`${labels.region} (${m.forms.optional})`} />
          <TextField name="koordinatorName" label={labels.koordinatorName} autoComplete="off" />
          <TextField name="koordinatorEmail" type="email" label={labels.koordinatorEmail} autoComplete="off" />
          <div className="sm:col-span-2">
            <SubmitButton pendingLabel={m.forms.saving}>{labels.create}</SubmitButton>
          </div>
        </ActionForm>
      </details>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <SearchBox basePath="/admin/instansi" query={query.q} labels={m.forms} />
        <Pagination basePath="/admin/instansi" params={query.q ? { q: query.q } : {}} page={query.halaman} total={total} labels={m.forms} />
      </div>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th className="p-2">{labels.name}</th>
              <th className="p-2">{labels.kind}</th>
              <th className="p-2 text-right">{labels.units}</th>
              <th className="p-2 text-right">{labels.users}</th>
              <th className="p-2">{m.dashboard.roles.KOORDINATOR}</th>
              <th className="p-2">{m.admin.status}</th>
            </tr>
          </thead>
          <tbody>
            {agencies.length === 0 && (
              <tr>
                <td colSpan={6} className="p-3 text-slate-600">{m.forms.empty}</td>
              </tr>
            )}
            {agencies.map((agency) => (
              <tr key={agency.id} className="border-t border-slate-100 align-top" data-testid={`instansi-${agency.code}`}>
                <td className="p-2">
                  {agency.name}
                  <div className="font-mono text-xs text-slate-600">{agency.code}{agency.region ? ` · ${agency.region}` : ""}</div>
                </td>
                <td className="p-2">{labels.kinds[agency.kind]}</td>
                <td className="p-2 text-right tabular-nums">{agency._count.units}</td>
                <td className="p-2 text-right tabular-nums">{agency._count.memberships}</td>
                <td className="space-y-2 p-2">
                  {agency.memberships.map((membership) => (
                    <div key={membership.id}>
                      <div>{membership.user.name}</div>
                      <div className="text-xs text-slate-600">{membership.user.email}</div>
                      <ActionForm id={`reset-${membership.id}`} action={resetKoordinatorPassword} confirm={`${m.admin.users.resetPassword}: ${membership.user.email}?`} dataLabels={dataLabels} fixErrorsMessage={m.forms.fixErrors} className="mt-1 space-y-1">
                        <input type="hidden" name="membershipId" value={membership.id} />
                        <SubmitButton pendingLabel={m.forms.saving} variant="secondary">{m.admin.users.resetPassword}</SubmitButton>
                      </ActionForm>
                    </div>
                  ))}
                </td>
                <td className="space-y-1 p-2">
                  <div>{agency.isActive ? m.admin.active : m.admin.inactive}</div>
                  <ActionForm id={`status-${agency.code}`} action={setInstansiActive} fixErrorsMessage={m.forms.fixErrors} className="space-y-1">
                    <input type="hidden" name="instansiId" value={agency.id} />
                    <input type="hidden" name="active" value={agency.isActive ? "false" : "true"} />
                    <SubmitButton pendingLabel={m.forms.saving} variant={agency.isActive ? "danger" : "secondary"}>{agency.isActive ? m.admin.deactivate : m.admin.activate}</SubmitButton>
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
