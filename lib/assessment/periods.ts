// Assessment periods, run by the Koordinator: open one (optionally starting from last
// year's results), change its settings, move it through its phases, lock it and reopen it
// with a recorded reason. `AssessmentPeriod.version` is the optimistic-concurrency token:
// every change states the version the person saw, and a stale one changes nothing.
import { writeAudit } from "@/lib/audit";
import { defineCommand } from "@/lib/command";
import { notifyPhaseChange } from "@/lib/notifications/events";
import type { DbTransaction } from "@/lib/db";
import { AppError, fieldError } from "@/lib/errors";
import { getFrameworkVersion, type StoredFrameworkVersion } from "@/lib/framework-versions/store";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCanInOwnInstansi, type Actor } from "@/lib/policy";
import { validateValues } from "@/lib/scoring";
import { counterpartsOf } from "@/lib/framework/lineage";
import { ZPeriodAdvance, ZPeriodCarryOver, ZPeriodOpen, ZPeriodReopen, ZPeriodUpdate } from "@/lib/validation/periods";
import { createAnswers, recordLevelChanges } from "./answer-lifecycle";
import { loadPeriodFor, type LoadedPeriod } from "./period-access";
import { countOpenIndicators } from "./period-results";
import { FINAL_LEVEL_STAGES, finalLevelAnswer, loadPreviousPeriod, type PreviousPeriod } from "./previous-period";
import { assertPhaseAllows, nextPhase } from "./phase";
import { msg, type Message } from "@/lib/i18n/message";
import { render } from "@/lib/i18n/render";

const stale = () => new AppError("conflict", { message: msg("periods.stale") });

type Settings = {
  predicateBasis: "EXACT" | "ROUNDED";
  targetIndex: string | null;
  fillDeadline: Date | null;
  verifyDeadline: Date | null;
  submitDeadline: Date | null;
  objectionDeadline: Date | null;
};


/** The settings as the audit trail records them (decimals and dates as text). */
function settingsOf(period: Settings | LoadedPeriod) {
  return {
    predicateBasis: period.predicateBasis,
    targetIndex: period.targetIndex === null ? null : String(period.targetIndex),
    fillDeadline: period.fillDeadline?.toISOString() ?? null,
    verifyDeadline: period.verifyDeadline?.toISOString() ?? null,
    submitDeadline: period.submitDeadline?.toISOString() ?? null,
    objectionDeadline: period.objectionDeadline?.toISOString() ?? null,
  };
}

export const openPeriod = defineCommand({
  name: "period.open",
  input: ZPeriodOpen,
  async run({ tx, actor, request }, { year, frameworkVersionId, baseline, confirmFramework, ...settings }) {
    const instansiId = assertCanInOwnInstansi(actor, "period.manage");
    const framework = await getFrameworkVersion(tx, frameworkVersionId);
    if (!framework) throw fieldError("frameworkVersionId", msg("periods.form.frameworkInvalid"));
    const { usedForYears } = framework.definition;
    // pemdi-2026 for 2025, or spbe-2020 for 2026, is possible (a rehearsal) but rarely meant.
    if (!usedForYears.includes(year) && !confirmFramework) {
      throw fieldError("confirmFramework", msg("periods.form.frameworkNotInForce", { framework: framework.definition.name, year, years: usedForYears.join(", ") || "-" }));
    }
    if (await tx.assessmentPeriod.findUnique({ where: { instansiId_year: { instansiId, year } }, select: { id: true } })) {
      throw fieldError("year", msg("periods.form.yearTaken"));
    }
    const previous = baseline ? await loadPreviousPeriod(tx, instansiId, year) : null;
    if (baseline && !previous) throw fieldError("baseline", msg("periods.form.noBaseline"));

    let period;
    try {
      period = await tx.assessmentPeriod.create({
        data: { instansiId, year, frameworkVersionId, ...settings, baselinePeriodId: previous?.id ?? null },
      });
    } catch (error) {
      // Two Koordinators opening the same year at once: the unique key decides.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw fieldError("year", msg("periods.form.yearTaken"));
      throw error;
    }
    const target = { id: period.id, framework };
    // Within a framework the final levels come along; across frameworks only who does the
    // work and which documents may serve again, as candidates (lib/framework/lineage.ts).
    const copied = previous && previous.framework.code === framework.code ? await copyBaseline(tx, actor, previous, target) : null;
    const carried = previous && previous.framework.code !== framework.code ? await carryOver(tx, previous, target) : null;

    await writeAudit(tx, request, {
      action: "period.open",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      instansiId,
      after: { year, frameworkVersionId, phase: period.phase, ...settingsOf(settings), baselinePeriodId: previous?.id ?? null, baselinePhase: previous?.phase ?? null, copied, carried, ...(confirmFramework && !usedForYears.includes(year) ? { frameworkNotInForce: true } : {}) },
    });
    if (copied) return { message: withStageNote(msg("periods.form.openedWithBaseline", { year, baseline: previous!.year, answers: copied.answers, assignments: copied.assignments }), previous!) };
    if (carried) return { message: withStageNote(msg("periods.form.openedWithCarryOver", { year, baseline: previous!.year, framework: previous!.framework.definition.name, ...carried }), previous!) };
    return { message: msg("periods.form.opened", { year }) };
  },
});

