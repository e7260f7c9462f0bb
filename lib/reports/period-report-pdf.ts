// "Laporan Penilaian Mandiri SPBE" as a PDF, drawn on the server with pdfkit (no browser):
// cover, summary, levels per stage in the framework's tree, explanation and evidence of
// every indicator, strengths and weaknesses per aspect, recommendations, and the Berita
// Acara with the signature blocks. Text goes through pdfSafe (standard Helvetica font).
import PDFDocument from "pdfkit";
import { displayLevel } from "@/lib/assessment/level-rule";
import type { AnswerStage } from "@/lib/generated/prisma/enums";
import { fill, formatDate } from "@/lib/i18n/format";
import { AGENCY_TIME_ZONES, type AgencyTimeZone } from "@/lib/i18n/time-zone";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { formatIndex, type AssessmentScore } from "@/lib/scoring";
import { evidenceHref, type PeriodReport, type ReportIndicator } from "./period-report";
import { pdfSafe } from "./pdf-text";
import { findIndicator, levelCriteria, needsWordingMark } from "@/lib/framework/catalog";
import { withFrameworkWords } from "./framework-words";
import { aspectFindings, referenceStage, type IndicatorMention } from "./strengths";

type Doc = PDFKit.PDFDocument;
type Options = { m: Messages; locale: Locale; baseUrl: string; now?: Date };

const MARGIN = 50;
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const BRAND = "#1e3a8a";
const HEADER_FILL = "#e2e8f0";
const GROUP_FILL = "#f1f5f9";

const contentWidth = (doc: Doc) => doc.page.width - MARGIN * 2;

function heading(doc: Doc, text: string) {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.moveDown(0.5).font(BOLD).fontSize(14).fillColor(BRAND).text(pdfSafe(text), MARGIN).fillColor("black").moveDown(0.4);
}

function paragraph(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}) {
  doc.font(FONT).fontSize(10).text(pdfSafe(text), MARGIN, undefined, { width: contentWidth(doc), ...options });
}

type Cell = string | { text: string; bold?: boolean; fill?: string; align?: "left" | "center" | "right" };

/** A table with fixed column widths; the one "rest" column takes what is left of the line. */
function table(doc: Doc, widths: (number | "rest")[], header: string[], rows: Cell[][]) {
  const fixed = widths.reduce<number>((sum, width) => sum + (width === "rest" ? 0 : width), 0);
  const columns = widths.map((width) => (width === "rest" ? contentWidth(doc) - fixed : width));
  const cell = (value: Cell, isHeader = false): PDFKit.Mixins.CellOptions => {
    const spec = typeof value === "string" ? { text: value } : value;
    return {
      text: pdfSafe(spec.text),
      font: { src: spec.bold || isHeader ? BOLD : FONT, size: 8.5 },
      backgroundColor: isHeader ? HEADER_FILL : spec.fill,
      align: { x: spec.align ?? "left", y: "top" },
      padding: [3, 4],
      borderColor: "#94a3b8",
    };
  };
  doc.x = MARGIN;
  doc.font(FONT).fontSize(8.5);
  const drawn = doc.table({ columnStyles: columns, position: { x: MARGIN } });
  drawn.row(header.map((text) => cell(text, true)));
  for (const row of rows) drawn.row(row.map((value) => cell(value)));
  drawn.end();
  doc.x = MARGIN;
  doc.moveDown(0.6);
}

/** Wide enough for "Terverifikasi" on one line while up to four stages share the page. */
const stageColumnWidth = (count: number) => (count <= 4 ? 60 : 48);

const levelText = (level: string | null) => (level === null ? "-" : displayLevel(level));

function cover(doc: Doc, report: PeriodReport, { m, locale, now }: Required<Options>) {
  const r = m.reports.pdf;
  const width = contentWidth(doc);
  doc.moveDown(7);
  doc.font(BOLD).fontSize(24).fillColor(BRAND).text(pdfSafe(r.title.toUpperCase()), MARGIN, undefined, { width, align: "center" });
  doc.moveDown(0.3).font(FONT).fontSize(13).fillColor("black").text(pdfSafe(r.subtitle), { width, align: "center" });
  doc.moveDown(4).font(BOLD).fontSize(18).text(pdfSafe(report.instansi.name), { width, align: "center" });
  doc.moveDown(0.5).font(FONT).fontSize(14).text(pdfSafe(fill(r.year, { year: report.period.year })), { width, align: "center" });
  doc.moveDown(4).fontSize(11);
  for (const line of [
    fill(r.framework, { name: report.framework.name, version: report.framework.version }),
    fill(r.regulation, { regulation: report.framework.regulation }),
    fill(r.phase, { phase: m.periods.phases[report.period.phase] ?? report.period.phase }),
  ]) {
    doc.text(pdfSafe(line), { width, align: "center" });
  }
  doc.moveDown(6).fontSize(10).fillColor("#475569").text(pdfSafe(fill(r.generated, { date: formatDate(now, locale, report.instansi.timeZone) })), { width, align: "center" }).fillColor("black");
}

