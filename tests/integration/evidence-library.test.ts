// The evidence library's rules: soft delete refused (409, with the reason) while an item
// supports a submitted or verified answer; carry-over into a period item by item; the
// library lists only what the actor may read; downloads with safe headers.
import zlib from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { evidenceDownload } from "@/lib/http/evidence-download";
import { periodEvidenceArchive } from "@/lib/evidence/period-archive";
import { findZipEnd } from "@/lib/evidence/zip-directory";
import { zipStream } from "@/lib/export/zip-stream";
import { listEvidenceLibrary, carryOverCandidates, expiryOf } from "@/lib/evidence/library-query";
import { ZEvidenceQuery } from "@/lib/validation/evidence";
import type { Actor } from "@/lib/policy";
import { loadActor } from "@/lib/auth/actor";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";
import { resetEvidenceFiles, uploadFile } from "./evidence-support";
import { samples } from "../support/evidence-files";
import { asRead } from "../support/as-read";

let fixtures: Fixtures;
let owner: Actor;

beforeEach(async () => {
  await resetDatabase();
  resetEvidenceFiles();
  fixtures = await createFixtures();
  owner = await actorFor(fixtures, "ADMIN_OPD");
});

const run = (name: keyof typeof COMMANDS, actor: Actor, input: unknown) => executeCommand(db, COMMANDS[name] as Command, actor, requestContext, input).then(asRead);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return asRead(error as AppError);
}

async function linkItem(title = "Perbup Arsitektur SPBE", extra: Record<string, string> = {}) {
  await run("createLinkEvidence", owner, { title, url: "https://jdih.example.go.id/perbup-1", documentType: "PERATURAN", ...extra });
  return (await db.evidence.findFirstOrThrow({ where: { title }, orderBy: { createdAt: "desc" } })).id;
}

async function answerWith(evidenceId: string, status: "DRAFT" | "SUBMITTED" | "VERIFIED", indicator = 1) {
  return db.answer.create({
    data: {
      periodId: fixtures.home.periodId,
      indicatorId: fixtures.framework.indicatorIds[indicator]!,
      stage: "SELF",
      level: "2",
      status,
      evidence: { create: { evidenceId } },
    },
  });
}

describe("soft delete", () => {
  it("is refused with 409 and the reason while the item supports a submitted or verified answer", async () => {
    const evidenceId = await linkItem();
    await answerWith(evidenceId, "SUBMITTED", 1);
    await answerWith(evidenceId, "VERIFIED", 2);
    const error = await refusal(run("deleteEvidence", owner, { evidenceId }));
    expect(error.status).toBe(409);
    expect(error.message).toContain("Indikator 1 · 2026 (Diajukan)");
    expect(error.message).toContain("Indikator 2 · 2026 (Terverifikasi)");
    expect((await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).deletedAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: "evidence.delete" } })).toBe(0);
  });

  it("detaches the item from draft answers (bumping their version), keeps the row and writes the audit record", async () => {
    const evidenceId = await linkItem();
    const draft = await answerWith(evidenceId, "DRAFT");
    const result = await run("deleteEvidence", owner, { evidenceId });
    expect(result.message).toBe('"Perbup Arsitektur SPBE" dihapus dari pustaka.');
    const row = await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.deletedById).toBe(owner.userId);
    expect(await db.answerEvidence.count({ where: { answerId: draft.id } })).toBe(0);
    expect((await db.answer.findUniqueOrThrow({ where: { id: draft.id } })).version).toBe(draft.version + 1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "evidence.delete", entityId: evidenceId } });
    expect(audit.after).toMatchObject({ deleted: true, detachedFromAnswers: [draft.id] });
    // Deleted means gone for everyone: a second delete and a download find nothing.
    expect((await refusal(run("deleteEvidence", owner, { evidenceId }))).status).toBe(404);
  });

  it("is only for the owning unit's Admin OPD", async () => {
    const evidenceId = await linkItem();
    await db.evidence.update({ where: { id: evidenceId }, data: { ownerUnitId: fixtures.home.unitIds[1] } });
    expect((await refusal(run("deleteEvidence", owner, { evidenceId }))).status).toBe(403);
  });
});

