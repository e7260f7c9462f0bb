// Who owns which indicator in a period: owner units per indicator and, optionally, named
// Admin OPD per owner unit. The Koordinator saves the whole matrix at once; the form sends
// the version token of the assignment set it showed, so a save over somebody else's newer
// one is refused (409) instead of silently undoing their work.
import { createHash } from "node:crypto";
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import type { DbClient, DbTransaction } from "@/lib/db";
import { AppError, fieldError } from "@/lib/errors";
import { ZAssignmentSave } from "@/lib/validation/assignments";
import { loadPeriodFor } from "./period-access";
import { assertPhaseAllows, type Phase } from "./phase";
import { msg } from "@/lib/i18n/message";
import { notifyAssignments } from "@/lib/notifications/events";

/** An answer in these statuses is in its owners' hands no more: they cannot be taken off it. */
const SETTLED_STATUSES = ["SUBMITTED", "VERIFIED"] as const;

export type AssignmentRow = { indicatorId: string; unitId: string; assignees: { userId: string }[] };

const pairKey = (indicatorId: string, unitId: string) => `${indicatorId}:${unitId}`;
const assigneeKey = (indicatorId: string, unitId: string, userId: string) => `${indicatorId}:${unitId}:${userId}`;

/** Version token of an assignment set: a checksum of its sorted pairs and named people. */
export function assignmentVersion(rows: readonly AssignmentRow[]): string {
  const lines = rows.flatMap((row) => [pairKey(row.indicatorId, row.unitId), ...row.assignees.map((assignee) => assigneeKey(row.indicatorId, row.unitId, assignee.userId))]);
  return createHash("sha256").update(lines.sort().join("\n")).digest("hex").slice(0, 32);
}

export function loadAssignments(db: DbClient, periodId: string) {
  return db.assignment.findMany({
    where: { periodId },
    select: { id: true, indicatorId: true, unitId: true, assignees: { select: { userId: true } } },
  });
}

/** Whether `unitId` owns the indicator in the period (for commands of answers and evidence). */
export async function isAssigned(db: DbClient, where: { periodId: string; indicatorId: string; unitId: string }): Promise<boolean> {
  return (await db.assignment.count({ where })) > 0;
}

