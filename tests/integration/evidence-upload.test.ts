// Resumable uploads end to end through the tus endpoint: the happy path, the dedupe per
// instansi, every refusal (with nothing kept), resuming, the interrupted finish, and who
// may touch an upload.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getStorage, useStorage, blobKey, type BlobStorage } from "@/lib/storage";
import { loadActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import type { Actor } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";
import { createUpload, evidenceOf, patch, resetEvidenceFiles, stagedFiles, storedObjects, tusRequest, uploadFile } from "./evidence-support";
import { samples } from "../support/evidence-files";

let fixtures: Fixtures;
let owner: Actor;
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeEach(async () => {
  await resetDatabase();
  resetEvidenceFiles();
  fixtures = await createFixtures();
  owner = await actorFor(fixtures, "ADMIN_OPD");
});

async function otherAgencyOwner(): Promise<Actor> {
  return (await loadActor(db, fixtures.other.userIds.ADMIN_OPD))!;
}

describe("uploading evidence", () => {
  it("stores a PDF under its content address, registers it with an audit record, and cleans the staging area", async () => {
    const pdf = samples.pdf("perbup");
    const { response, evidence } = await uploadFile(owner, "Perbup_SPBE_2024.pdf", pdf, { documentType: "PERATURAN", periodId: fixtures.home.periodId });
    expect(response.status).toBe(204);
    expect(evidence).toMatchObject({ title: "Perbup SPBE 2024", kind: "FILE", url: `/bukti/${evidence!.id}/unduh` });
    expect(evidence!.message).toContain("tersimpan");

    const row = await db.evidence.findUniqueOrThrow({ where: { id: evidence!.id }, include: { blob: true, periods: true } });
    expect(row).toMatchObject({ instansiId: fixtures.home.instansiId, ownerUnitId: fixtures.home.unitIds[0], documentType: "PERATURAN", originalName: "Perbup_SPBE_2024.pdf" });
    expect(row.blob).toMatchObject({ sha256: sha(pdf), size: BigInt(pdf.length), mimeType: "application/pdf", storageKey: blobKey(fixtures.home.instansiId, sha(pdf)) });
    expect(row.periods).toEqual([expect.objectContaining({ periodId: fixtures.home.periodId, confirmedAt: expect.any(Date) })]);
    const stored = await getStorage().read(row.blob!.storageKey);
    expect(Buffer.concat(await stored.toArray())).toEqual(pdf);
    expect(await db.auditLog.count({ where: { action: "evidence.create", entityId: row.id } })).toBe(1);
    expect(stagedFiles()).toEqual([]);
  });

  it("accepts every type the evaluation asks for, by content", async () => {
    const files: [string, Buffer][] = [
      ["foto.PNG", samples.png()],
      ["foto.jpeg", samples.jpeg()],
      ["layar.webp", samples.webp()],
      ["demo.mp4", samples.mp4()],
      ["sop.docx", samples.docx()],
      ["data.xlsx", samples.xlsx()],
      ["paparan.pptx", samples.pptx()],
      ["notulen.odt", samples.odt()],
      ["anggaran.ods", samples.ods()],
    ];
    for (const [name, bytes] of files) {
      const { response, error } = await uploadFile(owner, name, bytes);
      expect(response.status, `${name}: ${error?.message}`).toBe(204);
    }
    expect(await db.evidence.count()).toBe(files.length);
  });
});

describe("identical content", () => {
  it("is stored once per instansi and the second upload says it reuses the first", async () => {
    const pdf = samples.pdf("sama");
    const first = await uploadFile(owner, "keputusan.pdf", pdf);
    const second = await uploadFile(owner, "keputusan (salinan).pdf", pdf);
    expect(second.evidence!.id).toBe(first.evidence!.id);
    expect(second.evidence!.message).toContain("sudah ada di pustaka");
    expect(await db.blob.count()).toBe(1);
    expect(await db.evidence.count()).toBe(1);

    // Once the first item is deleted, a new item is made but the bytes are still stored once.
    await executeCommand(db, COMMANDS.deleteEvidence, owner, requestContext, { evidenceId: first.evidence!.id });
    const third = await uploadFile(owner, "keputusan-baru.pdf", pdf);
    expect(third.evidence!.id).not.toBe(first.evidence!.id);
    expect(third.evidence!.message).toContain("dipakai ulang");
    expect(await db.blob.count()).toBe(1);
    expect(storedObjects()).toHaveLength(1);
  });

  it("uploaded by another unit becomes that unit's own item on the same blob, naming nothing of the first unit's", async () => {
    const pdf = samples.pdf("keputusan bupati");
    const first = await uploadFile(owner, "SK Bupati Tim SPBE.pdf", pdf);
    const otherUnit = await db.user.create({
      data: { email: "opd.b@rumah.uji", name: "Admin OPD unit B", memberships: { create: { role: "ADMIN_OPD", instansiId: fixtures.home.instansiId, unitId: fixtures.home.unitIds[1] } } },
    });
    const second = await uploadFile((await loadActor(db, otherUnit.id))!, "salinan.pdf", pdf);

    expect(second.response.status).toBe(204);
    expect(second.evidence!.id).not.toBe(first.evidence!.id);
    expect(second.evidence!.message).not.toContain("SK Bupati");
    expect(second.evidence!.message).not.toContain("dipakai ulang");
    expect(second.evidence!.message).toContain("tersimpan");
    const rows = await db.evidence.findMany({ orderBy: { createdAt: "asc" }, select: { ownerUnitId: true, blobId: true } });
    expect(rows.map((row) => row.ownerUnitId)).toEqual([fixtures.home.unitIds[0], fixtures.home.unitIds[1]]);
    expect(new Set(rows.map((row) => row.blobId)).size).toBe(1);
    expect(storedObjects()).toHaveLength(1);
  });

  it("is not shared between agencies", async () => {
    const pdf = samples.pdf("dua instansi");
    await uploadFile(owner, "a.pdf", pdf);
    await uploadFile(await otherAgencyOwner(), "a.pdf", pdf);
    expect(await db.blob.count()).toBe(2);
    expect(new Set((await db.blob.findMany()).map((blob) => blob.storageKey)).size).toBe(2);
  });
});

describe("refusals keep nothing", () => {
  async function expectNothingKept() {
    expect(await db.evidence.count()).toBe(0);
    expect(await db.blob.count()).toBe(0);
    expect(storedObjects()).toEqual([]);
    expect(stagedFiles()).toEqual([]);
  }

  it("an empty file", async () => {
    const response = await createUpload(owner, "kosong.pdf", 0);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe('"kosong.pdf" kosong (0 bita) dan tidak disimpan.');
    await expectNothingKept();
  });

  it("an over-size file, before a byte is sent", async () => {
    const response = await createUpload(owner, "besar.mp4", 25 * 1024 * 1024 + 1);
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toContain("melebihi batas 25 MB");
    await expectNothingKept();
  });

  it("a type that is never accepted, by its name", async () => {
    const response = await createUpload(owner, "pasang.exe", 100);
    expect(response.status).toBe(415);
    expect((await response.json()).error.message).toContain("tidak diterima");
    await expectNothingKept();
  });

  it("content that matches no accepted type, whatever its name", async () => {
    const { response, error } = await uploadFile(owner, "laporan.pdf", Buffer.from("<html><script>alert(1)</script></html>"));
    expect(response.status).toBe(415);
    expect(error!.message).toContain("tidak diterima");
    await expectNothingKept();
  });

  it("a file whose content does not match its extension", async () => {
    const { response, error } = await uploadFile(owner, "laporan.pdf", samples.png());
    expect(response.status).toBe(415);
    expect(error!.message).toBe('Isi "laporan.pdf" ternyata berkas PNG, tidak sesuai dengan ekstensinya; tidak disimpan. Simpan ulang dengan ekstensi yang benar.');
    await expectNothingKept();
  });

  it("a zip bomb disguised as a DOCX", async () => {
    const { response, error } = await uploadFile(owner, "sop.docx", samples.zipBombDocx());
    expect(response.status).toBe(415);
    expect(error!.message).toContain("tidak wajar");
    await expectNothingKept();
  });
  it("a DOCX whose directory lies about an entry inflating to 100 MiB", async () => {
    const { response, error } = await uploadFile(owner, "sop-palsu.docx", samples.lyingZipBombDocx());
    expect(response.status).toBe(415);
    expect(error!.message).toContain("tidak wajar");
    await expectNothingKept();
  });

  it("HTML carrying %PDF- in its first KiB, named .pdf", async () => {
    const html = Buffer.from(`<html><!-- %PDF-1.4 --><script>alert(1)</script></html>\n${samples.pdf().toString("latin1")}`, "latin1");
    const { response } = await uploadFile(owner, "laporan.pdf", html);
    expect(response.status).toBe(415);
    await expectNothingKept();
  });

  it("a file name with a NUL or a bidi override, before a byte is sent (a NUL made the upload unfinishable)", async () => {
    for (const name of ["laporan\u0000.pdf", "laporan\u202Efdp.exe.pdf"]) {
      const response = await createUpload(owner, name, 100);
      expect(response.status, name).toBe(400);
      const body = await response.json();
      expect(body.error.details).toEqual([expect.objectContaining({ field: "file", code: "nameForbidden" })]);
      expect(body.error.message).toContain("karakter kendali");
    }
    const period = await createUpload(owner, "laporan.pdf", 100, { periodId: "a\u0000b" });
    expect(period.status).toBe(404);
    await expectNothingKept();
  });
});

describe("resuming", () => {
  it("continues at the offset the server has after a connection dropped mid-body", async () => {
    const pdf = samples.pdf("panjang", 256 * 1024);
    const created = await createUpload(owner, "laporan.pdf", pdf.length);
    const location = created.headers.get("location")!;
    // The body breaks off after 100 KiB (once the server wrote them), as when a connection drops.
    const half = 100 * 1024;
    const stagedFile = path.join(env.DATA_DIR, "uploads", location.split("/").pop()!);
    let sent = false;
    const broken = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!sent) {
          sent = true;
          return controller.enqueue(pdf.subarray(0, half));
        }
        for (let tries = 0; tries < 500 && fs.statSync(stagedFile).size < half; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
        controller.error(new Error("koneksi terputus"));
      },
    });
    const dropped = await patch(owner, location, 0, broken);
    expect(dropped.status).toBeGreaterThanOrEqual(400);
    const head = await tusRequest(owner, "HEAD", location);
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get("upload-offset"));
    expect(offset).toBe(half);

    const rest = await patch(owner, location, offset, pdf.subarray(offset));
    expect(rest.status).toBe(204);
    const evidence = evidenceOf(rest)!;
    const row = await db.evidence.findUniqueOrThrow({ where: { id: evidence.id }, include: { blob: true } });
    expect(row.blob!.sha256).toBe(sha(pdf));
  });

  it("finishes on HEAD when every byte arrived but finishing failed, without a duplicate", async () => {
    const real = getStorage();
    let failures = 1;
    const flaky: BlobStorage = {
      ...Object.fromEntries(["stat", "read", "delete", "list", "removeLeftovers"].map((name) => [name, (real as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!.bind(real)])),
      async put(...args: Parameters<BlobStorage["put"]>) {
        if (failures-- > 0) throw new Error("penyimpanan tidak tersedia");
        return real.put(...args);
      },
    } as BlobStorage;
    useStorage(flaky);
    try {
      const pdf = samples.pdf("putus di akhir");
      const { location, response } = await uploadFile(owner, "ba.pdf", pdf);
      expect(response.status).toBe(500);
      expect(await db.evidence.count()).toBe(0);
      expect(stagedFiles().length).toBeGreaterThan(0);

      const head = await tusRequest(owner, "HEAD", location);
      expect(head.status).toBe(200);
      expect(head.headers.get("upload-offset")).toBe(String(pdf.length));
      const evidence = evidenceOf(head)!;
      expect(evidence.title).toBe("ba.pdf");
      // Asked again (the answer was lost): the same item, not a second one.
      const again = await tusRequest(owner, "HEAD", location);
      expect(evidenceOf(again)!.id).toBe(evidence.id);
      expect(await db.evidence.count()).toBe(1);
      expect(stagedFiles()).toEqual([]);
    } finally {
      useStorage(real);
    }
  });
});

