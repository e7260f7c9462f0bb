// The Koordinator's official documents of a copy of Kabupaten Sukamaju's 2025 period (its own
// agency, from the fixtures): the PDF report and the Excel worksheet downloaded from the
// overview, and the worksheet imported back, first with one bad row (refused with its row
// number, nothing saved), then corrected. Indicators 26 (unanswered), 28 and 33 (drafts).
import fs from "node:fs";
import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";
import { type Page } from "@playwright/test";
import { fill } from "@/lib/i18n/format";
import { frameworkWords } from "@/lib/i18n/id/frameworkWords";
import { reports } from "@/lib/i18n/id/reports";
import { expect, periodIdOf, test } from "./fixtures";

async function download(page: Page, linkName: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("laporan-periode").getByRole("link", { name: linkName }).click()]);
  return fs.readFileSync((await file.path())!);
}

type Levels = Record<string, string | null>;
async function selfLevels(page: Page, periodId: string): Promise<Record<number, Levels>> {
  const response = await page.request.get(`/periode/${periodId}/hasil.json`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { indicators: { number: number; levels: Levels }[] };
  return Object.fromEntries(body.indicators.map((indicator) => [indicator.number, indicator.levels]));
}

function rowOf(sheet: ExcelJS.Worksheet, number: number): number {
  for (let row = 5; row <= sheet.rowCount; row++) if (sheet.getCell(row, 1).value === String(number)) return row;
  throw new Error(`indicator ${number} is not in the worksheet`);
}

test("the Koordinator exports the PDF and Excel, imports an Excel with one bad row and sees it refused with the row number, then imports a corrected file", async ({ page, agency }, testInfo) => {
  await agency.signIn(page, "koordinator");
  const periodId = await periodIdOf(page, 2025);
  expect(periodId).toBe(agency.periodId);
  await page.goto(`/periode/${periodId}`);
  const selfIndex = /\d,\d\d/.exec(await page.getByTestId("indeks-mandiri").innerText())![0];

  const pdf = await download(page, reports.links.pdf);
  const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text.replace(/\s+/g, " ");
  const { evaluation } = frameworkWords.spbe!;
  expect(text).toContain(fill(reports.pdf.title, { evaluation }).toUpperCase());
  expect(text).toContain(agency.name);
  expect(text).toContain(`Indeks penilaian mandiri ${selfIndex}`);
  expect(text).toContain("Tingkat Kematangan Kebijakan Internal Arsitektur SPBE");
  expect(text).toContain(fill(reports.pdf.minutes, { evaluation }).toUpperCase());

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download(page, reports.links.excel)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getCell(4, 5).value).toBe(reports.sheet.columns.self!);
  const before = await selfLevels(page, periodId);
  const edits = [
    { number: 26, level: "2", explanation: "Fakta: SK Kepala Dinas tentang pengelolaan layanan pusat data. Analisis: kriteria tingkat 2 terpenuhi." },
    { number: 28, level: "4", explanation: "Fakta: SOP manajemen layanan SPBE dan laporan reviu 2025. Analisis: kriteria tingkat 4 terpenuhi." },
    { number: 33, level: "9", explanation: "Fakta: aplikasi penganggaran terintegrasi. Analisis: kriteria tingkat 4 terpenuhi." },
  ];
  for (const edit of edits) {
    sheet.getCell(rowOf(sheet, edit.number), 5).value = edit.level;
    sheet.getCell(rowOf(sheet, edit.number), 8).value = edit.explanation;
  }
  const badRow = rowOf(sheet, 33);
  const file = testInfo.outputPath("lembar-kerja-sukamaju-2025.xlsx");
  await workbook.xlsx.writeFile(file);

  await page.goto(`/periode/${periodId}`);
  await page.getByTestId("laporan-periode").getByRole("link", { name: reports.links.import }).click();
  await expect(page.getByRole("heading", { name: `${reports.import.title} · 2025` })).toBeVisible();
  await page.getByLabel(reports.import.file).setInputFiles(file);
  await page.getByRole("button", { name: reports.import.submit }).click();
  const outcome = page.getByTestId("impor-hasil");
  await expect(outcome).toContainText(reports.import.refused);
  await expect(page.getByTestId("impor-masalah").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId("impor-masalah")).toContainText(
    fill(reports.import.cellIssue.replace(": {message}", ""), { row: badRow, column: fill(reports.import.cellColumn, { letter: "E", name: reports.sheet.columns.self! }) }),
  );
  expect(await selfLevels(page, periodId)).toEqual(before);

  sheet.getCell(badRow, 5).value = "4";
  await workbook.xlsx.writeFile(file);
  await page.getByLabel(reports.import.file).setInputFiles(file);
  await page.getByRole("button", { name: reports.import.submit }).click();
  await expect(outcome).toContainText(fill(reports.import.imported, { count: 3, file: "lembar-kerja-sukamaju-2025.xlsx" }));
  const after = await selfLevels(page, periodId);
  expect([after[26]!.SELF, after[28]!.SELF, after[33]!.SELF]).toEqual(["2", "4", "4"]);
  expect(after[1]).toEqual(before[1]);

  await page.goto(`/periode/${periodId}/indikator/28`);
  await expect(page.getByTestId("tingkat-mandiri")).toHaveText("4");
  await expect(page.getByText(edits[1]!.explanation).first()).toBeVisible();
});

test("the upload refuses a role that may not import, another site's form, and a file that is not a worksheet", async ({ page, agency }) => {
  const pdfBytes = { name: "lembar-kerja.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("%PDF-1.4 bukan lembar kerja") };
  await agency.signIn(page, "asesor");
  const periodId = agency.periodId;
  const endpoint = `/periode/${periodId}/impor/unggah`;
  expect((await page.request.post(endpoint, { multipart: { file: pdfBytes } })).status()).toBe(403);

  await page.context().clearCookies();
  await agency.signIn(page, "koordinator");
  expect((await page.request.post(endpoint, { multipart: { file: pdfBytes }, headers: { origin: "https://jahat.example" } })).status()).toBe(403);
  const refused = await page.request.post(endpoint, { multipart: { file: pdfBytes } });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { details: { message: string }[] } }).error.details).toEqual([expect.objectContaining({ field: "file", message: reports.import.notXlsx })]);
});