/** A copy from a period that is not locked yet says so: its levels and evidence may still change there. */
function withStageNote(message: Message, previous: PreviousPeriod): Message {
  if (previous.phase === "FINAL") return message;
  return msg("forms.sentences", { first: message, second: msg("periods.form.baselineNotFinal", { year: previous.year, phase: msg(`periods.phases.${previous.phase}`) }) });
}

/**
 * "Bawa dari periode sebelumnya" for a period that is already open on another framework
 * than the previous one: the same carry-over as opening with it. Refused once the period
 * has answers, because candidates would then mix with work already done.
 */
export const carryOverPeriod = defineCommand({
  name: "period.carry-over",
  input: ZPeriodCarryOver,
  async run({ tx, actor, request }, { periodId, version }) {
    const period = await loadForChange(tx, actor, periodId, version);
    assertPhaseAllows(period.phase, "assignment.edit");
    const answers = await tx.answer.count({ where: { periodId } });
    if (answers > 0) throw new AppError("conflict", { message: msg("periods.carryOverHasAnswers", { year: period.year, answers }) });
    const previous = await loadPreviousPeriod(tx, period.instansiId, period.year);
    if (!previous) throw new AppError("conflict", { message: msg("periods.form.noBaseline") });
    const framework = await getFrameworkVersion(tx, period.frameworkVersionId);
    if (!framework) throw new Error(`Kerangka periode ${period.id} tidak ditemukan`);
    if (previous.framework.code === framework.code) throw new AppError("conflict", { message: msg("periods.carryOverSameFramework", { year: previous.year }) });
    await updateIfUnchanged(tx, period, { baselinePeriodId: previous.id });
    const carried = await carryOver(tx, previous, { id: period.id, framework });
    await writeAudit(tx, request, {
      action: "period.carry-over",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      instansiId: period.instansiId,
      before: { baselinePeriodId: period.baselinePeriodId, version: period.version },
      after: { baselinePeriodId: previous.id, baselinePhase: previous.phase, version: period.version + 1, carried },
    });
    return { message: withStageNote(msg("periods.carriedOver", { year: period.year, baseline: previous.year, framework: previous.framework.definition.name, ...carried }), previous) };
  },
});

type Target = { id: string; framework: StoredFrameworkVersion };

