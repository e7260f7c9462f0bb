// Serving a stored evidence file to someone allowed to read it. The bytes never run in our
// origin: nosniff, a sandboxing CSP, and a download (attachment) unless a preview of a
// PDF or an image was asked for. Another agency's evidence answers like a missing one.
import { Readable } from "node:stream";
import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/policy";
import { evidenceScope } from "@/lib/policy-scope";
import { getStorage } from "@/lib/storage";
import { ACCEPTED_TYPES, INLINE_MIME_TYPES } from "@/lib/evidence/file-type";

// Chrome's built-in PDF viewer refuses to run in a sandboxed document, so a PDF preview
// gets a CSP without `sandbox`; PDFs cannot run script in our origin in any case, and
// nosniff keeps the browser from treating the bytes as anything but a PDF.
const SANDBOX_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
const PDF_PREVIEW_CSP = "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function evidenceDownload(db: DbClient, actor: Actor | null, evidenceId: string, options: { preview: boolean }): Promise<Response> {
  const instansiId = actor?.active.instansiId;
  if (!actor) throw new AppError("unauthorized");
  const evidence = await db.evidence.findFirst({
    // A superadmin has no instansi: they see no agency's evidence.
    where: { id: evidenceId, instansiId: instansiId ?? "-", deletedAt: null, kind: "FILE" },
    include: { blob: true },
  });
  if (!evidence?.blob) throw new AppError("not_found");
  assertCan(actor, "evidence.read", evidenceScope(evidence));

  const mimeType = evidence.blob.mimeType;
  const inline = options.preview && INLINE_MIME_TYPES.includes(mimeType);
  const fileName = evidence.originalName || `${evidence.id}.${Object.values(ACCEPTED_TYPES).find((type) => type.mime === mimeType)?.extensions[0] ?? "bin"}`;
  const body = await getStorage().read(evidence.blob.storageKey);
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": mimeType,
      "content-length": String(evidence.blob.size),
      "content-disposition": contentDisposition(inline ? "inline" : "attachment", fileName),
      "x-content-type-options": "nosniff",
      "content-security-policy": inline && mimeType === ACCEPTED_TYPES.pdf.mime ? PDF_PREVIEW_CSP : SANDBOX_CSP,
      "cache-control": "private, no-store",
      "cross-origin-resource-policy": "same-origin",
    },
  });
}
