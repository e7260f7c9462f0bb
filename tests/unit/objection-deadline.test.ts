// The objection deadline is a calendar day in Western Indonesian Time, however it was stored.
import { describe, expect, it } from "vitest";
import { objectionWindow } from "@/lib/assessment/objection-deadline";

const deadline = new Date("2026-02-27T00:00:00Z"); // stored at midnight UTC of its day

describe("objection window", () => {
  it("is open through the whole deadline day in WIB and closed from the next midnight WIB", () => {
    expect(objectionWindow(deadline, new Date("2026-02-25T10:00:00Z"))).toEqual({ state: "open", daysLeft: 2, deadline });
    expect(objectionWindow(deadline, new Date("2026-02-27T16:59:59Z"))).toEqual({ state: "open", daysLeft: 0, deadline });
    expect(objectionWindow(deadline, new Date("2026-02-27T17:00:00Z"))).toEqual({ state: "closed", deadline });
  });

  it("reads a deadline stored at midnight WIB as the same day", () => {
    const atWibMidnight = new Date("2026-02-26T17:00:00Z");
    expect(objectionWindow(atWibMidnight, new Date("2026-02-27T16:59:59Z"))).toMatchObject({ state: "open", daysLeft: 0 });
    expect(objectionWindow(atWibMidnight, new Date("2026-02-27T17:00:00Z"))).toMatchObject({ state: "closed" });
  });

  it("has no window when no deadline is set", () => {
    expect(objectionWindow(null)).toEqual({ state: "unset" });
  });
});
