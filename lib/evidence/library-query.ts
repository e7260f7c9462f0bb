// What the evidence library page shows: the items the actor may read (an Admin OPD their
// unit's, the instansi-wide roles all of the instansi's), filtered, with where each item
// is used; and the items waiting to be confirmed for the current period (carry-over).
import { DEFAULT_TIME_ZONE, todayIn, type AgencyTimeZone } from "@/lib/i18n/time-zone";
import type { z } from "zod";
import type { DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE } from "@/lib/admin/queries";
import { assertCanInOwnInstansi, can, evidenceReadLimit, type Actor } from "@/lib/policy";
import { readableEvidence } from "@/lib/policy-scope";
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

/** The unit whose items (and the shared ones) the actor is limited to, or null when they read the whole instansi. */
export function unitLimit(actor: Actor, instansiId: string): string | null {
  return evidenceReadLimit(actor, instansiId) ? actor.active.unitId : null;
}

export async function listEvidenceLibrary(db: DbClient, actor: Actor, query: LibraryQuery, today: Date = startOfToday()) {
  const instansiId = assertCanInOwnInstansi(actor, "evidence.read");
  const limitedTo = unitLimit(actor, instansiId);
  const text = query.q ? { contains: query.q, mode: "insensitive" as const } : undefined;
  const where: Prisma.EvidenceWhereInput = {
    AND: [readableEvidence(actor, instansiId)],
    instansiId,
    deletedAt: null,
    ...(query.unit ? { ownerUnitId: query.unit } : {}),
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
          select: { answer: { select: { id: true, status: true, stage: true, indicatorId: true, indicator: { select: { number: true } }, period: { select: { id: true, year: true } } } } },
          orderBy: { createdAt: "asc" },
        },
        periods: { select: { confirmedAt: true, period: { select: { year: true } } }, orderBy: { period: { year: "asc" } } },
        textScan: { select: TEXT_SCAN_SELECT },
      },
    }),
    db.unit.findMany({ where: { instansiId, isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { total, items: limitedTo ? await withReadableUses(db, items, limitedTo) : items, units, limitedTo };
}

/**
 * An item another unit shared is used by answers the reader may not read: an Admin OPD sees
 * only the uses by their own unit's answers (indicators assigned to it in that period).
 */
async function withReadableUses<T extends { ownerUnitId: string | null; answers: { answer: { period: { id: string }; indicatorId: string } }[] }>(db: DbClient, items: T[], unitId: string): Promise<T[]> {
  const foreign = items.filter((item) => item.ownerUnitId !== unitId && item.answers.length > 0);
  if (foreign.length === 0) return items;
  const periodIds = [...new Set(foreign.flatMap((item) => item.answers.map((link) => link.answer.period.id)))];
  const assigned = await db.assignment.findMany({ where: { unitId, periodId: { in: periodIds } }, select: { periodId: true, indicatorId: true } });
  const own = new Set(assigned.map((assignment) => `${assignment.periodId}:${assignment.indicatorId}`));
  return items.map((item) =>
    item.ownerUnitId === unitId ? item : { ...item, answers: item.answers.filter((link) => own.has(`${link.answer.period.id}:${link.answer.indicatorId}`)) },
  );
}

/** What the pre-checks read of an item's text scan (lib/evidence/precheck/warnings.ts). */
export const TEXT_SCAN_SELECT = { state: true, pageCount: true, textChars: true, foundNumber: true, foundDates: true } as const;

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
