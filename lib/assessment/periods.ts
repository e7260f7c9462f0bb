// Assessment periods, run by the Koordinator: open one (optionally starting from last
// year's results), change its settings, move it through its phases, lock it and reopen it
// with a recorded reason. `AssessmentPeriod.version` is the optimistic-concurrency token:
// every change states the version the person saw, and a stale one changes nothing.
import { writeAudit } from "@/lib/audit";
import { defineCommand } from "@/lib/command";
import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getFrameworkVersion, type StoredFrameworkVersion } from "@/lib/framework/store";
import { Prisma } from "@/lib/generated/prisma/client";
import { fill } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { assertCanInOwnInstansi, type Actor } from "@/lib/policy";
import { validateValues } from "@/lib/scoring";
import { ZPeriodAdvance, ZPeriodOpen, ZPeriodReopen, ZPeriodUpdate } from "@/lib/validation/periods";
import { createAnswers, recordLevelChanges } from "./answer-lifecycle";
import { loadPeriodFor } from "./period-access";
import { countOpenIndicators } from "./period-results";
import { assertPhaseAllows, nextPhase } from "./phase";

const m = messages.id.periods;

const fieldError = (field: string, message: string) => new AppError("validation_failed", { details: [{ field, code: "custom", message }] });
const stale = () => new AppError("conflict", { message: m.stale });

type Settings = {
  predicateBasis: "EXACT" | "ROUNDED";
  targetIndex: string | null;
  fillDeadline: Date | null;
  verifyDeadline: Date | null;
  submitDeadline: Date | null;
  objectionDeadline: Date | null;
};

type PeriodRow = Awaited<ReturnType<typeof loadPeriodFor>>;

/** The settings as the audit trail records them (decimals and dates as text). */
function settingsOf(period: Settings | PeriodRow) {
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
  async run({ tx, actor, request }, { year, frameworkVersionId, baseline, ...settings }) {
    const instansiId = assertCanInOwnInstansi(actor, "period.manage");
    const framework = await getFrameworkVersion(tx, frameworkVersionId);
    if (!framework) throw fieldError("frameworkVersionId", m.form.frameworkInvalid);
    if (await tx.assessmentPeriod.findUnique({ where: { instansiId_year: { instansiId, year } }, select: { id: true } })) {
      throw fieldError("year", m.form.yearTaken);
    }
    const previous = baseline
      ? await tx.assessmentPeriod.findFirst({
          where: { instansiId, year: { lt: year } },
          orderBy: { year: "desc" },
          select: { id: true, year: true, frameworkVersionId: true, frameworkVersion: { select: { framework: { select: { code: true, name: true } } } } },
        })
      : null;
    if (baseline && !previous) throw fieldError("baseline", m.form.noBaseline);
    // Indicator codes only mean the same indicator within one framework: spbe-2020's I5 is
    // not pemdi-2026's I5.
    if (previous && previous.frameworkVersion.framework.code !== framework.code) {
      throw fieldError("baseline", fill(m.form.baselineOtherFramework, { year: previous.year, framework: previous.frameworkVersion.framework.name }));
    }

    let period;
    try {
      period = await tx.assessmentPeriod.create({
        data: { instansiId, year, frameworkVersionId, ...settings, baselinePeriodId: previous?.id ?? null },
      });
    } catch (error) {
      // Two Koordinators opening the same year at once: the unique key decides.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw fieldError("year", m.form.yearTaken);
      throw error;
    }
    const copied = previous ? await copyBaseline(tx, actor, previous, { id: period.id, framework }) : null;

    await writeAudit(tx, request, {
      action: "period.open",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      instansiId,
      after: { year, frameworkVersionId, phase: period.phase, ...settingsOf(settings), baselinePeriodId: previous?.id ?? null, copied },
    });
    return {
      message: copied
        ? fill(m.form.openedWithBaseline, { year, baseline: previous!.year, answers: copied.answers, assignments: copied.assignments })
        : fill(m.form.opened, { year }),
    };
  },
});

// Which stage holds an indicator's final level: the external result if it was recorded,
// else the internal verification, else the owner's own answer.
const LEVEL_SOURCES = ["FINAL", "INTERNAL_VERIFICATION", "SELF"] as const;

/**
 * "Mulai dari tahun lalu": the previous period's assignments and final levels become the
 * new period's starting point. Frameworks change between versions, so indicators are
 * matched by code. A fixed number of queries, in the caller's transaction.
 */
