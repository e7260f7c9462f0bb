// Deadlines and "today" in the agency's time zone: a day ends at midnight WIB, WITA or WIT.
import { describe, expect, it } from "vitest";
import { objectionWindow } from "@/lib/assessment/objection-deadline";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { daysUntil, todayIn, todayTextIn } from "@/lib/i18n/time-zone";

const deadline = new Date("2026-02-27T00:00:00Z"); // stored at midnight UTC of its day

describe("agency time zones", () => {
  it("a deadline day closes at midnight in the agency's own zone", () => {
    // 15:30 UTC on the 27th is 22:30 WIB, 23:30 WITA, 00:30 WIT on the 28th.
    const late = new Date("2026-02-27T15:30:00Z");
    expect(objectionWindow(deadline, late, "WIB")).toMatchObject({ state: "open", daysLeft: 0 });
    expect(objectionWindow(deadline, late, "WITA")).toMatchObject({ state: "open", daysLeft: 0 });
    expect(objectionWindow(deadline, late, "WIT")).toMatchObject({ state: "closed" });
    expect(daysUntil(deadline, "WIT", new Date("2026-02-24T14:59:00Z"))).toBe(3);
    expect(daysUntil(deadline, "WIT", new Date("2026-02-24T15:00:00Z"))).toBe(2);
  });

  it("today is the zone's calendar day, stored like every calendar date", () => {
    const instant = new Date("2026-08-16T16:30:00Z"); // 23:30 WIB, 00:30 WITA on the 17th
    expect(todayIn("WIB", instant).toISOString()).toBe("2026-08-16T00:00:00.000Z");
    expect(todayTextIn("WITA", instant)).toBe("2026-08-17");
  });

  it("times are shown in the zone with its name; calendar dates stay the same day everywhere", () => {
    const at = new Date("2026-08-16T16:30:00Z");
    expect(formatDateTime(at, "id", "WIB")).toContain("23.30");
    expect(formatDateTime(at, "id", "WIT")).toContain("01.30");
    expect(formatDateTime(at, "id", "WIT")).toContain("WIT");
    for (const zone of ["WIB", "WITA", "WIT"] as const) expect(formatDate(deadline, "id", zone)).toBe("27 Februari 2026");
  });
});