describe("editing and carrying over", () => {
  it("updates the document data with before and after in the audit trail", async () => {
    const evidenceId = await linkItem();
    await run("updateEvidence", owner, { evidenceId, title: "Perbup 12/2024", documentType: "PERATURAN", documentNo: "12/2024", enactedAt: "2024-03-01", validUntil: "2029-03-01" });
    const row = await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
    expect(row).toMatchObject({ title: "Perbup 12/2024", documentNo: "12/2024" });
    expect(row.validUntil?.toISOString().slice(0, 10)).toBe("2029-03-01");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "evidence.update" } });
    expect(audit.before).toMatchObject({ title: "Perbup Arsitektur SPBE", documentNo: null });
    expect(audit.after).toMatchObject({ title: "Perbup 12/2024", validUntil: "2029-03-01" });
    const invalid = await refusal(run("updateEvidence", owner, { evidenceId, title: "Perbup", enactedAt: "2024-03-01", validUntil: "2023-01-01" }));
    expect(invalid.details).toEqual([expect.objectContaining({ field: "validUntil" })]);
  });

  it("confirms last year's evidence for the new period one item at a time, never an expired one twice or at all", async () => {
    const earlier = await db.assessmentPeriod.create({ data: { instansiId: fixtures.home.instansiId, year: 2025, frameworkVersionId: fixtures.framework.versionId, phase: "FINAL" } });
    const valid = await linkItem("Perbup SPBE", { validUntil: "2099-12-31" });
    const expired = await linkItem("SK Tim SPBE lama", { validUntil: "2020-12-31" });
    for (const evidenceId of [valid, expired]) await db.evidencePeriod.create({ data: { evidenceId, periodId: earlier.id, confirmedAt: new Date() } });

    const candidates = await carryOverCandidates(db, owner);
    expect(candidates!.period.id).toBe(fixtures.home.periodId);
    expect(candidates!.items.map((item) => item.title).sort()).toEqual(["Perbup SPBE", "SK Tim SPBE lama"]);

    const result = await run("carryOverEvidence", owner, { evidenceId: valid, periodId: fixtures.home.periodId });
    expect(result.message).toBe('"Perbup SPBE" dikonfirmasi untuk periode 2026.');
    expect((await refusal(run("carryOverEvidence", owner, { evidenceId: valid, periodId: fixtures.home.periodId }))).status).toBe(409);
    const expiredError = await refusal(run("carryOverEvidence", owner, { evidenceId: expired, periodId: fixtures.home.periodId }));
    expect([expiredError.status, expiredError.message]).toEqual([409, expect.stringContaining("sudah kedaluwarsa")]);
    expect((await refusal(run("carryOverEvidence", owner, { evidenceId: valid, periodId: earlier.id }))).status).toBe(409);
    expect((await carryOverCandidates(db, owner))!.items.map((item) => item.title)).toEqual(["SK Tim SPBE lama"]);
  });
});

describe("the library list", () => {
  it("shows an Admin OPD their unit's items, the instansi-wide roles everything, filtered by text, type and validity", async () => {
    await linkItem("Perbup SPBE", { validUntil: "2099-12-31" });
    const other = await linkItem("Notulen rapat tim", { documentType: "NOTULEN", validUntil: "2020-01-01" });
    await db.evidence.update({ where: { id: other }, data: { ownerUnitId: fixtures.home.unitIds[1], documentType: "NOTULEN" } });
    const query = (params: Record<string, string> = {}) => ZEvidenceQuery.parse(params);

    expect((await listEvidenceLibrary(db, owner, query())).items.map((item) => item.title)).toEqual(["Perbup SPBE"]);
    const asesor = await actorFor(fixtures, "ASESOR");
    expect((await listEvidenceLibrary(db, asesor, query())).total).toBe(2);
    expect((await listEvidenceLibrary(db, asesor, query({ q: "notulen" }))).items.map((item) => item.title)).toEqual(["Notulen rapat tim"]);
    expect((await listEvidenceLibrary(db, asesor, query({ jenis: "PERATURAN" }))).total).toBe(1);
    expect((await listEvidenceLibrary(db, asesor, query({ berlaku: "expired" }))).items.map((item) => item.title)).toEqual(["Notulen rapat tim"]);
    const stranger = (await loadActor(db, fixtures.other.userIds.KOORDINATOR))!;
    expect((await listEvidenceLibrary(db, stranger, query())).total).toBe(0);
  });

  it("flags items that end within 90 days", () => {
    const today = new Date("2026-06-01");
    expect(expiryOf(null, today)).toBe("none");
    expect(expiryOf(new Date("2026-05-31"), today)).toBe("expired");
    expect(expiryOf(new Date("2026-06-01"), today)).toBe("expiring");
    expect(expiryOf(new Date("2026-08-29"), today)).toBe("expiring");
    expect(expiryOf(new Date("2026-08-30"), today)).toBe("valid");
  });
});