function stageRows(report: PeriodReport, m: Messages): Cell[][] {
  return report.stages.map(({ stage, score }) => [
    m.periods.stages[stage] ?? stage,
    { text: formatIndex(score.indexExact), align: "right" },
    score.predicate,
    fill(m.reports.pdf.answeredOf, { answered: score.answeredCount, total: score.indicatorCount }),
  ]);
}

function summary(doc: Doc, report: PeriodReport, { m }: Required<Options>) {
  const r = m.reports.pdf;
  doc.addPage();
  heading(doc, r.summary);
  paragraph(doc, r.summaryIntro);
  doc.moveDown(0.5);
  table(doc, [190, 60, 110, "rest"], [r.stage, r.index, r.predicate, r.answered], stageRows(report, m));

  const topKind = report.framework.definition.nodeKinds[0] ?? "";
  const stages = report.stages.map((entry) => entry.stage);
  const tops = report.scores.SELF.nodes.filter((node) => node.parentCode === null);
  const indexOf = (stage: AnswerStage, code: string) => report.scores[stage].nodes.find((node) => node.code === code)?.indexExact ?? "0";
  heading(doc, fill(r.nodeIndices, { kind: m.nodeKinds[topKind] ?? topKind }));
  const stageWidth = stageColumnWidth(stages.length);
  table(
    doc,
    ["rest", 40, ...stages.map(() => stageWidth)],
    [capitalize(m.nodeKinds[topKind] ?? topKind), r.weight, ...stages.map((stage) => m.reports.stages[stage] ?? stage)],
    tops.map((node) => [`${node.code} ${node.name}`, { text: node.weight.replace(".", ","), align: "right" }, ...stages.map((stage) => ({ text: formatIndex(indexOf(stage, node.code)), align: "right" as const }))]),
  );
}

/** Domain and aspect rows with their indices, then the indicators beneath them. */
function levelTable(doc: Doc, report: PeriodReport, { m }: Required<Options>) {
  const r = m.reports.pdf;
  const stages = report.stages.map((entry) => entry.stage);
  doc.addPage();
  heading(doc, r.table);
  const nodeIndex = new Map<string, Map<AnswerStage, string>>();
  for (const stage of stages) {
    for (const node of report.scores[stage].nodes) {
      const perStage = nodeIndex.get(node.code) ?? new Map<AnswerStage, string>();
      perStage.set(stage, node.indexExact);
      nodeIndex.set(node.code, perStage);
    }
  }
  const rows: Cell[][] = [];
  const seen = new Set<string>();
  for (const indicator of report.indicators) {
    indicator.groups.forEach((group, depth) => {
      if (seen.has(group.code)) return;
      seen.add(group.code);
      const fillColor = depth === 0 ? HEADER_FILL : GROUP_FILL;
      rows.push([
        { text: group.code, bold: true, fill: fillColor },
        { text: group.name, bold: true, fill: fillColor },
        ...stages.map((stage) => ({ text: formatIndex(nodeIndex.get(group.code)?.get(stage) ?? "0"), bold: true, fill: fillColor, align: "right" as const })),
      ]);
    });
    rows.push([String(indicator.number), indicator.name, ...stages.map((stage) => ({ text: levelText(indicator.levels[stage]), align: "center" as const }))]);
  }
  const stageWidth = stageColumnWidth(stages.length);
  table(
    doc,
    [30, "rest", ...stages.map(() => stageWidth)],
    [r.number, r.indicator, ...stages.map((stage) => m.reports.stages[stage] ?? stage)],
    rows,
  );
}

/**
 * The criterion of the whole level reached (2,5 reads level 2's), with its name and, where
 * it is not the regulation's wording, the mark saying so.
 */
