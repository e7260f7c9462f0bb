// The self-assessment answer of an indicator, owned by the units it is assigned to, and
// its internal verification. Every write states the version it read (optimistic
// concurrency): the second of two people saving gets a conflict with the other version,
// never a silent overwrite. Levels are checked against the framework's scale.
import type { DbTransaction } from "@/lib/db";
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError, fieldError } from "@/lib/errors";
import { assertCan, can, type Actor } from "@/lib/policy";
import { answerScope, evidenceScope } from "@/lib/policy-scope";
import { getFrameworkVersion } from "@/lib/framework-versions/store";
import { EXPLANATION_MIN_TO_SUBMIT, WAIVER_MIN, ZAnswerSave, ZAnswerSubmit, ZAnswerReturn, ZAnswerVerify, ZAnswerWithdraw, ZCommentCreate, ZLinkEvidenceAdd } from "@/lib/validation/answers";
import { assertTransition, auditAnswer, conflictVersion, nextStatus, recordLevelChanges, staleAnswer, writeAnswer } from "./answer-lifecycle";
import { assertPhaseAllows } from "./phase";
import { holdPeriod, type LoadedPeriod } from "./period-access";
import { parseLevel } from "./levels";
import { msg } from "@/lib/i18n/message";
import { butirStatusRows } from "@/lib/validation/butir";
import { recordButirStatuses } from "./butir";
import { notifyMentions, notifyReviewDecision } from "@/lib/notifications/events";


async function loadIndicator(tx: DbTransaction, period: LoadedPeriod, indicatorId: string) {
  const indicator = await tx.frameworkNode.findFirst({ where: { id: indicatorId, versionId: period.frameworkVersionId, kind: "INDICATOR" } });
  if (!indicator || indicator.number === null) throw new AppError("not_found");
  return { ...indicator, number: indicator.number };
}

const selfKey = (period: LoadedPeriod, indicatorId: string) => ({ periodId: period.id, indicatorId, stage: "SELF" as const });

/** The owner's unit when the indicator is assigned to it; refuses everyone else. */
async function assertOwner(tx: DbTransaction, actor: Actor, period: LoadedPeriod, indicatorId: string): Promise<string> {
  const scope = await answerScope(tx, period, indicatorId);
  // An Admin OPD learns why; other roles get the plain refusal.
  if (!can(actor, "answer.fill", scope) && can(actor, "answer.fill", { instansiId: period.instansiId, unitId: actor.active.unitId })) {
    throw new AppError("forbidden", { message: msg("answers.notAssigned") });
  }
  assertCan(actor, "answer.fill", scope);
  return actor.active.unitId!;
}

async function assertEvidenceInInstansi(tx: DbTransaction, instansiId: string, evidenceIds: readonly string[]) {
  if (evidenceIds.length === 0) return;
  const found = await tx.evidence.count({ where: { id: { in: [...evidenceIds] }, instansiId, deletedAt: null } });
  if (found !== new Set(evidenceIds).size) throw fieldError("evidenceIds", msg("answers.evidenceUnknown"));
}

