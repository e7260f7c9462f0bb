// The audit trail as one instansi's Koordinator sees it: only the records of events in that
// instansi. An account's own events (sign-ins, failed sign-ins, sign-outs, password
// changes) are recorded in its home agency (lib/auth/home-instansi.ts), so another agency
// the person also works for never sees their sign-in addresses or browsers. Newest first,
// a fixed number of queries per page, and the CSV export read in batches.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilter } from "@/lib/validation/audit";
import { PAGE_SIZE } from "./queries";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight of a calendar day in Asia/Jakarta (UTC+7 all year, no daylight saving). */
const startOfJakartaDay = (day: string) => new Date(`${day}T00:00:00+07:00`);

const ORDER: Prisma.AuditLogOrderByWithRelationInput[] = [{ at: "desc" }, { id: "desc" }];

const INCLUDE = { actor: { select: { name: true, email: true } } } satisfies Prisma.AuditLogInclude;

export type AuditRow = Prisma.AuditLogGetPayload<{ include: typeof INCLUDE }>;


function filterOf(filter: AuditFilter): Prisma.AuditLogWhereInput[] {
  const where: Prisma.AuditLogWhereInput[] = [];
  if (filter.actor) {
    where.push({ actor: { OR: [{ email: { contains: filter.actor, mode: "insensitive" } }, { name: { contains: filter.actor, mode: "insensitive" } }] } });
  }
  if (filter.entity) where.push({ entityType: filter.entity });
  if (filter.action) where.push({ action: { contains: filter.action, mode: "insensitive" } });
  if (filter.dari) where.push({ at: { gte: startOfJakartaDay(filter.dari) } });
  if (filter.sampai) where.push({ at: { lt: new Date(startOfJakartaDay(filter.sampai).getTime() + DAY_MS) } });
  return where;
}

function whereOf(instansiId: string, filter: AuditFilter): Prisma.AuditLogWhereInput {
  return { AND: [{ instansiId }, ...filterOf(filter)] };
}

/** One page of entries, their total, and the entity types present (for the filter's choices). */
export async function listAuditEntries(db: Db, instansiId: string, filter: AuditFilter & { halaman: number }) {
  const where = whereOf(instansiId, filter);
  const [total, entries, types] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: ORDER, skip: (filter.halaman - 1) * PAGE_SIZE, take: PAGE_SIZE, include: INCLUDE }),
    db.auditLog.groupBy({ by: ["entityType"], where: { instansiId }, orderBy: { entityType: "asc" } }),
  ]);
  return { total, entries, entityTypes: types.map((type) => type.entityType) };
}

/** Every matching entry, newest first, read `batchSize` at a time with a cursor. */
export async function* auditEntriesForExport(db: Db, instansiId: string, filter: AuditFilter, batchSize = 500): AsyncGenerator<AuditRow[]> {
  const where = whereOf(instansiId, filter);
  let cursor: bigint | undefined;
  for (;;) {
    const batch = await db.auditLog.findMany({
      where,
      orderBy: ORDER,
      take: batchSize,
      ...(cursor === undefined ? {} : { cursor: { id: cursor }, skip: 1 }),
      include: INCLUDE,
    });
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    cursor = batch.at(-1)!.id;
  }
}

/** The CSV export's columns, and one entry as their values. */
export const AUDIT_CSV_COLUMNS = ["waktu", "aktor_email", "aktor_nama", "aksi", "entitas", "entitas_id", "ip", "user_agent", "request_id", "sebelum", "sesudah"] as const;

const json = (value: Prisma.JsonValue) => (value === null ? null : JSON.stringify(value));

export function auditCsvValues(entry: AuditRow): (string | null)[] {
  return [
    entry.at.toISOString(),
    entry.actor?.email ?? null,
    entry.actor?.name ?? null,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.ip,
    entry.userAgent,
    entry.requestId,
    json(entry.before),
    json(entry.after),
  ];
}
