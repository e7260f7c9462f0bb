// Butir in the database: evidence per butir of the self-assessment answer, and per-butir
// statuses per stage as appended rounds. Attaching or detaching evidence changes the answer
// (its evidence and version) and goes through the answer lifecycle; statuses are written
// by recordButirStatuses only (the Asesor's verification, the Koordinator's external
// stage, the import of the national application's results), which validates codes and
// kinds against the period's framework and sets "ditolak otomatis" from the gating rule.
import type { DbClient, DbTransaction } from "@/lib/db";
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError, fieldError } from "@/lib/errors";
import { findIndicator } from "@/lib/framework/catalog";
import type { FrameworkDefinition, IndicatorNode } from "@/lib/framework/schema";
import { getFrameworkVersion } from "@/lib/framework-versions/store";
import type { AssessmentPeriod } from "@/lib/generated/prisma/client";
import { msg } from "@/lib/i18n/message";
import { assertCan, can, type Actor } from "@/lib/policy";
import { answerScope, evidenceScope } from "@/lib/policy-scope";
import { butirStatusRows, ZButirEvidence, ZButirStage, type ButirStatusRow } from "@/lib/validation/butir";
import { assertTransition, auditAnswer, staleAnswer, writeAnswer } from "./answer-lifecycle";
import {
  ACCEPTED_STATUS,
  AUTOMATIC_KIND,
  automaticallyRejected,
  buildButirBoard,
  butirLevels,
  currentStatuses,
  REVISION_STATUS,
  statusChoices,
  type ButirBoard,
  type ButirEvidenceRef,
  type ButirLevel,
  type ReviewStage,
} from "./butir-board";
import { holdPeriod } from "./period-access";
import { assertPhaseAllows } from "./phase";

const ROUND_SELECT = {
  stage: true,
  round: true,
  origin: true,
  actorId: true,
  createdAt: true,
  statuses: { select: { butirCode: true, status: true, kind: true, note: true, automatic: true } },
} as const;

const EVIDENCE_SELECT = { id: true, title: true, kind: true, url: true } as const;

/** The indicator's definition node and its butir; refuses (404) an indicator outside the period's version. */
async function indicatorOf(tx: DbClient, period: Pick<AssessmentPeriod, "frameworkVersionId">, indicatorId: string) {
  const node = await tx.frameworkNode.findFirst({ where: { id: indicatorId, versionId: period.frameworkVersionId, kind: "INDICATOR" }, select: { id: true, number: true } });
  const framework = await getFrameworkVersion(tx, period.frameworkVersionId);
  const indicator = node?.number != null && framework ? findIndicator(framework.definition, node.number) : undefined;
  if (!node || !indicator || !framework) throw new AppError("not_found");
  return { indicatorId: node.id, indicator, definition: framework.definition, levels: butirLevels(indicator) };
}

function requireButir(levels: ButirLevel[] | null): ButirLevel[] {
  if (!levels) throw fieldError("butirCode", msg("butir.noButir"));
  return levels;
}

function assertCodeKnown(levels: readonly ButirLevel[], code: string, field: string) {
  if (!levels.some((level) => level.butir.some((butir) => butir.code === code))) throw fieldError(field, msg("butir.codeUnknown", { code }));
}

function groupEvidence(links: readonly { butirCode: string; evidence: ButirEvidenceRef }[]) {
  const byCode = new Map<string, ButirEvidenceRef[]>();
  for (const link of links) byCode.set(link.butirCode, [...(byCode.get(link.butirCode) ?? []), link.evidence]);
  return byCode;
}

/** The board of one indicator in a period (null when its framework lists no butir). */
export async function loadButirBoard(db: DbClient, periodId: string, indicatorId: string, indicator: IndicatorNode): Promise<ButirBoard | null> {
  const levels = butirLevels(indicator);
  if (!levels) return null;
  const [links, rounds] = await Promise.all([
    db.butirEvidence.findMany({
      where: { answer: { periodId, indicatorId, stage: "SELF" } },
      orderBy: { createdAt: "asc" },
      select: { butirCode: true, answerEvidence: { select: { evidence: { select: EVIDENCE_SELECT } } } },
    }),
    db.butirStatusRound.findMany({ where: { periodId, indicatorId }, orderBy: { round: "asc" }, select: ROUND_SELECT }),
  ]);
  return buildButirBoard(levels, groupEvidence(links.map((link) => ({ butirCode: link.butirCode, evidence: link.answerEvidence.evidence }))), rounds);
}

