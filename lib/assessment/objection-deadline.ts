// The objection deadline (batas sanggah) is a calendar date: objections may be made or
// changed through the whole of that day in the agency's time zone (WIB, WITA or WIT),
// whatever time of day the date was stored with.
import { daysUntil, DEFAULT_TIME_ZONE, type AgencyTimeZone } from "@/lib/i18n/time-zone";

export type ObjectionWindow = { state: "unset" } | { state: "open"; daysLeft: number; deadline: Date } | { state: "closed"; deadline: Date };

export function objectionWindow(deadline: Date | null, now: Date = new Date(), zone: AgencyTimeZone = DEFAULT_TIME_ZONE): ObjectionWindow {
  if (!deadline) return { state: "unset" };
  const daysLeft = daysUntil(deadline, zone, now);
  return daysLeft >= 0 ? { state: "open", daysLeft, deadline } : { state: "closed", deadline };
}
