// Changes to the evidence library: links, the data of an item, soft delete and the
// carry-over into a period. An Admin OPD manages the items of their own unit; every change
// writes its audit record in the same transaction.
import { todayIn } from "@/lib/i18n/time-zone";
import type { DbTransaction } from "@/lib/db";
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import { formatDate } from "@/lib/i18n/format";
import { assertCan, assertCanInOwnInstansi, type Actor } from "@/lib/policy";
import { isEditable, touchAnswers } from "@/lib/assessment/answer-lifecycle";
import { ZEvidenceCarryOver, ZEvidenceDelete, ZEvidenceLinkCreate, ZEvidenceShare, ZEvidenceUpdate } from "@/lib/validation/evidence";
import { msg, type Message } from "@/lib/i18n/message";

/** A live item of the actor's instansi that they may manage, locked until the transaction ends. */
async function loadManagedEvidence(tx: DbTransaction, actor: Actor, evidenceId: string) {
  const instansiId = assertCanInOwnInstansi(actor, "evidence.manage");
  const found = await tx.evidence.findFirst({ where: { id: evidenceId, instansiId, deletedAt: null }, select: { id: true } });
  if (!found) throw new AppError("not_found");
  await tx.$queryRaw`SELECT id FROM "Evidence" WHERE id = ${evidenceId} FOR UPDATE`;
  const evidence = await tx.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
  if (evidence.deletedAt) throw new AppError("not_found");
  assertCan(actor, "evidence.manage", { instansiId, unitId: evidence.ownerUnitId });
  return evidence;
}

/** Regulations and decrees usually support several units' answers: shared with the instansi from the start. */
export function sharedByDefault(documentType: string): boolean {
  return documentType === "PERATURAN" || documentType === "KEPUTUSAN";
}

const snapshotOf = (evidence: { title: string; documentType: string; documentNo: string | null; enactedAt: Date | null; validUntil: Date | null; sourceUrl?: string | null }) => ({
  ...(evidence.sourceUrl ? { sourceUrl: evidence.sourceUrl } : {}),
  title: evidence.title,
  documentType: evidence.documentType,
  documentNo: evidence.documentNo,
  enactedAt: evidence.enactedAt?.toISOString().slice(0, 10) ?? null,
  validUntil: evidence.validUntil?.toISOString().slice(0, 10) ?? null,
});

type AnswerUse = { status: string; indicator: { number: number | null }; period: { year: number; phase: string } };

const answerUseSelect = { id: true, status: true, indicator: { select: { number: true } }, period: { select: { year: true, phase: true } } } as const;

function describeUses(answers: readonly AnswerUse[]): Message[] {
  return answers.map((answer) => msg("evidence.usedByAnswer", { number: answer.indicator.number ?? "-", year: answer.period.year, status: msg(`answers.statuses.${answer.status}`) }));
}

async function usesInLockedPeriods(tx: DbTransaction, evidenceId: string): Promise<AnswerUse[]> {
  const links = await tx.answerEvidence.findMany({ where: { evidenceId, answer: { period: { phase: "FINAL" } } }, select: { answer: { select: answerUseSelect } } });
  return links.map((link) => link.answer);
}

export const createLinkEvidence = defineCommand({
  name: "evidence.create-link",
  input: ZEvidenceLinkCreate,
  async run({ tx, actor, request }, input) {
    const instansiId = assertCanInOwnInstansi(actor, "evidence.manage");
    const evidence = await tx.evidence.create({
      data: { instansiId, ownerUnitId: actor.active.unitId, kind: "LINK", createdById: actor.userId, sharedWithInstansi: sharedByDefault(input.documentType), ...input },
    });
    await writeAudit(tx, request, { action: "evidence.create", entityType: "Evidence", entityId: evidence.id, instansiId, after: { kind: "LINK", url: input.url, ...snapshotOf(evidence), sharedWithInstansi: evidence.sharedWithInstansi } });
    return { message: msg("evidence.linkCreated", { title: evidence.title }) };
  },
});

export const updateEvidence = defineCommand({
  name: "evidence.update",
  input: ZEvidenceUpdate,
  async run({ tx, actor, request }, { evidenceId, ...changes }) {
    const before = await loadManagedEvidence(tx, actor, evidenceId);
    // A locked period's report must read the same whenever it is produced: its evidence
    // keeps the title, number and dates it had at the lock.
    const lockedUses = await usesInLockedPeriods(tx, evidenceId);
    if (lockedUses.length > 0) throw new AppError("conflict", { message: msg("evidence.updateBlocked", { title: before.title, uses: describeUses(lockedUses) }) });
    const after = await tx.evidence.update({ where: { id: evidenceId }, data: changes });
    await writeAudit(tx, request, { action: "evidence.update", entityType: "Evidence", entityId: evidenceId, instansiId: before.instansiId, before: snapshotOf(before), after: snapshotOf(after) });
    return { message: msg("evidence.updated", { title: after.title }) };
  },
});

