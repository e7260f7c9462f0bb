// The self-assessment answer of an indicator, owned by the units it is assigned to, and
// its internal verification. Every write states the version it read (optimistic
// concurrency): the second of two people saving gets a conflict with the other version,
// never a silent overwrite. Levels are checked against the framework's scale.
import type { DbTransaction } from "@/lib/db";
import { defineCommand } from "@/lib/command";
import { writeAudit, type RequestContext } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { fill, formatDateTime } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { assertCan, can, type Actor } from "@/lib/policy";
import { getFrameworkVersion } from "@/lib/framework/store";
import type { AnswerStatus } from "@/lib/generated/prisma/enums";
import { EXPLANATION_MIN_TO_SUBMIT, WAIVER_MIN, ZAnswerSave, ZAnswerSubmit, ZAnswerVerify, ZCommentCreate, ZLinkEvidenceAdd } from "@/lib/validation/answers";
import { assertPhaseAllows } from "./phase";
import { holdPeriod, loadPeriodFor } from "./period-access";
import { parseLevel } from "./levels";

const m = messages.id.answers;

const fieldError = (field: string, message: string) => new AppError("validation_failed", { details: [{ field, code: "custom", message }] });

export const EDITABLE: readonly AnswerStatus[] = ["DRAFT", "NEEDS_CONFIRMATION", "NEEDS_REVISION"];

/**
 * The status an owner's save leaves: an answer sent back stays "perlu perbaikan" until it is
 * resubmitted; anything else becomes a draft (saving a copied baseline answer is its
 * owner's confirmation). Shared by the form and the Excel import.
 */
export function statusAfterSave(status: AnswerStatus | undefined): AnswerStatus {
  return status === "NEEDS_REVISION" ? "NEEDS_REVISION" : "DRAFT";
}

type Period = Awaited<ReturnType<typeof loadPeriodFor>>;

async function loadIndicator(tx: DbTransaction, period: Period, indicatorId: string) {
  const indicator = await tx.frameworkNode.findFirst({ where: { id: indicatorId, versionId: period.frameworkVersionId, kind: "INDICATOR" } });
  if (!indicator || indicator.number === null) throw new AppError("not_found");
  return { ...indicator, number: indicator.number };
}

/** The owner's unit when the indicator is assigned to it; refuses everyone else. */
async function assertOwner(tx: DbTransaction, actor: Actor, period: Period, indicatorId: string): Promise<string> {
  const unitId = actor.active.unitId;
  const assigned = unitId ? await tx.assignment.findFirst({ where: { periodId: period.id, indicatorId, unitId }, select: { id: true } }) : null;
  if (!assigned || !unitId) {
    // An Admin OPD learns why; other roles get the plain refusal.
    const isOwnerRole = can(actor, "answer.fill", { instansiId: period.instansiId, unitId });
    throw new AppError("forbidden", isOwnerRole ? { message: m.notAssigned } : {});
  }
  assertCan(actor, "answer.fill", { instansiId: period.instansiId, unitId });
  return unitId;
}

export async function currentVersionOf(tx: DbTransaction, answerId: string): Promise<Record<string, string>> {
  const answer = await tx.answer.findUniqueOrThrow({ where: { id: answerId } });
  const editor = answer.updatedById ? await tx.user.findUnique({ where: { id: answer.updatedById }, select: { name: true } }) : null;
  return {
    version: String(answer.version),
    level: answer.level?.toString() ?? "",
    explanation: answer.explanation ?? "",
    status: answer.status,
    updatedBy: editor?.name ?? "-",
    updatedAt: formatDateTime(answer.updatedAt),
  };
}

async function conflict(tx: DbTransaction, answerId: string): Promise<never> {
  throw new AppError("conflict", { message: m.staleVersion, current: await currentVersionOf(tx, answerId) });
}

export async function recordLevelChange(tx: DbTransaction, request: RequestContext, answerId: string, from: string | null, to: string | null, reason: string) {
  if ((from === null ? null : Number(from)) === (to === null ? null : Number(to))) return;
  await tx.levelChange.create({ data: { answerId, fromLevel: from, toLevel: to, reason, actorId: request.actorId } });
}