export const saveAnswer = defineCommand({
  name: "answer.save",
  input: ZAnswerSave,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "answer.fill", input.periodId);
    const indicator = await loadIndicator(tx, period, input.indicatorId);
    await assertOwner(tx, actor, period, indicator.id);
    assertPhaseAllows(period.phase, "answer.fill");
    const framework = await getFrameworkVersion(tx, period.frameworkVersionId);
    const parsed = parseLevel(framework!.definition, input.level);
    if ("issue" in parsed) throw fieldError("level", parsed.issue);
    const evidenceIds = [...new Set(input.evidenceIds)];
    await assertEvidenceInInstansi(tx, period.instansiId, evidenceIds);

    const key = selfKey(period, indicator.id);
    const existing = await tx.answer.findUnique({ where: { periodId_indicatorId_stage: key }, include: { evidence: { select: { evidenceId: true } } } });
    if (existing && nextStatus("save", existing.status) === null) assertTransition("save", existing.status, await conflictVersion(tx, existing));
    if ((existing?.version ?? 0) !== input.version) await staleAnswer(tx, key);
    const values = { level: parsed.level, explanation: input.explanation, evidenceWaiverReason: input.evidenceWaiverReason || null };
    const written = (await writeAnswer(tx, { event: "save", key, current: existing, values, actorId: actor.userId })) ?? (await staleAnswer(tx, key));
    const answerId = written.id;

    const before = new Set(existing?.evidence.map((link) => link.evidenceId) ?? []);
    const removed = [...before].filter((evidenceId) => !evidenceIds.includes(evidenceId));
    const added = evidenceIds.filter((evidenceId) => !before.has(evidenceId));
    // An owner attaches their unit's own items and those shared with the instansi (what others attached stays).
    if (added.length > 0) {
      const items = await tx.evidence.findMany({ where: { id: { in: added }, instansiId: period.instansiId, deletedAt: null }, select: { instansiId: true, ownerUnitId: true, sharedWithInstansi: true } });
      if (items.length !== added.length || !items.every((item) => can(actor, "evidence.attach", evidenceScope(item)))) throw fieldError("evidenceIds", msg("answers.evidenceUnknown"));
    }
    if (removed.length > 0) await tx.answerEvidence.deleteMany({ where: { answerId, evidenceId: { in: removed } } });
    if (added.length > 0) await tx.answerEvidence.createMany({ data: added.map((evidenceId) => ({ answerId, evidenceId, addedById: actor.userId })) });

    await recordLevelChanges(tx, actor.userId, [{ answerId, from: existing?.level ?? null, to: parsed.level }], "Diubah pemilik jawaban");
    await auditAnswer(tx, request, "save", {
      answerId,
      instansiId: period.instansiId,
      created: !existing,
      before: existing ? { level: existing.level?.toString() ?? null, explanation: existing.explanation, status: existing.status, evidence: [...before] } : null,
      after: { level: parsed.level, explanation: input.explanation, status: written.status, evidence: evidenceIds },
    });
    const message = existing?.status === "NEEDS_CONFIRMATION" ? msg("answers.confirmedMessage") : msg("answers.savedMessage");
    return { message, data: { version: String(written.version), savedAt: new Date().toISOString() } };
  },
});

export const submitAnswer = defineCommand({
  name: "answer.submit",
  input: ZAnswerSubmit,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "answer.fill", input.periodId);
    const indicator = await loadIndicator(tx, period, input.indicatorId);
    await assertOwner(tx, actor, period, indicator.id);
    assertPhaseAllows(period.phase, "answer.fill");
    const key = selfKey(period, indicator.id);
    const answer = await tx.answer.findUnique({ where: { periodId_indicatorId_stage: key }, include: { _count: { select: { evidence: true } } } });
    if (!answer) throw fieldError("level", msg("answers.levelRequired"));
    assertTransition("submit", answer.status);
    if (answer.version !== input.version) await staleAnswer(tx, answer);

    const details = [];
    if (answer.level === null) details.push({ field: "level", code: "custom", message: msg("answers.levelRequired") });
    if ((answer.explanation ?? "").trim().length < EXPLANATION_MIN_TO_SUBMIT) details.push({ field: "explanation", code: "custom", message: msg("answers.explanationRequired") });
    const needsEvidence = answer.level !== null && Number(answer.level.toString()) >= 2;
    if (needsEvidence && answer._count.evidence === 0 && (answer.evidenceWaiverReason ?? "").trim().length < WAIVER_MIN) {
      details.push({ field: "evidenceIds", code: "custom", message: msg("answers.evidenceRequired") });
    }
    if (details.length > 0) throw new AppError("validation_failed", { details });

    const written = (await writeAnswer(tx, { event: "submit", key, current: answer, actorId: actor.userId })) ?? (await staleAnswer(tx, answer));
    await auditAnswer(tx, request, "submit", {
      answerId: answer.id,
      instansiId: period.instansiId,
      created: false,
      before: { status: answer.status },
      after: { status: written.status, level: answer.level?.toString() ?? null },
    });
    return { message: msg("answers.submitted"), data: { version: String(written.version) } };
  },
});