/**
 * The owner unit shares an item with the whole instansi, or stops sharing it. Answers of
 * other units that already attached it keep it (their record stays whole); it is no longer
 * offered to them.
 */
export const setEvidenceShared = defineCommand({
  name: "evidence.share",
  input: ZEvidenceShare,
  async run({ tx, actor, request }, { evidenceId, shared }) {
    const evidence = await loadManagedEvidence(tx, actor, evidenceId);
    if (evidence.sharedWithInstansi !== shared) await tx.evidence.update({ where: { id: evidenceId }, data: { sharedWithInstansi: shared } });
    await writeAudit(tx, request, {
      action: "evidence.share",
      entityType: "Evidence",
      entityId: evidenceId,
      instansiId: evidence.instansiId,
      before: { sharedWithInstansi: evidence.sharedWithInstansi },
      after: { sharedWithInstansi: shared },
    });
    return { message: msg(shared ? "evidence.sharing.shared" : "evidence.sharing.unshared", { title: evidence.title }) };
  },
});

/**
 * Soft delete. Refused (409, with the answers named) while the item supports an answer that
 * is submitted, verified or in a locked period: that answer's record must stay whole. Links
 * from answers still in the owner's hands are removed, and those answers' versions bumped
 * so an open form notices.
 */
export const deleteEvidence = defineCommand({
  name: "evidence.delete",
  input: ZEvidenceDelete,
  async run({ tx, actor, request }, { evidenceId }) {
    const evidence = await loadManagedEvidence(tx, actor, evidenceId);
    const links = await tx.answerEvidence.findMany({
      where: { evidenceId },
      select: { answer: { select: answerUseSelect } },
    });
    const answers = links.map((link) => link.answer);
    const locked = answers.filter((answer) => !isEditable(answer.status) || answer.period.phase === "FINAL");
    if (locked.length > 0) throw new AppError("conflict", { message: msg("evidence.deleteBlocked", { title: evidence.title, uses: describeUses(locked) }) });
    const detached = answers.map((answer) => answer.id);
    if (detached.length > 0) {
      await tx.answerEvidence.deleteMany({ where: { evidenceId, answerId: { in: detached } } });
      await touchAnswers(tx, "detach-evidence", detached, actor.userId);
    }
    await tx.evidence.update({ where: { id: evidenceId }, data: { deletedAt: new Date(), deletedById: actor.userId } });
    await writeAudit(tx, request, {
      action: "evidence.delete",
      entityType: "Evidence",
      entityId: evidenceId,
      instansiId: evidence.instansiId,
      before: snapshotOf(evidence),
      after: { deleted: true, detachedFromAnswers: detached },
    });
    return { message: msg("evidence.deleted", { title: evidence.title }) };
  },
});

/** Confirms an item for a period (the carry-over of last year's evidence, one item at a time). */
export const carryOverEvidence = defineCommand({
  name: "evidence.carry-over",
  input: ZEvidenceCarryOver,
  async run({ tx, actor, request }, { evidenceId, periodId }) {
    const evidence = await loadManagedEvidence(tx, actor, evidenceId);
    const period = await loadPeriodFor(tx, actor, "evidence.manage", periodId);
    if (period.phase === "FINAL") throw new AppError("conflict", { message: msg("periods.locked") });
    const today = todayIn(actor.active.timeZone);
    if (evidence.validUntil && evidence.validUntil < today) {
      throw new AppError("conflict", { message: msg("evidence.carryExpired", { title: evidence.title, date: formatDate(evidence.validUntil, "id", actor.active.timeZone) }) });
    }
    const key = { evidenceId_periodId: { evidenceId, periodId } };
    const existing = await tx.evidencePeriod.findUnique({ where: key });
    if (existing?.confirmedAt) throw new AppError("conflict", { message: msg("evidence.alreadyCarried", { title: evidence.title, year: period.year }) });
    const confirmed = { confirmedAt: new Date(), confirmedById: actor.userId };
    await tx.evidencePeriod.upsert({ where: key, create: { evidenceId, periodId, ...confirmed }, update: confirmed });
    await writeAudit(tx, request, {
      action: "evidence.carry-over",
      entityType: "Evidence",
      entityId: evidenceId,
      instansiId: evidence.instansiId,
      before: { periodId, confirmed: false },
      after: { periodId, year: period.year, confirmed: true },
    });
    return { message: msg("evidence.carried", { title: evidence.title, year: period.year }) };
  },
});