/**
 * Every indicator's board in a period at once (dashboards, to-do list, reports), keyed by
 * indicator node id; indicators without butir are absent. Two queries whatever the size.
 */
export async function loadButirBoards(db: DbClient, periodId: string, definition: FrameworkDefinition, nodeIdByNumber: ReadonlyMap<number, string>): Promise<Map<string, ButirBoard>> {
  const levelsByNode = new Map<string, ButirLevel[]>();
  for (const [number, nodeId] of nodeIdByNumber) {
    const indicator = findIndicator(definition, number);
    const levels = indicator ? butirLevels(indicator) : null;
    if (levels) levelsByNode.set(nodeId, levels);
  }
  if (levelsByNode.size === 0) return new Map();
  const [links, rounds] = await Promise.all([
    db.butirEvidence.findMany({
      where: { answer: { periodId, stage: "SELF" } },
      orderBy: { createdAt: "asc" },
      select: { butirCode: true, answer: { select: { indicatorId: true } }, answerEvidence: { select: { evidence: { select: EVIDENCE_SELECT } } } },
    }),
    db.butirStatusRound.findMany({ where: { periodId }, orderBy: { round: "asc" }, select: { ...ROUND_SELECT, indicatorId: true } }),
  ]);
  const boards = new Map<string, ButirBoard>();
  for (const [nodeId, levels] of levelsByNode) {
    const evidence = groupEvidence(links.filter((link) => link.answer.indicatorId === nodeId).map((link) => ({ butirCode: link.butirCode, evidence: link.answerEvidence.evidence })));
    boards.set(nodeId, buildButirBoard(levels, evidence, rounds.filter((round) => round.indicatorId === nodeId)));
  }
  return boards;
}

export type RecordButirStatuses = {
  period: Pick<AssessmentPeriod, "id" | "frameworkVersionId">;
  indicatorId: string;
  stage: ReviewStage;
  origin: "REVIEW" | "IMPORT";
  actorId: string | null;
  rows: readonly ButirStatusRow[];
  /** Field the refusals name (the form's, or an import's row field). */
  field?: string;
};

export type RecordedButirRound = { round: number; statuses: { code: string; status: string; kind: string | null; note: string | null; automatic: boolean }[] };

/**
 * Appends a round of statuses for one indicator in one stage: the rows given, plus
 * "revisi / ditolak otomatis" (automatic) for every butir whose lower level is not all
 * accepted once this round counts. A person's status for such a butir gives way to the
 * portal's (the national application does the same). Returns null when no row is given. Refuses an unknown code, a status or kind outside the framework's list, the
 * automatic kind chosen by a person, and a revision without a note from a person.
 */
