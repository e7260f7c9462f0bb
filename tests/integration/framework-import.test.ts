// The superadmin's framework import on the real database: the preview names what changes,
// refused files say why field by field and change nothing, the import stores exactly the
// previewed content as a new version, and a period on the old version keeps it.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { getFramework } from "@/lib/framework/catalog";
import { previewFrameworkImport } from "@/lib/framework-versions/import";
import type { Actor } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";
import { asRead } from "../support/as-read";

let f: Fixtures;
let superadmin: Actor;

beforeEach(async () => {
  await resetDatabase();
  f = await createFixtures();
  superadmin = await actorFor(f, "SUPERADMIN");
});

// The tests edit the file as raw JSON, including into shapes the schema refuses.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawFile = Record<string, any>;

/** pemdi-2026 as shipped, with `edit` applied to a deep copy, as a file's text. */
function pemdiFile(edit: (raw: RawFile) => void = () => {}): string {
  const raw = structuredClone(getFramework("pemdi-2026")!) as unknown as RawFile;
  edit(raw);
  return JSON.stringify(raw);
}

const snapshot = async () => ({ versions: await db.frameworkVersion.count(), audit: await db.auditLog.count() });

async function importFile(content: string, checksum: string) {
  try {
    return await executeCommand(db, COMMANDS.importFramework, superadmin, requestContext, { content, checksum });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe("framework import", () => {
  it("previews the changes, then imports exactly that content as the next version; periods keep theirs", async () => {
    const before = await db.frameworkVersion.findFirstOrThrow({ where: { framework: { code: "pemdi-2026" } }, orderBy: { version: "desc" } });
    const period = await db.assessmentPeriod.create({ data: { instansiId: f.home.instansiId, year: 2027, frameworkVersionId: before.id } });
    const content = pemdiFile((raw) => {
      raw.nodes[0].children[0].criteria["2"] = "Teks resmi tingkat 2 dari salinan.";
      raw.nodes[0].children[0].levels[1].criteriaKind = "module";
      raw.nodes[0].children[0].levels[1].confidence = "high";
    });
    const preview = await previewFrameworkImport(db, superadmin, content);
    if (!preview.ok) throw new Error(JSON.stringify(preview.issues));
    expect(preview).toMatchObject({ code: "pemdi-2026", currentVersion: before.version, nextVersion: before.version + 1 });
    expect(preview.diff.criteria).toEqual([{ code: "I1", levels: [2] }]);
    expect(preview.diff.weights).toEqual([]);

    const result = await importFile(content, preview.checksum);
    expect(result).not.toBeInstanceOf(AppError);
    const latest = await db.frameworkVersion.findFirstOrThrow({ where: { framework: { code: "pemdi-2026" } }, orderBy: { version: "desc" } });
    expect(latest.version).toBe(before.version + 1);
    expect(latest.checksum).toBe(preview.checksum);
    expect(latest.importedById).toBe(superadmin.userId);
    expect(await db.auditLog.count({ where: { action: "framework.import", entityId: latest.id } })).toBe(1);
    expect((await db.assessmentPeriod.findUniqueOrThrow({ where: { id: period.id } })).frameworkVersionId).toBe(before.id);

    // The same file again changes nothing.
    const again = await snapshot();
    await importFile(content, preview.checksum);
    expect(await snapshot()).toEqual(again);
  });

  it("refuses a bad file field by field in Bahasa Indonesia and changes nothing", async () => {
    const bad = pemdiFile((raw) => {
      raw.scoring.unansweredValue = "2";
      raw.nodes[0].children[0].levels[0].butir[0].code = "I1-L2-01";
      raw.nodes[0].children[1].weight = "6";
    });
    const preview = await previewFrameworkImport(db, superadmin, bad);
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(["scoring.unansweredValue", "nodes[0].children", "nodes[0].children[0].levels[0].butir[0].code"]),
    );
    expect(preview.issues.find((issue) => issue.path === "scoring.unansweredValue")?.message).toMatch(/tidak boleh di atas nilai minimum skala/);

    const before = await snapshot();
    const refused = await importFile(bad, "0".repeat(64));
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).details.map((detail) => detail.field)).toContain("content.scoring.unansweredValue");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses what is not JSON, and content that differs from what was previewed", async () => {
    expect(await previewFrameworkImport(db, superadmin, "{ bukan json")).toEqual({ ok: false, issues: [{ path: "(berkas)", message: "Berkas bukan JSON yang sah." }] });
    const previewed = await previewFrameworkImport(db, superadmin, pemdiFile((raw) => (raw.name = "Pemdi koreksi A")));
    if (!previewed.ok) throw new Error("preview refused");
    const before = await snapshot();
    const stale = await importFile(pemdiFile((raw) => (raw.name = "Pemdi koreksi B")), previewed.checksum);
    expect(asRead(stale as AppError).details).toEqual([expect.objectContaining({ field: "checksum", message: expect.stringMatching(/berbeda dari yang diperiksa/) })]);
    expect(await snapshot()).toEqual(before);
  });

  it("is for the superadmin only", async () => {
    const koordinator = await actorFor(f, "KOORDINATOR");
    await expect(previewFrameworkImport(db, koordinator, pemdiFile())).rejects.toBeInstanceOf(AppError);
  });
});