describe("unfinished uploads per person", () => {
  const limits = { count: env.UPLOAD_OPEN_PER_PERSON, bytes: env.UPLOAD_OPEN_BYTES_PER_PERSON };
  afterEach(() => {
    env.UPLOAD_OPEN_PER_PERSON = limits.count;
    env.UPLOAD_OPEN_BYTES_PER_PERSON = limits.bytes;
  });

  it("are bounded in number, also when the requests come at once; finishing or cancelling one frees its place", async () => {
    env.UPLOAD_OPEN_PER_PERSON = 3;
    const parallel = await Promise.all(Array.from({ length: 8 }, (_, index) => createUpload(owner, `draf-${index}.pdf`, 1000)));
    expect(parallel.map((response) => response.status).sort()).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    const refused = await parallel.find((response) => response.status === 429)!.json();
    expect(refused.error.message).toBe(
      "Anda masih memiliki 3 unggahan yang belum selesai (2,9 KB); batasnya 3 unggahan dan 512 MB per orang. Selesaikan atau batalkan unggahan yang tertunda (yang tidak dilanjutkan kedaluwarsa setelah 24 jam), lalu coba lagi.",
    );
    expect(refused.error.details).toEqual([expect.objectContaining({ field: "file", code: "openUploadsQuota" })]);
    expect(stagedFiles().filter((file) => !file.endsWith(".json"))).toHaveLength(3);

    // The quota is per person: someone else is not held back by it.
    expect((await createUpload(await otherAgencyOwner(), "draf-lain.pdf", 1000)).status).toBe(201);

    const cancelled = parallel.find((response) => response.status === 201)!.headers.get("location")!;
    expect((await tusRequest(owner, "DELETE", cancelled)).status).toBe(204);
    expect((await createUpload(owner, "draf-baru.pdf", 1000)).status).toBe(201);
    expect((await createUpload(owner, "draf-lagi.pdf", 1000)).status).toBe(429);
  });

  it("are bounded in the bytes they announce", async () => {
    env.UPLOAD_OPEN_BYTES_PER_PERSON = 1024 * 1024;
    expect((await createUpload(owner, "besar-1.pdf", 700 * 1024)).status).toBe(201);
    const second = await createUpload(owner, "besar-2.pdf", 700 * 1024);
    expect(second.status).toBe(429);
    expect((await second.json()).error.message).toContain("batasnya 20 unggahan dan 1 MB per orang");
    // A finished upload no longer counts.
    const pdf = samples.pdf("kecil");
    expect((await uploadFile(owner, "kecil.pdf", pdf)).evidence).not.toBeNull();
  });
});

