// The text primitives every input schema builds on. PostgreSQL refuses NUL in text (a 500
// before these existed), and control characters or bidi overrides in a name make it read
// differently from what it is ("laporan\u202Efdp.exe" shows as "laporanexe.pdf"). Free text
// keeps tabs and line breaks; names, titles and ids are one line.
import { z } from "zod";
import { messages } from "@/lib/i18n/messages";

// C0 controls but tab, line feed and carriage return; DEL; C1 controls; bidi embeddings,
// overrides and isolates; the byte-order mark.
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/u;
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/u;

const message = messages.id.forms.forbiddenCharacters;

/** True when `value` holds a character no multi-line field accepts. */
export const hasForbiddenTextCharacters = (value: string) => FORBIDDEN_IN_TEXT.test(value);

/** True when `value` holds a character no single-line field accepts. */
export const hasForbiddenLineCharacters = (value: string) => FORBIDDEN_IN_LINE.test(value);

/** `value` with every character a single-line field refuses replaced (to show it, or to search with it). */
export const replaceForbiddenLineCharacters = (value: string, replacement: string) => value.replace(new RegExp(FORBIDDEN_IN_LINE.source, "gu"), replacement);

/** Multi-line free text (explanations, notes, comments): refuses what no text needs. */
export const text = () => z.string().refine((value) => !hasForbiddenTextCharacters(value), message);

/** One line (names, titles, codes, ids, file names): also refuses tabs and line breaks. */
export const line = () => z.string().refine((value) => !hasForbiddenLineCharacters(value), message);

/** A search box's query: cleaned rather than refused, a search is only a view. */
export const searchQuery = (max: number) =>
  z
    .string()
    .transform((value) => replaceForbiddenLineCharacters(value, " ").trim())
    .pipe(z.string().max(max))
    .catch("");
