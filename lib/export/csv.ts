// CSV for downloads opened in spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 byte
// order mark so Excel reads the file as UTF-8, and no formulas: a cell a spreadsheet would
// evaluate (starting with = + - @, tab or carriage return) gets a leading apostrophe. Excel
// in an Indonesian locale splits on ";" (its list separator) and ignores our quotes when a
// field does not start with one, so every formula start right after a ";" or "," inside a
// cell gets its apostrophe too: "a;=HYPERLINK(…)" cannot become a cell of its own.

/** Prepended once to the file; Excel otherwise guesses a legacy code page. */
export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_AFTER_SEPARATOR = /([;,])(?=[=+\-@\t\r])/g;
const NEEDS_QUOTES = /[",;\r\n]/;

/** One cell: neutralised, then quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  text = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ending with CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
