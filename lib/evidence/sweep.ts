// Removes stored bytes nobody needs any more, after a retention period:
// - a Blob whose evidence items were all deleted longer than `retentionDays` ago (the
//   items stay as tombstones without bytes; the audit trail keeps the story);
// - objects in storage without a Blob row (left by a crash between storing and
//   registering), once older than the retention period;
// - leftovers of interrupted writes, and abandoned resumable uploads.
// Database first, bytes second: a crash in between leaves an orphan object that the next
// sweep removes, never a row pointing at nothing.
import type { Db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { BlobStorage } from "@/lib/storage";

export type SweepResult = { blobs: number; orphans: number; leftovers: number; stagedUploads: number };

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_REQUEST = { actorId: null, ip: null, userAgent: "evidence-sweep", requestId: null };

export async function sweepEvidenceStorage(
  db: Db,
  storage: BlobStorage,
  options: { retentionDays: number; now?: Date; staging?: { deleteExpired(): Promise<number> } },
): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.retentionDays * DAY_MS);
  // Still needed: referenced by a live item, or by one deleted within the retention period.
  const unneeded = { createdAt: { lt: cutoff }, evidence: { none: { OR: [{ deletedAt: null }, { deletedAt: { gte: cutoff } }] } } };

  let blobs = 0;
  for (const blob of await db.blob.findMany({ where: unneeded, select: { id: true } })) {
    const removed = await db.$transaction(async (tx) => {
      // Re-checked under the row lock: an upload of the same content may have just reused it.
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Blob" WHERE id = ${blob.id} FOR UPDATE`;
      if (!locked) return null;
      const current = await tx.blob.findFirst({ where: { id: blob.id, ...unneeded } });
      if (!current) return null;
      const released = await tx.evidence.updateMany({ where: { blobId: current.id }, data: { blobId: null } });
      await tx.blob.delete({ where: { id: current.id } });
      await writeAudit(tx, SWEEP_REQUEST, {
        action: "blob.sweep",
        entityType: "Blob",
        entityId: current.id,
        instansiId: current.instansiId,
        before: { sha256: current.sha256, size: current.size, storageKey: current.storageKey, deletedEvidence: released.count },
      });
      return current.storageKey;
    });
    if (removed) {
      await storage.delete(removed);
      blobs++;
    }
  }

  let orphans = 0;
  for await (const object of storage.list()) {
    if (object.modifiedAt >= cutoff) continue;
    if (await db.blob.findUnique({ where: { storageKey: object.key }, select: { id: true } })) continue;
    await storage.delete(object.key);
    orphans++;
  }

  const leftovers = await storage.removeLeftovers(new Date(now.getTime() - DAY_MS));
  const stagedUploads = options.staging ? await options.staging.deleteExpired() : 0;
  return { blobs, orphans, leftovers, stagedUploads };
}
