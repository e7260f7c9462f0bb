// Registers a received file as evidence, after the upload endpoint checked its content and
// stored its bytes. The row is written only when the stored object is there with the
// right size, so no row ever points at a missing or half blob. Identical content within
// an instansi is stored once (one Blob per SHA-256) and the person is told so.
import { z } from "zod";
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import { assertCanInOwnInstansi } from "@/lib/policy";
import { blobKey, getStorage } from "@/lib/storage";
import { assertPhaseAllows } from "@/lib/assessment/phase";
import { ZDocumentType, ZEvidenceTitle, UPLOAD_ID } from "@/lib/validation/evidence";
import { id, line } from "@/lib/validation/primitives";
import { ACCEPTED_MIME_TYPES } from "./file-type";
import { readableEvidence } from "@/lib/policy-scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sharedByDefault } from "./library";
import { msg, type Message } from "@/lib/i18n/message";
import { queueTextScan } from "./precheck/scan-queue";

/** What the upload endpoint registers once a received file passed every check and is stored. */
const ZFileEvidenceCreate = z.object({
  uploadId: z.string().regex(UPLOAD_ID),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().positive(),
  mimeType: z.enum(ACCEPTED_MIME_TYPES as [string, ...string[]]),
  originalName: line().trim().min(1).max(255),
  title: ZEvidenceTitle,
  documentType: ZDocumentType.default("LAINNYA"),
  periodId: id.optional(),
});

export const evidenceUrl = (evidenceId: string) => `/bukti/${evidenceId}/unduh`;

export const createFileEvidence = defineCommand({
  name: "evidence.create-file",
  input: ZFileEvidenceCreate,
  async run({ tx, actor, request }, input) {
    const instansiId = assertCanInOwnInstansi(actor, "evidence.manage");
    const unitId = actor.active.unitId;
    const result = (evidence: { id: string; title: string }, message: Message) => ({
      message,
      data: { evidenceId: evidence.id, title: evidence.title, kind: "FILE", url: evidenceUrl(evidence.id) },
    });

    // A finalisation repeated after a lost response or a crash finds what the first one did.
    const done = await tx.evidence.findFirst({ where: { id: input.uploadId, instansiId } });
    if (done) return result(done, msg("evidence.uploaded", { title: done.title }));

    if (input.periodId) {
      const period = await loadPeriodFor(tx, actor, "evidence.manage", input.periodId);
      assertPhaseAllows(period.phase, "answer.fill");
    }

    const storageKey = blobKey(instansiId, input.sha256);
    const stored = await getStorage().stat(storageKey);
    if (!stored || stored.size !== input.size) throw new AppError("conflict", { message: msg("evidence.blobMissing") });

    const existingBlob = await tx.blob.findUnique({ where: { instansiId_sha256: { instansiId, sha256: input.sha256 } } });
    // Only items the uploader may read are named or reused: identical bytes already in the
    // unit's own library, or shared with the instansi by another unit, are that item (the
    // unit's own first); identical bytes of another unit's unshared item become the uploader's
    // own item on the same stored blob, and nothing says they exist.
    const readable: Prisma.EvidenceWhereInput | null = existingBlob ? { AND: [readableEvidence(actor, instansiId)], blobId: existingBlob.id } : null;
    if (readable) {
      const candidates = await tx.evidence.findMany({ where: { ...readable, deletedAt: null }, orderBy: { createdAt: "asc" }, include: { ownerUnit: { select: { name: true, shortName: true } } } });
      const live = candidates.find((item) => item.ownerUnitId === unitId) ?? candidates[0];
      if (live && live.ownerUnitId !== unitId && live.ownerUnit) {
        return result(live, msg("evidence.alreadyShared", { title: live.title, unit: live.ownerUnit.shortName ?? live.ownerUnit.name }));
      }
      if (live) return result(live, msg("evidence.alreadyInLibrary", { title: live.title }));
    }
    const reusesReadableContent = readable !== null && (await tx.evidence.count({ where: readable })) > 0;
    const blob = existingBlob ?? (await tx.blob.create({ data: { instansiId, sha256: input.sha256, size: input.size, mimeType: input.mimeType, storageKey } }));
    const confirmed = { confirmedAt: new Date(), confirmedById: actor.userId };
    const evidence = await tx.evidence.create({
      data: {
        id: input.uploadId,
        instansiId,
        ownerUnitId: unitId,
        kind: "FILE",
        title: input.title,
        documentType: input.documentType,
        sharedWithInstansi: sharedByDefault(input.documentType),
        blobId: blob.id,
        originalName: input.originalName,
        createdById: actor.userId,
        ...(input.periodId ? { periods: { create: { periodId: input.periodId, ...confirmed } } } : {}),
      },
    });
    // The pre-checks read the file's text out of this request (precheck/scan-schedule.ts).
    await queueTextScan(tx, evidence.id, blob);
    await writeAudit(tx, request, {
      action: "evidence.create",
      entityType: "Evidence",
      entityId: evidence.id,
      instansiId,
      after: { kind: "FILE", title: input.title, documentType: input.documentType, sharedWithInstansi: evidence.sharedWithInstansi, originalName: input.originalName, sha256: input.sha256, size: input.size, mimeType: input.mimeType, blobReused: !!existingBlob, periodId: input.periodId ?? null },
    });
    return result(evidence, msg(reusesReadableContent ? "evidence.uploadedSameContent" : "evidence.uploaded", { title: evidence.title }));
  },
});