/** Maps the previous period's indicator node ids to this period's, through the lineage. */
async function lineageOf(tx: DbTransaction, previous: PreviousPeriod, target: Target) {
  const nodes = await tx.frameworkNode.findMany({
    where: { versionId: { in: [previous.frameworkVersionId, target.framework.id] }, kind: "INDICATOR" },
    select: { id: true, code: true, number: true, versionId: true },
  });
  const newByCode = new Map(nodes.filter((node) => node.versionId === target.framework.id).map((node) => [node.code, node]));
  const oldCodeOf = new Map(nodes.filter((node) => node.versionId === previous.frameworkVersionId).map((node) => [node.id, node.code]));
  // Previous code -> the new indicators it feeds (one SPBE indicator may feed several Pemdi ones).
  const fed = new Map<string, { id: string; number: number | null }[]>();
  for (const [code, counterpart] of counterpartsOf(target.framework.definition, previous.framework.definition)) {
    const sources = counterpart.kind === "same" ? [counterpart.indicator] : counterpart.kind === "mapped" ? counterpart.indicators.map((link) => link.indicator) : [];
    const node = newByCode.get(code);
    if (!node) continue;
    for (const source of sources) fed.set(source.code, [...(fed.get(source.code) ?? []), node]);
  }
  return { targetsOf: (oldIndicatorId: string) => fed.get(oldCodeOf.get(oldIndicatorId) ?? "") ?? [], oldCodeOf };
}

/**
 * "Mulai dari tahun lalu" within one framework: the previous period's assignments and
 * final levels become the new period's starting point, each answer to be confirmed by its
 * owner. A fixed number of queries, in the caller's transaction.
 */
async function copyBaseline(tx: DbTransaction, actor: Actor, previous: PreviousPeriod, target: Target) {
  const { targetsOf } = await lineageOf(tx, previous, target);
  const matching: Matching = (oldIndicatorId) => targetsOf(oldIndicatorId)[0];
  const assignments = await copyAssignments(tx, previous.id, target.id, targetsOf);
  return { ...(await copyAnswers(tx, actor, previous, target, matching)), assignments };
}

/**
 * Across frameworks: the owner units and people of the mapped indicators, and the evidence
 * they attached, as candidates each owner attaches or dismisses. Levels and explanations
 * do not transfer: they answer another framework's criteria.
 */
async function carryOver(tx: DbTransaction, previous: PreviousPeriod, target: Target) {
  const { targetsOf, oldCodeOf } = await lineageOf(tx, previous, target);
  const assignments = await copyAssignments(tx, previous.id, target.id, targetsOf);
  const links = await tx.answerEvidence.findMany({
    where: { answer: { periodId: previous.id, stage: "SELF" }, evidence: { deletedAt: null } },
    select: { evidenceId: true, answer: { select: { indicatorId: true } } },
  });
  const candidates = links.flatMap((link) =>
    targetsOf(link.answer.indicatorId).map((indicator) => ({ periodId: target.id, indicatorId: indicator.id, evidenceId: link.evidenceId, sourceCode: oldCodeOf.get(link.answer.indicatorId)! })),
  );
  const created = await tx.evidenceCandidate.createMany({ data: candidates, skipDuplicates: true });
  // Documents still have to be confirmed as valid for the new year in the library.
  await tx.evidencePeriod.createMany({
    data: [...new Set(candidates.map((candidate) => candidate.evidenceId))].map((evidenceId) => ({ evidenceId, periodId: target.id })),
    skipDuplicates: true,
  });
  return { assignments, evidenceCandidates: created.count };
}

type Matching = (oldIndicatorId: string) => { id: string; number: number | null } | undefined;