export const verifyAnswer = defineCommand({
  name: "answer.verify",
  input: ZAnswerVerify,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "answer.verify", input.periodId);
    assertPhaseAllows(period.phase, "answer.verify");
    const answer = await tx.answer.findFirst({ where: { id: input.answerId, periodId: period.id, stage: "SELF" }, include: { indicator: true } });
    if (!answer) throw new AppError("not_found");
    const verified = input.decision === "VERIFIED";
    const event = verified ? "verify" : "send-back";
    assertTransition(event, answer.status);
    if (answer.version !== input.version) await staleAnswer(tx, answer);
    const framework = await getFrameworkVersion(tx, period.frameworkVersionId);
    const parsed = parseLevel(framework!.definition, input.verifiedLevel);
    if ("issue" in parsed) throw fieldError("verifiedLevel", parsed.issue);

    const round = (await tx.verificationRound.count({ where: { answerId: answer.id } })) + 1;
    await tx.verificationRound.create({
      data: { answerId: answer.id, round, verifiedLevel: parsed.level, notes: input.notes || null, decision: input.decision, reviewerId: actor.userId },
    });
    const written = (await writeAnswer(tx, { event, key: selfKey(period, answer.indicatorId), current: answer, actorId: actor.userId })) ?? (await staleAnswer(tx, answer));
    // The butir statuses of this round (frameworks with butir); a revision goes back with the answer.
    const butir = await recordButirStatuses(tx, {
      period,
      indicatorId: answer.indicatorId,
      stage: "INTERNAL_VERIFICATION",
      origin: "REVIEW",
      actorId: actor.userId,
      rows: butirStatusRows(input),
    });

    if (verified) {
      const key = { periodId: period.id, indicatorId: answer.indicatorId, stage: "INTERNAL_VERIFICATION" as const };
      const previous = await tx.answer.findUnique({ where: { periodId_indicatorId_stage: key } });
      const values = { level: parsed.level, explanation: input.notes || null };
      const stageAnswer = (await writeAnswer(tx, { event: "record-verification", key, current: previous, values, actorId: actor.userId })) ?? (await staleAnswer(tx, key));
      await recordLevelChanges(tx, actor.userId, [{ answerId: stageAnswer.id, from: previous?.level ?? null, to: parsed.level }], input.notes || `Verifikasi internal putaran ${round}`);
    }
    await auditAnswer(tx, request, event, {
      answerId: answer.id,
      instansiId: period.instansiId,
      created: false,
      before: { status: answer.status, level: answer.level?.toString() ?? null },
      after: { status: written.status, round, verifiedLevel: parsed.level, notes: input.notes, ...(butir ? { butirRound: butir.round, butir: butir.statuses } : {}) },
    });
    await notifyReviewDecision(tx, period, answer.indicator, verified, actor);
    return { message: msg("answers.verifiedMessage", { decision: verified ? msg("answers.decisionVerified") : msg("answers.decisionRevision") }) };
  },
});

/**
 * The owner takes a submission back to change it, as long as the Asesor has not started on
 * it. "Started" is any verification record since the submission: a decision (verified, sent
 * back) moves the status, which the transition refuses; a round recorded after the
 * submission is refused here as well.
 */
export const withdrawAnswer = defineCommand({
  name: "answer.withdraw",
  input: ZAnswerWithdraw,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "answer.fill", input.periodId);
    const indicator = await loadIndicator(tx, period, input.indicatorId);
    await assertOwner(tx, actor, period, indicator.id);
    assertPhaseAllows(period.phase, "answer.fill");
    const key = selfKey(period, indicator.id);
    const answer = await tx.answer.findUnique({ where: { periodId_indicatorId_stage: key } });
    if (!answer) throw new AppError("conflict", { message: msg("corrections.withdrawNotSubmitted", { status: msg("answers.statuses.NONE") }) });
    assertTransition("withdraw", answer.status);
    const reviewed = await tx.verificationRound.count({ where: { answerId: answer.id, ...(answer.submittedAt ? { createdAt: { gte: answer.submittedAt } } : {}) } });
    if (reviewed > 0 && answer.submittedAt) throw new AppError("conflict", { message: msg("corrections.withdrawStarted", { status: msg(`answers.statuses.${answer.status}`) }) });
    if (answer.version !== input.version) await staleAnswer(tx, answer);
    const written = (await writeAnswer(tx, { event: "withdraw", key, current: answer, actorId: actor.userId })) ?? (await staleAnswer(tx, answer));
    await auditAnswer(tx, request, "withdraw", {
      answerId: answer.id,
      instansiId: period.instansiId,
      created: false,
      before: { status: answer.status, submittedAt: answer.submittedAt?.toISOString() ?? null },
      after: { status: written.status },
    });
    return { message: msg("corrections.withdrawn"), data: { version: String(written.version) } };
  },
});

/**
 * A correction after verification: the Asesor returns a verified answer to its owner with a
 * note (a verification round of its own), and the owner corrects and resubmits it. The
 * internal verification's level stays on record until the answer is verified again.
 */