async function assertEvidenceInInstansi(tx: DbTransaction, instansiId: string, evidenceIds: readonly string[]) {
  if (evidenceIds.length === 0) return;
  const found = await tx.evidence.count({ where: { id: { in: [...evidenceIds] }, instansiId, deletedAt: null } });
  if (found !== new Set(evidenceIds).size) throw fieldError("evidenceIds", m.evidenceUnknown);
}

export const saveAnswer = defineCommand({
  name: "answer.save",
  input: ZAnswerSave,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, (await loadPeriodFor(tx, actor, "answer.fill", input.periodId)).id);
    const indicator = await loadIndicator(tx, period, input.indicatorId);
    const unitId = await assertOwner(tx, actor, period, indicator.id);
    assertPhaseAllows(period.phase, "answer.fill");
    const framework = await getFrameworkVersion(tx, period.frameworkVersionId);
    const parsed = parseLevel(framework!.definition, indicator.number, input.level);
    if ("issue" in parsed) throw fieldError("level", parsed.issue);
    const evidenceIds = [...new Set(input.evidenceIds)];
    await assertEvidenceInInstansi(tx, period.instansiId, evidenceIds);

    const where = { periodId_indicatorId_stage: { periodId: period.id, indicatorId: indicator.id, stage: "SELF" as const } };
    const existing = await tx.answer.findUnique({ where, include: { evidence: { select: { evidenceId: true } } } });
    if (existing && !EDITABLE.includes(existing.status)) {
      throw new AppError("conflict", { message: fill(m.notEditable, { status: m.statuses[existing.status]! }), current: await currentVersionOf(tx, existing.id) });
    }
    if ((existing?.version ?? 0) !== input.version) {
      if (existing) await conflict(tx, existing.id);
      throw new AppError("conflict", { message: m.staleVersion });
    }
    const values = {
      level: parsed.level,
      explanation: input.explanation,
      evidenceWaiverReason: input.evidenceWaiverReason || null,
      updatedById: actor.userId,
      status: statusAfterSave(existing?.status),
    };
    let answerId: string;
    let version: number;
    if (existing) {
      const updated = await tx.answer.updateMany({ where: { id: existing.id, version: input.version }, data: { ...values, version: { increment: 1 } } });
      if (updated.count === 0) await conflict(tx, existing.id);
      answerId = existing.id;
      version = input.version + 1;
    } else {
      const created = await tx.answer.create({ data: { periodId: period.id, indicatorId: indicator.id, stage: "SELF", ...values } });
      answerId = created.id;
      version = created.version;
    }

    const before = new Set(existing?.evidence.map((link) => link.evidenceId) ?? []);
    const removed = [...before].filter((evidenceId) => !evidenceIds.includes(evidenceId));
    const added = evidenceIds.filter((evidenceId) => !before.has(evidenceId));
    // An owner attaches what their unit may read: its own library (what others attached stays).
    if (added.length > 0 && (await tx.evidence.count({ where: { id: { in: added }, ownerUnitId: unitId } })) !== added.length) {
      throw fieldError("evidenceIds", m.evidenceUnknown);
    }
    if (removed.length > 0) await tx.answerEvidence.deleteMany({ where: { answerId, evidenceId: { in: removed } } });
    if (added.length > 0) await tx.answerEvidence.createMany({ data: added.map((evidenceId) => ({ answerId, evidenceId, addedById: actor.userId })) });

    await recordLevelChange(tx, request, answerId, existing?.level?.toString() ?? null, parsed.level, "Diubah pemilik jawaban");
    await writeAudit(tx, request, {
      action: existing ? "answer.update" : "answer.create",
      entityType: "Answer",
      entityId: answerId,
      instansiId: period.instansiId,
      before: existing ? { level: existing.level?.toString() ?? null, explanation: existing.explanation, status: existing.status, evidence: [...before] } : null,
      after: { level: parsed.level, explanation: input.explanation, status: values.status, evidence: evidenceIds },
    });
    const message = existing?.status === "NEEDS_CONFIRMATION" ? m.confirmedMessage : m.savedMessage;
    return { message, data: { version: String(version), savedAt: new Date().toISOString() } };
  },
});