describe("who may upload", () => {
  it("only a signed-in Admin OPD creates uploads", async () => {
    expect((await createUpload(null, "a.pdf", 10)).status).toBe(401);
    for (const role of ["KOORDINATOR", "ASESOR", "PIMPINAN", "SUPERADMIN"] as const) {
      const response = await createUpload(await actorFor(fixtures, role), "a.pdf", 10);
      expect(response.status, role).toBe(403);
    }
  });

  it("an upload answers only to the person who started it", async () => {
    const created = await createUpload(owner, "rahasia.pdf", 1000);
    const location = created.headers.get("location")!;
    const stranger = await otherAgencyOwner();
    expect((await tusRequest(stranger, "HEAD", location)).status).toBe(404);
    expect((await patch(stranger, location, 0, Buffer.alloc(10))).status).toBe(404);
    expect((await tusRequest(stranger, "DELETE", location)).status).toBe(404);
    expect((await tusRequest(owner, "HEAD", location)).status).toBe(200);
    expect((await tusRequest(owner, "DELETE", location)).status).toBe(204);
    expect(stagedFiles()).toEqual([]);
  });

  it("requires the tus header, which plain cross-site form posts cannot send", async () => {
    const request = new Request("http://portal.uji/api/v1/uploads", { method: "POST", headers: { "Upload-Length": "10" } });
    const { handleUploadRequest } = await import("@/lib/http/upload-endpoint");
    expect((await handleUploadRequest(request, owner)).status).toBe(412);
  });
});
