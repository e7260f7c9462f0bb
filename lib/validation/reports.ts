// What the Excel import hands to its command: the rows read from the uploaded worksheet
// (lib/reports/answer-sheet.ts), as text. Limits here only guard the server; each row's
// content is checked by the command, so every problem is reported with its row.
import { z } from "zod";
import { id, line, text } from "./primitives";

/** The largest worksheet an import takes. */
export const XLSX_MAX_BYTES = 5 * 1024 * 1024;
/** The most rows one import takes (a framework has a few dozen indicators). */
export const IMPORT_MAX_ROWS = 500;
/** Excel's own limit for the text of one cell. */
const CELL_MAX = 32_767;

export const ZImportRow = z.object({
  row: z.number().int().min(1).max(1_048_576),
  number: line().max(CELL_MAX),
  level: line().max(CELL_MAX),
  explanation: text().max(CELL_MAX),
  version: line().max(CELL_MAX),
});

export const ZAnswerImport = z.object({
  periodId: id,
  /** The period id the worksheet was exported from (stored in it, hidden). */
  sheetPeriodId: line().trim().max(40),
  fileName: line().trim().max(255).default(""),
  rows: z.array(ZImportRow).min(1).max(IMPORT_MAX_ROWS),
});
