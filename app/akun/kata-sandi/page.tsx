import Link from "next/link";
import { requireActor, CHANGE_PASSWORD_PATH } from "@/lib/auth/current";
import { getMessages } from "@/lib/i18n/locale";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { changePassword } from "./actions";
import { signOutEverywhere } from "../../dasbor/actions";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("password");

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ kembali?: string }> }) {
  const actor = await requireActor(CHANGE_PASSWORD_PATH);
  const { m } = await getMessages();
  const { kembali } = await searchParams;
  const next = kembali?.startsWith("/") && !kembali.startsWith("//") ? kembali : "/dasbor";
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-brand-900">{m.account.title}</h1>
      {actor.mustChangePassword && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{m.account.mustChange}</p>
      )}
      <p className="text-sm text-slate-700">{m.account.intro}</p>
      <ActionForm id="ganti-sandi" action={changePassword} schema="passwordChange" fixErrorsMessage={m.forms.fixErrors} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <TextField name="currentPassword" type="password" label={m.account.current} autoComplete="current-password" />
        <TextField name="newPassword" type="password" label={m.account.next} autoComplete="new-password" />
        <TextField name="confirmPassword" type="password" label={m.account.confirm} autoComplete="new-password" />
        <SubmitButton pendingLabel={m.forms.saving}>{m.account.submit}</SubmitButton>
      </ActionForm>
      <p className="text-sm">
        <Link href={next} className="text-brand-700 underline">{m.account.continue}</Link>
      </p>
      <section aria-labelledby="sesi-judul" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sesi-judul" className="text-lg font-semibold text-brand-900">{m.account.sessionsTitle}</h2>
        <p className="text-sm text-slate-700">{m.account.sessionsIntro}</p>
        <form action={signOutEverywhere}>
          <button type="submit" className="rounded border border-red-700 px-3 py-1 text-sm text-red-800 hover:bg-red-50">{m.account.signOutEverywhere}</button>
        </form>
      </section>
    </div>
  );
}
