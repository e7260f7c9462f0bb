// Page titles in the reader's language: `export const generateMetadata = pageTitle("audit");`
import type { Metadata } from "next";
import { getMessages } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";

export function pageTitle(page: Exclude<keyof Messages["titles"], "description">): () => Promise<Metadata> {
  return async () => ({ title: (await getMessages()).m.titles[page] });
}
