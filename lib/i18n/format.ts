/** Replaces {name} placeholders in a catalog message. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

// Western Indonesian Time: where most users are; WITA/WIT agencies still read an unambiguous time (shown with its zone).
const TIME_ZONE = "Asia/Jakarta";

export function formatDateTime(date: Date, locale: string = "id"): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE, timeZoneName: "short" }).format(date);
}

export function formatDate(date: Date, locale: string = "id"): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { dateStyle: "long", timeZone: TIME_ZONE }).format(date);
}
