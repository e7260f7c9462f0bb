// Moving a period to a newer version of the same framework (e.g. pemdi-2026 corrected from
// the official copy): the Koordinator may do it while the period is in Persiapan or
// Pengisian, before anyone verified against the old criteria. Everything recorded in the
// period (answers, assignments, comments, recommendations, candidates) stays with the same
// indicator, by its identity within the framework (its code, lib/framework/lineage.ts),
// never by number. A version that no longer has an indicator holding work in the period,
// or whose scale no longer allows a stored level, is refused with the list: nothing is
// dropped silently. Assignments, evidence candidates and unit deadlines of a removed indicator are only
// plans; they are let go, and the preview says so before the Koordinator confirms. Butir
// evidence and statuses name butir codes: a version without one of them in use is refused too.
import { writeAudit } from "@/lib/audit";
import { defineCommand } from "@/lib/command";
import type { DbClient, DbTransaction } from "@/lib/db";
import { AppError, fieldError } from "@/lib/errors";
import { listIndicators } from "@/lib/framework/catalog";
import { diffFrameworks, type FrameworkDiff } from "@/lib/framework/diff";
import { getFrameworkVersion, type StoredFrameworkVersion } from "@/lib/framework-versions/store";
import { Prisma, type AssessmentPeriod } from "@/lib/generated/prisma/client";
import { msg } from "@/lib/i18n/message";
import { ZPeriodVersionMove } from "@/lib/validation/periods";
import { moveAnswersToIndicators, type IndicatorMove } from "./answer-lifecycle";
import { checkLevel, displayLevel, levelScaleOf } from "./level-rule";
import { loadPeriodFor } from "./period-access";
import type { Phase } from "./phase";

/** The phases in which a period may change its framework version. */
export const VERSION_MOVE_PHASES = ["PERSIAPAN", "PENGISIAN"] as const satisfies readonly Phase[];

/**
 * Every table whose rows belong to one period and point at one of its framework's
 * indicators. A test reads prisma/schema.prisma and fails when a model with both is
 * missing here, so a new per-indicator record cannot stay behind on the old version.
 */
export const PERIOD_INDICATOR_TABLES = ["Answer", "Assignment", "Comment", "Recommendation", "Objection", "ButirStatusRound", "EvidenceCandidate", "UnitDeadline", "ExternalIndexValue"] as const;
type PeriodIndicatorTable = (typeof PERIOD_INDICATOR_TABLES)[number];

/** Records that are work (kept or refused, never dropped), and plans (dropped with the indicator). */
const WORK_TABLES = ["Answer", "Comment", "Recommendation", "Objection", "ButirStatusRound", "ExternalIndexValue"] as const satisfies readonly PeriodIndicatorTable[];

type IndicatorRef = { code: string; name: string };

export type VersionMovePlan = {
  period: { id: string; year: number; version: number };
  from: { id: string; version: number; name: string };
  to: { id: string; version: number; name: string };
  diff: FrameworkDiff;
  /** Records that move to the same indicator of the new version, per table. */
  kept: Record<PeriodIndicatorTable, number>;
  /** Removed indicators that hold work in the period: the move is refused while there are any. */
  blocking: (IndicatorRef & { records: number })[];
  /** Stored levels the new version's scale does not allow: refused too. */
  outOfScale: (IndicatorRef & { level: string })[];
  /** Butir codes with evidence or a status in the period that the new version's indicator does not have: refused too. */
  missingButir: (IndicatorRef & { butir: string[] })[];
  /** Removed indicators whose assignments or evidence candidates are let go. */
  dropped: (IndicatorRef & { assignments: number; candidates: number; deadlines: number })[];
};

