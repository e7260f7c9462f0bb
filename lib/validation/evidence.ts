// Input of the evidence library (forms, commands and the upload endpoint), shared by the
// browser and the server. Messages come from the Bahasa Indonesia catalog.
import { z } from "zod";
import { httpUrl, id, line, optionalCalendarDate, searchQuery } from "./primitives";
import { messageKey } from "@/lib/i18n/message";

const date = optionalCalendarDate(messageKey("evidence.dateInvalid"));

export const DOCUMENT_TYPES = ["PERATURAN", "KEPUTUSAN", "SOP", "LAPORAN", "NOTULEN", "TANGKAPAN_LAYAR", "VIDEO", "LAINNYA"] as const;

export const ZEvidenceTitle = line().trim().min(3, messageKey("evidence.titleInvalid")).max(200, messageKey("evidence.titleInvalid"));
export const ZDocumentType = z.enum(DOCUMENT_TYPES, { error: messageKey("evidence.documentTypeInvalid") });

export const ZHttpUrl = httpUrl(messageKey("evidence.urlInvalid"));

const details = {
  title: ZEvidenceTitle,
  documentType: ZDocumentType.default("LAINNYA"),
  documentNo: line()
    .trim()
    .max(120, messageKey("evidence.documentNoInvalid"))
    .optional()
    .transform((value) => value || null),
  enactedAt: date,
  validUntil: date,
};

function checkValidity(value: { enactedAt: Date | null; validUntil: Date | null }, context: z.RefinementCtx) {
  if (value.enactedAt && value.validUntil && value.validUntil < value.enactedAt) {
    context.addIssue({ code: "custom", path: ["validUntil"], message: messageKey("evidence.validUntilBeforeEnacted") });
  }
}

export const ZEvidenceLinkCreate = z.object({ ...details, url: ZHttpUrl }).superRefine(checkValidity);

/** Where a file was taken from (the page a screenshot shows); empty clears it. */
const sourceUrl = z.union([z.literal(""), ZHttpUrl]).optional().transform((value) => value || null);

export const ZEvidenceUpdate = z.object({ evidenceId: id, ...details, sourceUrl }).superRefine(checkValidity);

export const ZEvidenceDelete = z.object({ evidenceId: id });

/** Shared with the whole instansi ("true") or only the owner unit's ("false"). */
export const ZEvidenceShare = z.object({ evidenceId: id, shared: z.enum(["true", "false"]).transform((value) => value === "true") });

export const ZEvidenceCarryOver = z.object({ evidenceId: id, periodId: id });

/** Upload ids double as the evidence id they become, so a repeated finalisation finds its result. */
export const UPLOAD_ID = /^c[a-z0-9]{24}$/;

/** The library page's filters, from the query string. */
export const ZEvidenceQuery = z.object({
  q: searchQuery(100),
  jenis: z.enum(DOCUMENT_TYPES).optional().catch(undefined),
  unit: line().trim().max(40).optional().catch(undefined),
  berlaku: z.enum(["valid", "expiring", "expired", "none"]).optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(10_000).catch(1),
});
