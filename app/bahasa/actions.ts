"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { DEFAULT_LOCALE, messages, type Locale } from "@/lib/i18n/messages";
import { portalCookieOptions } from "@/lib/auth/session-cookie";

/** The reader's language, kept in a cookie for a year; then back to the page they were on. */
export async function setLocale(formData: FormData): Promise<void> {
  const requested = formData.get("locale");
  const locale: Locale = typeof requested === "string" && Object.hasOwn(messages, requested) ? (requested as Locale) : DEFAULT_LOCALE;
  (await cookies()).set("locale", locale, portalCookieOptions(365 * 24 * 3600));
  const request = await headers();
  const referer = request.get("referer");
  const from = referer ? new URL(referer) : null;
  redirect(from && from.host === request.get("host") ? `${from.pathname}${from.search}` : "/");
}
