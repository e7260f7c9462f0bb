// CSV cells as spreadsheets read them: RFC 4180 quoting and no formula injection.
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvRow } from "@/lib/export/csv";

describe("csvCell", () => {
  it("leaves plain text as it is and writes null and undefined as empty", () => {
    expect(csvCell("unit.create")).toBe("unit.create");
    expect(csvCell("Dinas Komunikasi dan Informatika")).toBe("Dinas Komunikasi dan Informatika");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("quotes commas, doubles quotes and keeps line breaks inside quotes", () => {
    expect(csvCell("Bandung, Jawa Barat")).toBe('"Bandung, Jawa Barat"');
    expect(csvCell('{"name":"Unit A"}')).toBe('"{""name"":""Unit A""}"');
    expect(csvCell("baris satu\nbaris dua")).toBe('"baris satu\nbaris dua"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("neutralises cells a spreadsheet would evaluate as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://jahat.example\")")).toBe('"\'=HYPERLINK(""http://jahat.example"")"');
    expect(csvCell("+62812")).toBe("'+62812");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("neutralises formulas a semicolon-separated spreadsheet (the Indonesian default) would split out of a cell", () => {
    expect(csvCell(";=HYPERLINK(\"http://jahat.example\")")).toBe('";\'=HYPERLINK(""http://jahat.example"")"');
    expect(csvCell("Perbup 12;=1+1")).toBe(`"Perbup 12;'=1+1"`);
    expect(csvCell("a,=1;@SUM(A1)")).toBe(`"a,'=1;'@SUM(A1)"`);
    expect(csvCell("Dinas A; Dinas B")).toBe('"Dinas A; Dinas B"');
    // Split on ";" the way such a spreadsheet reads a line, no field starts a formula.
    const line = csvRow(["x", "Perbup 12;=1+1", ";-2+3", "=1"]).trimEnd();
    for (const field of line.split(";")) expect(field, field).not.toMatch(/^[=+\-@]/);
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvRow(["a", "b,c", null, "=1"])).toBe('a,"b,c",,\'=1\r\n');
  });

  it("has a UTF-8 byte order mark for Excel", () => {
    expect(CSV_BOM).toBe("\uFEFF");
    expect(Buffer.from(CSV_BOM, "utf8")).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