export const submitAnswer = defineCommand({
  name: "answer.submit",
  input: ZAnswerSubmit,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, (await loadPeriodFor(tx, actor, "answer.fill", input.periodId)).id);
    const indicator = await loadIndicator(tx, period, input.indicatorId);
    await assertOwner(tx, actor, period, indicator.id);
    assertPhaseAllows(period.phase, "answer.fill");
    const answer = await tx.answer.findUnique({
      where: { periodId_indicatorId_stage: { periodId: period.id, indicatorId: indicator.id, stage: "SELF" } },
      include: { _count: { select: { evidence: true } } },
    });
    if (!answer) throw fieldError("level", m.levelRequired);
    if (!EDITABLE.includes(answer.status)) throw new AppError("conflict", { message: fill(m.notEditable, { status: m.statuses[answer.status]! }) });
    if (answer.version !== input.version) await conflict(tx, answer.id);

    const details = [];
    if (answer.level === null) details.push({ field: "level", code: "custom", message: m.levelRequired });
    if ((answer.explanation ?? "").trim().length < EXPLANATION_MIN_TO_SUBMIT) details.push({ field: "explanation", code: "custom", message: m.explanationRequired });
    const needsEvidence = answer.level !== null && Number(answer.level.toString()) >= 2;
    if (needsEvidence && answer._count.evidence === 0 && (answer.evidenceWaiverReason ?? "").trim().length < WAIVER_MIN) {
      details.push({ field: "evidenceIds", code: "custom", message: m.evidenceRequired });
    }
    if (details.length > 0) throw new AppError("validation_failed", { details });

    const updated = await tx.answer.updateMany({
      where: { id: answer.id, version: input.version },
      data: { status: "SUBMITTED", submittedAt: new Date(), updatedById: actor.userId, version: { increment: 1 } },
    });
    if (updated.count === 0) await conflict(tx, answer.id);
    await writeAudit(tx, request, {
      action: "answer.submit",
      entityType: "Answer",
      entityId: answer.id,
      instansiId: period.instansiId,
      before: { status: answer.status },
      after: { status: "SUBMITTED", level: answer.level?.toString() ?? null },
    });
    return { message: m.submitted, data: { version: String(input.version + 1) } };
  },
});

export const verifyAnswer = defineCommand({
  name: "answer.verify",
  input: ZAnswerVerify,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, (await loadPeriodFor(tx, actor, "answer.verify", input.periodId)).id);
    assertPhaseAllows(period.phase, "answer.verify");
    const answer = await tx.answer.findFirst({ where: { id: input.answerId, periodId: period.id, stage: "SELF" }, include: { indicator: true } });
    if (!answer) throw new AppError("not_found");
    if (answer.status !== "SUBMITTED") throw new AppError("conflict", { message: m.notSubmitted });
    if (answer.version !== input.version) await conflict(tx, answer.id);
    const framework = await getFrameworkVersion(tx, period.frameworkVersionId);
    const parsed = parseLevel(framework!.definition, answer.indicator.number!, input.verifiedLevel);
    if ("issue" in parsed) throw fieldError("verifiedLevel", parsed.issue);

    const round = (await tx.verificationRound.count({ where: { answerId: answer.id } })) + 1;
    await tx.verificationRound.create({
      data: { answerId: answer.id, round, verifiedLevel: parsed.level, notes: input.notes || null, decision: input.decision, reviewerId: actor.userId },
    });
    const verified = input.decision === "VERIFIED";
    const updated = await tx.answer.updateMany({
      where: { id: answer.id, version: input.version },
      data: { status: verified ? "VERIFIED" : "NEEDS_REVISION", verifiedAt: verified ? new Date() : null, version: { increment: 1 } },
    });
    if (updated.count === 0) await conflict(tx, answer.id);

    if (verified) {
      const key = { periodId_indicatorId_stage: { periodId: period.id, indicatorId: answer.indicatorId, stage: "INTERNAL_VERIFICATION" as const } };
      const previous = await tx.answer.findUnique({ where: key });
      const stageAnswer = await tx.answer.upsert({
        where: key,
        create: { periodId: period.id, indicatorId: answer.indicatorId, stage: "INTERNAL_VERIFICATION", level: parsed.level, explanation: input.notes || null, status: "VERIFIED", updatedById: actor.userId, verifiedAt: new Date() },
        update: { level: parsed.level, explanation: input.notes || null, status: "VERIFIED", updatedById: actor.userId, verifiedAt: new Date(), version: { increment: 1 } },
      });
      await recordLevelChange(tx, request, stageAnswer.id, previous?.level?.toString() ?? null, parsed.level, input.notes || `Verifikasi internal putaran ${round}`);
    }
    await writeAudit(tx, request, {
      action: verified ? "answer.verify" : "answer.send-back",
      entityType: "Answer",
      entityId: answer.id,
      instansiId: period.instansiId,
      before: { status: answer.status, level: answer.level?.toString() ?? null },
      after: { status: verified ? "VERIFIED" : "NEEDS_REVISION", round, verifiedLevel: parsed.level, notes: input.notes },
    });
    return { message: fill(m.verifiedMessage, { decision: verified ? m.decisionVerified : m.decisionRevision }) };
  },
});

