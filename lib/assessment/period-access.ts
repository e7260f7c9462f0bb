// A period as the actor may see it: only within their own instansi; another agency's
// period answers exactly like a missing one (404).
import type { DbClient, DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AssessmentPeriod } from "@/lib/generated/prisma/client";
import { assertCanInOwnInstansi, type Action, type Actor } from "@/lib/policy";

declare const reachedThroughPolicy: unique symbol;

/**
 * A period the policy let the actor reach. Only this module makes one (`loadPeriodFor`,
 * `holdPeriod`, and `listPeriodsFor` for the agency's list),
 * so a reader that takes a `LoadedPeriod` (the period overview, the report, the external
 * results) needs no instansi filter of its own: the type says the caller has checked.
 */
export type LoadedPeriod = AssessmentPeriod & { readonly [reachedThroughPolicy]: true };

export async function loadPeriodFor(db: DbClient, actor: Actor | null, action: Action, periodId: string): Promise<LoadedPeriod> {
  const instansiId = assertCanInOwnInstansi(actor, action);
  const period = await db.assessmentPeriod.findFirst({ where: { id: periodId, instansiId } });
  if (!period) throw new AppError("not_found");
  return period as LoadedPeriod;
}

/** Every period of the actor's instansi, newest year first (the dashboard's trend and current period). */
export async function listPeriodsFor(db: DbClient, actor: Actor | null, action: Action): Promise<LoadedPeriod[]> {
  const instansiId = assertCanInOwnInstansi(actor, action);
  const periods = await db.assessmentPeriod.findMany({ where: { instansiId }, orderBy: { year: "desc" } });
  return periods as LoadedPeriod[];
}

/**
 * For work inside a period that does not change the period itself (answers): the period
 * as the actor may see it, read and held shared until the transaction ends in one
 * statement, so a phase change or an assignment save (which lock it for update) cannot slip
 * in between the checks and the write.
 */
export async function holdPeriod(tx: DbTransaction, actor: Actor | null, action: Action, periodId: string): Promise<LoadedPeriod> {
  const instansiId = assertCanInOwnInstansi(actor, action);
  const [period] = await tx.$queryRaw<AssessmentPeriod[]>`
    SELECT * FROM "AssessmentPeriod" WHERE "id" = ${periodId} AND "instansiId" = ${instansiId} FOR SHARE`;
  if (!period) throw new AppError("not_found");
  return period as LoadedPeriod;
}
