// Both storage drivers against the same contract (local disk, and S3 through a real S3
// API server on loopback), the whole upload path on S3, crash leftovers, and the sweep of
// bytes nobody references any more.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { evidenceDownload } from "@/lib/http/evidence-download";
import { sweepEvidenceStorage } from "@/lib/evidence/sweep";
import { blobKey, getStorage, useStorage, type BlobStorage } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local-storage";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";
import { resetEvidenceFiles, uploadFile } from "./evidence-support";
import { samples } from "../support/evidence-files";
import { startS3Server } from "../support/s3-server";

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const bytesOf = async (stream: Readable) => Buffer.concat(await stream.toArray());
const DAY = 24 * 60 * 60 * 1000;

let s3: Awaited<ReturnType<typeof startS3Server>>;
const localRoot = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-local-"));

beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3.close();
  fs.rmSync(localRoot, { recursive: true, force: true });
});

const drivers: [string, () => BlobStorage][] = [
  ["local disk", () => new LocalStorage(localRoot)],
  ["S3 (s3rver)", () => s3.storage],
];

for (const [name, storage] of drivers) {
  describe(`${name} driver`, () => {
    it("stores, reads, lists and deletes by key", async () => {
      const content = Buffer.from(`isi berkas ${name}`);
      const key = blobKey("cinstansiuji", sha(content));
      expect(await storage().stat(key)).toBeNull();
      await storage().put(key, () => Readable.from([content]), content.length);
      expect(await storage().stat(key)).toMatchObject({ key, size: content.length });
      expect(await bytesOf(await storage().read(key))).toEqual(content);
      const listed = [];
      for await (const object of storage().list()) listed.push(object.key);
      expect(listed).toContain(key);
      await storage().delete(key);
      expect(await storage().stat(key)).toBeNull();
    });

    it("leaves nothing at the key when the source breaks off halfway", async () => {
      const key = blobKey("cinstansiuji", "b".repeat(64));
      const broken = () =>
        new Readable({
          read() {
            this.push(Buffer.alloc(64 * 1024, 1));
            this.destroy(new Error("sumber terputus"));
          },
        });
      await expect(storage().put(key, broken, 1024 * 1024)).rejects.toThrow();
      expect(await storage().stat(key)).toBeNull();
    });

    it("refuses keys it did not derive", async () => {
      await expect(storage().put("../../etc/passwd", () => Readable.from([Buffer.from("x")]), 1)).rejects.toThrow(/invalid storage key/);
      await expect(storage().read("cinstansiuji/aa/../../x")).rejects.toThrow(/invalid storage key/);
    });
  });
}

describe("local disk crash safety", () => {
  it("never shows a half file and removes the leftovers of interrupted writes", async () => {
    const storage = new LocalStorage(localRoot);
    const key = blobKey("cinstansiuji", "c".repeat(64));
    // A write killed before its rename leaves only a temporary file, outside the key space.
    fs.mkdirSync(path.join(localRoot, "tmp"), { recursive: true });
    const leftover = path.join(localRoot, "tmp", "mati-di-tengah.part");
    fs.writeFileSync(leftover, "setengah");
    fs.utimesSync(leftover, new Date(Date.now() - 2 * DAY), new Date(Date.now() - 2 * DAY));
    expect(await storage.stat(key)).toBeNull();
    const listed = [];
    for await (const object of storage.list()) listed.push(object.key);
    expect(listed).not.toContain(key);
    expect(await storage.removeLeftovers(new Date(Date.now() - DAY))).toBe(1);
    expect(fs.existsSync(leftover)).toBe(false);
  });
});

describe("with the portal's data", () => {
  let fixtures: Fixtures;
  beforeEach(async () => {
    await resetDatabase();
    resetEvidenceFiles();
    fixtures = await createFixtures();
  });

  it("uploads into S3 and downloads from it", async () => {
    const real = getStorage();
    useStorage(s3.storage);
    try {
      const owner = await actorFor(fixtures, "ADMIN_OPD");
      const pdf = samples.pdf("di s3");
      const { response, evidence } = await uploadFile(owner, "laporan-s3.pdf", pdf);
      expect(response.status).toBe(204);
      const blob = await db.blob.findFirstOrThrow();
      expect(await s3.storage.stat(blob.storageKey)).toMatchObject({ size: pdf.length });
      const download = await evidenceDownload(db, await actorFor(fixtures, "ASESOR"), evidence!.id, { preview: false });
      expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
    } finally {
      useStorage(real);
    }
  });

  it("sweeps blobs whose items were deleted longer ago than the retention, and orphaned objects; keeps everything still needed", async () => {
    const owner = await actorFor(fixtures, "ADMIN_OPD");
    const storage = getStorage();
    const old = await uploadFile(owner, "lama.pdf", samples.pdf("lama"));
    const recent = await uploadFile(owner, "baru-dihapus.pdf", samples.pdf("baru dihapus"));
    const live = await uploadFile(owner, "dipakai.pdf", samples.pdf("dipakai"));
    for (const { evidence } of [old, recent]) await executeCommand(db, COMMANDS.deleteEvidence, owner, requestContext, { evidenceId: evidence!.id });
    const now = new Date(Date.now() + 40 * DAY);
    // The first item was deleted 40 days before `now`; the second only yesterday.
    await db.evidence.update({ where: { id: recent.evidence!.id }, data: { deletedAt: new Date(now.getTime() - DAY) } });
    await db.blob.updateMany({ data: { createdAt: new Date(now.getTime() - 60 * DAY) } });
    // Bytes stored but never registered (a crash between the two steps).
    const orphan = Buffer.from("%PDF-1.4 yatim");
    const orphanKey = blobKey(fixtures.home.instansiId, sha(orphan));
    await storage.put(orphanKey, () => Readable.from([orphan]), orphan.length);

    const result = await sweepEvidenceStorage(db, storage, { retentionDays: 30, now });
    expect(result).toMatchObject({ blobs: 1, orphans: 1 });
    const oldRow = await db.evidence.findUniqueOrThrow({ where: { id: old.evidence!.id } });
    expect(oldRow.blobId).toBeNull();
    expect(await db.blob.count()).toBe(2);
    for (const blob of await db.blob.findMany()) expect(await storage.stat(blob.storageKey)).not.toBeNull();
    expect(await storage.stat(orphanKey)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "blob.sweep" } })).toBe(1);
    expect(await evidenceDownload(db, owner, live.evidence!.id, { preview: false }).then((response) => response.status)).toBe(200);

    // Nothing is swept twice, and a fresh orphan is kept until it is older than the retention.
    expect(await sweepEvidenceStorage(db, storage, { retentionDays: 30 })).toMatchObject({ blobs: 0, orphans: 0 });
  });
});
