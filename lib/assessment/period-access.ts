// A period as the actor may see it: only within their own instansi; another agency's
// period answers exactly like a missing one (404).
import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanInOwnInstansi, type Action, type Actor } from "@/lib/policy";

export async function loadPeriodFor(db: DbClient, actor: Actor | null, action: Action, periodId: string) {
  const instansiId = assertCanInOwnInstansi(actor, action);
  const period = await db.assessmentPeriod.findFirst({ where: { id: periodId, instansiId } });
  if (!period) throw new AppError("not_found");
  return period;
}