async function copyBaseline(
  tx: DbTransaction,
  actor: Actor,
  previous: { id: string; year: number; frameworkVersionId: string },
  target: { id: string; framework: StoredFrameworkVersion },
) {
  const nodes = await tx.frameworkNode.findMany({
    where: { versionId: { in: [previous.frameworkVersionId, target.framework.id] }, kind: "INDICATOR" },
    select: { id: true, code: true, number: true, versionId: true },
  });
  const newByCode = new Map(nodes.filter((node) => node.versionId === target.framework.id).map((node) => [node.code, node]));
  const oldCode = new Map(nodes.filter((node) => node.versionId === previous.frameworkVersionId).map((node) => [node.id, node.code]));
  const matching: Matching = (oldIndicatorId) => newByCode.get(oldCode.get(oldIndicatorId) ?? "");
  const assignments = await copyAssignments(tx, previous.id, target.id, matching);
  return { ...(await copyAnswers(tx, actor, previous, target, matching)), assignments };
}

type Matching = (oldIndicatorId: string) => { id: string; number: number | null } | undefined;

/** Owner units (still active) and named people (still active) of every matched indicator. */
async function copyAssignments(tx: DbTransaction, previousId: string, periodId: string, matching: Matching): Promise<number> {
  const assignments = await tx.assignment.findMany({
    where: { periodId: previousId, unit: { isActive: true } },
    select: { indicatorId: true, unitId: true, assignees: { where: { user: { isActive: true } }, select: { userId: true } } },
  });
  const rows = assignments.flatMap((assignment) => {
    const indicator = matching(assignment.indicatorId);
    return indicator ? [{ ...assignment, indicatorId: indicator.id }] : [];
  });
  const created = await tx.assignment.createManyAndReturn({
    data: rows.map(({ indicatorId, unitId }) => ({ periodId, indicatorId, unitId })),
    select: { id: true, indicatorId: true, unitId: true },
  });
  const assigneesOf = new Map(rows.map((row) => [`${row.indicatorId}/${row.unitId}`, row.assignees]));
  await tx.assignmentAssignee.createMany({
    data: created.flatMap((row) => (assigneesOf.get(`${row.indicatorId}/${row.unitId}`) ?? []).map(({ userId }) => ({ assignmentId: row.id, userId }))),
  });
  return created.length;
}

/**
 * A SELF answer per matched indicator with last year's final level, waiting for its
 * owner's confirmation. A level the new framework's scale does not allow is left out
 * rather than stored as an impossible answer.
 */
async function copyAnswers(
  tx: DbTransaction,
  actor: Actor,
  previous: { id: string; year: number },
  target: { id: string; framework: StoredFrameworkVersion },
  matching: Matching,
) {
  const answers = await tx.answer.findMany({
    where: { periodId: previous.id, stage: { in: [...LEVEL_SOURCES] } },
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
    const source = LEVEL_SOURCES.map((stage) => stages.find((answer) => answer.stage === stage && answer.level !== null)).find(Boolean);
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
    fill(m.form.baselineReason, { year: previous.year }),
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
async function updateIfUnchanged(tx: DbTransaction, period: PeriodRow, data: Prisma.AssessmentPeriodUpdateManyMutationInput) {
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
    return { message: fill(m.updated, { year: period.year }) };
  },
});

export const advancePeriodPhase = defineCommand({
  name: "period.advance",
  input: ZPeriodAdvance,
  async run({ tx, actor, request }, { periodId, version }) {
    const period = await loadForChange(tx, actor, periodId, version);
    const next = nextPhase(period.phase);
    if (!next) throw new AppError("conflict", { message: m.locked });
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
    const phase = m.phases[next]!;
    if (isLock) return { message: fill(m.lockedDone, { year: period.year }) };
    return { message: fill(open > 0 ? m.advancedOpenItems : m.advanced, { year: period.year, phase, open }) };
  },
});

export const reopenPeriod = defineCommand({
  name: "period.reopen",
  input: ZPeriodReopen,
  async run({ tx, actor, request }, { periodId, version, reason }) {
    const period = await loadForChange(tx, actor, periodId, version);
    if (period.phase !== "FINAL") throw new AppError("conflict", { message: m.notFinal });
    await updateIfUnchanged(tx, period, { phase: "VERIFIKASI", lockedAt: null, lockedById: null });
    await writeAudit(tx, request, {
      action: "period.reopen",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      instansiId: period.instansiId,
      before: { phase: period.phase, version: period.version, lockedAt: period.lockedAt, lockedById: period.lockedById },
      after: { phase: "VERIFIKASI", version: period.version + 1, reason },
    });
    return { message: fill(m.reopened, { year: period.year }) };
  },
});
