// The pre-checks an item of evidence gets before an assessor sees it: a ranked list of
// warnings, never a block (the person decides). Derived when shown from the item's current
// data, the stored text scan and, on an indicator form, where it is used, so editing the
// document type or number needs no new scan. The age limits are the framework data's: an
// IKASANDI result must come from an assessment of at most the last 12 months ("hasil
// IKASANDI paling lama 1 tahun"; an Indeks KAMI 2023 result was rejected).
import type { IndicatorNode } from "@/lib/framework/schema";
import { msg, type Message } from "@/lib/i18n/message";
import type { DocumentType, EvidenceKind, TextScanState } from "@/lib/generated/prisma/enums";

export type WarningSeverity = "high" | "medium" | "low";
export type PrecheckWarning = { readonly code: string; readonly severity: WarningSeverity; readonly message: Message };

/** Document types whose evidence counts only with a number and a date (drafts without them are rejected). */
export const NEEDS_NUMBER_AND_DATE: readonly DocumentType[] = ["PERATURAN", "KEPUTUSAN", "SOP"];

export type CheckedItem = {
  kind: EvidenceKind;
  documentType: DocumentType;
  documentNo: string | null;
  enactedAt: Date | null;
  sourceUrl: string | null;
  mimeType: string | null;
  textScan: { state: TextScanState; pageCount: number | null; textChars: number | null; foundNumber: string | null; foundDates: string[] } | null;
};

export type UseContext = {
  /** The period's deadline the evidence must predate (submission, else filling). */
  deadline: Date | null;
  /** The day ages are measured from (the deadline, else today). */
  reference: Date;
  /** How old the evidence may be for the indicator, in months, where the data says so. */
  maxAgeMonths: number | null;
  /** Butir of other indicators the same content is attached to in this period. */
  sameContentButir: readonly string[];
};

const RANK: Record<WarningSeverity, number> = { high: 0, medium: 1, low: 2 };
const day = (date: Date) => date.toISOString().slice(0, 10);

/** An IKASANDI indicator (I10-I12 in pemdi-2026) takes results of at most 12 months. */
export function maxAgeMonthsOf(indicator: Pick<IndicatorNode, "externalIndex">): number | null {
  return indicator.externalIndex?.name.startsWith("IKASANDI") ? 12 : null;
}

/** The date the document carries: the one entered, else the enactment date found in its text. */
export function documentDateOf(item: CheckedItem): Date | null {
  if (item.enactedAt) return item.enactedAt;
  const found = item.textScan?.state === "DONE" ? item.textScan.foundDates[0] : undefined;
  return found ? new Date(`${found}T00:00:00Z`) : null;
}

function monthsBefore(date: Date, months: number): Date {
  const earlier = new Date(date);
  earlier.setUTCMonth(earlier.getUTCMonth() - months);
  return earlier;
}

export function precheckWarnings(item: CheckedItem, use: UseContext | null = null): PrecheckWarning[] {
  const warnings: PrecheckWarning[] = [];
  const add = (code: string, severity: WarningSeverity, message: Message) => warnings.push({ code, severity, message });
  const scan = item.textScan;
  const scanned = scan?.state === "DONE" ? scan : null;

  if (scan?.state === "PENDING") add("scan_pending", "low", msg("precheck.scanPending"));
  if (scan?.state === "FAILED") add("unreadable", "medium", msg("precheck.unreadable"));
  if (scanned && (scanned.pageCount ?? 0) > 0 && scanned.textChars === 0) add("no_text_layer", "high", msg("precheck.noTextLayer", { pages: scanned.pageCount ?? 0 }));

  // While the text is still being read, its number and date are not known yet.
  if (NEEDS_NUMBER_AND_DATE.includes(item.documentType) && scan?.state !== "PENDING") {
    const type = msg(`evidence.documentTypes.${item.documentType}`);
    if (!item.documentNo && !scanned?.foundNumber) add("number_missing", "high", msg("precheck.numberMissing", { type }));
    if (!documentDateOf(item)) add("date_missing", "high", msg("precheck.dateMissing", { type }));
  }

  const isScreenshot = item.documentType === "TANGKAPAN_LAYAR" || (item.mimeType?.startsWith("image/") ?? false);
  if (item.kind === "FILE" && isScreenshot && !item.sourceUrl) add("screenshot_without_source", "medium", msg("precheck.screenshotNoSource"));

  if (use) {
    const date = documentDateOf(item);
    if (date && use.maxAgeMonths !== null && date < monthsBefore(use.reference, use.maxAgeMonths)) {
      add("too_old", "high", msg("precheck.tooOld", { date: day(date), months: use.maxAgeMonths, reference: day(use.reference) }));
    }
    if (date && use.deadline && date > use.deadline) add("after_deadline", "medium", msg("precheck.afterDeadline", { date: day(date), deadline: day(use.deadline) }));
    if (use.sameContentButir.length > 0) add("same_content_elsewhere", "low", msg("precheck.sameContentElsewhere", { codes: use.sameContentButir.join(", ") }));
  }
  return warnings.sort((left, right) => RANK[left.severity] - RANK[right.severity]);
}
