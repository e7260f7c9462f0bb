// The audit trail. Every change writes its record inside the same transaction as the change
// itself, so there is never a change without its record, nor a record of a change that
// was rolled back. The table refuses UPDATE and DELETE (see the init migration).
import type { DbTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** Who did it and from where; built once per request by the action and route wrappers. */
export type RequestContext = {
  actorId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  instansiId?: string | null;
  before?: unknown;
  after?: unknown;
};

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}

export async function writeAudit(tx: DbTransaction, context: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: context.actorId,
      ip: context.ip,
      userAgent: context.userAgent?.slice(0, 500) ?? null,
      requestId: context.requestId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      instansiId: entry.instansiId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
