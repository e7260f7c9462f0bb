import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/current";
import { singleSignOnSettings } from "@/lib/auth/single-sign-on";
import { getMessages } from "@/lib/i18n/locale";
import { SignInForm } from "@/components/auth/sign-in-form";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("signIn");
export const dynamic = "force-dynamic";

/** Only same-site paths: an open redirect after sign-in would help phishing. */
function safeReturnTo(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/dasbor";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ kembali?: string; error?: string }> }) {
  const { m } = await getMessages();
  const params = await searchParams;
  const returnTo = safeReturnTo(params.kembali);
  if (await getActor()) redirect(returnTo);
  // next-auth sends failed single sign-ons back here with ?error=...; AccessDenied is our own
  // refusal (no active portal user for that email), anything else a failure along the way.
  const initialError = !params.error ? null : params.error === "AccessDenied" ? m.auth.ssoRefused : m.auth.ssoFailed;

  return (
    <div className="mx-auto max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">{m.auth.signInTitle}</h1>
        <p className="text-sm text-slate-700">{m.auth.signInIntro}</p>
      </div>
      <SignInForm labels={m.auth} returnTo={returnTo} ssoName={singleSignOnSettings()?.displayName ?? null} initialError={initialError} />
    </div>
  );
}
