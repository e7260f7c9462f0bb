import { describe, expect, it } from "vitest";
import { id, isHttpUrl, optionalCalendarDate, parseCalendarDate, updatedAtVersion, version } from "@/lib/validation/primitives";
import { ZLinkEvidenceAdd } from "@/lib/validation/answers";
import { ZEvidenceLinkCreate } from "@/lib/validation/evidence";
import { ZPeriodUpdate } from "@/lib/validation/periods";
import { ZRecommendationCreate } from "@/lib/validation/recommendations";

describe("calendar dates", () => {
  it("are real days at midnight UTC", () => {
    expect(parseCalendarDate("2026-03-31")?.toISOString()).toBe("2026-03-31T00:00:00.000Z");
    expect(parseCalendarDate("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    for (const wrong of ["2026-02-29", "2026-02-30", "2026-13-01", "2026-3-31", "31-03-2026", "2026-03-31T00:00"]) expect(parseCalendarDate(wrong)).toBeNull();
  });

  it("are optional in forms, and a wrong one carries the form's message", () => {
    const date = optionalCalendarDate("evidence.dateInvalid");
    expect(date.parse("")).toBeNull();
    expect(date.parse(undefined)).toBeNull();
    expect(date.safeParse("2026-02-30").error?.issues.map((issue) => issue.message)).toEqual(["evidence.dateInvalid"]);
  });

  it("mean the same in every form that takes one", () => {
    const recommendation = ZRecommendationCreate.safeParse({ periodId: "p1", indicator: 1, source: "INTERNAL", text: "Susun kebijakan internal.", dueDate: "2026-02-30" });
    expect(recommendation.error?.issues.map((issue) => issue.path.join("."))).toEqual(["dueDate"]);
    expect(ZPeriodUpdate.safeParse({ periodId: "p1", version: "1", predicateBasis: "EXACT", fillDeadline: "2026-02-30" }).error?.issues.map((issue) => issue.path.join("."))).toContain("fillDeadline");
  });
});

describe("versions", () => {
  it("fit the integer version columns", () => {
    expect(version.parse("0")).toBe(0);
    expect(version.parse("2147483647")).toBe(2_147_483_647);
    for (const wrong of ["2147483648", "-1", "1.5", "x"]) expect(version.safeParse(wrong).success).toBe(false);
  });

  it("are milliseconds for rows that only have updatedAt", () => {
    expect(updatedAtVersion.parse(String(Date.UTC(2026, 0, 1)))).toBe(Date.UTC(2026, 0, 1));
    expect(updatedAtVersion.safeParse("8640000000000001").success).toBe(false);
  });
});

describe("links", () => {
  it("are http(s) on a named host without credentials", () => {
    expect(isHttpUrl("https://jdih.contoh.go.id/perbup/12")).toBe(true);
    for (const wrong of ["ftp://contoh.go.id/", "https://localhost/", "javascript:alert(1)", "https://portal.go.id@evil.test/", "https://a:b@contoh.go.id/", "contoh.go.id"]) {
      expect(isHttpUrl(wrong)).toBe(false);
    }
  });

  it("are refused with credentials on the indicator form as in the library", () => {
    const link = { title: "Portal", url: "https://portal.go.id@evil.test/" };
    expect(ZLinkEvidenceAdd.safeParse({ periodId: "p1", indicatorId: "i1", ...link }).success).toBe(false);
    expect(ZEvidenceLinkCreate.safeParse(link).success).toBe(false);
    expect(ZLinkEvidenceAdd.safeParse({ periodId: "p1", indicatorId: "i1", title: "Portal", url: "https://portal.go.id/" }).success).toBe(true);
  });
});

describe("ids", () => {
  it("are trimmed and bounded", () => {
    expect(id.parse("  cabc ")).toBe("cabc");
    expect(id.safeParse("").success).toBe(false);
    expect(id.safeParse("x".repeat(41)).success).toBe(false);
  });
});