/** Owner units (still active) and named people (still active) of every indicator the lineage carries. */
async function copyAssignments(tx: DbTransaction, previousId: string, periodId: string, targetsOf: (oldIndicatorId: string) => { id: string }[]): Promise<number> {
  const assignments = await tx.assignment.findMany({
    where: { periodId: previousId, unit: { isActive: true } },
    select: { indicatorId: true, unitId: true, assignees: { where: { user: { isActive: true } }, select: { userId: true } } },
  });
  // Several previous indicators may feed one new indicator through the same unit: one assignment, everyone named on any of them.
  const rows = new Map<string, { indicatorId: string; unitId: string; userIds: Set<string> }>();
  for (const assignment of assignments) {
    for (const indicator of targetsOf(assignment.indicatorId)) {
      const key = `${indicator.id}/${assignment.unitId}`;
      const row = rows.get(key) ?? { indicatorId: indicator.id, unitId: assignment.unitId, userIds: new Set<string>() };
      for (const { userId } of assignment.assignees) row.userIds.add(userId);
      rows.set(key, row);
    }
  }
  const created = await tx.assignment.createManyAndReturn({
    data: [...rows.values()].map(({ indicatorId, unitId }) => ({ periodId, indicatorId, unitId })),
    select: { id: true, indicatorId: true, unitId: true },
  });
  await tx.assignmentAssignee.createMany({
    data: created.flatMap((row) => [...(rows.get(`${row.indicatorId}/${row.unitId}`)?.userIds ?? [])].map((userId) => ({ assignmentId: row.id, userId }))),
  });
  return created.length;
}

/**
 * A SELF answer per matched indicator with last year's final level, waiting for its
 * owner's confirmation. A level the new framework's scale does not allow is left out
 * rather than stored as an impossible answer.
 */
async function copyAnswers(tx: DbTransaction, actor: Actor, previous: PreviousPeriod, target: Target, matching: Matching) {
  const answers = await tx.answer.findMany({
    where: { periodId: previous.id, stage: { in: [...FINAL_LEVEL_STAGES] } },
    select: {
      indicatorId: true,
      stage: true,
      level: true,
      explanation: true,
      evidence: { where: { evidence: { deletedAt: null } }, select: { evidenceId: true } },
    },
  });
  const byIndicator = new Map<string, typeof answers>();
  for (const answer of answers) byIndicator.set(answer.indicatorId, [...(byIndicator.get(answer.indicatorId) ?? []), answer]);

  const planned = [...byIndicator.values()].flatMap((stages) => {
    const source = finalLevelAnswer(stages);
    const indicator = matching(stages[0]!.indicatorId);
    if (!source?.level || !indicator || indicator.number === null) return [];
    const self = stages.find((answer) => answer.stage === "SELF");
    return [
      {
        indicatorId: indicator.id,
        number: indicator.number,
        level: source.level.toString(),
        // The owner's own explanation (facts and analysis) is what they confirm next year;
        // an assessor's note only stands in when the owner never wrote one.
        explanation: self?.explanation ?? source.explanation,
        evidenceIds: self?.evidence.map((link) => link.evidenceId) ?? [],
      },
    ];
  });
  const values = Object.fromEntries(planned.map((answer) => [String(answer.number), answer.level]));
  const outOfScale = new Set(validateValues(target.framework.definition, values).map((issue) => issue.field));
  const copies = planned.filter((answer) => !outOfScale.has(`values.${answer.number}`));

  const created = await createAnswers(
    tx,
    "carry-over",
    copies.map((copy) => ({ periodId: target.id, indicatorId: copy.indicatorId, stage: "SELF" as const, level: copy.level, explanation: copy.explanation })),
    actor.userId,
  );
  const evidenceOf = new Map(copies.map((copy) => [copy.indicatorId, copy.evidenceIds]));
  const links = created.flatMap((answer) => (evidenceOf.get(answer.indicatorId) ?? []).map((evidenceId) => ({ answerId: answer.id, evidenceId, addedById: actor.userId })));
  await tx.answerEvidence.createMany({ data: links });
  // Carried-over documents still have to be confirmed as valid for the new year.
  await tx.evidencePeriod.createMany({
    data: [...new Set(links.map((link) => link.evidenceId))].map((evidenceId) => ({ evidenceId, periodId: target.id })),
    skipDuplicates: true,
  });
  await recordLevelChanges(
    tx,
    actor.userId,
    created.map((answer) => ({ answerId: answer.id, from: null, to: answer.level })),
    render(msg("periods.form.baselineReason", { year: previous.year })),
  );
  return { answers: created.length, evidenceLinks: links.length, skippedOutOfScale: planned.length - copies.length };
}

