// The queue of text scans, processed out of the upload request: an item's row is queued
// (PENDING) in the transaction that creates it, and a processor in the portal process
// (scan-schedule.ts) claims rows one at a time with SKIP LOCKED, so several instances share
// the work and a crashed scan is picked up again once its lease runs out. A row records the
// content it scanned; when the item's content changes the row is queued again.
import type { Db, DbTransaction } from "@/lib/db";
import { blobKey, type BlobStorage } from "@/lib/storage";
import { findDocumentDates, findDocumentNumber } from "./document-facts";
import { readPdfText } from "./pdf-text";

export const SCANNED_MIME_TYPES: readonly string[] = ["application/pdf"];
/** A claimed scan not finished after this long is taken up again (the process died). */
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 3;

/** Queues the scan of an item's content (only PDFs have text to read). */
export async function queueTextScan(tx: DbTransaction, evidenceId: string, blob: { sha256: string; mimeType: string }): Promise<void> {
  if (!SCANNED_MIME_TYPES.includes(blob.mimeType)) return;
  const reset = { sha256: blob.sha256, state: "PENDING" as const, attempts: 0, pageCount: null, textChars: null, foundNumber: null, foundDates: [], error: null, queuedAt: new Date(), scannedAt: null };
  await tx.evidenceTextScan.upsert({ where: { evidenceId }, create: { evidenceId, ...reset }, update: reset });
}

/** Queues every live PDF item that has no scan of its current content (items from before the pre-checks). */
export async function queueMissingTextScans(db: Db): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "EvidenceTextScan" ("evidenceId", "sha256", "state", "attempts", "foundDates", "queuedAt")
    SELECT e."id", b."sha256", 'PENDING', 0, '{}', now()
    FROM "Evidence" e JOIN "Blob" b ON b."id" = e."blobId"
    WHERE e."deletedAt" IS NULL AND b."mimeType" = 'application/pdf'
    ON CONFLICT ("evidenceId") DO UPDATE SET "sha256" = EXCLUDED."sha256", "state" = 'PENDING', "attempts" = 0, "queuedAt" = now()
    WHERE "EvidenceTextScan"."sha256" <> EXCLUDED."sha256"`;
}

type Claimed = { evidenceId: string; sha256: string; instansiId: string; attempts: number };

async function claimNext(db: Db): Promise<Claimed | null> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Claimed[]>`
      SELECT s."evidenceId", s."sha256", e."instansiId", s."attempts"
      FROM "EvidenceTextScan" s JOIN "Evidence" e ON e."id" = s."evidenceId"
      WHERE s."state" = 'PENDING' AND s."queuedAt" <= now()
      ORDER BY s."queuedAt" LIMIT 1
      FOR UPDATE OF s SKIP LOCKED`;
    if (!row) return null;
    await tx.evidenceTextScan.update({ where: { evidenceId: row.evidenceId }, data: { attempts: { increment: 1 }, queuedAt: new Date(Date.now() + LEASE_MS) } });
    return row;
  });
}

async function readAll(storage: BlobStorage, key: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.read(key)) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  const whole = Buffer.concat(chunks);
  return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
}

/** Scans queued items until none is due (or `limit` are done); returns how many were scanned. */
export async function processTextScans(db: Db, storage: BlobStorage, options: { limit?: number } = {}): Promise<number> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let done = 0;
  while (done < limit) {
    const claimed = await claimNext(db);
    if (!claimed) break;
    done += 1;
    // Only the content that was claimed is written back: an item whose file changed meanwhile was queued again.
    const current = { evidenceId: claimed.evidenceId, sha256: claimed.sha256 };
    try {
      const text = await readPdfText(await readAll(storage, blobKey(claimed.instansiId, claimed.sha256)));
      await db.evidenceTextScan.updateMany({
        where: current,
        data: {
          state: "DONE",
          pageCount: text.pageCount,
          textChars: text.textChars,
          foundNumber: findDocumentNumber(text.edgeText),
          foundDates: findDocumentDates(text.edgeText),
          error: null,
          scannedAt: new Date(),
        },
      });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const final = claimed.attempts + 1 >= MAX_ATTEMPTS;
      await db.evidenceTextScan.updateMany({
        where: current,
        data: final ? { state: "FAILED", error: reason, scannedAt: new Date() } : { error: reason, queuedAt: new Date(Date.now() + 30_000 * (claimed.attempts + 1)) },
      });
    }
  }
  return done;
}