/** The period's framework versions the Koordinator may move it to: newer versions of the same framework. */
export async function newerVersionsOf(db: DbClient, period: Pick<AssessmentPeriod, "frameworkVersionId">): Promise<StoredFrameworkVersion[]> {
  const current = await db.frameworkVersion.findUniqueOrThrow({ where: { id: period.frameworkVersionId }, select: { frameworkId: true, version: true } });
  const rows = await db.frameworkVersion.findMany({
    where: { frameworkId: current.frameworkId, version: { gt: current.version } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  const versions = await Promise.all(rows.map((row) => getFrameworkVersion(db, row.id)));
  return versions.filter((version) => version !== null);
}

/** The refusal for a move the rules never allow (phase, framework, version order), or null. */
function moveRefusal(period: Pick<AssessmentPeriod, "phase" | "year">, from: StoredFrameworkVersion, to: StoredFrameworkVersion) {
  const phase = period.phase as Phase;
  if (phase === "FINAL") return msg("versionMove.locked", { year: period.year });
  if (!(VERSION_MOVE_PHASES as readonly Phase[]).includes(phase)) return msg("versionMove.wrongPhase", { year: period.year, phase: msg(`periods.phases.${phase}`) });
  if (to.code !== from.code) return msg("versionMove.otherFramework", { target: to.definition.name, current: from.definition.name });
  if (to.version === from.version) return msg("versionMove.sameVersion", { framework: from.definition.name, version: from.version });
  if (to.version < from.version) return msg("versionMove.olderVersion", { target: to.version, current: from.version });
  return null;
}

type Row = { table: PeriodIndicatorTable; indicatorId: string; count: number };

/** What moving the period to `to` would change; reads only. */
export async function planVersionMove(db: DbClient, period: AssessmentPeriod, from: StoredFrameworkVersion, to: StoredFrameworkVersion): Promise<VersionMovePlan> {
  const nodes = await db.frameworkNode.findMany({
    where: { versionId: { in: [from.id, to.id] }, kind: "INDICATOR" },
    select: { id: true, code: true, name: true, versionId: true },
  });
  const newCodes = new Set(nodes.filter((node) => node.versionId === to.id).map((node) => node.code));
  const oldById = new Map(nodes.filter((node) => node.versionId === from.id).map((node) => [node.id, node]));
  const [answers, assignments, comments, recommendations, objections, butirRounds, candidates, deadlines, externalValues, levels, butirEvidence, butirStatuses] = await Promise.all([
    db.answer.groupBy({ by: ["indicatorId"], where: { periodId: period.id }, _count: { _all: true } }),
    db.assignment.groupBy({ by: ["indicatorId"], where: { periodId: period.id }, _count: { _all: true } }),
    db.comment.groupBy({ by: ["indicatorId"], where: { periodId: period.id }, _count: { _all: true } }),
    db.recommendation.groupBy({ by: ["indicatorId"], where: { periodId: period.id }, _count: { _all: true } }),
    db.objection.groupBy({ by: ["indicatorId"], where: { periodId: period.id }, _count: { _all: true } }),
    db.butirStatusRound.groupBy({ by: ["indicatorId"], where: { periodId: period.id }, _count: { _all: true } }),
    db.evidenceCandidate.groupBy({ by: ["indicatorId"], where: { periodId: period.id }, _count: { _all: true } }),
    db.unitDeadline.groupBy({ by: ["indicatorId"], where: { periodId: period.id, indicatorId: { not: null } }, _count: { _all: true } }),
    db.externalIndexValue.groupBy({ by: ["indicatorId"], where: { periodId: period.id }, _count: { _all: true } }),
    db.answer.findMany({ where: { periodId: period.id, level: { not: null } }, select: { indicatorId: true, level: true } }),
    db.butirEvidence.findMany({ where: { answer: { periodId: period.id } }, distinct: ["answerId", "butirCode"], select: { butirCode: true, answer: { select: { indicatorId: true } } } }),
    db.butirStatus.findMany({ where: { round: { periodId: period.id } }, select: { butirCode: true, round: { select: { indicatorId: true } } } }),
  ]);
  const rows: Row[] = (
    [
      ["Answer", answers],
      ["Assignment", assignments],
      ["Comment", comments],
      ["Recommendation", recommendations],
      ["Objection", objections],
      ["ButirStatusRound", butirRounds],
      ["EvidenceCandidate", candidates],
      ["UnitDeadline", deadlines],
      ["ExternalIndexValue", externalValues],
    ] as const
  ).flatMap(([table, groups]) => groups.flatMap((group) => (group.indicatorId ? [{ table, indicatorId: group.indicatorId, count: group._count._all }] : [])));

  const kept = Object.fromEntries(PERIOD_INDICATOR_TABLES.map((table) => [table, 0])) as VersionMovePlan["kept"];
  const blocking = new Map<string, IndicatorRef & { records: number }>();
  const dropped = new Map<string, VersionMovePlan["dropped"][number]>();
  for (const row of rows) {
    const node = oldById.get(row.indicatorId);
    if (!node) throw new Error(`Indikator ${row.indicatorId} di periode ${period.id} bukan bagian versi kerangkanya`);
    if (newCodes.has(node.code)) {
      kept[row.table] += row.count;
    } else if ((WORK_TABLES as readonly string[]).includes(row.table)) {
      const entry = blocking.get(node.code) ?? { code: node.code, name: node.name, records: 0 };
      entry.records += row.count;
      blocking.set(node.code, entry);
    } else {
      const entry = dropped.get(node.code) ?? { code: node.code, name: node.name, assignments: 0, candidates: 0, deadlines: 0 };
      if (row.table === "Assignment") entry.assignments += row.count;
      else if (row.table === "UnitDeadline") entry.deadlines += row.count;
      else entry.candidates += row.count;
      dropped.set(node.code, entry);
    }
  }
  const scale = levelScaleOf(to.definition);
  const outOfScale = levels.flatMap((answer) => {
    const node = oldById.get(answer.indicatorId)!;
    if (!newCodes.has(node.code) || "level" in checkLevel(scale, answer.level!.toString())) return [];
    return [{ code: node.code, name: node.name, level: displayLevel(answer.level) }];
  });
  // Butir codes name the indicator's number (I{n}-L{l}-{NN}): a renumbered or reworked version may not have them.
  const newButir = new Map(listIndicators(to.definition).map(({ indicator }) => [indicator.code, new Set((indicator.levels ?? []).flatMap((level) => level.butir.map((butir) => butir.code)))]));
  const missing = new Map<string, IndicatorRef & { butir: string[] }>();
  for (const { butirCode, indicatorId } of [
    ...butirEvidence.map((row) => ({ butirCode: row.butirCode, indicatorId: row.answer.indicatorId })),
    ...butirStatuses.map((row) => ({ butirCode: row.butirCode, indicatorId: row.round.indicatorId })),
  ]) {
    const node = oldById.get(indicatorId)!;
    const available = newButir.get(node.code);
    if (!available || available.has(butirCode)) continue;
    const entry = missing.get(node.code) ?? { code: node.code, name: node.name, butir: [] };
    if (!entry.butir.includes(butirCode)) entry.butir.push(butirCode);
    missing.set(node.code, entry);
  }
  const byCode = (a: IndicatorRef, b: IndicatorRef) => a.code.localeCompare(b.code, "id", { numeric: true });
  return {
    period: { id: period.id, year: period.year, version: period.version },
    from: { id: from.id, version: from.version, name: from.definition.name },
    to: { id: to.id, version: to.version, name: to.definition.name },
    diff: diffFrameworks(from.definition, to.definition),
    kept,
    blocking: [...blocking.values()].sort(byCode),
    outOfScale: outOfScale.sort(byCode),
    missingButir: [...missing.values()].sort(byCode),
    dropped: [...dropped.values()].sort(byCode),
  };
}

/** Whether the plan can be carried out (the preview shows the same refusal the command gives). */
export function planRefusal(plan: VersionMovePlan) {
  const list = (items: IndicatorRef[]) => items.map((item) => `${item.code} ${item.name}`).join("; ");
  if (plan.blocking.length > 0) return msg("versionMove.removedWithWork", { version: plan.to.version, indicators: list(plan.blocking) });
  if (plan.outOfScale.length > 0) {
    return msg("versionMove.outOfScale", { version: plan.to.version, indicators: plan.outOfScale.map((item) => `${item.code} ${item.name} (${item.level})`).join("; ") });
  }
  if (plan.missingButir.length > 0) {
    return msg("versionMove.missingButir", { version: plan.to.version, indicators: plan.missingButir.map((item) => `${item.code} ${item.name} (${item.butir.sort().join(", ")})`).join("; ") });
  }
  return null;
}

/** The preview for the period page: the newest version the period may move to, its plan and any refusal. */
export async function versionMoveOffer(db: DbClient, period: AssessmentPeriod) {
  if (!(VERSION_MOVE_PHASES as readonly string[]).includes(period.phase)) return null;
  const [to] = await newerVersionsOf(db, period);
  if (!to) return null;
  const from = (await getFrameworkVersion(db, period.frameworkVersionId))!;
  const plan = await planVersionMove(db, period, from, to);
  return { plan, refusal: planRefusal(plan) };
}

/** Points a table's rows of the period from each old indicator node to its new one. Node ids of two versions never collide, so unique keys hold row by row. */
function repointRows(tx: DbTransaction, table: Exclude<PeriodIndicatorTable, "Answer">, periodId: string, moves: readonly IndicatorMove[]): Promise<number> {
  const oldIds = moves.map((move) => move.from);
  const newIds = moves.map((move) => move.to);
  return tx.$executeRaw(Prisma.sql`
    UPDATE ${Prisma.raw(`"${table}"`)} AS t SET "indicatorId" = m.new_id
    FROM unnest(${oldIds}::text[], ${newIds}::text[]) AS m(old_id, new_id)
    WHERE t."periodId" = ${periodId} AND t."indicatorId" = m.old_id`);
}

/** Points every record of the period at the same indicator of the new version, one statement per table. */
async function moveRecords(tx: DbTransaction, periodId: string, from: string, to: string) {
  const nodes = await tx.frameworkNode.findMany({ where: { versionId: { in: [from, to] }, kind: "INDICATOR" }, select: { id: true, code: true, versionId: true } });
  const newIdOf = new Map(nodes.filter((node) => node.versionId === to).map((node) => [node.code, node.id]));
  const pairs = nodes.filter((node) => node.versionId === from && newIdOf.has(node.code)).map((node) => ({ from: node.id, to: newIdOf.get(node.code)! }));
  const removed = nodes.filter((node) => node.versionId === from && !newIdOf.has(node.code)).map((node) => node.id);
  // Plans on indicators the new version does not have (the preview listed them).
  const droppedAssignments = await tx.assignment.deleteMany({ where: { periodId, indicatorId: { in: removed } } });
  const droppedCandidates = await tx.evidenceCandidate.deleteMany({ where: { periodId, indicatorId: { in: removed } } });
  const droppedDeadlines = await tx.unitDeadline.deleteMany({ where: { periodId, indicatorId: { in: removed } } });
  const moved = { Answer: await moveAnswersToIndicators(tx, periodId, pairs) } as Record<PeriodIndicatorTable, number>;
  for (const table of PERIOD_INDICATOR_TABLES) if (table !== "Answer") moved[table] = await repointRows(tx, table, periodId, pairs);
  return { moved, dropped: { assignments: droppedAssignments.count, candidates: droppedCandidates.count, deadlines: droppedDeadlines.count } };
}

export const movePeriodVersion = defineCommand({
  name: "period.change-version",
  input: ZPeriodVersionMove,
  async run({ tx, actor, request }, { periodId, version, frameworkVersionId, reason }) {
    const period = await loadPeriodFor(tx, actor, "period.change-version", periodId);
    // Taken before any check: answer saves hold the period for share, so none slips in between.
    await tx.$queryRaw`SELECT id FROM "AssessmentPeriod" WHERE id = ${period.id} FOR UPDATE`;
    const locked = await tx.assessmentPeriod.findUniqueOrThrow({ where: { id: period.id } });
    if (locked.version !== version) throw new AppError("conflict", { message: msg("periods.stale") });
    const from = await getFrameworkVersion(tx, locked.frameworkVersionId);
    if (!from) throw new Error(`Kerangka periode ${period.id} tidak ditemukan`);
    const to = await getFrameworkVersion(tx, frameworkVersionId);
    if (!to) throw fieldError("frameworkVersionId", msg("periods.form.frameworkInvalid"));
    const refused = moveRefusal(locked, from, to);
    if (refused) throw new AppError("conflict", { message: refused });
    const plan = await planVersionMove(tx, locked, from, to);
    const planRefused = planRefusal(plan);
    if (planRefused) throw new AppError("conflict", { message: planRefused });

    const { moved, dropped } = await moveRecords(tx, locked.id, from.id, to.id);
    const { count } = await tx.assessmentPeriod.updateMany({
      where: { id: locked.id, version: locked.version },
      data: { frameworkVersionId: to.id, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("conflict", { message: msg("periods.stale") });
    await writeAudit(tx, request, {
      action: "period.change-version",
      entityType: "AssessmentPeriod",
      entityId: locked.id,
      instansiId: locked.instansiId,
      before: { frameworkVersionId: from.id, frameworkVersion: from.version, version: locked.version },
      after: { frameworkVersionId: to.id, frameworkVersion: to.version, version: locked.version + 1, reason, moved, dropped },
    });
    return { message: msg("versionMove.done", { year: locked.year, framework: to.definition.name, version: to.version, answers: moved.Answer }) };
  },
});