function criterionLine(report: PeriodReport, indicator: ReportIndicator, m: Messages): string | null {
  const level = indicator.levels.SELF;
  const node = findIndicator(report.framework.definition, indicator.number);
  if (level === null || !node) return null;
  const whole = Math.floor(Number(level));
  const criterion = levelCriteria(report.framework.definition, node).find((candidate) => candidate.level === whole);
  if (!criterion?.text.trim()) return null;
  const line = fill(m.reports.pdf.criterionLine, { level: criterion.level, name: criterion.name, text: criterion.text });
  return needsWordingMark(criterion.standing) ? `${line} (${m.criteria.standing[criterion.standing]})` : line;
}

function indicatorDetails(doc: Doc, report: PeriodReport, indicator: ReportIndicator, { m, baseUrl }: Required<Options>) {
  const r = m.reports.pdf;
  const width = contentWidth(doc);
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(0.4).font(BOLD).fontSize(10.5).text(pdfSafe(`${indicator.number}. ${indicator.name}`), MARGIN, undefined, { width });
  if (!indicator.self) {
    doc.font(FONT).fontSize(9).fillColor("#475569").text(pdfSafe(r.noAnswer), { width }).fillColor("black");
    return;
  }
  doc.font(FONT).fontSize(9).fillColor("#334155");
  doc.text(pdfSafe(fill(r.levelLine, { level: levelText(indicator.levels.SELF), status: m.answers.statuses[indicator.self.status] ?? indicator.self.status })), { width });
  const criterion = criterionLine(report, indicator, m);
  if (criterion) doc.fontSize(8.5).text(pdfSafe(criterion), { width });
  doc.fillColor("black").moveDown(0.2);
  if (indicator.self.explanation.trim()) doc.fontSize(9).text(pdfSafe(indicator.self.explanation.trim()), { width });
  doc.moveDown(0.2).font(BOLD).fontSize(9).text(pdfSafe(r.evidence), { width });
  if (indicator.self.evidence.length === 0) {
    doc.font(FONT).text(pdfSafe(r.noEvidence), { width });
    return;
  }
  for (const evidence of indicator.self.evidence) {
    const href = evidenceHref(evidence, baseUrl);
    doc.font(FONT).fontSize(9).text(pdfSafe(`•  ${evidence.title}`), MARGIN + 8, undefined, { width: width - 8 });
    doc.fillColor("#1d4ed8").fontSize(8).text(pdfSafe(href), MARGIN + 18, undefined, { width: width - 18, link: href, underline: true }).fillColor("black");
  }
  doc.x = MARGIN;
}

function mentionText(mentions: IndicatorMention[], m: Messages): string {
  if (mentions.length === 0) return m.reports.pdf.allEqual;
  const numbers = mentions.map((mention) => mention.number).join(", ");
  const level = mentions[0]!.level;
  return level === null ? fill(m.reports.pdf.mentionNone, { numbers }) : fill(m.reports.pdf.mention, { numbers, level: displayLevel(level) });
}

function strengths(doc: Doc, report: PeriodReport, { m }: Required<Options>) {
  const r = m.reports.pdf;
  const stage = referenceStage(report.scores);
  const score: AssessmentScore = report.scores[stage];
  doc.addPage();
  heading(doc, r.strengths);
  paragraph(doc, fill(r.strengthsIntro, { stage: m.reports.stages[stage] ?? stage, index: formatIndex(score.indexExact) }));
  doc.moveDown(0.5);
  table(
    doc,
    ["rest", 42, 62, 95, 95],
    [r.aspect, r.index, r.finding, r.strongest, r.weakest],
    aspectFindings(score).map((finding) => [
      finding.parentName ? `${finding.name} (${finding.parentName})` : finding.name,
      { text: formatIndex(finding.indexExact), align: "right" },
      { text: finding.isStrength ? r.strength : r.weakness, bold: true },
      mentionText(finding.strongest, m),
      finding.weakest.length > 0 ? mentionText(finding.weakest, m) : r.allEqual,
    ]),
  );
}

