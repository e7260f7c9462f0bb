import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, messages, type Locale, type Messages } from "./messages";

/** The reader's language: the `locale` cookie when it names a catalog, else Bahasa Indonesia. */
export async function getMessages(): Promise<{ locale: Locale; m: Messages }> {
  const requested = (await cookies()).get("locale")?.value;
  const locale: Locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return { locale, m: messages[locale] };
}
