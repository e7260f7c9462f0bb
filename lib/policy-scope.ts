// Where records live, read from the database for lib/policy.ts (which itself reads
// nothing). Commands and pages ask the policy with these scopes instead of each assembling
// its own ownership lookup: an answer belongs to its period's instansi and to the units the
// indicator is assigned to in that period.
import type { DbClient } from "@/lib/db";
import type { Scope } from "@/lib/policy";

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
