// The Excel worksheet in the layout of the national form: one row per indicator (number,
// domain, aspect, indicator, the self level with the verified and final levels beside
// it, explanation, evidence names and links, status). The same file comes back as an
// import: only the self level and the explanation are read, with the hidden version
// column telling whether the answer changed since the export. Every cell is written as
// text in a Text-formatted column, so nothing a person typed ("=HYPERLINK(...)") ever
// becomes a formula, not even when the cell is edited later.
import ExcelJS from "exceljs";
import { displayLevel } from "@/lib/assessment/level-rule";
import { AppError } from "@/lib/errors";
import { fill } from "@/lib/i18n/format";
import { msg, type Message } from "@/lib/i18n/message";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { IMPORT_MAX_ROWS, XLSX_MAX_BYTES } from "@/lib/validation/reports";
import { evidenceHref, type PeriodReport } from "./period-report";
import { withFrameworkWords } from "./framework-words";

/** Row 1 title, 2 subtitle, 3 instructions, 4 column headers, indicators from row 5. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = 5;

const COLUMN_KEYS = ["number", "domain", "aspect", "indicator", "self", "verified", "final", "explanation", "evidence", "links", "status", "version"] as const;
export type SheetColumn = (typeof COLUMN_KEYS)[number];

/** 1-based column of each key (A = 1). */
export const COLUMN: Record<SheetColumn, number> = Object.fromEntries(COLUMN_KEYS.map((key, index) => [key, index + 1])) as Record<SheetColumn, number>;
export const columnLetter = (key: SheetColumn) => String.fromCharCode(64 + COLUMN[key]);

const EDITABLE_COLUMNS: readonly SheetColumn[] = ["self", "explanation"];
const WIDTHS: Record<SheetColumn, number> = { number: 6, domain: 18, aspect: 20, indicator: 42, self: 11, verified: 13, final: 11, explanation: 60, evidence: 36, links: 44, status: 15, version: 8 };

/**
 * Marks a file as this portal's export: the header of the hidden version column, and the
 * period's id above it. Technical, never translated, so a file exported in English still
 * imports for a reader of Bahasa Indonesia.
 */
const VERSION_MARKER = "spbe-mandiri:versi";

const TEXT_FORMAT = "@";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
const EDITABLE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFEF9C3" } };

