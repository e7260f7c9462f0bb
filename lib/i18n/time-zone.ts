// The three time zones of Indonesia, a setting of each agency (Instansi.timeZone): deadlines,
// "today" and every time the portal shows follow the agency's zone. Calendar dates
// (deadlines, dates of enactment) are stored as midnight UTC of the day; a day ends at
// midnight in the agency's zone, so a WIT agency's deadline closes two hours before a WIB one's.
export const AGENCY_TIME_ZONES = {
  WIB: { iana: "Asia/Jakarta", offsetHours: 7 },
  WITA: { iana: "Asia/Makassar", offsetHours: 8 },
  WIT: { iana: "Asia/Jayapura", offsetHours: 9 },
} as const;

export type AgencyTimeZone = keyof typeof AGENCY_TIME_ZONES;
export const TIME_ZONE_CODES = Object.keys(AGENCY_TIME_ZONES) as AgencyTimeZone[];
/** Where most agencies are, and the zone of everything before the setting existed. */
export const DEFAULT_TIME_ZONE: AgencyTimeZone = "WIB";

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** Days since the epoch of the calendar date at `instant` in the zone (Indonesia has no daylight saving). */
export function dayNumber(instant: Date, zone: AgencyTimeZone): number {
  return Math.floor((instant.getTime() + AGENCY_TIME_ZONES[zone].offsetHours * HOUR_MS) / DAY_MS);
}

/** Today in the zone, as calendar dates are stored: midnight UTC of that day. */
export function todayIn(zone: AgencyTimeZone, now: Date = new Date()): Date {
  return new Date(dayNumber(now, zone) * DAY_MS);
}

/** "2026-03-05" for today in the zone (file names, date inputs). */
export const todayTextIn = (zone: AgencyTimeZone, now: Date = new Date()) => todayIn(zone, now).toISOString().slice(0, 10);

/**
 * Whole days from today (in the zone) until a calendar date; negative once it has passed.
 * The date is read in the zone too, so midnight UTC and midnight WIB both name the same day.
 */
export function daysUntil(date: Date, zone: AgencyTimeZone, now: Date = new Date()): number {
  return dayNumber(date, zone) - dayNumber(now, zone);
}
