// The external assessors' results, recorded by the Koordinator one stage at a time, and
// the agency's objections (sanggah) against them. A stage is saved for many indicators in
// one command: every row states the version the form showed, and if any of them changed
// meanwhile nothing is saved (409 naming the indicators), so two people recording the same
// stage never overwrite each other silently.
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError, fieldError, type ErrorDetail } from "@/lib/errors";
import { getFrameworkVersion } from "@/lib/framework-versions/store";
import { formatDate } from "@/lib/i18n/format";
import type { DbTransaction } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZExternalStageRecord, ZObjectionDecide, ZObjectionSave, type ExternalStage } from "@/lib/validation/external";
import { createAnswers, recordLevelChanges, writeAnswer } from "./answer-lifecycle";
import { parseLevel } from "./levels";
import { objectionWindow } from "./objection-deadline";
import { loadPeriodFor, type LoadedPeriod } from "./period-access";
import { assertPhaseAllows } from "./phase";
import { msg } from "@/lib/i18n/message";
import { render } from "@/lib/i18n/render";

const stageName = (stage: string) => msg(`answers.stages.${stage}`);

const staleConflict = (stage: ExternalStage, numbers: number[]) =>
  new AppError("conflict", { message: msg("external.stale", { stage: stageName(stage), numbers: numbers.join(", ") }) });

const fixed = (level: Prisma.Decimal | null) => (level === null ? null : level.toFixed(2));


async function loadEditablePeriod(tx: DbTransaction, actor: Actor, periodId: string): Promise<LoadedPeriod> {
  const period = await loadPeriodFor(tx, actor, "external-result.record", periodId);
  assertPhaseAllows(period.phase, "external.record");
  return period;
}

async function loadIndicator(tx: DbTransaction, period: LoadedPeriod, number: number) {
  const indicator = await tx.frameworkNode.findFirst({ where: { versionId: period.frameworkVersionId, kind: "INDICATOR", number }, select: { id: true } });
  if (!indicator) throw new AppError("not_found");
  return indicator;
}

export const recordExternalStage = defineCommand({
  name: "external-result.record",
  input: ZExternalStageRecord,
  async run({ tx, actor, request }, { periodId, stage, entries }) {
    const period = await loadEditablePeriod(tx, actor, periodId);
    const framework = await getFrameworkVersion(tx, period.frameworkVersionId);
    if (!framework) throw new Error(`Kerangka periode ${period.id} tidak ditemukan`);
    const nodes = await tx.frameworkNode.findMany({
      where: { versionId: period.frameworkVersionId, kind: "INDICATOR", number: { in: entries.map((entry) => entry.number) } },
      select: { id: true, number: true },
    });
    const indicatorIdOf = new Map(nodes.map((node) => [node.number!, node.id]));

    const issues: ErrorDetail[] = [];
    const planned = entries.flatMap((entry) => {
      const field = `level-${entry.number}`;
      const indicatorId = indicatorIdOf.get(entry.number);
      if (!indicatorId) {
        issues.push({ field, code: "custom", message: msg("external.unknownIndicator", { number: entry.number }) });
        return [];
      }
      const parsed = parseLevel(framework.definition, entry.level);
      if ("issue" in parsed) {
        issues.push({ field, code: "custom", message: parsed.issue });
        return [];
      }
      return [{ ...entry, indicatorId, level: parsed.level, notes: entry.notes || null }];
    });
    if (issues.length > 0) throw new AppError("validation_failed", { details: issues });

    const existing = await tx.answer.findMany({ where: { periodId: period.id, stage, indicatorId: { in: planned.map((entry) => entry.indicatorId) } } });
    const rowOf = new Map(existing.map((row) => [row.indicatorId, row]));
    const stale = planned.filter((entry) => (rowOf.get(entry.indicatorId)?.version ?? 0) !== entry.version).map((entry) => entry.number);
    if (stale.length > 0) throw staleConflict(stage, stale);

    const changes: { number: number; from: { level: string | null; notes: string | null }; to: { level: string | null; notes: string | null } }[] = [];
    const levelChanges: { answerId: string; from: string | null; to: string | null }[] = [];
    const toCreate: typeof planned = [];
    for (const entry of planned) {
      const row = rowOf.get(entry.indicatorId);
      const from = { level: fixed(row?.level ?? null), notes: row?.explanation ?? null };
      if (from.level === entry.level && from.notes === entry.notes) continue;
      changes.push({ number: entry.number, from, to: { level: entry.level, notes: entry.notes } });
      if (!row) {
        toCreate.push(entry);
        continue;
      }
      const key = { periodId: period.id, indicatorId: entry.indicatorId, stage };
      const written = await writeAnswer(tx, { event: "record-external", key, current: row, values: { level: entry.level, explanation: entry.notes }, actorId: actor.userId });
      if (!written) throw staleConflict(stage, [entry.number]);
      levelChanges.push({ answerId: row.id, from: from.level, to: entry.level });
    }
    // A row somebody created meanwhile is skipped, and counted as a conflict.
    const created = await createAnswers(
      tx,
      "record-external",
      toCreate.map((entry) => ({ periodId: period.id, indicatorId: entry.indicatorId, stage, level: entry.level, explanation: entry.notes })),
      actor.userId,
    );
    if (created.length < toCreate.length) {
      const createdIds = new Set(created.map((row) => row.indicatorId));
      throw staleConflict(stage, toCreate.filter((entry) => !createdIds.has(entry.indicatorId)).map((entry) => entry.number));
    }
    for (const row of created) levelChanges.push({ answerId: row.id, from: null, to: fixed(row.level) });

    if (changes.length === 0) return { message: msg("external.unchanged", { stage: stageName(stage) }) };
    await recordLevelChanges(tx, actor.userId, levelChanges, render(msg("external.levelReason", { stage: stageName(stage) })));
    await writeAudit(tx, request, {
      action: "external-result.record",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      instansiId: period.instansiId,
      before: { stage, indicators: Object.fromEntries(changes.map((change) => [change.number, change.from])) },
      after: { stage, indicators: Object.fromEntries(changes.map((change) => [change.number, change.to])) },
    });
    return { message: msg("external.recorded", { stage: stageName(stage), count: changes.length }) };
  },
});