/** The owner units of an indicator in a period. */
export async function assignedUnitIds(db: DbClient, where: { periodId: string; indicatorId: string }): Promise<string[]> {
  const rows = await db.assignment.findMany({ where, select: { unitId: true }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => row.unitId);
}

/**
 * Locks the period row until the transaction ends, so two saves of its matrix (or a save
 * and a phase change) run one after the other and the version check cannot be overtaken.
 */
async function lockPeriod(tx: DbTransaction, periodId: string): Promise<Phase> {
  const [row] = await tx.$queryRaw<{ phase: Phase }[]>`SELECT phase::text AS phase FROM "AssessmentPeriod" WHERE id = ${periodId} FOR UPDATE`;
  if (!row) throw new AppError("not_found");
  return row.phase;
}

export const saveAssignments = defineCommand({
  name: "assignment.save",
  input: ZAssignmentSave,
  async run({ tx, actor, request }, input) {
    const period = await loadPeriodFor(tx, actor, "assignment.manage", input.periodId);
    assertPhaseAllows(await lockPeriod(tx, period.id), "assignment.edit");

    const current = await loadAssignments(tx, period.id);
    if (assignmentVersion(current) !== input.version) throw new AppError("conflict", { message: msg("assignments.stale") });

    const wanted = new Map(input.pairs.map((pair) => [pair, pair.split(":") as [string, string]]));
    const wantedAssignees = new Map(input.assignees.map((key) => [key, key.split(":") as [string, string, string]]));
    const currentByKey = new Map(current.map((row) => [pairKey(row.indicatorId, row.unitId), row]));
    const removed = current.filter((row) => !wanted.has(pairKey(row.indicatorId, row.unitId)));
    const added = [...wanted].filter(([key]) => !currentByKey.has(key)).map(([, pair]) => pair);

    const touched: [string, string][] = [...wanted.values(), ...removed.map((row): [string, string] => [row.indicatorId, row.unitId])];
    const indicatorIds = [...new Set(touched.map(([indicatorId]) => indicatorId))];
    const unitIds = [...new Set(touched.map(([, unitId]) => unitId))];
    const [indicators, units, indicatorCount] = await Promise.all([
      tx.frameworkNode.findMany({ where: { id: { in: indicatorIds }, versionId: period.frameworkVersionId, kind: "INDICATOR" }, select: { id: true, number: true, name: true } }),
      tx.unit.findMany({ where: { id: { in: unitIds }, instansiId: period.instansiId }, select: { id: true, code: true, name: true, isActive: true } }),
      tx.frameworkNode.count({ where: { versionId: period.frameworkVersionId, kind: "INDICATOR" } }),
    ]);
    const indicatorOf = new Map(indicators.map((indicator) => [indicator.id, indicator]));
    const unitOf = new Map(units.map((unit) => [unit.id, unit]));
    if (indicatorIds.some((id) => !indicatorOf.has(id))) throw fieldError("pairs", msg("assignments.unknownIndicator"));
    // A unit deactivated since keeps what it owns, but receives nothing new.
    if (added.some(([, unitId]) => !unitOf.get(unitId)?.isActive) || [...wanted.values()].some(([, unitId]) => !unitOf.has(unitId))) {
      throw fieldError("pairs", msg("assignments.unknownUnit"));
    }

    for (const [indicatorId, unitId] of wantedAssignees.values()) {
      if (!wanted.has(pairKey(indicatorId, unitId))) throw fieldError("assignees", msg("assignments.assigneeWithoutUnit"));
    }
    const members = await tx.membership.findMany({
      where: {
        instansiId: period.instansiId,
        role: "ADMIN_OPD",
        isActive: true,
        user: { isActive: true },
        unitId: { in: [...new Set([...wantedAssignees.values()].map(([, unitId]) => unitId))] },
        userId: { in: [...new Set([...wantedAssignees.values()].map(([, , userId]) => userId))] },
      },
      select: { unitId: true, userId: true },
    });
    const isMember = new Set(members.map((member) => `${member.unitId}:${member.userId}`));
    if ([...wantedAssignees.values()].some(([, unitId, userId]) => !isMember.has(`${unitId}:${userId}`))) throw fieldError("assignees", msg("assignments.assigneeNotMember"));

    const settled = await tx.answer.findMany({
      where: { periodId: period.id, stage: "SELF", status: { in: [...SETTLED_STATUSES] }, indicatorId: { in: [...new Set(removed.map((row) => row.indicatorId))] } },
      select: { indicatorId: true },
    });
    if (settled.length > 0) {
      const names = settled
        .map((answer) => indicatorOf.get(answer.indicatorId)!)
        .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
        .map((indicator) => `${indicator.number}. ${indicator.name}`);
      throw new AppError("conflict", { message: msg("assignments.removalRefused", { indicators: names.join("; ") }) });
    }

    const currentAssignees = new Set(current.flatMap((row) => row.assignees.map((assignee) => assigneeKey(row.indicatorId, row.unitId, assignee.userId))));
    const addedAssignees = [...wantedAssignees].filter(([key]) => !currentAssignees.has(key)).map(([, triple]) => triple);
    const removedAssignees = [...currentAssignees].filter((key) => !wantedAssignees.has(key)).map((key) => key.split(":") as [string, string, string]);
    if (added.length + removed.length + addedAssignees.length + removedAssignees.length === 0) return { message: msg("assignments.unchanged") };

    // Named people of a removed pair go with it (cascade); only those of kept pairs are deleted one by one.
    await tx.assignment.deleteMany({ where: { id: { in: removed.map((row) => row.id) } } });
    const keptRemovals = removedAssignees.flatMap(([indicatorId, unitId, userId]) => {
      const row = wanted.has(pairKey(indicatorId, unitId)) ? currentByKey.get(pairKey(indicatorId, unitId)) : undefined;
      return row ? [{ assignmentId: row.id, userId }] : [];
    });
    if (keptRemovals.length > 0) await tx.assignmentAssignee.deleteMany({ where: { OR: keptRemovals } });
    const created = await tx.assignment.createManyAndReturn({
      data: added.map(([indicatorId, unitId]) => ({ periodId: period.id, indicatorId, unitId })),
      select: { id: true, indicatorId: true, unitId: true },
    });
    const assignmentIdOf = new Map([...current, ...created].map((row) => [pairKey(row.indicatorId, row.unitId), row.id]));
    await tx.assignmentAssignee.createMany({
      data: addedAssignees.map(([indicatorId, unitId, userId]) => ({ assignmentId: assignmentIdOf.get(pairKey(indicatorId, unitId))!, userId })),
    });

    const describe = ([indicatorId, unitId, userId]: readonly string[]) => ({
      indicator: indicatorOf.get(indicatorId!)?.number ?? null,
      unit: unitOf.get(unitId!)?.code ?? null,
      indicatorId,
      unitId,
      ...(userId ? { userId } : {}),
    });
    await writeAudit(tx, request, {
      action: "assignment.save",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      instansiId: period.instansiId,
      before: { removed: removed.map((row) => describe([row.indicatorId, row.unitId])), removedAssignees: removedAssignees.map(describe) },
      after: { added: added.map(describe), addedAssignees: addedAssignees.map(describe) },
    });

    await notifyAssignments(tx, period, added.map(([, unitId]) => ({ unitId, unitName: unitOf.get(unitId)?.name ?? "" })), actor.userId);

    const withoutOwner = indicatorCount - new Set([...wanted.values()].map(([indicatorId]) => indicatorId)).size;
    const message = msg("assignments.saved", { added: added.length, removed: removed.length, people: addedAssignees.length + removedAssignees.length });
    return { message: withoutOwner > 0 ? msg("forms.sentences", { first: message, second: msg("assignments.noOwnerCount", { count: withoutOwner }) }) : message };
  },
});
