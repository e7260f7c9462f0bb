// NUL, other control characters and bidi overrides in any text a person sends: every field
// of every command, form and query schema refuses them or cleans them away (a NUL reached
// PostgreSQL and gave a 500; "laporan\u202Efdp.exe" reads as "laporanexe.pdf").
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { COMMANDS } from "@/lib/commands";
import { ZIndicatorListFilters } from "@/lib/assessment/indicator-list";
import { ZRecommendationFilters } from "@/lib/recommendations/queries";
import { ZListQuery } from "@/lib/validation/admin";
import { ZAuditFilters } from "@/lib/validation/audit";
import { ZEvidenceQuery } from "@/lib/validation/evidence";
import { ZExternalStageRecord } from "@/lib/validation/external";
import { FORM_SCHEMAS } from "@/lib/validation/forms";
import { ZPlanSave } from "@/lib/validation/recommendations";
import { line, searchQuery, text } from "@/lib/validation/primitives";
import { issueMessage } from "@/lib/validation/issues";
import { render } from "@/lib/i18n/render";

const HOSTILE = ["Perbup\u0000 12", "laporan\u202Efdp.exe", "a\u0007b", "a\u2066b", "\ufeffjudul", "a\u009bb"];
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/u;

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/** The schemas a hostile value can reach directly: every field of every (nested) object and array. */
function fieldSchemas(schema: z.ZodType, path: string): Array<[string, z.ZodType]> {
  const def = defOf(schema);
  if (def.type === "object") return Object.entries(def.shape!).flatMap(([key, field]) => fieldSchemas(field, `${path}.${key}`));
  if (def.type === "pipe" && defOf(def.in!).type === "object") return fieldSchemas(def.in!, path);
  if (["optional", "default", "catch", "nullable"].includes(def.type) && ["object", "array"].includes(defOf(def.innerType!).type)) return fieldSchemas(def.innerType!, path);
  if (def.type === "array") return fieldSchemas(def.element!, `${path}[]`);
  return [[path, schema]];
}

/** Passes when the value is refused, or accepted only with the characters gone. */
function keepsOut(schema: z.ZodType, value: string): boolean {
  const result = schema.safeParse(value);
  return !result.success || !FORBIDDEN.test(JSON.stringify(result.data ?? "").replace(/\\u([0-9a-f]{4})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))));
}

const schemas: Array<[string, z.ZodType]> = [
  ...Object.entries(COMMANDS).map(([name, command]) => [`command ${name}`, command.input] as [string, z.ZodType]),
  ...Object.entries(FORM_SCHEMAS).map(([name, schema]) => [`form ${name}`, schema] as [string, z.ZodType]),
  ["query ZListQuery", ZListQuery],
  ["query ZEvidenceQuery", ZEvidenceQuery],
  ["query ZAuditFilters", ZAuditFilters],
  ["query ZIndicatorListFilters", ZIndicatorListFilters],
  ["query ZRecommendationFilters", ZRecommendationFilters],
];

describe("every text field keeps control characters and bidi overrides out", () => {
  for (const [name, schema] of schemas) {
    it(name, () => {
      const leaks = fieldSchemas(schema, name).flatMap(([path, field]) => HOSTILE.filter((value) => !keepsOut(field, value)).map((value) => `${path} <- ${JSON.stringify(value)}`));
      expect(leaks).toEqual([]);
    });
  }

  it("also in the per-indicator fields of the stage and plan forms", () => {
    const stage = ZExternalStageRecord.safeParse({ periodId: "p1", stage: "DOCUMENT", "level-1": "3", "notes-1": "catatan\u0000", "version-1": "0" });
    expect(stage.success).toBe(false);
    expect(stage.error?.issues[0]?.path).toEqual(["notes-1"]);
    const plan = ZPlanSave.safeParse({ periodId: "p1", "target-1": "3\u202e" });
    expect(plan.error?.issues.map((issue) => issue.path)).toContainEqual(["target-1"]);
  });
});

describe("the text primitives", () => {
  it("keep tabs and line breaks in free text, not in one-line fields", () => {
    expect(text().safeParse("baris satu\r\nbaris\tdua").success).toBe(true);
    expect(line().safeParse("baris satu\nbaris dua").success).toBe(false);
    expect(line().safeParse("Dinas Komunikasi dan Informatika (Diskominfo) — Sukamaju").success).toBe(true);
  });

  it("name the problem on the field", () => {
    expect(render(issueMessage(line().safeParse("a\u0000b").error!.issues[0]!))).toMatch(/karakter kendali/);
  });

  it("clean a search instead of refusing it", () => {
    expect(searchQuery(100).parse("a\u0000b")).toBe("a b");
    expect(ZListQuery.parse({ q: "a\u0000b" }).q).toBe("a b");
    expect(ZEvidenceQuery.parse({ q: "perbup\u202e" }).q).toBe("perbup");
  });
});
