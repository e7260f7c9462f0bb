// The audit page's filters: whatever the query string holds, the page gets usable values.
import { describe, expect, it } from "vitest";
import { auditFilterParams, ZAuditFilters } from "@/lib/validation/audit";

describe("ZAuditFilters", () => {
  it("reads the filters and trims them", () => {
    expect(ZAuditFilters.parse({ actor: " Budi ", entity: "Unit", action: "unit.", dari: "2026-03-01", sampai: "2026-03-31", halaman: "3" })).toEqual({
      actor: "Budi",
      entity: "Unit",
      action: "unit.",
      dari: "2026-03-01",
      sampai: "2026-03-31",
      halaman: 3,
      swapped: false,
    });
  });

  it("ignores what does not parse instead of failing", () => {
    expect(ZAuditFilters.parse({ actor: ["a", "b"], entity: "Unit'; --", dari: "2026-02-30", sampai: "kemarin", halaman: "-1" })).toEqual({
      actor: "",
      entity: "",
      action: "",
      dari: "",
      sampai: "",
      halaman: 1,
      swapped: false,
    });
    expect(ZAuditFilters.parse({}).halaman).toBe(1);
  });

  it("swaps a range written back to front and says so", () => {
    expect(ZAuditFilters.parse({ dari: "2026-04-10", sampai: "2026-04-01" })).toMatchObject({ dari: "2026-04-01", sampai: "2026-04-10", swapped: true });
  });

  it("writes back only the filters that are set, for links that keep them", () => {
    const filters = ZAuditFilters.parse({ actor: "budi@x.go.id", dari: "2026-04-01", halaman: "2" });
    expect(auditFilterParams(filters).toString()).toBe("actor=budi%40x.go.id&dari=2026-04-01");
    expect(auditFilterParams(filters, { halaman: "3" }).toString()).toBe("actor=budi%40x.go.id&dari=2026-04-01&halaman=3");
  });
});
