// The pieces every input schema is built from, defined once so that text, an id, a version,
// a calendar date or a link means the same thing in every form, command and API.
//
// Text: PostgreSQL refuses NUL in text (a 500 before these existed), and control characters
// or bidi overrides in a name make it read differently from what it is
// ("laporan\u202Efdp.exe" shows as "laporanexe.pdf"). Free text keeps tabs and line breaks;
// names, titles and ids are one line. Other messages are passed in by the schema that uses
// them (each form names its own field).
import { z } from "zod";
import { messageKey, type MessageKey } from "@/lib/i18n/message";

// C0 controls but tab, line feed and carriage return; DEL; C1 controls; bidi embeddings,
// overrides and isolates; the byte-order mark.
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/u;
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/u;

const message = messageKey("forms.forbiddenCharacters");

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

/** A row id (cuid) as a form, a command or the API sends it. */
export const id = line().trim().min(1).max(40);

/** Largest value of a PostgreSQL integer column (the version counters are `Int`). */
const INT4_MAX = 2_147_483_647;

/** The version counter of a row as the form showed it: the optimistic-concurrency token. */
export const version = z.coerce.number().int().min(0).max(INT4_MAX);

/**
 * For rows without a version counter, the updatedAt the form showed, in milliseconds since
 * the epoch (the largest value a JavaScript Date holds).
 */
export const updatedAtVersion = z.coerce.number().int().min(0).max(8_640_000_000_000_000);

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "YYYY-MM-DD" (a date input's value) as midnight UTC of that calendar day, or null when it
 * is not a real day ("2026-02-30"). Midnight UTC is how every calendar day is stored, so a
 * deadline reads as the same day in every Indonesian time zone.
 */
export function parseCalendarDate(value: string): Date | null {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return null;
  const parsed = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return parsed.toISOString().slice(0, 10) === value ? parsed : null;
}

/** An optional calendar day from a date input: empty gives null, anything but a real day gives `message`. */
export const optionalCalendarDate = (message: MessageKey) =>
  z
    .string()
    .trim()
    .max(10, message)
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const parsed = parseCalendarDate(value);
      if (!parsed) {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return parsed;
    });

/**
 * An http(s) address on a named host, without credentials: `https://portal.go.id@evil.test/`
 * reads as portal.go.id to a person but goes to evil.test.
 */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const URL_MAX = 2000;

/** A link someone types (evidence, a public source): http(s), a named host, no credentials. */
export const httpUrl = (message: MessageKey) => line().trim().max(URL_MAX, message).refine(isHttpUrl, message);