export const saveObjection = defineCommand({
  name: "objection.save",
  input: ZObjectionSave,
  async run({ tx, actor, request }, input) {
    const period = await loadEditablePeriod(tx, actor, input.periodId);
    // The deadline day ends at midnight in the agency's own time zone.
    const window = objectionWindow(period.objectionDeadline, new Date(), actor.active.timeZone);
    if (window.state === "closed") throw new AppError("conflict", { message: msg("external.deadlinePassed", { date: formatDate(window.deadline, "id", actor.active.timeZone) }) });
    const indicator = await loadIndicator(tx, period, input.indicator);

    const answers = await tx.answer.findMany({
      where: { periodId: period.id, indicatorId: indicator.id, stage: { in: ["SELF", input.stage] } },
      select: { stage: true, level: true },
    });
    const self = answers.find((answer) => answer.stage === "SELF")?.level ?? null;
    const result = answers.find((answer) => answer.stage === input.stage)?.level ?? null;
    if (self === null || result === null || !result.lessThan(self)) {
      throw new AppError("conflict", { message: msg("external.notContestable", { number: input.indicator, stage: stageName(input.stage) }) });
    }

    const key = { periodId: period.id, indicatorId: indicator.id, stage: input.stage };
    const existing = await tx.objection.findUnique({ where: { periodId_indicatorId_stage: key } });
    const locked = (status: string) =>
      new AppError("conflict", { message: msg("external.objectionLocked", { number: input.indicator, status: msg(`external.objectionStatuses.${status}`) }) });
    let objectionId: string;
    if (existing) {
      // Only a draft may change; the status in the where clause keeps that true under concurrency.
      if (existing.status !== "DRAFT") throw locked(existing.status);
      const updated = await tx.objection.updateMany({ where: { id: existing.id, status: "DRAFT" }, data: { reason: input.reason, status: input.status } });
      if (updated.count === 0) throw new AppError("conflict");
      objectionId = existing.id;
    } else {
      const [created] = await tx.objection.createManyAndReturn({
        data: [{ ...key, reason: input.reason, status: input.status, createdById: actor.userId }],
        skipDuplicates: true,
        select: { id: true },
      });
      if (!created) throw new AppError("conflict");
      objectionId = created.id;
    }
    await writeAudit(tx, request, {
      action: "objection.save",
      entityType: "Objection",
      entityId: objectionId,
      instansiId: period.instansiId,
      before: existing ? { reason: existing.reason, status: existing.status } : null,
      after: { indicator: input.indicator, stage: input.stage, reason: input.reason, status: input.status },
    });
    return { message: msg(input.status === "SUBMITTED" ? "external.objectionSubmitted" : "external.objectionDrafted", { number: input.indicator }) };
  },
});

