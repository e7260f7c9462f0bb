// A period as the actor may see it: only within their own instansi; another agency's
// period answers exactly like a missing one (404).
import type { DbClient, DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanInOwnInstansi, type Action, type Actor } from "@/lib/policy";

export async function loadPeriodFor(db: DbClient, actor: Actor | null, action: Action, periodId: string) {
  const instansiId = assertCanInOwnInstansi(actor, action);
  const period = await db.assessmentPeriod.findFirst({ where: { id: periodId, instansiId } });
  if (!period) throw new AppError("not_found");
  return period;
}


/**
 * For work inside a period that does not change the period itself (answers): holds the
 * period row shared until the transaction ends, so a phase change or an assignment save
 * (which lock it for update) cannot slip in between the checks and the write.
 */
export async function holdPeriod(tx: DbTransaction, periodId: string) {
  await tx.$queryRaw`SELECT 1 FROM "AssessmentPeriod" WHERE id = ${periodId} FOR SHARE`;
  // Read again under the lock: the phase seen before it may have changed meanwhile.
  return tx.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId } });
}
