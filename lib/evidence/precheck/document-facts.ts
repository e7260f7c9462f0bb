// What the pre-checks look for in a document's text: its number ("NOMOR 12 TAHUN 2024",
// "Nomor: 800/123/2024") and its dates ("5 Juni 2024", "05-06-2024", "2024-06-05"). The date
// a document was enacted or signed ("Ditetapkan di ... pada tanggal 5 Juni 2024") comes
// first when the text has one. Plain TypeScript, tested on its own.
const MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"];
const MONTH_ALIASES: Record<string, number> = { pebruari: 2, nopember: 11, agt: 8, agu: 8, des: 12, okt: 10, sep: 9, nov: 11, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7 };

const NUMBER = /\b(?:nomor|no\.)\s*:?\s*([0-9][0-9A-Za-z./-]*(?:\s+tahun\s+\d{4})?)/i;
const WORDED_DATE = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})\b/g;
const NUMERIC_DATE = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/g;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const ENACTED = /(?:ditetapkan|disahkan|ditandatangani|tanggal)[^\n]{0,80}?(\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})/i;

const MAX_DATES = 20;

export function findDocumentNumber(text: string): string | null {
  const match = NUMBER.exec(text);
  return match ? match[1]!.replace(/\s+/g, " ").trim().slice(0, 120) : null;
}

function monthOf(word: string): number | null {
  const lower = word.toLowerCase();
  const index = MONTHS.indexOf(lower);
  return index >= 0 ? index + 1 : (MONTH_ALIASES[lower] ?? null);
}

/** "YYYY-MM-DD" when the parts make a real calendar day between 1945 and 2100, else null. */
function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1945 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.toISOString().slice(0, 10) : null;
}

function parseOne(text: string): string | null {
  const worded = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(text.trim());
  if (worded) {
    const month = monthOf(worded[2]!);
    return month ? isoDay(Number(worded[3]), month, Number(worded[1])) : null;
  }
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text.trim());
  return numeric ? isoDay(Number(numeric[3]), Number(numeric[2]), Number(numeric[1])) : null;
}

/** Every date in the text as "YYYY-MM-DD", the enactment or signing date first, without repeats. */
export function findDocumentDates(text: string): string[] {
  const found: string[] = [];
  const enacted = ENACTED.exec(text);
  const enactedDay = enacted ? parseOne(enacted[1]!) : null;
  if (enactedDay) found.push(enactedDay);
  for (const match of text.matchAll(WORDED_DATE)) {
    const month = monthOf(match[2]!);
    const day = month ? isoDay(Number(match[3]), month, Number(match[1])) : null;
    if (day) found.push(day);
  }
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const day = isoDay(Number(match[3]), Number(match[2]), Number(match[1]));
    if (day) found.push(day);
  }
  for (const match of text.matchAll(ISO_DATE)) {
    const day = isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
    if (day) found.push(day);
  }
  return [...new Set(found)].slice(0, MAX_DATES);
}