/**
 * An accepted objection corrects the level of the stage it contests: a new version of that
 * stage's result, higher than the contested one, with a level change saying who and why
 * (the objection's reason and the decision note).
 */
async function correctContestedStage(
  tx: DbTransaction,
  actor: Actor,
  period: LoadedPeriod,
  indicatorId: string,
  reason: string,
  input: { indicator: number; stage: ExternalStage; correctedLevel: string; note: string },
) {
  const framework = await getFrameworkVersion(tx, period.frameworkVersionId);
  if (!framework) throw new Error(`Kerangka periode ${period.id} tidak ditemukan`);
  const parsed = parseLevel(framework.definition, input.correctedLevel);
  if ("issue" in parsed) throw fieldError("correctedLevel", parsed.issue);
  const key = { periodId: period.id, indicatorId, stage: input.stage };
  const result = await tx.answer.findUnique({ where: { periodId_indicatorId_stage: key } });
  if (!result?.level || parsed.level === null || !result.level.lessThan(parsed.level)) {
    throw fieldError("correctedLevel", msg("sanggah.correctedLevelNotHigher", { number: input.indicator, stage: stageName(input.stage), level: result?.level?.toString().replace(".", ",") ?? "-" }));
  }
  const written = await writeAnswer(tx, { event: "record-external", key, current: result, values: { level: parsed.level }, actorId: actor.userId });
  if (!written) throw staleConflict(input.stage, [input.indicator]);
  const why = input.note
    ? msg("sanggah.levelReasonWithNote", { stage: stageName(input.stage), reason, note: input.note })
    : msg("sanggah.levelReason", { stage: stageName(input.stage), reason });
  await recordLevelChanges(tx, actor.userId, [{ answerId: result.id, from: result.level, to: parsed.level }], render(why));
  return { from: fixed(result.level)!, to: fixed(new Prisma.Decimal(parsed.level))! };
}

/** The answer to a submitted objection; recorded whenever it arrives, also after the deadline. */
export const decideObjection = defineCommand({
  name: "objection.decide",
  input: ZObjectionDecide,
  async run({ tx, actor, request }, input) {
    const period = await loadEditablePeriod(tx, actor, input.periodId);
    const indicator = await loadIndicator(tx, period, input.indicator);
    const objection = await tx.objection.findUnique({
      where: { periodId_indicatorId_stage: { periodId: period.id, indicatorId: indicator.id, stage: input.stage } },
    });
    if (!objection) throw new AppError("not_found");
    const updated = await tx.objection.updateMany({ where: { id: objection.id, status: "SUBMITTED" }, data: { status: input.decision } });
    if (updated.count === 0) throw new AppError("conflict", { message: msg("external.notSubmitted") });
    const corrected = input.decision === "ACCEPTED" ? await correctContestedStage(tx, actor, period, indicator.id, objection.reason, input) : null;
    await writeAudit(tx, request, {
      action: "objection.decide",
      entityType: "Objection",
      entityId: objection.id,
      instansiId: period.instansiId,
      before: { status: objection.status, ...(corrected ? { level: corrected.from } : {}) },
      after: { status: input.decision, ...(corrected ? { level: corrected.to } : {}), ...(input.note ? { note: input.note } : {}) },
    });
    if (corrected) return { message: msg("sanggah.decidedAccepted", { number: input.indicator, stage: stageName(input.stage), level: corrected.to.replace(".", ",") }) };
    return { message: msg("external.decided", { number: input.indicator, status: msg(`external.objectionStatuses.${input.decision}`) }) };
  },
});
