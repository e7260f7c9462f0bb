// What the evidence library page shows: the items the actor may read (an Admin OPD their
// unit's, the instansi-wide roles all of the instansi's), filtered, with where each item
// is used; and the items waiting to be confirmed for the current period (carry-over).
import { DEFAULT_TIME_ZONE, todayIn, type AgencyTimeZone } from "@/lib/i18n/time-zone";
import type { z } from "zod";
import type { DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE } from "@/lib/admin/queries";
import { assertCanInOwnInstansi, can, type Actor } from "@/lib/policy";
import type { ZEvidenceQuery } from "@/lib/validation/evidence";

export type LibraryQuery = z.infer<typeof ZEvidenceQuery>;

/** Items ending within this many days are flagged. */
export const EXPIRING_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Today in the agency's zone, as validity dates are stored (midnight UTC of the day). */
export function startOfToday(zone: AgencyTimeZone = DEFAULT_TIME_ZONE, now: Date = new Date()): Date {
  return todayIn(zone, now);
}

export type Expiry = "expired" | "expiring" | "valid" | "none";

export function expiryOf(validUntil: Date | null, today: Date = startOfToday()): Expiry {
  if (!validUntil) return "none";
  if (validUntil < today) return "expired";
  return validUntil.getTime() < today.getTime() + EXPIRING_DAYS * DAY_MS ? "expiring" : "valid";
}

function expiryWhere(expiry: LibraryQuery["berlaku"], today: Date): Prisma.EvidenceWhereInput {
  const soon = new Date(today.getTime() + EXPIRING_DAYS * DAY_MS);
  switch (expiry) {
    case "expired":
      return { validUntil: { lt: today } };
    case "expiring":
      return { validUntil: { gte: today, lt: soon } };
    case "valid":
      return { validUntil: { gte: today } };
    case "none":
      return { validUntil: null };
    default:
      return {};
  }
}

/** The unit whose items the actor is limited to, or null when they read the whole instansi. */
export function unitLimit(actor: Actor, instansiId: string): string | null {
  return can(actor, "evidence.read", { instansiId, unitId: null }) ? null : actor.active.unitId;
}

export async function listEvidenceLibrary(db: DbClient, actor: Actor, query: LibraryQuery, today: Date = startOfToday()) {
  const instansiId = assertCanInOwnInstansi(actor, "evidence.read");
  const limitedTo = unitLimit(actor, instansiId);
  const text = query.q ? { contains: query.q, mode: "insensitive" as const } : undefined;
  const where: Prisma.EvidenceWhereInput = {
    instansiId,
    deletedAt: null,
    ...(limitedTo ? { ownerUnitId: limitedTo } : query.unit ? { ownerUnitId: query.unit } : {}),
    ...(query.jenis ? { documentType: query.jenis } : {}),
    ...(text ? { OR: [{ title: text }, { documentNo: text }, { originalName: text }, { url: text }] } : {}),
    ...expiryWhere(query.berlaku, today),
  };
  const [total, items, units] = await Promise.all([
    db.evidence.count({ where }),
    db.evidence.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.halaman - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: {
        ownerUnit: { select: { name: true, shortName: true } },
        blob: { select: { size: true, mimeType: true } },
        answers: {
          select: { answer: { select: { id: true, status: true, stage: true, indicator: { select: { number: true } }, period: { select: { id: true, year: true } } } } },
          orderBy: { createdAt: "asc" },
        },
        periods: { select: { confirmedAt: true, period: { select: { year: true } } }, orderBy: { period: { year: "asc" } } },
      },
    }),
    limitedTo ? Promise.resolve([]) : db.unit.findMany({ where: { instansiId, isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { total, items, units, limitedTo };
}

export type LibraryItem = Awaited<ReturnType<typeof listEvidenceLibrary>>["items"][number];

/**
 * The current period (the latest one not final) and the actor's items that belong to an
 * earlier period, or were copied into this one with last year's answers, but are not yet
 * confirmed for it. Only for actors who manage evidence.
 */
export async function carryOverCandidates(db: DbClient, actor: Actor) {
  const instansiId = actor.active.instansiId;
  if (!instansiId || !actor.active.unitId || !can(actor, "evidence.manage", { instansiId, unitId: actor.active.unitId })) return null;
  const period = await db.assessmentPeriod.findFirst({ where: { instansiId, phase: { not: "FINAL" } }, orderBy: { year: "desc" } });
  if (!period) return null;
  const earlier = { year: { lt: period.year } };
  const items = await db.evidence.findMany({
    where: {
      instansiId,
      deletedAt: null,
      ownerUnitId: actor.active.unitId,
      OR: [
        { periods: { some: { periodId: period.id, confirmedAt: null } } },
        {
          periods: { none: { periodId: period.id } },
          OR: [{ periods: { some: { period: earlier } } }, { answers: { some: { answer: { period: earlier } } } }],
        },
      ],
    },
    orderBy: { title: "asc" },
    take: 200,
    select: { id: true, title: true, kind: true, documentType: true, validUntil: true, periods: { select: { period: { select: { year: true } } } } },
  });
  return { period, items };
}