function setText(cell: ExcelJS.Cell, text: string) {
  cell.value = text;
  cell.numFmt = TEXT_FORMAT;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export async function buildAnswerWorkbook(report: PeriodReport, { m, baseUrl, locale = "id" }: { m: Messages; baseUrl: string; locale?: Locale }): Promise<Buffer> {
  const s = withFrameworkWords(m, report.framework.definition, locale).reports.sheet;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SPBE Mandiri";
  workbook.title = `${s.title} ${report.period.year}`;
  const sheet = workbook.addWorksheet(s.name, { views: [{ state: "frozen", xSplit: 1, ySplit: HEADER_ROW }] });
  COLUMN_KEYS.forEach((key) => {
    const column = sheet.getColumn(COLUMN[key]);
    column.width = WIDTHS[key];
    column.numFmt = TEXT_FORMAT;
    column.alignment = { vertical: "top", wrapText: true };
  });
  sheet.getColumn(COLUMN.version).hidden = true;

  setText(sheet.getCell(1, COLUMN.number), s.title);
  sheet.getCell(1, COLUMN.number).font = { bold: true, size: 14 };
  setText(sheet.getCell(2, COLUMN.number), fill(s.subtitle, { instansi: report.instansi.name, year: report.period.year, framework: report.framework.name }));
  setText(sheet.getCell(3, COLUMN.number), s.hint);
  sheet.getCell(3, COLUMN.number).font = { italic: true };
  for (const row of [1, 2, 3]) {
    sheet.mergeCells(row, COLUMN.number, row, COLUMN.status);
    sheet.getCell(row, COLUMN.number).alignment = { vertical: "top", wrapText: false };
  }
  setText(sheet.getCell(1, COLUMN.version), report.period.id);

  // The two group columns name the framework's own levels: "Domain", "Aspek" for spbe-2020;
  // "Aspek" and a hidden empty column for pemdi-2026, which has no domains. Positions stay,
  // so every worksheet imports the same way.
  const groupKinds = report.framework.definition.nodeKinds.slice(0, -1);
  const groupHeader = (position: number) => {
    const kind = groupKinds[position];
    return kind === undefined ? "" : (s.columns[kind] ?? capitalize(m.nodeKinds[kind] ?? kind));
  };
  if (groupKinds.length < 2) sheet.getColumn(COLUMN.aspect).hidden = true;
  for (const key of COLUMN_KEYS) {
    const cell = sheet.getCell(HEADER_ROW, COLUMN[key]);
    const header = key === "domain" ? groupHeader(0) : key === "aspect" ? groupHeader(1) : (s.columns[key] ?? key);
    setText(cell, key === "version" ? VERSION_MARKER : header);
    cell.font = { bold: true };
    cell.fill = EDITABLE_COLUMNS.includes(key) ? EDITABLE_FILL : HEADER_FILL;
  }

  const scale = report.framework.definition.valueScale;
  report.indicators.forEach((indicator, index) => {
    const row = FIRST_DATA_ROW + index;
    const groupAt = (position: number) => indicator.groups[position]?.name ?? "";
    const evidence = indicator.self?.evidence ?? [];
    const values: Record<SheetColumn, string> = {
      number: String(indicator.number),
      domain: groupAt(0),
      aspect: groupAt(1),
      indicator: indicator.name,
      self: indicator.levels.SELF === null ? "" : displayLevel(indicator.levels.SELF),
      verified: indicator.levels.INTERNAL_VERIFICATION === null ? "" : displayLevel(indicator.levels.INTERNAL_VERIFICATION),
      final: indicator.levels.FINAL === null ? "" : displayLevel(indicator.levels.FINAL),
      explanation: indicator.self?.explanation ?? "",
      evidence: evidence.map((item) => item.title).join("\n"),
      links: evidence.map((item) => evidenceHref(item, baseUrl)).join("\n"),
      status: m.answers.statuses[indicator.self?.status ?? "NONE"] ?? "",
      version: String(indicator.self?.version ?? 0),
    };
    for (const key of COLUMN_KEYS) setText(sheet.getCell(row, COLUMN[key]), values[key]);
    sheet.getCell(row, COLUMN.self).dataValidation = scale.integer
      ? { type: "list", allowBlank: true, formulae: [`"${Array.from({ length: Number(scale.max) - Number(scale.min) + 1 }, (_, step) => Number(scale.min) + step).join(",")}"`] }
      : { type: "decimal", operator: "between", allowBlank: true, formulae: [Number(scale.min), Number(scale.max)] };
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- reading an upload

export type SheetRow = { row: number; number: string; level: string; explanation: string; version: string };
export type SheetContent = { periodId: string; rows: SheetRow[] };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** A file-level refusal, or the issues of single cells, as the one error shape. */
const refuse = (message: Message, details: { field: string; message: Message }[] = [{ field: "file", message }]) =>
  new AppError("validation_failed", { message: msg("reports.import.refused"), details: details.map((detail) => ({ ...detail, code: "custom" })) });

/** A cell's content as text; null for a formula, which the import never evaluates. */
function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("formula" in value || "sharedFormula" in value) return null;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("error" in value) return "";
  return "";
}

function isXlsxSignature(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/**
 * The rows of an uploaded worksheet, in sheet order; rows with nothing in the columns
 * the import reads are skipped. Refuses what is not this portal's export (AppError).
 */
export async function readAnswerSheet(bytes: Uint8Array): Promise<SheetContent> {
  if (bytes.byteLength > XLSX_MAX_BYTES) throw refuse(msg("reports.import.fileTooLarge"));
  if (!isXlsxSignature(bytes)) throw refuse(msg("reports.import.notXlsx"));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw refuse(msg("reports.import.unreadable"));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || cellText(sheet.getCell(HEADER_ROW, COLUMN.version).value)?.trim() !== VERSION_MARKER) throw refuse(msg("reports.import.wrongLayout"));
  const periodId = cellText(sheet.getCell(1, COLUMN.version).value)?.trim() ?? "";

  const rows: SheetRow[] = [];
  const formulas: { field: string; message: Message }[] = [];
  const read: readonly SheetColumn[] = ["number", "self", "explanation", "version"];
  for (let row = FIRST_DATA_ROW; row <= sheet.rowCount; row++) {
    const texts = {} as Record<(typeof read)[number], string>;
    for (const key of read) {
      const text = cellText(sheet.getCell(row, COLUMN[key]).value);
      if (text === null) formulas.push({ field: `${columnLetter(key)}${row}`, message: msg("reports.import.formula") });
      texts[key] = (text ?? "").replace(/\r\n?/g, "\n");
    }
    if (read.every((key) => texts[key].trim() === "")) continue;
    rows.push({ row, number: texts.number.trim(), level: texts.self.trim(), explanation: texts.explanation, version: texts.version.trim() });
    if (rows.length > IMPORT_MAX_ROWS) throw refuse(msg("reports.import.tooManyRows", { max: IMPORT_MAX_ROWS }));
  }
  if (formulas.length > 0) throw refuse(msg("reports.import.refused"), formulas);
  if (rows.length === 0) throw refuse(msg("reports.import.noRows"));
  return { periodId, rows };
}