export async function recordButirStatuses(tx: DbTransaction, input: RecordButirStatuses): Promise<RecordedButirRound | null> {
  const field = input.field ?? "butir";
  // A round is a person's (or a file's) statuses; the automatic ones only come along with them.
  if (input.rows.length === 0) return null;
  const { indicatorId, levels: found, definition } = await indicatorOf(tx, input.period, input.indicatorId);
  const levels = found ?? [];
  if (!found) throw fieldError(field, msg("butir.noButir"));
  const choices = statusChoices(definition);
  const seen = new Set<string>();
  for (const row of input.rows) {
    assertCodeKnown(levels, row.code, field);
    if (seen.has(row.code)) throw fieldError(field, msg("butir.codeTwice", { code: row.code }));
    seen.add(row.code);
    if (row.status === REVISION_STATUS && row.kind === AUTOMATIC_KIND) throw fieldError(field, msg("butir.automaticNotManual"));
    if (!choices.some((choice) => choice.status === row.status && choice.kind === row.kind)) {
      throw fieldError(field, msg("butir.statusUnknown", { value: row.kind ? `${row.status}:${row.kind}` : row.status }));
    }
    if (input.origin === "REVIEW" && row.status === REVISION_STATUS && !row.note) throw fieldError(field, msg("butir.noteRequired", { code: row.code }));
  }

  const rounds = await tx.butirStatusRound.findMany({ where: { periodId: input.period.id, indicatorId, stage: input.stage }, orderBy: { round: "asc" }, select: ROUND_SELECT });
  const previous = currentStatuses(rounds, input.stage);
  const merged = new Map([...previous].map(([code, entry]) => [code, entry.status]));
  for (const row of input.rows) merged.set(row.code, row.status);
  const automatic = automaticallyRejected(levels, merged);

  const statuses: RecordedButirRound["statuses"] = input.rows.map((row) =>
    automatic.has(row.code)
      ? { code: row.code, status: REVISION_STATUS, kind: AUTOMATIC_KIND, note: row.note, automatic: true }
      : { code: row.code, status: row.status, kind: row.kind, note: row.note, automatic: false },
  );
  for (const code of automatic) {
    const before = previous.get(code);
    if (seen.has(code) || (before?.automatic && before.kind === AUTOMATIC_KIND)) continue;
    statuses.push({ code, status: REVISION_STATUS, kind: AUTOMATIC_KIND, note: null, automatic: true });
  }
  if (statuses.length === 0) return null;

  const round = (rounds.at(-1)?.round ?? 0) + 1;
  await tx.butirStatusRound.create({
    data: {
      periodId: input.period.id,
      indicatorId,
      stage: input.stage,
      round,
      origin: input.origin,
      actorId: input.actorId,
      statuses: { create: statuses.map((status) => ({ butirCode: status.code, status: status.status, kind: status.kind, note: status.note, automatic: status.automatic })) },
    },
  });
  return { round, statuses };
}

/** How many of the round's statuses accept their butir: for the audit record and messages. */
export const acceptedIn = (round: RecordedButirRound) => round.statuses.filter((status) => status.status === ACCEPTED_STATUS).length;

type Period = AssessmentPeriod;

/** The owner's unit when the indicator is assigned to it (the same refusal as the answer form). */
async function assertOwner(tx: DbTransaction, actor: Actor, period: Period, indicatorId: string): Promise<string> {
  const scope = await answerScope(tx, period, indicatorId);
  if (!can(actor, "answer.fill", scope) && can(actor, "answer.fill", { instansiId: period.instansiId, unitId: actor.active.unitId })) {
    throw new AppError("forbidden", { message: msg("answers.notAssigned") });
  }
  assertCan(actor, "answer.fill", scope);
  return actor.active.unitId!;
}

/**
 * Evidence for a butir: an item the owner may attach (their unit's, or shared with the
 * instansi), or one already attached to the answer (by a co-owner). The item joins the answer's evidence when it was not there.
 */
export const attachButirEvidence = defineCommand({
  name: "butir.attach-evidence",
  input: ZButirEvidence,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "answer.fill", input.periodId);
    const { indicatorId, levels } = await indicatorOf(tx, period, input.indicatorId);
    await assertOwner(tx, actor, period, indicatorId);
    assertPhaseAllows(period.phase, "answer.fill");
    assertCodeKnown(requireButir(levels), input.butirCode, "butirCode");

    const key = { periodId: period.id, indicatorId, stage: "SELF" as const };
    const existing = await tx.answer.findUnique({ where: { periodId_indicatorId_stage: key }, include: { evidence: { select: { evidenceId: true } } } });
    assertTransition("butir-evidence", existing?.status ?? null);
    const onAnswer = existing?.evidence.some((link) => link.evidenceId === input.evidenceId) ?? false;
    const evidence = await tx.evidence.findFirst({
      where: { id: input.evidenceId, instansiId: period.instansiId, deletedAt: null },
      select: { id: true, title: true, instansiId: true, ownerUnitId: true, sharedWithInstansi: true },
    });
    // The same rule as the form: the unit's own items and those shared with the instansi.
    if (!evidence || (!onAnswer && !can(actor, "evidence.attach", evidenceScope(evidence)))) throw fieldError("evidenceId", msg("butir.evidenceNotYours"));
    if (existing && (await tx.butirEvidence.count({ where: { answerId: existing.id, butirCode: input.butirCode, evidenceId: evidence.id } })) > 0) {
      throw fieldError("evidenceId", msg("butir.alreadyAttached", { code: input.butirCode }));
    }

    const answer = (await writeAnswer(tx, { event: "butir-evidence", key, current: existing, actorId: actor.userId })) ?? (await staleAnswer(tx, key));
    if (!onAnswer) await tx.answerEvidence.create({ data: { answerId: answer.id, evidenceId: evidence.id, addedById: actor.userId } });
    await tx.butirEvidence.create({ data: { answerId: answer.id, evidenceId: evidence.id, butirCode: input.butirCode, addedById: actor.userId } });
    await auditAnswer(tx, request, "butir-evidence", {
      answerId: answer.id,
      instansiId: period.instansiId,
      created: !existing,
      after: { butir: input.butirCode, evidenceAdded: evidence.id, alsoOnAnswer: !onAnswer, version: answer.version },
    });
    return { message: msg("butir.attached", { title: evidence.title, code: input.butirCode }), data: { version: String(answer.version) } };
  },
});

