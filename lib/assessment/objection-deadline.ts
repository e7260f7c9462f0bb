// The objection deadline (batas sanggah) is a calendar date: objections may be made or
// changed through the whole of that day in Western Indonesian Time, whatever time of day
// the date was stored with.
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ObjectionWindow = { state: "unset" } | { state: "open"; daysLeft: number; deadline: Date } | { state: "closed"; deadline: Date };

/** Days since the epoch of the calendar date at `instant` in WIB. */
const wibDay = (instant: Date) => Math.floor((instant.getTime() + WIB_OFFSET_MS) / DAY_MS);

export function objectionWindow(deadline: Date | null, now: Date = new Date()): ObjectionWindow {
  if (!deadline) return { state: "unset" };
  const daysLeft = wibDay(deadline) - wibDay(now);
  return daysLeft >= 0 ? { state: "open", daysLeft, deadline } : { state: "closed", deadline };
}
