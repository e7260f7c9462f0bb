import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { requireInstansiPermission } from "@/lib/auth/page-guard";
import { listUsers, unitOptions } from "@/lib/admin/queries";
import { getMessages } from "@/lib/i18n/locale";
import { fill, formatDateTime } from "@/lib/i18n/format";
import { INSTANSI_ROLES, ZListQuery } from "@/lib/validation/admin";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { Pagination, SearchBox } from "@/components/admin/list-controls";
import { addMembership, createUser, removeMembership, resetUserPassword, setUserActive } from "../actions";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("users");

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/admin/pengguna");
  const instansiId = requireInstansiPermission(actor, "user.manage");
  const query = ZListQuery.parse(await searchParams);
  const { m, locale } = await getMessages();
  const labels = m.admin.users;
  const [{ total, users }, units] = await Promise.all([listUsers(db, instansiId, query), unitOptions(db, instansiId)]);
  const roleOptions = INSTANSI_ROLES.map((role) => ({ value: role, label: m.dashboard.roles[role]! }));
  const unitChoices = [{ value: "", label: labels.unitNone }, ...units.map((unit) => ({ value: unit.id, label: unit.shortName ?? unit.name }))];
  const dataLabels = { temporaryPassword: labels.temporaryPassword };

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{labels.intro}</p>
      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-semibold">{labels.create}</summary>
        <ActionForm id="pengguna-baru" action={createUser} schema="userCreate" dataLabels={dataLabels} fixErrorsMessage={m.forms.fixErrors} className="mt-3 grid gap-3 sm:grid-cols-2">
          <TextField name="name" label={labels.name} autoComplete="off" />
          <TextField name="email" type="email" label={labels.email} autoComplete="off" />
          <SelectField name="role" label={labels.role} options={roleOptions} defaultValue="ADMIN_OPD" />
          <SelectField name="unitId" label={labels.unit} options={unitChoices} />
          <div className="sm:col-span-2">
            <SubmitButton pendingLabel={m.forms.saving}>{labels.create}</SubmitButton>
          </div>
        </ActionForm>
      </details>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <SearchBox basePath="/admin/pengguna" query={query.q} labels={m.forms} />
        <Pagination basePath="/admin/pengguna" params={query.q ? { q: query.q } : {}} page={query.halaman} total={total} labels={m.forms} />
      </div>

      {users.length === 0 && <p className="text-slate-600">{m.forms.empty}</p>}
      <ul className="space-y-3">
        {users.map((user) => {
          const activeHere = user.memberships.some((membership) => membership.isActive);
          return (
            <li key={user.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`pengguna-${user.email}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <div>
                  <p className="font-semibold">{user.name}</p>
                  <p className="text-sm text-slate-700">{user.email}</p>
                </div>
                <p className="text-sm text-slate-700">
                  {activeHere && user.isActive ? m.admin.active : m.admin.inactive} · {labels.lastLogin}:{" "}
                  {user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale, actor.active.timeZone) : labels.never}
                </p>
              </div>
              <div className="mt-2">
                <p className="text-sm font-medium">{labels.memberships}</p>
                <ul className="mt-1 flex flex-wrap gap-2">
                  {user.memberships.map((membership) => (
                    <li key={membership.id} className={`flex items-center gap-2 rounded-full border px-3 py-0.5 text-sm ${membership.isActive ? "border-brand-200 bg-brand-50" : "border-slate-200 text-slate-500 line-through"}`}>
                      <span>
                        {m.dashboard.roles[membership.role]}
                        {membership.unit ? ` · ${membership.unit.shortName ?? membership.unit.name}` : ""}
                      </span>
                      <ActionForm id={`cabut-${membership.id}`} action={removeMembership} confirm={`${labels.removeRole}?`} fixErrorsMessage={m.forms.fixErrors} className="contents">
                        <input type="hidden" name="membershipId" value={membership.id} />
                        <button type="submit" className="text-xs text-red-700 underline" aria-label={`${labels.removeRole} ${m.dashboard.roles[membership.role]}`}>{labels.removeRole}</button>
                      </ActionForm>
                    </li>
                  ))}
                </ul>
              </div>
              <div className="mt-3 flex flex-wrap items-start gap-4">
                <details>
                  <summary className="cursor-pointer text-sm text-brand-700 underline">{labels.addRole}</summary>
                  <ActionForm id={`peran-${user.id}`} action={addMembership} schema="membershipAdd" fixErrorsMessage={m.forms.fixErrors} className="mt-2 flex flex-wrap items-end gap-2">
                    <input type="hidden" name="userId" value={user.id} />
                    <SelectField name="role" label={labels.role} options={roleOptions} defaultValue="ADMIN_OPD" />
                    <SelectField name="unitId" label={labels.unit} options={unitChoices} />
                    <SubmitButton pendingLabel={m.forms.saving}>{labels.addRole}</SubmitButton>
                  </ActionForm>
                </details>
                <ActionForm id={`reset-${user.id}`} action={resetUserPassword} confirm={`${labels.resetPassword}: ${user.email}?`} dataLabels={dataLabels} fixErrorsMessage={m.forms.fixErrors} className="space-y-1">
                  <input type="hidden" name="userId" value={user.id} />
                  <SubmitButton pendingLabel={m.forms.saving} variant="secondary">{labels.resetPassword}</SubmitButton>
                </ActionForm>
                <ActionForm
                  id={`status-${user.id}`}
                  action={setUserActive}
                  confirm={activeHere ? fill(labels.confirmDeactivate, { email: user.email }) : undefined}
                  fixErrorsMessage={m.forms.fixErrors}
                  className="space-y-1"
                >
                  <input type="hidden" name="userId" value={user.id} />
                  <input type="hidden" name="active" value={activeHere ? "false" : "true"} />
                  <SubmitButton pendingLabel={m.forms.saving} variant={activeHere ? "danger" : "secondary"}>{activeHere ? m.admin.deactivate : m.admin.activate}</SubmitButton>
                </ActionForm>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