/** Takes an item off one butir; it stays on the answer (and on other butir) until the owner removes it there. */
export const detachButirEvidence = defineCommand({
  name: "butir.detach-evidence",
  input: ZButirEvidence,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "answer.fill", input.periodId);
    const { indicatorId, levels } = await indicatorOf(tx, period, input.indicatorId);
    await assertOwner(tx, actor, period, indicatorId);
    assertPhaseAllows(period.phase, "answer.fill");
    assertCodeKnown(requireButir(levels), input.butirCode, "butirCode");
    const key = { periodId: period.id, indicatorId, stage: "SELF" as const };
    const existing = await tx.answer.findUnique({ where: { periodId_indicatorId_stage: key } });
    const link = existing
      ? await tx.butirEvidence.findUnique({
          where: { answerId_butirCode_evidenceId: { answerId: existing.id, butirCode: input.butirCode, evidenceId: input.evidenceId } },
          select: { answerEvidence: { select: { evidence: { select: { title: true } } } } },
        })
      : null;
    if (!existing || !link) throw fieldError("evidenceId", msg("butir.notAttached", { code: input.butirCode }));
    assertTransition("butir-evidence", existing.status);
    const answer = (await writeAnswer(tx, { event: "butir-evidence", key, current: existing, actorId: actor.userId })) ?? (await staleAnswer(tx, key));
    await tx.butirEvidence.delete({ where: { answerId_butirCode_evidenceId: { answerId: existing.id, butirCode: input.butirCode, evidenceId: input.evidenceId } } });
    await auditAnswer(tx, request, "butir-evidence", {
      answerId: answer.id,
      instansiId: period.instansiId,
      created: false,
      after: { butir: input.butirCode, evidenceRemoved: input.evidenceId, version: answer.version },
    });
    return { message: msg("butir.detached", { title: link.answerEvidence.evidence.title, code: input.butirCode }), data: { version: String(answer.version) } };
  },
});

/** The Koordinator records the national application's butir statuses of one external stage for one indicator. */
export const recordButirStage = defineCommand({
  name: "butir.record-stage",
  input: ZButirStage,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "external-result.record", input.periodId);
    assertPhaseAllows(period.phase, "external.record");
    const recorded = await recordButirStatuses(tx, {
      period,
      indicatorId: input.indicatorId,
      stage: input.stage,
      origin: "REVIEW",
      actorId: actor.userId,
      rows: butirStatusRows(input),
    });
    if (!recorded) return { message: msg("butir.stageUnchanged") };
    await writeAudit(tx, request, {
      action: "butir.record-statuses",
      entityType: "ButirStatusRound",
      entityId: `${input.indicatorId}:${input.stage}:${recorded.round}`,
      instansiId: period.instansiId,
      after: { stage: input.stage, round: recorded.round, statuses: recorded.statuses },
    });
    return { message: msg("butir.stageRecorded", { stage: msg(`answers.stages.${input.stage}`), round: recorded.round }) };
  },
});
