import { AGENCY_TIME_ZONES, DEFAULT_TIME_ZONE, type AgencyTimeZone } from "./time-zone";

/** Replaces {name} placeholders in a catalog message. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** An exact decimal text ("3.2825") as the reader writes it: decimal comma in Bahasa Indonesia. */
export function formatDecimal(text: string, locale: string = "id"): string {
  return locale === "en" ? text : text.replace(".", ",");
}

// Times are shown in the agency's zone (Instansi.timeZone), with the zone's name, so a
// reader elsewhere still reads an unambiguous time.
export function formatDateTime(date: Date, locale: string = "id", zone: AgencyTimeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: AGENCY_TIME_ZONES[zone].iana, timeZoneName: "short" }).format(date);
}

/** A calendar date (deadlines are stored at midnight UTC or WIB of their day) as that day in the agency's zone. */
export function formatDate(date: Date, locale: string = "id", zone: AgencyTimeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { dateStyle: "long", timeZone: AGENCY_TIME_ZONES[zone].iana }).format(date);
}
