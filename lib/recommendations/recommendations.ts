// Recommendations per indicator: the Koordinator records and edits them (from the external
// assessors or the internal team); the owner unit's Admin OPD reports progress through the
// status. They are follow-up work, not part of the assessed answers, so unlike answers
// they stay manageable in every phase, also after the period is locked (Final): that is
// exactly when the external assessors' recommendations arrive. Nothing here changes an
// answer, so a locked period's results stay as they are.
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError, fieldError } from "@/lib/errors";
import { getFrameworkVersion } from "@/lib/framework-versions/store";
import type { DbTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, assertCanInOwnInstansi } from "@/lib/policy";
import { parseLevel } from "@/lib/assessment/levels";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import { ZRecommendationCreate, ZRecommendationStatus, ZRecommendationUpdate } from "@/lib/validation/recommendations";
import { msg } from "@/lib/i18n/message";

/** The unit a recommendation is for: a unit of the instansi, active unless it is the one already set. */
async function checkOwnerUnit(tx: DbTransaction, instansiId: string, unitId: string | null, keeping: string | null = null) {
  if (unitId === null || unitId === keeping) return unitId;
  const unit = await tx.unit.findFirst({ where: { id: unitId, instansiId, isActive: true }, select: { id: true } });
  if (!unit) throw fieldError("ownerUnitId", msg("recommendations.unitInvalid"));
  return unit.id;
}

/** The first unit assigned to the indicator in the period (by name), or null. */
export async function assignedUnitOf(tx: DbTransaction, periodId: string, indicatorId: string): Promise<string | null> {
  const assignment = await tx.assignment.findFirst({ where: { periodId, indicatorId }, orderBy: { unit: { name: "asc" } }, select: { unitId: true } });
  return assignment?.unitId ?? null;
}

async function checkTargetLevel(tx: DbTransaction, frameworkVersionId: string, number: number, raw: string | null) {
  if (raw === null) return null;
  const framework = await getFrameworkVersion(tx, frameworkVersionId);
  if (!framework) throw new Error(`Kerangka ${frameworkVersionId} tidak ditemukan`);
  const parsed = parseLevel(framework.definition, raw);
  if ("issue" in parsed) throw fieldError("targetLevel", parsed.issue);
  return parsed.level;
}

type Row = Prisma.RecommendationGetPayload<{ include: { period: { select: { instansiId: true; frameworkVersionId: true } }; indicator: { select: { number: true } } } }>;

const snapshot = (row: { source: string; text: string; ownerUnitId: string | null; dueDate: Date | null; status: string; targetLevel: { toString(): string } | string | null }) => ({
  source: row.source,
  text: row.text,
  ownerUnitId: row.ownerUnitId,
  dueDate: row.dueDate?.toISOString().slice(0, 10) ?? null,
  status: row.status,
  targetLevel: row.targetLevel === null ? null : Number(row.targetLevel.toString()).toFixed(2),
});

/** A recommendation of the actor's instansi, or 404: another agency's id answers like a missing one. */
async function loadRecommendation(tx: DbTransaction, instansiId: string, recommendationId: string): Promise<Row> {
  const row = await tx.recommendation.findFirst({
    where: { id: recommendationId, period: { instansiId } },
    include: { period: { select: { instansiId: true, frameworkVersionId: true } }, indicator: { select: { number: true } } },
  });
  if (!row) throw new AppError("not_found");
  return row;
}

/**
 * The version in the where clause makes the check and the change one statement; the new
 * updatedAt is always later than the one the form showed, so the token changes.
 */
async function updateIfUnchanged(tx: DbTransaction, row: Row, version: number, data: Prisma.RecommendationUpdateManyMutationInput) {
  const updated = await tx.recommendation.updateMany({
    where: { id: row.id, updatedAt: new Date(version) },
    data: { ...data, updatedAt: new Date(Math.max(Date.now(), version + 1)) },
  });
  if (updated.count === 0) throw new AppError("conflict", { message: msg("recommendations.stale") });
}

export const createRecommendation = defineCommand({
  name: "recommendation.create",
  input: ZRecommendationCreate,
  async run({ tx, actor, request }, input) {
    const period = await loadPeriodFor(tx, actor, "recommendation.manage", input.periodId);
    const indicator = await tx.frameworkNode.findFirst({
      where: { versionId: period.frameworkVersionId, kind: "INDICATOR", number: input.indicator },
      select: { id: true },
    });
    if (!indicator) throw fieldError("indicator", msg("recommendations.indicatorInvalid"));
    const targetLevel = await checkTargetLevel(tx, period.frameworkVersionId, input.indicator, input.targetLevel);
    const ownerUnitId = input.ownerUnitId
      ? await checkOwnerUnit(tx, period.instansiId, input.ownerUnitId)
      : await assignedUnitOf(tx, period.id, indicator.id);
    const created = await tx.recommendation.create({
      data: {
        periodId: period.id,
        indicatorId: indicator.id,
        source: input.source,
        text: input.text,
        ownerUnitId,
        dueDate: input.dueDate,
        status: input.status,
        targetLevel,
        createdById: actor.userId,
      },
    });
    await writeAudit(tx, request, {
      action: "recommendation.create",
      entityType: "Recommendation",
      entityId: created.id,
      instansiId: period.instansiId,
      after: { periodId: period.id, indicator: input.indicator, ...snapshot(created) },
    });
    return { message: msg("recommendations.created", { number: input.indicator }) };
  },
});

export const updateRecommendation = defineCommand({
  name: "recommendation.update",
  input: ZRecommendationUpdate,
  async run({ tx, actor, request }, input) {
    const instansiId = assertCanInOwnInstansi(actor, "recommendation.manage");
    const row = await loadRecommendation(tx, instansiId, input.recommendationId);
    const number = row.indicator.number ?? 0;
    const next = {
      source: input.source,
      text: input.text,
      ownerUnitId: await checkOwnerUnit(tx, instansiId, input.ownerUnitId, row.ownerUnitId),
      dueDate: input.dueDate,
      status: input.status,
      targetLevel: await checkTargetLevel(tx, row.period.frameworkVersionId, number, input.targetLevel),
    };
    const before = snapshot(row);
    const after = snapshot(next);
    if (JSON.stringify(before) === JSON.stringify(after)) return { message: msg("recommendations.unchanged") };
    await updateIfUnchanged(tx, row, input.version, next);
    await writeAudit(tx, request, { action: "recommendation.update", entityType: "Recommendation", entityId: row.id, instansiId, before, after });
    return { message: msg("recommendations.updated", { number }) };
  },
});

export const setRecommendationStatus = defineCommand({
  name: "recommendation.update-status",
  input: ZRecommendationStatus,
  async run({ tx, actor, request }, input) {
    const instansiId = assertCanInOwnInstansi(actor, "recommendation.update-status");
    const row = await loadRecommendation(tx, instansiId, input.recommendationId);
    // An Admin OPD only for their own unit's recommendations (403: they may see it exists).
    assertCan(actor, "recommendation.update-status", { instansiId, unitId: row.ownerUnitId });
    const number = row.indicator.number ?? 0;
    if (row.status === input.status) return { message: msg("recommendations.unchanged") };
    await updateIfUnchanged(tx, row, input.version, { status: input.status });
    await writeAudit(tx, request, {
      action: "recommendation.update-status",
      entityType: "Recommendation",
      entityId: row.id,
      instansiId,
      before: { status: row.status },
      after: { status: input.status },
    });
    return { message: msg("recommendations.statusChanged", { number, status: msg(`recommendations.statuses.${input.status}`) }) };
  },
});
