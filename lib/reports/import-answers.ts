// Answers imported from the Excel worksheet (the export's layout), all or nothing. Every
// row is checked first and every problem reported with its row and column; only when no
// row has one are the changed answers written, in this one transaction, each with its
// audit record and level change, by the same rules as the indicator form (which statuses
// may change, the status a save leaves, the version read).
//
// Who: the Koordinator SPBE for every indicator, an Admin OPD for their unit's. A row
// equal to the stored answer is left alone (no permission or version check), so a full
// worksheet with other units' rows imports as long as only one's own rows changed.
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { auditAnswer, conflictVersion, nextStatus, recordLevelChanges, writeAnswer } from "@/lib/assessment/answer-lifecycle";
import { parseLevel } from "@/lib/assessment/levels";
import { holdPeriod } from "@/lib/assessment/period-access";
import { assertPhaseAllows } from "@/lib/assessment/phase";
import { AppError } from "@/lib/errors";
import { getFrameworkVersion } from "@/lib/framework-versions/store";
import { can } from "@/lib/policy";
import { answerScopes } from "@/lib/policy-scope";
import { EXPLANATION_MAX } from "@/lib/validation/answers";
import { ZAnswerImport } from "@/lib/validation/reports";
import { columnLetter, type SheetColumn } from "./answer-sheet";
import { msg, type Message } from "@/lib/i18n/message";
import { render } from "@/lib/i18n/render";

type Issue = { row: number; column: SheetColumn; message: Message };

/** Line ends as Excel keeps them and trailing blanks do not make an answer "changed". */
const sameText = (a: string, b: string) => a.replace(/\r\n?/g, "\n").trimEnd() === b.replace(/\r\n?/g, "\n").trimEnd();
const sameLevel = (a: string | null, b: string | null) => (a === null ? null : Number(a)) === (b === null ? null : Number(b));

export const importAnswers = defineCommand({
  name: "answer.import",
  input: ZAnswerImport,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "answer.import", input.periodId);
    assertPhaseAllows(period.phase, "answer.fill");
    if (input.sheetPeriodId !== period.id) {
      throw new AppError("validation_failed", { message: msg("reports.import.refused"), details: [{ field: "file", code: "custom", message: msg("reports.import.wrongPeriod") }] });
    }
    const framework = await getFrameworkVersion(tx, period.frameworkVersionId);
    if (!framework) throw new AppError("not_found");
    const indicators = await tx.frameworkNode.findMany({ where: { versionId: period.frameworkVersionId, kind: "INDICATOR" }, select: { id: true, number: true } });
    const answers = await tx.answer.findMany({
      where: { periodId: period.id, stage: "SELF" },
      select: { id: true, indicatorId: true, level: true, explanation: true, status: true, version: true },
    });

    const indicatorOf = new Map(indicators.flatMap((node) => (node.number === null ? [] : [[String(node.number), node.id] as const])));
    const answerOf = new Map(answers.map((answer) => [answer.indicatorId, answer]));
    const scopeOf = await answerScopes(tx, period);
    const mayFill = (indicatorId: string) => can(actor, "answer.import", scopeOf(indicatorId));

    const issues: Issue[] = [];
    const firstRowOf = new Map<string, number>();
    const changes: { row: number; number: number; indicatorId: string; level: string | null; explanation: string; existing: (typeof answers)[number] | undefined }[] = [];
    for (const row of input.rows) {
      const number = row.number.replace(/\.0+$/, "");
      const indicatorId = indicatorOf.get(number);
      if (!indicatorId) {
        issues.push({ row: row.row, column: "number", message: msg("reports.import.numberInvalid", { value: row.number }) });
        continue;
      }
      const first = firstRowOf.get(number);
      if (first !== undefined) {
        issues.push({ row: row.row, column: "number", message: msg("reports.import.duplicate", { number, first }) });
        continue;
      }
      firstRowOf.set(number, row.row);
      const parsed = parseLevel(framework.definition, row.level);
      if ("issue" in parsed) issues.push({ row: row.row, column: "self", message: parsed.issue });
      if (row.explanation.length > EXPLANATION_MAX) issues.push({ row: row.row, column: "explanation", message: msg("reports.import.explanationTooLong") });
      if ("issue" in parsed || row.explanation.length > EXPLANATION_MAX) continue;

      const existing = answerOf.get(indicatorId);
      const levelChanged = !sameLevel(existing?.level?.toString() ?? null, parsed.level);
      if (!levelChanged && sameText(existing?.explanation ?? "", row.explanation)) continue;
      const changedColumn: SheetColumn = levelChanged ? "self" : "explanation";
      if (!mayFill(indicatorId)) {
        issues.push({ row: row.row, column: "number", message: msg("reports.import.notAssigned", { number }) });
        continue;
      }
      if (existing && nextStatus("import", existing.status) === null) {
        issues.push({ row: row.row, column: changedColumn, message: msg("reports.import.notEditable", { number, status: msg(`answers.statuses.${existing.status}`) }) });
        continue;
      }
      // A row typed in by hand has no version: it may only create an answer that does not exist yet.
      const version = row.version === "" ? "0" : row.version;
      if (!/^\d+$/.test(version)) {
        issues.push({ row: row.row, column: changedColumn, message: msg("reports.import.versionInvalid") });
        continue;
      }
      if (Number(version) !== (existing?.version ?? 0)) {
        const current = existing ? await conflictVersion(tx, existing) : null;
        issues.push({ row: row.row, column: changedColumn, message: msg("reports.import.stale", { number, name: current?.updatedBy ?? "-", at: current?.updatedAt ?? "-" }) });
        continue;
      }
      changes.push({ row: row.row, number: Number(number), indicatorId, level: parsed.level, explanation: row.explanation.replace(/\r\n?/g, "\n"), existing });
    }
    if (issues.length > 0) {
      issues.sort((a, b) => a.row - b.row);
      throw new AppError("validation_failed", {
        message: msg("reports.import.refused"),
        details: issues.map((issue) => ({ field: `${columnLetter(issue.column)}${issue.row}`, code: "custom", message: issue.message })),
      });
    }
    if (changes.length === 0) return { message: msg("reports.import.unchanged"), data: { count: "0" } };

    const source = { file: input.fileName || null };
    for (const change of changes) {
      const { existing } = change;
      const key = { periodId: period.id, indicatorId: change.indicatorId, stage: "SELF" as const };
      const values = { level: change.level, explanation: change.explanation };
      // The version read above is checked again in the write: a save since then is a conflict.
      const written = await writeAnswer(tx, { event: "import", key, current: existing ?? null, values, actorId: actor.userId });
      if (!written) throw new AppError("conflict", { message: msg("reports.import.stale", { number: change.number, name: "-", at: "-" }) });
      await recordLevelChanges(tx, actor.userId, [{ answerId: written.id, from: existing?.level ?? null, to: change.level }], render(msg("reports.import.levelReason")));
      await auditAnswer(tx, request, "import", {
        answerId: written.id,
        instansiId: period.instansiId,
        created: !existing,
        before: existing ? { level: existing.level?.toString() ?? null, explanation: existing.explanation, status: existing.status } : null,
        after: { level: change.level, explanation: change.explanation, status: written.status, indicator: change.number, row: change.row, ...source },
      });
    }
    await writeAudit(tx, request, {
      action: "period.import-answers",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      instansiId: period.instansiId,
      after: { ...source, rows: input.rows.length, changed: changes.map((change) => change.number) },
    });
    return { message: msg("reports.import.imported", { count: changes.length, file: input.fileName || "Excel" }), data: { count: String(changes.length) } };
  },
});