describe("downloads", () => {
  it("serve the bytes to readers of the instansi with safe headers, and nothing to another agency", async () => {
    const pdf = samples.pdf("unduh");
    const { evidence } = await uploadFile(owner, "Laporan Evaluasi 2025 (final).pdf", pdf);
    const asesor = await actorFor(fixtures, "ASESOR");
    const response = await evidenceDownload(db, asesor, evidence!.id, { preview: false });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="Laporan Evaluasi 2025 (final).pdf"; filename*=UTF-8''Laporan%20Evaluasi%202025%20(final).pdf`,
      "x-content-type-options": "nosniff",
      "content-security-policy": expect.stringContaining("sandbox"),
    });
    const preview = await evidenceDownload(db, asesor, evidence!.id, { preview: true });
    expect(preview.headers.get("content-disposition")).toMatch(/^inline;/);

    const stranger = (await loadActor(db, fixtures.other.userIds.KOORDINATOR))!;
    expect((await refusal(evidenceDownload(db, stranger, evidence!.id, { preview: false }))).status).toBe(404);
    const superadmin = await actorFor(fixtures, "SUPERADMIN");
    expect((await refusal(evidenceDownload(db, superadmin, evidence!.id, { preview: false }))).status).toBe(404);
  });

  it("never show a DOCX inline, even when a preview is asked for", async () => {
    const { evidence } = await uploadFile(owner, "sop.docx", samples.docx());
    const response = await evidenceDownload(db, owner, evidence!.id, { preview: true });
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
  });
});

describe("the period archive", () => {
  async function readArchive(actor: Actor) {
    const archive = await periodEvidenceArchive(db, actor, fixtures.home.periodId);
    const chunks: Uint8Array[] = [];
    for await (const chunk of zipStream(archive.entries)) chunks.push(chunk);
    return { fileName: archive.fileName, zip: Buffer.concat(chunks) };
  }

  /** Every entry of a stored ZIP with its bytes, checked against its CRC. */
  function entriesOf(zip: Buffer) {
    const end = findZipEnd(zip.subarray(Math.max(0, zip.length - 65557)), zip.length)!;
    const view = zip.subarray(end.directoryOffset, end.directoryOffset + end.directorySize);
    const result: Record<string, Buffer> = {};
    let at = 0;
    for (let index = 0; index < end.entryCount; index++) {
      const nameLength = view.readUInt16LE(at + 28);
      const name = view.subarray(at + 46, at + 46 + nameLength).toString("utf8");
      const size = view.readUInt32LE(at + 24);
      const crc = view.readUInt32LE(at + 16);
      const local = view.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      expect(zlib.crc32(data), name).toBe(crc);
      result[name] = data;
      at += 46 + nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    }
    return result;
  }

  it("has one folder per indicator, the same file in each folder it supports, links in a text file, and the unattached items apart", async () => {
    const pdf = samples.pdf("arsip");
    const { evidence } = await uploadFile(owner, "Perbup SPBE.pdf", pdf);
    const docx = samples.docx();
    await uploadFile(owner, "SOP.docx", docx, { periodId: fixtures.home.periodId });
    const link = await linkItem("Portal JDIH");
    await answerWith(evidence!.id, "DRAFT", 1);
    const second = await answerWith(evidence!.id, "SUBMITTED", 2);
    await db.answerEvidence.create({ data: { answerId: second.id, evidenceId: link } });

    const { fileName, zip } = await readArchive(await actorFor(fixtures, "ASESOR"));
    expect(fileName).toBe("bukti-rumah-2026.zip");
    const entries = entriesOf(zip);
    const names = Object.keys(entries).sort();
    expect(names).toHaveLength(4);
    expect(names[0]).toBe("Belum terhubung ke indikator/SOP.docx");
    expect(names[1]).toMatch(/^Indikator 01 - .+\/Perbup SPBE\.pdf$/);
    expect(names[2]).toMatch(/^Indikator 02 - .+\/Perbup SPBE\.pdf$/);
    expect(names[3]).toMatch(/^Indikator 02 - .+\/tautan\.txt$/);
    expect(entries[names[0]!]).toEqual(docx);
    expect(entries[names[1]!]).toEqual(pdf);
    expect(entries[names[3]!]!.toString()).toContain("https://jdih.example.go.id/perbup-1");
  });

  it("is refused for another agency's period and empty of other units' files for an Admin OPD", async () => {
    const stranger = (await loadActor(db, fixtures.other.userIds.KOORDINATOR))!;
    expect((await refusal(periodEvidenceArchive(db, stranger, fixtures.home.periodId))).status).toBe(404);
    const { evidence } = await uploadFile(owner, "Perbup SPBE.pdf", samples.pdf("unit lain"));
    await db.evidence.update({ where: { id: evidence!.id }, data: { ownerUnitId: fixtures.home.unitIds[1] } });
    await answerWith(evidence!.id, "DRAFT", 4);
    expect(Object.keys(entriesOf((await readArchive(owner)).zip))).toEqual([]);
    expect(Object.keys(entriesOf((await readArchive(await actorFor(fixtures, "KOORDINATOR"))).zip))).toHaveLength(1);
  });
});
