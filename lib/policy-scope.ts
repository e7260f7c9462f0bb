// Where records live, read from the database for lib/policy.ts (which itself reads
// nothing). Commands and pages ask the policy with these scopes instead of each assembling
// its own ownership lookup: an answer belongs to its period's instansi and to the units the
// indicator is assigned to in that period.
import type { DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { evidenceReadLimit, type Actor, type Scope } from "@/lib/policy";

type PeriodRef = { id: string; instansiId: string };

export async function answerScope(db: DbClient, period: PeriodRef, indicatorId: string): Promise<Scope> {
  const assignments = await db.assignment.findMany({ where: { periodId: period.id, indicatorId }, select: { unitId: true } });
  return { instansiId: period.instansiId, unitIds: assignments.map((assignment) => assignment.unitId) };
}

/** Every indicator's answer scope in a period at once (the Excel import checks hundreds of rows). */
export async function answerScopes(db: DbClient, period: PeriodRef): Promise<(indicatorId: string) => Scope> {
  const assignments = await db.assignment.findMany({ where: { periodId: period.id }, select: { indicatorId: true, unitId: true } });
  const ownersOf = new Map<string, string[]>();
  for (const { indicatorId, unitId } of assignments) ownersOf.set(indicatorId, [...(ownersOf.get(indicatorId) ?? []), unitId]);
  return (indicatorId) => ({ instansiId: period.instansiId, unitIds: ownersOf.get(indicatorId) ?? [] });
}

/** An evidence item as the policy sees it: its instansi, owner unit and whether it is shared. */
export const evidenceScope = (evidence: { instansiId: string; ownerUnitId: string | null; sharedWithInstansi: boolean }): Scope => ({
  instansiId: evidence.instansiId,
  unitId: evidence.ownerUnitId,
  sharedWithInstansi: evidence.sharedWithInstansi,
});

/**
 * The filter of the evidence items of the instansi the actor may read (policy
 * evidence.read): all of them, or their unit's and the shared ones. Combine it with other
 * conditions under AND, never by spreading (it may carry an OR).
 */
export function readableEvidence(actor: Actor, instansiId: string): Prisma.EvidenceWhereInput {
  const limit = evidenceReadLimit(actor, instansiId);
  if (!limit) return { instansiId };
  return { instansiId, OR: [...(limit.unitId ? [{ ownerUnitId: limit.unitId }] : []), { sharedWithInstansi: true }] };
}
