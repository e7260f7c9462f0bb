// The official documents of a period on the real database: the report's data, the PDF
// read back as text, the Excel worksheet exported, changed and imported again (all or
// nothing, every problem with its row and column, versions respected), and the CSV/JSON
// results, with formula injection neutralised in every spreadsheet format.
import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { getFramework, findIndicator } from "@/lib/framework/catalog";
import { messages } from "@/lib/i18n/messages";
import type { Actor } from "@/lib/policy";
import { scorePeriodStages, ANSWER_STAGES } from "@/lib/results/period-summary";
import { formatIndex, scoreAssessment } from "@/lib/scoring";
import { buildAnswerWorkbook, COLUMN, FIRST_DATA_ROW, HEADER_ROW, readAnswerSheet } from "@/lib/reports/answer-sheet";
import { loadPeriodReport } from "@/lib/reports/period-report";
import { renderPeriodReportPdf } from "@/lib/reports/period-report-pdf";
import { resultsCsv, resultsJson } from "@/lib/reports/results-export";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, loadedPeriod, requestContext, type Fixtures } from "./fixtures";
import { asRead } from "../support/as-read";

const BASE_URL = "https://spbe.example.go.id";
const spbe = getFramework("spbe-2020")!;
const EXPLANATION = "Fakta: Perbup 12/2024 tentang Arsitektur SPBE, pasal 3. Analisis: kriteria tingkat 2 terpenuhi.";
const EVIDENCE_TITLE = "Perbup 12/2024 Arsitektur SPBE";
const EVIDENCE_URL = "https://jdih.example.go.id/perbup-12";
const RECOMMENDATION = "Susun laporan reviu arsitektur SPBE tahun berjalan.";

let f: Fixtures;
let koordinator: Actor;
let opd: Actor;

const indicatorId = (number: number) => f.framework.indicatorIds[number]!;
const selfAnswer = (number: number) =>
  db.answer.findUnique({ where: { periodId_indicatorId_stage: { periodId: f.home.periodId, indicatorId: indicatorId(number), stage: "SELF" } } });

/**
 * The home period: 1 a draft at level 2 with a link as evidence, 2 submitted at 3, 3
 * verified (self 4, verified 3, final 3), 4 unanswered; one recommendation on 2.
 */
async function prepareAnswers(explanation1 = EXPLANATION, evidenceTitle = EVIDENCE_TITLE) {
  const periodId = f.home.periodId;
  const evidence = await db.evidence.create({ data: { instansiId: f.home.instansiId, ownerUnitId: f.home.unitIds[0], kind: "LINK", title: evidenceTitle, url: EVIDENCE_URL } });
  await db.answer.create({
    data: { periodId, indicatorId: indicatorId(1), stage: "SELF", level: "2", explanation: explanation1, status: "DRAFT", evidence: { create: { evidenceId: evidence.id } } },
  });
  await db.answer.create({ data: { periodId, indicatorId: indicatorId(2), stage: "SELF", level: "3", explanation: "Diajukan.", status: "SUBMITTED", version: 2 } });
  await db.answer.createMany({
    data: [
      { periodId, indicatorId: indicatorId(3), stage: "SELF", level: "4", explanation: "Terverifikasi.", status: "VERIFIED", version: 3 },
      { periodId, indicatorId: indicatorId(3), stage: "INTERNAL_VERIFICATION", level: "3", status: "VERIFIED" },
      { periodId, indicatorId: indicatorId(3), stage: "FINAL", level: "3", status: "RECORDED" },
    ],
  });
  await db.recommendation.create({
    data: { periodId, indicatorId: indicatorId(2), source: "EXTERNAL", text: RECOMMENDATION, ownerUnitId: f.home.unitIds[1], dueDate: new Date("2026-12-31") },
  });
}

beforeEach(async () => {
  await resetDatabase();
  f = await createFixtures();
  koordinator = await actorFor(f, "KOORDINATOR");
  opd = await actorFor(f, "ADMIN_OPD");
  await prepareAnswers();
});