/** Loads the period for the Koordinator and refuses a version other than the one shown. */
async function loadForChange(tx: DbTransaction, actor: Actor, periodId: string, version: number) {
  const period = await loadPeriodFor(tx, actor, "period.manage", periodId);
  if (period.version !== version) throw stale();
  return period;
}

/**
 * The change happens only if the period is still at the version (and phase) that was
 * checked: a concurrent change in between makes the update match nothing (409).
 */
async function updateIfUnchanged(tx: DbTransaction, period: LoadedPeriod, data: Prisma.AssessmentPeriodUncheckedUpdateManyInput) {
  const { count } = await tx.assessmentPeriod.updateMany({
    where: { id: period.id, version: period.version, phase: period.phase },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw stale();
}

export const updatePeriod = defineCommand({
  name: "period.update",
  input: ZPeriodUpdate,
  async run({ tx, actor, request }, { periodId, version, ...settings }) {
    const period = await loadForChange(tx, actor, periodId, version);
    assertPhaseAllows(period.phase, "period.edit");
    await updateIfUnchanged(tx, period, settings);
    await writeAudit(tx, request, {
      action: "period.update",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      instansiId: period.instansiId,
      before: { ...settingsOf(period), version: period.version },
      after: { ...settingsOf(settings), version: period.version + 1 },
    });
    return { message: msg("periods.updated", { year: period.year }) };
  },
});

export const advancePeriodPhase = defineCommand({
  name: "period.advance",
  input: ZPeriodAdvance,
  async run({ tx, actor, request }, { periodId, version }) {
    const period = await loadForChange(tx, actor, periodId, version);
    const next = nextPhase(period.phase);
    if (!next) throw new AppError("conflict", { message: msg("periods.locked") });
    const isLock = next === "FINAL";
    const lockedAt = isLock ? new Date() : null;
    await updateIfUnchanged(tx, period, { phase: next, ...(isLock ? { lockedAt, lockedById: actor.userId } : {}) });
    // Filling may end with answers still open; the Koordinator decided that knowingly.
    const open = period.phase === "PENGISIAN" ? await countOpenIndicators(tx, period.id) : 0;
    await writeAudit(tx, request, {
      action: isLock ? "period.lock" : "period.advance",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      instansiId: period.instansiId,
      before: { phase: period.phase, version: period.version },
      after: { phase: next, version: period.version + 1, ...(isLock ? { lockedAt, lockedById: actor.userId } : {}), ...(open > 0 ? { openIndicators: open } : {}) },
    });
    await notifyPhaseChange(tx, period, next, actor.userId);
    if (isLock) return { message: msg("periods.lockedDone", { year: period.year }) };
    return { message: msg(open > 0 ? "periods.advancedOpenItems" : "periods.advanced", { year: period.year, phase: msg(`periods.phases.${next}`), open }) };
  },
});

export const reopenPeriod = defineCommand({
  name: "period.reopen",
  input: ZPeriodReopen,
  async run({ tx, actor, request }, { periodId, version, phase, reason }) {
    const period = await loadForChange(tx, actor, periodId, version);
    if (period.phase !== "FINAL") throw new AppError("conflict", { message: msg("periods.notFinal") });
    await updateIfUnchanged(tx, period, { phase, lockedAt: null, lockedById: null });
    await writeAudit(tx, request, {
      action: "period.reopen",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      instansiId: period.instansiId,
      before: { phase: period.phase, version: period.version, lockedAt: period.lockedAt, lockedById: period.lockedById },
      after: { phase, version: period.version + 1, reason },
    });
    await notifyPhaseChange(tx, period, phase, actor.userId, true);
    return { message: msg("periods.reopened", { year: period.year, phase: msg(`periods.phases.${phase}`) }) };
  },
});
