// Dates and times as the pages show them: in Western Indonesian Time, with the zone.
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "@/lib/i18n/format";

describe("formatDateTime", () => {
  it("shows the time in Asia/Jakarta with its zone, in both languages", () => {
    const lateEvening = new Date("2026-03-01T17:30:00Z");
    expect(formatDateTime(lateEvening)).toMatch(/^2 Mar 2026.*00[.:]30 WIB$/);
    expect(formatDateTime(lateEvening, "en")).toMatch(/^2 Mar 2026.*00:30/);
    expect(formatDate(lateEvening)).toBe("2 Maret 2026");
  });
});
