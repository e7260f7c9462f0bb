// Reports speak of the period's framework: "Laporan Penilaian Mandiri SPBE" for spbe-2020,
// "Laporan Penilaian Mandiri Indeks Pemerintah Digital" for pemdi-2026, levels "per aspek
// dan indikator" where there are no domains, unanswered indicators counting what the
// framework says. The catalog holds the sentences with placeholders; this fills them.
import { frameworkWording } from "@/lib/framework/wording";
import { unansweredValueOf, type FrameworkDefinition } from "@/lib/framework/schema";
import { fill, formatDecimal } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n/messages";

export function frameworkWordsFor(m: Messages, definition: FrameworkDefinition, locale: Locale) {
  const words = m.frameworkWords[frameworkWording(definition)];
  const kinds = new Intl.ListFormat(locale === "en" ? "en" : "id", { type: "conjunction" }).format(
    definition.nodeKinds.map((kind) => m.nodeKinds[kind] ?? kind),
  );
  return { ...words, kinds, unanswered: formatDecimal(unansweredValueOf(definition), locale) };
}

const fillAll = <T extends Record<string, unknown>>(texts: T, values: Record<string, string>): T =>
  Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, typeof text === "string" ? fill(text, values) : text])) as T;

/** The catalog with the report texts (PDF, Berita Acara, worksheet) in the framework's words. */
export function withFrameworkWords(m: Messages, definition: FrameworkDefinition, locale: Locale): Messages {
  const words = frameworkWordsFor(m, definition, locale);
  return {
    ...m,
    reports: { ...m.reports, pdf: fillAll(m.reports.pdf, words), sheet: fillAll(m.reports.sheet, words) },
  };
}
