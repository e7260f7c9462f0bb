// The Excel import's upload: the file is checked (size, .xlsx by its zip signature, this
// portal's layout) and read here, at the boundary, then its rows go to the importAnswers
// command, which checks every row and saves all or nothing in one transaction. Problems
// come back per row and column in the reader's language.
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { requestContextFrom } from "@/lib/auth/request-context";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { AppError, errorResponse } from "@/lib/errors";
import { apiRoute, toAppError } from "@/lib/http/api-route";
import { fill } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import { translateMessage } from "@/lib/i18n/translate";
import { assertCanInOwnInstansi } from "@/lib/policy";
import { COLUMN, readAnswerSheet } from "@/lib/reports/answer-sheet";
import { XLSX_MAX_BYTES } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around a file of the largest size taken. */
const ENVELOPE_BYTES = 64 * 1024;
const CELL = /^([A-Z])(\d+)$/;

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** "E7" becomes "Baris 7, kolom E (Tingkat mandiri): ..." in the reader's language. */
function localized(error: AppError, locale: "id" | "en", m: Messages): AppError {
  const columnName = (letter: string) => {
    const key = Object.entries(COLUMN).find(([, index]) => String.fromCharCode(64 + index) === letter)?.[0];
    return key ? `${letter} (${m.reports.sheet.columns[key] ?? key})` : letter;
  };
  const details = error.details.map((detail) => {
    const message = translateMessage(detail.message, locale);
    const cell = CELL.exec(detail.field);
    return { ...detail, message: cell ? fill(m.reports.import.cellIssue, { row: cell[2]!, column: columnName(cell[1]!), message }) : message };
  });
  return new AppError(error.code, { message: translateMessage(error.message, locale), details });
}

export const POST = apiRoute<{ periodId: string }>(async ({ request, params, requestId }) => {
  const { locale, m } = await getMessages();
  try {
    if (!sameOrigin(request)) throw new AppError("forbidden");
    const actor = await getActor();
    // Refuse before reading a byte of the upload.
    assertCanInOwnInstansi(actor, "answer.import");
    const fail = (message: string, code: "validation_failed" | "payload_too_large" = "validation_failed") =>
      new AppError(code, { message: m.reports.import.refused, details: [{ field: "file", code: "custom", message }] });
    if (Number(request.headers.get("content-length") ?? "0") > XLSX_MAX_BYTES + ENVELOPE_BYTES) throw fail(m.reports.import.fileTooLarge, "payload_too_large");
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File) || file.size === 0) throw fail(m.reports.import.fileMissing);
    if (file.size > XLSX_MAX_BYTES) throw fail(m.reports.import.fileTooLarge, "payload_too_large");
    const sheet = await readAnswerSheet(new Uint8Array(await file.arrayBuffer()));
    const result = await executeCommand(db, COMMANDS.importAnswers, actor, requestContextFrom(request.headers, actor?.userId ?? null), {
      periodId: params.periodId,
      sheetPeriodId: sheet.periodId,
      fileName: file.name.slice(0, 255),
      rows: sheet.rows,
    });
    return { message: translateMessage(result.message, locale), count: Number(result.data?.count ?? "0") };
  } catch (error) {
    return errorResponse(localized(toAppError(error, requestId), locale, m), { "x-request-id": requestId, "cache-control": "no-store" });
  }
});