export const returnVerifiedAnswer = defineCommand({
  name: "answer.return",
  input: ZAnswerReturn,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "answer.verify", input.periodId);
    assertPhaseAllows(period.phase, "answer.verify");
    const answer = await tx.answer.findFirst({ where: { id: input.answerId, periodId: period.id, stage: "SELF" }, include: { indicator: true } });
    if (!answer) throw new AppError("not_found");
    assertTransition("return-verified", answer.status);
    if (answer.version !== input.version) await staleAnswer(tx, answer);
    const round = (await tx.verificationRound.count({ where: { answerId: answer.id } })) + 1;
    await tx.verificationRound.create({ data: { answerId: answer.id, round, verifiedLevel: null, notes: input.notes, decision: "NEEDS_REVISION", reviewerId: actor.userId } });
    const written =
      (await writeAnswer(tx, { event: "return-verified", key: selfKey(period, answer.indicatorId), current: answer, actorId: actor.userId })) ?? (await staleAnswer(tx, answer));
    await auditAnswer(tx, request, "return-verified", {
      answerId: answer.id,
      instansiId: period.instansiId,
      created: false,
      before: { status: answer.status, level: answer.level?.toString() ?? null },
      after: { status: written.status, round, notes: input.notes },
    });
    await notifyReviewDecision(tx, period, answer.indicator, false, actor);
    return { message: msg("corrections.returned") };
  },
});

/** Who may take part in an indicator's discussion: the instansi's Koordinator and Asesor, and its owner units. */
async function assertMayComment(tx: DbTransaction, actor: Actor, period: LoadedPeriod, indicatorId: string) {
  assertCan(actor, "comment.create", await answerScope(tx, period, indicatorId));
}

export const addComment = defineCommand({
  name: "comment.create",
  input: ZCommentCreate,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "comment.create", input.periodId);
    const indicator = await loadIndicator(tx, period, input.indicatorId);
    await assertMayComment(tx, actor, period, indicator.id);
    assertPhaseAllows(period.phase, "comment.create");
    const mentions = [...new Set(input.mentions)];
    if (mentions.length > 0) {
      const members = await tx.user.count({ where: { id: { in: mentions }, isActive: true, memberships: { some: { instansiId: period.instansiId, isActive: true } } } });
      if (members !== mentions.length) throw fieldError("mentions", msg("answers.mentionUnknown"));
    }
    const comment = await tx.comment.create({
      data: { periodId: period.id, indicatorId: indicator.id, authorId: actor.userId, body: input.body, mentions: { create: mentions.map((userId) => ({ userId })) } },
    });
    await writeAudit(tx, request, { action: "comment.create", entityType: "Comment", entityId: comment.id, instansiId: period.instansiId, after: { indicator: indicator.number, body: input.body, mentions } });
    await notifyMentions(tx, period, indicator, actor, mentions, input.body);
    return { message: msg("answers.commentAdded") };
  },
});

/** A link (a public page, a video) becomes an evidence item of the owner's unit and is attached to the answer. */
export const addLinkEvidence = defineCommand({
  name: "evidence.add-link",
  input: ZLinkEvidenceAdd,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "evidence.manage", input.periodId);
    const indicator = await loadIndicator(tx, period, input.indicatorId);
    const unitId = await assertOwner(tx, actor, period, indicator.id);
    assertPhaseAllows(period.phase, "answer.fill");
    const key = selfKey(period, indicator.id);
    const existing = await tx.answer.findUnique({ where: { periodId_indicatorId_stage: key } });
    assertTransition("attach-evidence", existing?.status ?? null);
    const evidence = await tx.evidence.create({
      data: { instansiId: period.instansiId, ownerUnitId: unitId, kind: "LINK", title: input.title, url: input.url, createdById: actor.userId, periods: { create: { periodId: period.id, confirmedAt: new Date(), confirmedById: actor.userId } } },
    });
    const answer = (await writeAnswer(tx, { event: "attach-evidence", key, current: existing, actorId: actor.userId })) ?? (await staleAnswer(tx, key));
    await tx.answerEvidence.create({ data: { answerId: answer.id, evidenceId: evidence.id, addedById: actor.userId } });
    await writeAudit(tx, request, { action: "evidence.create", entityType: "Evidence", entityId: evidence.id, instansiId: period.instansiId, after: { kind: "LINK", title: input.title, url: input.url, answerId: answer.id } });
    await auditAnswer(tx, request, "attach-evidence", { answerId: answer.id, instansiId: period.instansiId, created: !existing, after: { evidenceAdded: evidence.id, version: answer.version } });
    return { message: msg("answers.linkAdded", { title: input.title }), data: { version: String(answer.version), evidenceId: evidence.id } };
  },
});

