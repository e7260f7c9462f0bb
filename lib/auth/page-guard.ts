// Pages ask the same policy as actions. A page the actor may not see answers like a
// missing page, the same way the API does for another agency's records.
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { can, type Action, type Actor } from "@/lib/policy";

/** The actor's instansi when they may do `action` there; otherwise a 404 page. */
export function requireInstansiPermission(actor: Actor, action: Action): string {
  const instansiId = actor.active.instansiId;
  if (!instansiId || !can(actor, action, { instansiId })) notFound();
  return instansiId;
}

/** A page's data loader that refuses (403) or finds nothing (404) shows the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && (error.status === 403 || error.status === 404)) notFound();
    throw error;
  }
}
