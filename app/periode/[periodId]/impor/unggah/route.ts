// The Excel import's upload: the file is checked (size, .xlsx by its zip signature, this
// portal's layout) and read here, at the boundary, then its rows go to the importAnswers
// command, which checks every row and saves all or nothing in one transaction. Problems
// come back per row and column in the reader's language.
import { db } from "@/lib/db";
import { requestContextFrom } from "@/lib/auth/request-context";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { AppError } from "@/lib/errors";
import { sessionRoute } from "@/lib/http/session-route";
import { msg, type Message } from "@/lib/i18n/message";
import { render } from "@/lib/i18n/render";
import { requestLocale } from "@/lib/i18n/request-locale";
import { COLUMN, readAnswerSheet } from "@/lib/reports/answer-sheet";
import { XLSX_MAX_BYTES } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around a file of the largest size taken. */
const ENVELOPE_BYTES = 64 * 1024;
const CELL = /^([A-Z])(\d+)$/;

const refusal = (message: Message, code: "validation_failed" | "payload_too_large" = "validation_failed") =>
  new AppError(code, { message: msg("reports.import.refused"), details: [{ field: "file", code: "custom", message }] });

/** "E7" becomes "Baris 7, kolom E (Tingkat mandiri): ..." in the reader's language. */
async function withCells(error: AppError): Promise<AppError> {
  if (error.code === "payload_too_large" && error.details.length === 0) error = refusal(msg("reports.import.fileTooLarge"), "payload_too_large");
  const column = (letter: string): Message | string => {
    const key = Object.entries(COLUMN).find(([, index]) => String.fromCharCode(64 + index) === letter)?.[0];
    return key ? msg("reports.import.cellColumn", { letter, name: msg(`reports.sheet.columns.${key}`) }) : letter;
  };
  const details = error.details.map((detail) => {
    const cell = CELL.exec(detail.field);
    return cell ? { ...detail, message: msg("reports.import.cellIssue", { row: cell[2]!, column: column(cell[1]!), message: detail.message }) } : detail;
  });
  return new AppError(error.code, { message: error.userMessage, details });
}

// The pipeline refuses a caller who may not import, and a body over the cap, before a byte
// of the upload is read; the multipart body is then read within that cap.
export const POST = sessionRoute<{ periodId: string }>(
  { anonymous: "unauthorized", action: "answer.import", sameOrigin: true },
  async ({ request, params, actor, formData }) => {
    // Not a form, or one that does not parse: "no file"; too large stays too large.
    const form = await formData().catch((error: unknown) => {
      if (error instanceof AppError && error.code === "payload_too_large") throw error;
      return null;
    });
    const file = form?.get("file");
    if (!(file instanceof File) || file.size === 0) throw refusal(msg("reports.import.fileMissing"));
    if (file.size > XLSX_MAX_BYTES) throw refusal(msg("reports.import.fileTooLarge"), "payload_too_large");
    const sheet = await readAnswerSheet(new Uint8Array(await file.arrayBuffer()));
    const result = await executeCommand(db, COMMANDS.importAnswers, actor, requestContextFrom(request.headers, actor.userId), {
      periodId: params.periodId,
      sheetPeriodId: sheet.periodId,
      fileName: file.name.slice(0, 255),
      rows: sheet.rows,
    });
    return { message: render(result.message, requestLocale(request)), count: Number(result.data?.count ?? "0") };
  },
  { maxBodyBytes: XLSX_MAX_BYTES + ENVELOPE_BYTES, mapError: withCells },
);