function recommendations(doc: Doc, report: PeriodReport, { m, locale }: Required<Options>) {
  const r = m.reports.pdf;
  heading(doc, r.recommendations);
  if (report.recommendations.length === 0) {
    paragraph(doc, r.noRecommendations);
    return;
  }
  table(
    doc,
    ["rest", 170, 62, 70, 56, 52],
    [r.indicator, r.recommendation, r.source, r.owner, r.due, r.status],
    report.recommendations.map((row) => [
      row.indicatorNumber === null ? row.indicatorName : `${row.indicatorNumber}. ${row.indicatorName}`,
      row.text,
      r.sources[row.source] ?? row.source,
      row.ownerUnit ?? "-",
      row.dueDate ? formatDate(row.dueDate, locale) : "-",
      r.recommendationStatuses[row.status] ?? row.status,
    ]),
  );
}

function weekday(date: Date, locale: Locale, zone: AgencyTimeZone): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { weekday: "long", timeZone: AGENCY_TIME_ZONES[zone].iana }).format(date);
}

/** Lines above, room to sign, the name (underlined) and the NIP line; blocks side by side share their top. */
function signatureBlock(doc: Doc, x: number, top: number, width: number, above: string[], name: string | null, r: Messages["reports"]["pdf"]) {
  doc.font(FONT).fontSize(10);
  above.forEach((line, index) => doc.text(pdfSafe(line), x, top + index * 14, { width, align: "center" }));
  doc.font(BOLD).text(pdfSafe(name ?? r.nameBlank), x, top + 100, { width, align: "center", underline: name !== null });
  doc.font(FONT).text(pdfSafe(r.employeeNumber), x, doc.y + 2, { width, align: "center" });
}

function minutes(doc: Doc, report: PeriodReport, { m, locale, now }: Required<Options>) {
  const r = m.reports.pdf;
  const width = contentWidth(doc);
  doc.addPage();
  doc.moveDown(1).font(BOLD).fontSize(14).text(pdfSafe(r.minutes.toUpperCase()), MARGIN, undefined, { width, align: "center" });
  doc.moveDown(0.2).font(FONT).fontSize(10).text(pdfSafe(r.minutesNumber), { width, align: "center" });
  doc.moveDown(1.5);
  paragraph(doc, fill(r.minutesOpening, { weekday: weekday(now, locale, report.instansi.timeZone), date: formatDate(now, locale, report.instansi.timeZone), instansi: report.instansi.name, year: report.period.year, framework: report.framework.name }), { align: "justify" });
  doc.moveDown(0.6);
  table(doc, [190, 60, 110, "rest"], [r.stage, r.index, r.predicate, r.answered], stageRows(report, m));
  paragraph(doc, r.minutesClosing, { align: "justify" });

  const top = Math.max(doc.y + 30, doc.page.height - MARGIN - 200);
  const blockWidth = (width - 40) / 2;
  signatureBlock(doc, MARGIN, top, blockWidth, ["", r.pimpinan], report.signatories.pimpinan, r);
  signatureBlock(doc, MARGIN + blockWidth + 40, top, blockWidth, [fill(r.signedAt, { date: formatDate(now, locale, report.instansi.timeZone) }), r.koordinator], report.signatories.koordinator, r);
}

function pageNumbers(doc: Doc, m: Messages) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT).fontSize(8).fillColor("#64748b");
    doc.text(pdfSafe(fill(m.reports.pdf.page, { page: index + 1, pages: range.count })), MARGIN, doc.page.height - 35, { width: contentWidth(doc), align: "center", lineBreak: false });
    doc.fillColor("black");
    doc.page.margins.bottom = bottom;
  }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function renderPeriodReportPdf(report: PeriodReport, options: Options): Promise<Buffer> {
  const settings: Required<Options> = {
    ...options,
    m: withFrameworkWords(options.m, report.framework.definition, options.locale),
    now: options.now ?? new Date(),
  };
  const { m } = settings;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: pdfSafe(`${m.reports.pdf.title} ${report.period.year} - ${report.instansi.name}`),
      Author: pdfSafe(report.instansi.name),
      Subject: pdfSafe(report.framework.name),
      Creator: "SPBE Mandiri",
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  cover(doc, report, settings);
  summary(doc, report, settings);
  levelTable(doc, report, settings);
  doc.addPage();
  heading(doc, m.reports.pdf.details);
  for (const indicator of report.indicators) indicatorDetails(doc, report, indicator, settings);
  strengths(doc, report, settings);
  recommendations(doc, report, settings);
  minutes(doc, report, settings);
  pageNumbers(doc, m);
  doc.end();
  return done;
}