/** Who may take part in an indicator's discussion: the instansi's Koordinator and Asesor, and its owner units. */
async function assertMayComment(tx: DbTransaction, actor: Actor, period: Period, indicatorId: string) {
  const unitId = actor.active.unitId;
  const ownsIt = unitId ? await tx.assignment.findFirst({ where: { periodId: period.id, indicatorId, unitId }, select: { id: true } }) : null;
  assertCan(actor, "comment.create", { instansiId: period.instansiId, unitId: ownsIt ? unitId : null });
}

export const addComment = defineCommand({
  name: "comment.create",
  input: ZCommentCreate,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, (await loadPeriodFor(tx, actor, "comment.create", input.periodId)).id);
    const indicator = await loadIndicator(tx, period, input.indicatorId);
    await assertMayComment(tx, actor, period, indicator.id);
    assertPhaseAllows(period.phase, "comment.create");
    const mentions = [...new Set(input.mentions)];
    if (mentions.length > 0) {
      const members = await tx.user.count({ where: { id: { in: mentions }, isActive: true, memberships: { some: { instansiId: period.instansiId, isActive: true } } } });
      if (members !== mentions.length) throw fieldError("mentions", m.mentionUnknown);
    }
    const comment = await tx.comment.create({
      data: { periodId: period.id, indicatorId: indicator.id, authorId: actor.userId, body: input.body, mentions: { create: mentions.map((userId) => ({ userId })) } },
    });
    await writeAudit(tx, request, { action: "comment.create", entityType: "Comment", entityId: comment.id, instansiId: period.instansiId, after: { indicator: indicator.number, body: input.body, mentions } });
    return { message: m.commentAdded };
  },
});

/** A link (a public page, a video) becomes an evidence item of the owner's unit and is attached to the answer. */
export const addLinkEvidence = defineCommand({
  name: "evidence.add-link",
  input: ZLinkEvidenceAdd,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, (await loadPeriodFor(tx, actor, "evidence.manage", input.periodId)).id);
    const indicator = await loadIndicator(tx, period, input.indicatorId);
    const unitId = await assertOwner(tx, actor, period, indicator.id);
    assertPhaseAllows(period.phase, "answer.fill");
    const where = { periodId_indicatorId_stage: { periodId: period.id, indicatorId: indicator.id, stage: "SELF" as const } };
    const existing = await tx.answer.findUnique({ where });
    if (existing && !EDITABLE.includes(existing.status)) throw new AppError("conflict", { message: fill(m.notEditable, { status: m.statuses[existing.status]! }) });
    const evidence = await tx.evidence.create({
      data: { instansiId: period.instansiId, ownerUnitId: unitId, kind: "LINK", title: input.title, url: input.url, createdById: actor.userId, periods: { create: { periodId: period.id, confirmedAt: new Date(), confirmedById: actor.userId } } },
    });
    const answer = existing
      ? await tx.answer.update({ where: { id: existing.id }, data: { version: { increment: 1 }, updatedById: actor.userId } })
      : await tx.answer.create({ data: { periodId: period.id, indicatorId: indicator.id, stage: "SELF", updatedById: actor.userId } });
    await tx.answerEvidence.create({ data: { answerId: answer.id, evidenceId: evidence.id, addedById: actor.userId } });
    await writeAudit(tx, request, { action: "evidence.create", entityType: "Evidence", entityId: evidence.id, instansiId: period.instansiId, after: { kind: "LINK", title: input.title, url: input.url, answerId: answer.id } });
    return { message: fill(m.linkAdded, { title: input.title }), data: { version: String(answer.version), evidenceId: evidence.id } };
  },
});

