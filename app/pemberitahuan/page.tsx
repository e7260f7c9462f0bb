import Link from "next/link";
import type { Metadata } from "next";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { requireInstansiPermission } from "@/lib/auth/page-guard";
import { getMessages } from "@/lib/i18n/locale";
import { renderIn } from "@/lib/i18n/message";
import { formatDateTime } from "@/lib/i18n/format";
import { listNotifications, notificationSettings } from "@/lib/notifications/inbox";
import { NOTIFICATION_TYPES } from "@/lib/notifications/notify";
import { mailSettings } from "@/lib/notifications/mail-settings";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { SelectField } from "@/components/forms/fields";
import { markAllNotificationsRead, markNotificationRead, saveNotificationPreferences } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).m.notifications.title };
}
export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  const actor = await requireActor("/pemberitahuan");
  requireInstansiPermission(actor, "notification.read-own");
  const { locale, m } = await getMessages();
  const labels = m.notifications;
  const [items, settings] = await Promise.all([listNotifications(db, actor), notificationSettings(db, actor)]);
  const unread = items.filter((item) => !item.readAt).length;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">{labels.title}</h1>
        <p className="text-sm text-slate-700">{labels.intro}</p>
      </div>

      <section aria-labelledby="daftar-pemberitahuan" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="daftar-pemberitahuan" className="text-lg font-semibold text-brand-900">{labels.unread}: {unread}</h2>
          {unread > 0 && (
            <ActionForm id="tandai-semua" action={markAllNotificationsRead} resetOnSuccess={false} fixErrorsMessage={m.forms.fixErrors}>
              <SubmitButton variant="secondary" pendingLabel={m.forms.saving}>{labels.markAllRead}</SubmitButton>
            </ActionForm>
          )}
        </div>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">{labels.empty}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {items.map((item) => (
              <li key={item.id} data-unread={item.readAt ? undefined : "true"} className={`flex flex-wrap items-start gap-3 p-3 text-sm ${item.readAt ? "text-slate-600" : "bg-brand-50/40"}`}>
                <div className="min-w-0 flex-1 space-y-0.5">
                  <p className="text-xs text-slate-500">
                    {labels.types[item.type]} · {formatDateTime(item.createdAt, locale, actor.active.timeZone)}
                    {!item.readAt && <span className="ml-2 rounded bg-brand-700 px-1.5 py-0.5 text-white">{labels.unread}</span>}
                  </p>
                  <p className={item.readAt ? "" : "font-medium text-slate-900"}>{renderIn(m, item.message)}</p>
                  <Link href={item.link} className="text-brand-700 underline">{labels.open}</Link>
                </div>
                {!item.readAt && (
                  <ActionForm id={`baca-${item.id}`} action={markNotificationRead} resetOnSuccess={false} fixErrorsMessage={m.forms.fixErrors}>
                    <input type="hidden" name="notificationId" value={item.id} />
                    <SubmitButton variant="secondary" pendingLabel={m.forms.saving}>{labels.markRead}</SubmitButton>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="pengaturan-pemberitahuan" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="pengaturan-pemberitahuan" className="text-lg font-semibold text-brand-900">{labels.preferences.title}</h2>
        <p className="text-sm text-slate-700">{labels.preferences.intro}</p>
        {!mailSettings().enabled && <p className="text-sm text-amber-900">{labels.preferences.mailOff}</p>}
        <ActionForm id="pengaturan" action={saveNotificationPreferences} resetOnSuccess={false} fixErrorsMessage={m.forms.fixErrors} className="space-y-3">
          <div className="overflow-x-auto">
            <table className="text-sm">
              <thead>
                <tr className="text-left">
                  <th scope="col" className="py-1 pr-4">{labels.preferences.type}</th>
                  <th scope="col" className="px-2 py-1">{labels.preferences.inApp}</th>
                  <th scope="col" className="px-2 py-1">{labels.preferences.email}</th>
                </tr>
              </thead>
              <tbody>
                {NOTIFICATION_TYPES.map((type) => (
                  <tr key={type} className="border-t border-slate-100">
                    <th scope="row" className="py-1 pr-4 font-normal">{labels.types[type]}</th>
                    <td className="px-2 py-1 text-center">
                      <input type="checkbox" name="inApp[]" value={type} defaultChecked={settings.enabled.IN_APP.has(type)} aria-label={`${labels.types[type]}: ${labels.preferences.inApp}`} />
                    </td>
                    <td className="px-2 py-1 text-center">
                      <input type="checkbox" name="email[]" value={type} defaultChecked={settings.enabled.EMAIL.has(type)} aria-label={`${labels.types[type]}: ${labels.preferences.email}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <SelectField name="locale" label={labels.preferences.language} defaultValue={settings.locale} options={["id", "en"].map((value) => ({ value, label: labels.languages[value]! }))} className="max-w-xs" />
          <SubmitButton pendingLabel={m.forms.saving}>{labels.preferences.save}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
