import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getMessages } from "@/lib/i18n/locale";
import { getActor } from "@/lib/auth/current";
import { adminSectionsFor } from "@/lib/admin/navigation";
import { can } from "@/lib/policy";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/format";
import { unreadNotificationCount } from "@/lib/notifications/inbox";
import { signOut } from "./dasbor/actions";
import { LocaleProvider } from "@/components/locale-context";
import { setLocale } from "./bahasa/actions";
import "./globals.css";

const LANGUAGES = [
  { locale: "id", name: "Bahasa Indonesia" },
  { locale: "en", name: "English" },
] as const;

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getMessages();
  return { title: { default: m.app.name, template: `%s · ${m.app.name}` }, description: m.titles.description };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#133d7a" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, m } = await getMessages();
  const actor = await getActor();
  const unread = await unreadNotificationCount(db, actor);
  const showsBell = !!actor?.active.instansiId && can(actor, "notification.read-own", { instansiId: actor.active.instansiId });
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a href="#konten" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {m.app.skipToContent}
        </a>
        <header className="bg-brand-800 text-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="flex items-baseline gap-2 font-semibold">
              <span className="text-lg">{m.app.name}</span>
              <span className="hidden text-sm font-normal text-brand-100 sm:inline">{m.app.tagline}</span>
            </Link>
            <nav aria-label={m.app.mainNavigation} className="flex gap-4 text-sm">
              <Link href="/" className="hover:underline">{m.app.nav.home}</Link>
              <Link href="/kalkulator" className="hover:underline">{m.app.nav.calculator}</Link>
              {actor && <Link href="/dasbor" className="hover:underline">{m.app.nav.workspace}</Link>}
              {actor?.active.instansiId && <Link href="/periode" className="hover:underline">{m.app.nav.periods}</Link>}
              {actor?.active.instansiId && can(actor, "evidence.read", { instansiId: actor.active.instansiId, unitId: actor.active.unitId }) && (
                <Link href="/bukti" className="hover:underline">{m.app.nav.evidence}</Link>
              )}
              {adminSectionsFor(actor).length > 0 && <Link href="/admin" className="hover:underline">{m.app.nav.admin}</Link>}
            </nav>
            <div className="ml-auto text-sm">
              {actor ? (
                <form action={signOut} className="flex items-center gap-3">
                  <span className="hidden text-brand-100 sm:inline">{actor.name}</span>
                  {showsBell && (
                    <Link href="/pemberitahuan" data-testid="bell" aria-label={unread > 0 ? fill(m.notifications.bellUnread, { count: unread }) : m.notifications.bell} className="relative inline-flex items-center hover:text-brand-100">
                      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
                        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
                      </svg>
                      {unread > 0 && <span data-testid="bell-count" className="absolute -right-2 -top-2 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-bold leading-5 text-brand-900">{unread > 99 ? "99+" : unread}</span>}
                    </Link>
                  )}
                  <Link href="/akun/kata-sandi" className="hover:underline">{m.app.nav.account}</Link>
                  <button type="submit" className="rounded border border-white/60 px-3 py-1 hover:bg-white/10">{m.auth.signOut}</button>
                </form>
              ) : (
                <Link href="/masuk" className="rounded border border-white/60 px-3 py-1 hover:bg-white/10">{m.auth.signIn}</Link>
              )}
            </div>
          </div>
        </header>
        <main id="konten" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
          <LocaleProvider locale={locale}>{children}</LocaleProvider>
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-4 text-xs text-slate-600">
            <p>{m.app.footer}</p>
            <form action={setLocale} className="flex items-center gap-2" aria-label={m.app.language}>
              <span>{m.app.language}:</span>
              {LANGUAGES.map(({ locale: choice, name }) => (
                <button key={choice} type="submit" name="locale" value={choice} lang={choice} aria-pressed={choice === locale} className={choice === locale ? "font-semibold text-slate-900" : "underline hover:text-slate-900"}>
                  {name}
                </button>
              ))}
            </form>
          </div>
        </footer>
      </body>
    </html>
  );
}
