// Message catalogs. Bahasa Indonesia is the language of the portal; English follows the
// same keys (a unit test fails when a key is missing in either).
import { id } from "./id";
import { en } from "./en";

export type Messages = typeof id;
export const messages: { id: Messages; en: Messages } = { id, en };
export type Locale = keyof typeof messages;
export const DEFAULT_LOCALE: Locale = "id";
export const isLocale = (value: string | undefined): value is Locale => value === "id" || value === "en";
