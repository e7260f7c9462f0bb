// Issue 15, dead end 1, on the real database and the real upload endpoint: the agency-wide
// evidence library. An item belongs to its owner unit; regulations and decrees are shared
// with the instansi from the start, anything else when its owner shares it; every unit finds
// and attaches shared items; only the owner edits, shares or deletes them; identical content
// uploaded by another unit attaches the shared item or becomes that unit's own item on the
// same blob, never an error and never naming an item the uploader may not read.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadActor } from "@/lib/auth/actor";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { listEvidenceLibrary } from "@/lib/evidence/library-query";
import { evidenceDownload } from "@/lib/http/evidence-download";
import { loadIndicatorView } from "@/lib/assessment/indicator-view";
import type { Actor } from "@/lib/policy";
import { asRead } from "../support/as-read";
import { samples } from "../support/evidence-files";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";
import { resetEvidenceFiles, uploadFile } from "./evidence-support";

let fixtures: Fixtures;
let diskominfo: Actor;
let bappeda: Actor;

beforeEach(async () => {
  await resetDatabase();
  resetEvidenceFiles();
  fixtures = await createFixtures();
  diskominfo = await actorFor(fixtures, "ADMIN_OPD");
  const unitB = await db.user.create({
    data: { email: "opd.b@rumah.uji", name: "Admin OPD unit B", memberships: { create: { role: "ADMIN_OPD", instansiId: fixtures.home.instansiId, unitId: fixtures.home.unitIds[1] } } },
  });
  bappeda = (await loadActor(db, unitB.id))!;
});