async function exportWorkbook(unitId?: string): Promise<ExcelJS.Workbook> {
  const report = await loadPeriodReport(db, await loadedPeriod(f, f.home.periodId), { unitId });
  const bytes = await buildAnswerWorkbook(report!, { m: messages.id, baseUrl: BASE_URL });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

function rowOf(workbook: ExcelJS.Workbook, number: number): number {
  const sheet = workbook.worksheets[0]!;
  for (let row = FIRST_DATA_ROW; row <= sheet.rowCount; row++) if (sheet.getCell(row, COLUMN.number).value === String(number)) return row;
  throw new Error(`no row for indicator ${number}`);
}

function setCells(workbook: ExcelJS.Workbook, number: number, values: { level?: ExcelJS.CellValue; explanation?: string }) {
  const sheet = workbook.worksheets[0]!;
  const row = rowOf(workbook, number);
  if (values.level !== undefined) sheet.getCell(row, COLUMN.self).value = values.level;
  if (values.explanation !== undefined) sheet.getCell(row, COLUMN.explanation).value = values.explanation;
}

/** What the upload route does with a file: read the worksheet, then run the command. */
async function importWorkbook(workbook: ExcelJS.Workbook, actor: Actor, periodId = f.home.periodId) {
  try {
    const sheet = await readAnswerSheet(new Uint8Array(await workbook.xlsx.writeBuffer()));
    return asRead(await executeCommand(db, COMMANDS.importAnswers, actor, requestContext, { periodId, sheetPeriodId: sheet.periodId, fileName: "lembar-kerja.xlsx", rows: sheet.rows }));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

const snapshot = async () => ({
  answers: (await db.answer.findMany({ orderBy: { id: "asc" } })).map((answer) => [answer.id, answer.level?.toString() ?? null, answer.explanation, answer.status, answer.version]),
  audit: await db.auditLog.count(),
  levelChanges: await db.levelChange.count(),
});

describe("the report of a period", () => {
  it("has every stage's index from the scoring engine, the levels per stage, evidence, recommendations and the signatories", async () => {
    const report = (await loadPeriodReport(db, await loadedPeriod(f, f.home.periodId)))!;
    const period = await db.assessmentPeriod.findUniqueOrThrow({ where: { id: f.home.periodId } });
    const scored = (await scorePeriodStages(db, [period], ANSWER_STAGES)).get(period.id)!;
    expect(report.scores.SELF.indexExact).toBe(scoreAssessment(spbe, { 1: "2", 2: "3", 3: "4" }).indexExact);
    for (const stage of ANSWER_STAGES) expect(report.scores[stage].indexExact).toBe(scored.scores[stage].indexExact);
    expect(report.stages.map((entry) => entry.stage)).toEqual(["SELF", "INTERNAL_VERIFICATION", "FINAL"]);

    expect(report.indicators).toHaveLength(47);
    const [one, , three, four] = report.indicators;
    expect(one!.self).toMatchObject({ status: "DRAFT", explanation: EXPLANATION, version: 1, evidence: [{ title: EVIDENCE_TITLE, kind: "LINK", url: EVIDENCE_URL }] });
    expect(three!.levels).toMatchObject({ SELF: "4", INTERNAL_VERIFICATION: "3", DOCUMENT: null, FINAL: "3" });
    expect(four!.self).toBeNull();
    expect(one!.groups.map((group) => group.kind)).toEqual(["domain", "aspect"]);
    expect(report.recommendations).toEqual([expect.objectContaining({ indicatorNumber: 2, text: RECOMMENDATION, source: "EXTERNAL", ownerUnit: "Unit B rumah", status: "OPEN" })]);
    expect(report.signatories).toEqual({ koordinator: "KOORDINATOR rumah", pimpinan: "PIMPINAN rumah" });
  });

  it("for an Admin OPD's worksheet holds only their unit's indicators", async () => {
    const report = (await loadPeriodReport(db, await loadedPeriod(f, f.home.periodId), { unitId: f.home.unitIds[0] }))!;
    expect(report.indicators.map((indicator) => indicator.number)).toEqual([1, 2, 3]);
  });

  it("is a PDF whose text has the cover, index, predicate, indicators, evidence, strengths, recommendations and the Berita Acara", async () => {
    const report = (await loadPeriodReport(db, await loadedPeriod(f, f.home.periodId)))!;
    const pdf = await renderPeriodReportPdf(report, { m: messages.id, locale: "id", baseUrl: BASE_URL, now: new Date("2026-11-23T03:00:00Z") });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const parsed = await new PDFParse({ data: new Uint8Array(pdf) }).getText();
    const text = parsed.text.replace(/\s+/g, " ");
    const self = scoreAssessment(spbe, { 1: "2", 2: "3", 3: "4" });
    for (const expected of [
      "LAPORAN PENILAIAN MANDIRI SPBE",
      "Instansi rumah",
      "Tahun 2026",
      `Indeks penilaian mandiri ${formatIndex(self.indexExact)} ${self.predicate} 3 dari 47`,
      findIndicator(spbe, 1)!.name,
      EXPLANATION,
      EVIDENCE_TITLE,
      EVIDENCE_URL,
      "Kekuatan dan kelemahan per aspek",
      "Kelemahan",
      RECOMMENDATION,
      "BERITA ACARA PENILAIAN MANDIRI SPBE",
      "Pada hari ini, Senin, tanggal 23 November 2026",
      "Koordinator SPBE",
      "KOORDINATOR rumah",
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(parsed.total).toBeGreaterThanOrEqual(6);
  });
});

describe("a locked period's documents", () => {
  /** Everything a locked period hands out, field by field: the report data, the PDF's text, the worksheet's cells, CSV and JSON. */
  async function documents() {
    const report = (await loadPeriodReport(db, await loadedPeriod(f, f.home.periodId)))!;
    const now = new Date("2026-11-23T03:00:00Z");
    const pdf = await renderPeriodReportPdf(report, { m: messages.id, locale: "id", baseUrl: BASE_URL, now });
    const sheet = (await exportWorkbook()).worksheets[0]!;
    const cells: unknown[][] = [];
    sheet.eachRow((row) => cells.push(row.values as unknown[]));
    return { report, pdf: (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text, cells, csv: resultsCsv(report), json: resultsJson(report, now) };
  }

  it("stay field-for-field the same after someone tries to edit evidence behind a verified answer", async () => {
    const link = await db.answerEvidence.findFirstOrThrow({ include: { evidence: true } });
    await db.answer.update({ where: { id: link.answerId }, data: { status: "VERIFIED" } });
    await db.assessmentPeriod.update({ where: { id: f.home.periodId }, data: { phase: "FINAL", lockedAt: new Date() } });
    const before = await documents();
    expect(before.pdf).toContain(EVIDENCE_TITLE);

    const refused = await executeCommand(db, COMMANDS.updateEvidence, opd, requestContext, {
      evidenceId: link.evidenceId,
      title: "Judul yang diganti setelah dikunci",
      documentType: "PERATURAN",
      documentNo: "99/2099",
      enactedAt: "2020-01-01",
    }).catch((error: unknown) => error as AppError);
    expect(refused).toMatchObject({ status: 409, message: expect.stringContaining("periode yang sudah dikunci") });
    expect((refused as AppError).message).toContain("Indikator 1 · 2026");

    expect(await db.evidence.findUniqueOrThrow({ where: { id: link.evidenceId } })).toEqual(link.evidence);
    expect(await documents()).toEqual(before);
  });

  it("do not hold the library back while the period is open", async () => {
    const link = await db.answerEvidence.findFirstOrThrow();
    const saved = asRead(await executeCommand(db, COMMANDS.updateEvidence, opd, requestContext, { evidenceId: link.evidenceId, title: "Judul baru sebelum dikunci" }));
    expect(saved.message).toContain("Judul baru sebelum dikunci");
  });
});

describe("the Excel worksheet", () => {
  it("has the national form's columns, one row per indicator, and the answer's version hidden", async () => {
    const workbook = await exportWorkbook();
    const sheet = workbook.worksheets[0]!;
    const header = COLUMN_ORDER.map((key) => sheet.getCell(HEADER_ROW, COLUMN[key]).value);
    expect(header.slice(0, 11)).toEqual(["No", "Domain", "Aspek", "Indikator", "Tingkat mandiri", "Tingkat terverifikasi", "Tingkat akhir", "Penjelasan", "Bukti dukung", "Tautan bukti dukung", "Status"]);
    expect(sheet.getColumn(COLUMN.version).hidden).toBe(true);
    const one = rowOf(workbook, 1);
    const cells = (row: number) => COLUMN_ORDER.map((key) => sheet.getCell(row, COLUMN[key]).value);
    expect(cells(one)).toEqual(["1", spbe.nodes[0]!.name, expect.any(String), findIndicator(spbe, 1)!.name, "2", "", "", EXPLANATION, EVIDENCE_TITLE, EVIDENCE_URL, "Draf", "1"]);
    expect(cells(rowOf(workbook, 3)).slice(4, 7)).toEqual(["4", "3", "3"]);
    expect(cells(rowOf(workbook, 4)).slice(10)).toEqual(["Belum diisi", "0"]);
    expect(sheet.rowCount).toBe(FIRST_DATA_ROW + 46);
  });

  it("round trip: the Koordinator exports, changes two answers and imports them in one go", async () => {
    const workbook = await exportWorkbook();
    setCells(workbook, 1, { level: "3", explanation: `${EXPLANATION} Ditambah reviu 2025.` });
    setCells(workbook, 4, { level: 2, explanation: "Fakta: SK tim SPBE. Analisis: tingkat 2." });
    const result = await importWorkbook(workbook, koordinator);
    expect(result).toMatchObject({ message: "2 jawaban diimpor dari lembar-kerja.xlsx." });

    const one = await selfAnswer(1);
    expect([one?.level?.toString(), one?.status, one?.version, one?.updatedById]).toEqual(["3", "DRAFT", 2, koordinator.userId]);
    const four = await selfAnswer(4);
    expect([four?.level?.toString(), four?.explanation, four?.status]).toEqual(["2", "Fakta: SK tim SPBE. Analisis: tingkat 2.", "DRAFT"]);
    expect((await selfAnswer(2))?.version).toBe(2);
    expect((await selfAnswer(3))?.version).toBe(3);
    const changes = await db.levelChange.findMany({ orderBy: { createdAt: "asc" } });
    expect(changes.map((change) => [change.fromLevel?.toString() ?? null, change.toLevel?.toString(), change.reason])).toEqual([
      ["2", "3", "Diimpor dari lembar kerja Excel"],
      [null, "2", "Diimpor dari lembar kerja Excel"],
    ]);
    const audit = await db.auditLog.findMany({ where: { action: { in: ["answer.import", "period.import-answers"] } }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.entityId])).toEqual([
      ["answer.import", one!.id],
      ["answer.import", four!.id],
      ["period.import-answers", f.home.periodId],
    ]);
    expect(audit[0]!.before).toMatchObject({ level: "2", status: "DRAFT" });
  });

  it("a file with one bad row is refused with its row and column and nothing is saved; the corrected file is accepted", async () => {
    const workbook = await exportWorkbook();
    setCells(workbook, 1, { level: "3" });
    setCells(workbook, 4, { level: "7" });
    const before = await snapshot();
    const refused = await importWorkbook(workbook, koordinator);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toBe("Impor ditolak: tidak ada yang disimpan.");
    expect((refused as AppError).details).toEqual([{ field: `E${rowOf(workbook, 4)}`, code: "custom", message: "7 di luar skala: tingkat antara 1 dan 5." }]);
    expect(await snapshot()).toEqual(before);

    setCells(workbook, 4, { level: "2" });
    expect(await importWorkbook(workbook, koordinator)).toMatchObject({ data: { count: "2" } });
    expect((await selfAnswer(1))?.level?.toString()).toBe("3");
    expect((await selfAnswer(4))?.level?.toString()).toBe("2");
  });

  it("lists every problem at once: unknown and repeated numbers, levels off the scale, too long explanations", async () => {
    const workbook = await exportWorkbook();
    const sheet = workbook.worksheets[0]!;
    const last = sheet.rowCount;
    sheet.getCell(last + 1, COLUMN.number).value = "99";
    sheet.getCell(last + 1, COLUMN.self).value = "3";
    sheet.getCell(last + 2, COLUMN.number).value = "1";
    sheet.getCell(last + 2, COLUMN.self).value = "4";
    sheet.getCell(last + 2, COLUMN.version).value = "1";
    setCells(workbook, 2, { level: "2,5" });
    setCells(workbook, 5, { explanation: "x".repeat(20_001) });
    const refused = (await importWorkbook(workbook, koordinator)) as AppError;
    expect(refused.details.map((detail) => detail.field)).toEqual([`E${rowOf(workbook, 2)}`, `H${rowOf(workbook, 5)}`, `A${last + 1}`, `A${last + 2}`]);
    expect(refused.details[3]!.message).toBe(`indikator 1 sudah ada pada baris ${rowOf(workbook, 1)}.`);
  });

  it("an answer changed since the export is a conflict on its row, and nothing is saved", async () => {
    const workbook = await exportWorkbook();
    const saved = await executeCommand(db, COMMANDS.saveAnswer, opd, requestContext, { periodId: f.home.periodId, indicatorId: indicatorId(1), version: 1, level: "4", explanation: EXPLANATION });
    expect(saved.data?.version).toBe("2");
    setCells(workbook, 1, { level: "3" });
    setCells(workbook, 4, { level: "1" });
    const before = await snapshot();
    const refused = (await importWorkbook(workbook, koordinator)) as AppError;
    expect(refused.details).toEqual([{ field: `E${rowOf(workbook, 1)}`, code: "custom", message: expect.stringContaining("telah diubah oleh ADMIN_OPD rumah") }]);
    expect(await snapshot()).toEqual(before);
  });

  it("an Admin OPD imports only their unit's editable answers; rows left as they were are not checked", async () => {
    const workbook = await exportWorkbook();
    setCells(workbook, 2, { level: "4" });
    setCells(workbook, 4, { level: "3" });
    const refused = (await importWorkbook(workbook, opd)) as AppError;
    expect(refused.details).toEqual([
      { field: `E${rowOf(workbook, 2)}`, code: "custom", message: "jawaban indikator 2 berstatus Diajukan dan tidak dapat diubah." },
      { field: `A${rowOf(workbook, 4)}`, code: "custom", message: "indikator 4 tidak ditugaskan ke unit Anda." },
    ]);

    const own = await exportWorkbook(f.home.unitIds[0]);
    setCells(own, 1, { explanation: "Fakta: Perbup 12/2024 dan laporan reviu 2025." });
    expect(await importWorkbook(own, opd)).toMatchObject({ data: { count: "1" } });
    const one = await selfAnswer(1);
    expect([one?.level?.toString(), one?.explanation, one?.version]).toEqual(["2", "Fakta: Perbup 12/2024 dan laporan reviu 2025.", 2]);
    expect(await db.levelChange.count()).toBe(0);
  });

  it("a row typed in by hand (no hidden version) may add an answer that does not exist yet", async () => {
    const workbook = await exportWorkbook(f.home.unitIds[0]);
    const sheet = workbook.worksheets[0]!;
    const row = sheet.rowCount + 1;
    sheet.getCell(row, COLUMN.number).value = 5;
    sheet.getCell(row, COLUMN.self).value = 2;
    expect(await importWorkbook(workbook, koordinator)).toMatchObject({ data: { count: "1" } });
    expect((await selfAnswer(5))?.level?.toString()).toBe("2");
    sheet.getCell(row, COLUMN.self).value = 3;
    expect(((await importWorkbook(workbook, koordinator)) as AppError).details).toEqual([expect.objectContaining({ field: `E${row}`, message: expect.stringContaining("telah diubah oleh KOORDINATOR rumah") })]);
  });

  it("a file with nothing changed saves nothing", async () => {
    const before = await snapshot();
    expect(await importWorkbook(await exportWorkbook(), koordinator)).toMatchObject({ message: "Tidak ada jawaban yang berubah; tidak ada yang disimpan." });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a worksheet of another period, another agency's period, and a locked period", async () => {
    const workbook = await exportWorkbook();
    setCells(workbook, 1, { level: "3" });
    const sheet = await readAnswerSheet(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const run = (input: Record<string, unknown>) => executeCommand(db, COMMANDS.importAnswers, koordinator, requestContext, { fileName: "x.xlsx", rows: sheet.rows, ...input }).catch((error: unknown) => asRead(error as AppError));
    const elsewhere = await db.assessmentPeriod.create({ data: { instansiId: f.home.instansiId, year: 2027, frameworkVersionId: f.framework.versionId, phase: "PENGISIAN" } });
    expect(((await run({ periodId: elsewhere.id, sheetPeriodId: sheet.periodId })) as AppError).details[0]?.message).toBe(messages.id.reports.import.wrongPeriod);
    expect(((await run({ periodId: f.other.periodId, sheetPeriodId: f.other.periodId })) as AppError).status).toBe(404);
    await db.assessmentPeriod.update({ where: { id: f.home.periodId }, data: { phase: "FINAL", lockedAt: new Date() } });
    expect(((await run({ periodId: f.home.periodId, sheetPeriodId: sheet.periodId })) as AppError).status).toBe(409);
    expect((await selfAnswer(1))?.level?.toString()).toBe("2");
  });

  it("refuses what is not an .xlsx, a workbook not exported here, and formulas in the cells it reads", async () => {
    const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => asRead(error).details.map((detail) => [detail.field, detail.message]));
    expect(await refusal(readAnswerSheet(new TextEncoder().encode("%PDF-1.4 bukan excel")))).toEqual([["file", "Berkas bukan lembar kerja Excel (.xlsx)."]]);
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet("Lembar1").getCell("A1").value = "No";
    expect(await refusal(readAnswerSheet(new Uint8Array(await foreign.xlsx.writeBuffer())))).toEqual([["file", messages.id.reports.import.wrongLayout]]);
    const workbook = await exportWorkbook();
    setCells(workbook, 1, { level: { formula: "1+2", result: 3 } as ExcelJS.CellFormulaValue });
    expect(await refusal(readAnswerSheet(new Uint8Array(await workbook.xlsx.writeBuffer())))).toEqual([[`E${rowOf(workbook, 1)}`, "sel berisi rumus; isi sebagai teks atau angka."]]);
  });
});

describe("formula injection", () => {
  const FORMULA = '=HYPERLINK("https://jahat.example","klik")';

  beforeEach(async () => {
    await resetDatabase();
    f = await createFixtures();
    koordinator = await actorFor(f, "KOORDINATOR");
    await prepareAnswers("+62 812 tanpa rumus? =1+1", FORMULA);
  });

  it("is neutralised in the Excel worksheet: text cells in Text format, never a formula, and they import back unchanged", async () => {
    const workbook = await exportWorkbook();
    const sheet = workbook.worksheets[0]!;
    const row = rowOf(workbook, 1);
    for (const [column, value] of [[COLUMN.evidence, FORMULA], [COLUMN.explanation, "+62 812 tanpa rumus? =1+1"]] as const) {
      const cell = sheet.getCell(row, column);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(value);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe("@");
    }
    expect(await importWorkbook(workbook, koordinator)).toMatchObject({ data: { count: "0" } });
  });

  it("is neutralised in the CSV results", async () => {
    const report = (await loadPeriodReport(db, await loadedPeriod(f, f.home.periodId)))!;
    const csv = resultsCsv({ ...report, indicators: report.indicators.map((indicator) => (indicator.number === 1 ? { ...indicator, name: FORMULA } : indicator)) });
    expect(csv).toContain(`"'=HYPERLINK(""https://jahat.example"",""klik"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe("results for other systems", () => {
  it("CSV and JSON carry every indicator's level per stage and the indices of every stage with answers", async () => {
    const report = (await loadPeriodReport(db, await loadedPeriod(f, f.home.periodId)))!;
    const self = scoreAssessment(spbe, { 1: "2", 2: "3", 3: "4" });
    const json = resultsJson(report, new Date("2026-11-23T00:00:00Z"));
    expect(json.stages.map((stage) => [stage.stage, stage.answered])).toEqual([["SELF", 3], ["INTERNAL_VERIFICATION", 1], ["FINAL", 1]]);
    expect(json.stages[0]).toMatchObject({ index: formatIndex(self.indexExact).replace(",", "."), indexExact: self.indexExact, predicate: self.predicate });
    expect(json.indicators[2]).toMatchObject({ number: 3, path: ["D1", expect.any(String)], levels: { SELF: "4", INTERNAL_VERIFICATION: "3", DOCUMENT: null, INTERVIEW: null, VISITATION: null, FINAL: "3" } });
    expect(json.period).toEqual({ id: f.home.periodId, year: 2026, phase: "PENGISIAN", predicateBasis: "EXACT" });

    const lines = resultsCsv(report).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("type,code,number,name,parent,weight,SELF,INTERNAL_VERIFICATION,DOCUMENT,INTERVIEW,VISITATION,FINAL");
    expect(lines[1]).toBe(`index,,,${spbe.name},,100,${formatIndex(self.indexExact).replace(",", ".")},${json.stages[1]!.index},,,,${json.stages[2]!.index}`);
    expect(lines.find((line) => line.startsWith("indicator,") && line.split(",")[2] === "3")).toMatch(/,4,3,,,,3$/);
    expect(lines.filter((line) => line.startsWith("indicator,"))).toHaveLength(47);
  });
});

const COLUMN_ORDER = ["number", "domain", "aspect", "indicator", "self", "verified", "final", "explanation", "evidence", "links", "status", "version"] as const;

describe("a pemdi-2026 period's documents", () => {
  const pemdi = getFramework("pemdi-2026")!;

  async function pemdiReport() {
    const version = await db.frameworkVersion.findFirstOrThrow({ where: { framework: { code: "pemdi-2026" } }, orderBy: { version: "desc" } });
    const indicator = await db.frameworkNode.findFirstOrThrow({ where: { versionId: version.id, number: 1 } });
    const period = await db.assessmentPeriod.create({
      data: { instansiId: f.home.instansiId, year: 2027, frameworkVersionId: version.id, phase: "PENGISIAN" },
    });
    await db.answer.create({ data: { periodId: period.id, indicatorId: indicator.id, stage: "SELF", level: "2.5", explanation: "Sebagian.", status: "DRAFT" } });
    return (await loadPeriodReport(db, await loadedPeriod(f, period.id)))!;
  }

  it("is a PDF that says Indeks Pemerintah Digital, shows aspects, the floor rule and the criterion with its mark", async () => {
    const report = await pemdiReport();
    const pdf = await renderPeriodReportPdf(report, { m: messages.id, locale: "id", baseUrl: BASE_URL, now: new Date("2027-11-22T03:00:00Z") });
    const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text.replace(/\s+/g, " ");
    // I1 at 2.5 (weight 5), the other 19 indicators at the floor 1: (12.5 + 95) / 100.
    expect(report.scores.SELF.indexExact).toBe("1.075");
    for (const expected of [
      "LAPORAN PENILAIAN MANDIRI INDEKS PEMERINTAH DIGITAL",
      "Pemerintah Digital",
      "Dasar: Peraturan Menteri PANRB Nomor 8 Tahun 2026 tentang Evaluasi Kinerja Pemerintah Digital; ditetapkan 1 Juni 2026",
      "dihitung 1, sehingga",
      "Indeks per aspek",
      "Tingkat per aspek dan indikator",
      `Kriteria tingkat 2 · Membangun: ${levelTextOf(pemdi, 1, 2)} (Ringkasan, belum teks resmi)`,
      "BERITA ACARA PENILAIAN MANDIRI INDEKS PEMERINTAH DIGITAL",
      "Tim Koordinasi Pemerintah Digital Instansi rumah telah menyelesaikan penilaian mandiri Pemerintah Digital tahun 2027",
      "Koordinator Pemerintah Digital",
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const absent of ["SPBE", "reported", "revokes", "domain"]) expect(text, absent).not.toContain(absent);
  });

  it("is a worksheet titled after the framework, with an Aspek column and no Domain", async () => {
    const report = await pemdiReport();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildAnswerWorkbook(report, { m: messages.id, baseUrl: BASE_URL })) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, COLUMN.number).value).toBe("Lembar Kerja Penilaian Mandiri Indeks Pemerintah Digital");
    expect(sheet.getCell(HEADER_ROW, COLUMN.domain).value).toBe("Aspek");
    expect(sheet.getColumn(COLUMN.aspect).hidden).toBe(true);
    const first = sheet.getRow(FIRST_DATA_ROW);
    expect(first.getCell(COLUMN.domain).value).toBe(pemdi.nodes[0]!.name);
    expect(first.getCell(COLUMN.self).value).toBe("2,5");
  });
});

function levelTextOf(framework: NonNullable<ReturnType<typeof getFramework>>, number: number, level: number): string {
  return findIndicator(framework, number)!.criteria[String(level)]!.replace(/\s+/g, " ");
}
