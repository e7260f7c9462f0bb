// What happens to a completely received upload: its content is checked (type by magic
// bytes, matching extension, no zip bomb), hashed, stored under its content address, and
// only then registered in the database (createFileEvidence). A refused file is removed by
// the caller: nothing of it is kept. Running this twice for the same upload is harmless.
import fs from "node:fs";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/audit";
import { executeCommand } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { msg, type Message, type MessageParams } from "@/lib/i18n/message";
import type { Actor } from "@/lib/policy";
import { blobKey, getStorage } from "@/lib/storage";
import { createFileEvidence } from "./create-file-evidence";
import { ACCEPTED_TYPES } from "./file-type";
import { titleFromFileName } from "./format";
import { inspectFile, sha256OfFile, type Refusal } from "./inspect-file";

export type StagedUpload = { id: string; file: string; size: number; fileName: string; documentType?: string; periodId?: string };

export type FinalizedEvidence = { id: string; title: string; kind: "FILE"; url: string; message: Message };

export function refusalError(refusal: Refusal | "tooLarge" | "nameMissing" | "nameForbidden" | "lengthRequired", values: MessageParams): AppError {
  const code = refusal === "empty" || refusal === "nameMissing" || refusal === "nameForbidden" || refusal === "lengthRequired" ? "validation_failed" : refusal === "tooLarge" ? "payload_too_large" : "unsupported_media_type";
  const message = msg(`evidence.refused.${refusal}`, values);
  return new AppError(code, { message, details: [{ field: "file", code: refusal, message }] });
}

export async function finalizeUpload(actor: Actor, request: RequestContext, upload: StagedUpload): Promise<FinalizedEvidence> {
  const inspection = await inspectFile(upload.file, upload.fileName, upload.size);
  if (!inspection.ok) {
    throw refusalError(inspection.refusal, { name: upload.fileName, actual: inspection.detected ? ACCEPTED_TYPES[inspection.detected].label : "" });
  }
  const instansiId = actor.active.instansiId;
  if (!instansiId) throw new AppError("forbidden");
  const sha256 = await sha256OfFile(upload.file);
  const key = blobKey(instansiId, sha256);
  const storage = getStorage();
  // Store first, register second: a crash in between leaves an unreferenced object (swept
  // later), never a row without its bytes. Identical content already stored is not rewritten.
  const stored = await storage.stat(key);
  if (!stored || stored.size !== upload.size) await storage.put(key, () => fs.createReadStream(upload.file), upload.size);

  const input = {
    uploadId: upload.id,
    sha256,
    size: upload.size,
    mimeType: inspection.mimeType,
    originalName: upload.fileName.slice(0, 255),
    title: titleFromFileName(upload.fileName),
    documentType: upload.documentType || undefined,
    periodId: upload.periodId || undefined,
  };
  const register = () => executeCommand(db, createFileEvidence, actor, request, input);
  // Two finalisations of one upload (a retried request racing the first) collide on the
  // evidence id; the second then finds what the first wrote.
  const result = await register().catch((error: unknown) => {
    if (isUniqueViolation(error)) return register();
    throw error;
  });
  const data = result.data!;
  return { id: data.evidenceId!, title: data.title!, kind: "FILE", url: data.url!, message: result.message };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