async function run(command: Command, input: unknown, actor: Actor) {
  try {
    return asRead(await executeCommand(db, command, actor, requestContext, input));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

const EXPLANATION = "Fakta: SK Bupati tentang Tim Koordinasi SPBE. Analisis: kriteria tingkat 2 terpenuhi.";
/** Unit B's indicator 4, saved with its level, explanation and evidence. */
const saveBappeda = (evidenceIds: string[], version = 0) =>
  run(COMMANDS.saveAnswer, { periodId: fixtures.home.periodId, indicatorId: fixtures.framework.indicatorIds[4], version, level: "2", explanation: EXPLANATION, evidenceIds }, bappeda);
const libraryTitles = async (actor: Actor) => (await listEvidenceLibrary(db, actor, { q: "", halaman: 1 })).items.map((item) => item.title);

describe("the agency-wide evidence library", () => {
  it("a decree uploaded by one unit is found, re-uploaded and attached by another, with the level and explanation saved", async () => {
    const decree = samples.pdf("SK Bupati Tim SPBE");
    const first = await uploadFile(diskominfo, "SK Bupati Tim SPBE.pdf", decree, { documentType: "KEPUTUSAN" });
    expect(first.response.status).toBe(204);
    expect(await db.evidence.findUniqueOrThrow({ where: { id: first.evidence!.id } })).toMatchObject({ sharedWithInstansi: true, ownerUnitId: fixtures.home.unitIds[0] });
    expect(await libraryTitles(bappeda)).toEqual(["SK Bupati Tim SPBE"]);

    // The same file from Bappeda's own indicator: the shared item, said so, no error.
    const again = await uploadFile(bappeda, "sk-tim-spbe.pdf", decree, { documentType: "KEPUTUSAN" });
    expect(again.response.status).toBe(204);
    expect(again.evidence!.id).toBe(first.evidence!.id);
    expect(asRead(again.evidence!.message)).toContain("sudah ada di pustaka sebagai bukti bersama \"SK Bupati Tim SPBE\" milik Unit A rumah");
    expect(await db.evidence.count()).toBe(1);

    expect(await saveBappeda([first.evidence!.id])).toMatchObject({ data: { version: "1" } });
    const answer = await db.answer.findUniqueOrThrow({
      where: { periodId_indicatorId_stage: { periodId: fixtures.home.periodId, indicatorId: fixtures.framework.indicatorIds[4]!, stage: "SELF" } },
      include: { evidence: true },
    });
    expect([answer.level?.toString(), answer.explanation, answer.evidence.map((link) => link.evidenceId)]).toEqual(["2", EXPLANATION, [first.evidence!.id]]);

    // Bappeda's form offers it, named with its owner; it can download it.
    const view = await loadIndicatorView(db, bappeda, fixtures.home.periodId, 4);
    expect(view!.library.map((item) => item.title)).toEqual(["SK Bupati Tim SPBE · Unit A rumah"]);
    expect((await evidenceDownload(db, bappeda, first.evidence!.id, { preview: false })).status).toBe(200);
  });

  it("only the owner unit edits, shares or deletes a shared item", async () => {
    const { evidence } = await uploadFile(diskominfo, "Perbup Arsitektur SPBE.pdf", samples.pdf("perbup"), { documentType: "PERATURAN" });
    const id = evidence!.id;
    for (const [command, input] of [
      [COMMANDS.updateEvidence, { evidenceId: id, title: "Perbup diganti unit lain", documentType: "PERATURAN" }],
      [COMMANDS.setEvidenceShared, { evidenceId: id, shared: "false" }],
      [COMMANDS.deleteEvidence, { evidenceId: id }],
    ] as const) {
      expect((await run(command, input, bappeda)) as AppError).toMatchObject({ status: 403 });
    }
    expect(await db.evidence.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Perbup Arsitektur SPBE", sharedWithInstansi: true, deletedAt: null });
  });

  it("an item not shared stays its unit's: invisible, not attachable, and its identical content becomes the other unit's own item, until its owner shares it", async () => {
    const report = samples.pdf("laporan reviu");
    const { evidence } = await uploadFile(diskominfo, "Laporan reviu SPBE.pdf", report, { documentType: "LAPORAN" });
    const id = evidence!.id;
    expect(await libraryTitles(bappeda)).toEqual([]);
    expect(((await saveBappeda([id])) as AppError).details).toEqual([expect.objectContaining({ field: "evidenceIds", message: "Bukti dukung yang dipilih tidak ditemukan di pustaka instansi." })]);
    expect((await refusalOf(evidenceDownload(db, bappeda, id, { preview: false }))).status).toBe(403);

    const own = await uploadFile(bappeda, "laporan.pdf", report);
    expect(own.evidence!.id).not.toBe(id);
    expect(asRead(own.evidence!.message)).not.toContain("Laporan reviu");
    const rows = await db.evidence.findMany({ orderBy: { createdAt: "asc" }, select: { ownerUnitId: true, blobId: true } });
    expect(new Set(rows.map((row) => row.blobId)).size).toBe(1);
    expect(rows.map((row) => row.ownerUnitId)).toEqual([fixtures.home.unitIds[0], fixtures.home.unitIds[1]]);

    expect(await run(COMMANDS.setEvidenceShared, { evidenceId: id, shared: "true" }, diskominfo)).toMatchObject({
      message: "\"Laporan reviu SPBE\" dibagikan ke seluruh instansi: setiap unit dapat menemukan dan melampirkannya.",
    });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "evidence.share", entityId: id } })).toMatchObject({ before: { sharedWithInstansi: false }, after: { sharedWithInstansi: true } });
    expect((await libraryTitles(bappeda)).sort()).toEqual(["Laporan reviu SPBE", "laporan"]);
    expect(await saveBappeda([id])).toMatchObject({ data: { version: "1" } });

    // Shared no more: no longer offered, but the answer that attached it keeps it.
    await run(COMMANDS.setEvidenceShared, { evidenceId: id, shared: "false" }, diskominfo);
    expect(await libraryTitles(bappeda)).toEqual(["laporan"]);
    expect(await db.answerEvidence.count({ where: { evidenceId: id } })).toBe(1);
  });

  it("a shared item's uses by another unit's answers stay hidden from a reader who may not read them", async () => {
    const { evidence } = await uploadFile(diskominfo, "Perbup SPBE.pdf", samples.pdf("perbup dipakai"), { documentType: "PERATURAN" });
    await run(COMMANDS.saveAnswer, { periodId: fixtures.home.periodId, indicatorId: fixtures.framework.indicatorIds[1], version: 0, level: "2", explanation: EXPLANATION, evidenceIds: [evidence!.id] }, diskominfo);
    await saveBappeda([evidence!.id]);
    const usesFor = async (actor: Actor) => (await listEvidenceLibrary(db, actor, { q: "", halaman: 1 })).items[0]!.answers.map((link) => link.answer.indicator.number);
    expect((await usesFor(diskominfo)).sort()).toEqual([1, 4]);
    expect(await usesFor(bappeda)).toEqual([4]);
    // Another agency sees nothing of it.
    const stranger = (await loadActor(db, fixtures.other.userIds.ADMIN_OPD))!;
    expect(await libraryTitles(stranger)).toEqual([]);
  });
});

async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}
