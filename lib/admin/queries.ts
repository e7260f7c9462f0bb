// What the administration pages list: always scoped to one instansi (or, for agencies,
// to the superadmin), searched and paginated in the database, a fixed number of queries.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const PAGE_SIZE = 20;

type ListQuery = { q: string; halaman: number };

const page = (query: ListQuery) => ({ skip: (query.halaman - 1) * PAGE_SIZE, take: PAGE_SIZE });

export async function listUnits(db: Db, instansiId: string, query: ListQuery) {
  const where: Prisma.UnitWhereInput = {
    instansiId,
    ...(query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { code: { contains: query.q, mode: "insensitive" } }, { shortName: { contains: query.q, mode: "insensitive" } }] } : {}),
  };
  const [total, units] = await Promise.all([
    db.unit.count({ where }),
    db.unit.findMany({
      where,
      orderBy: [{ isActive: "desc" }, { name: "asc" }],
      ...page(query),
      include: { _count: { select: { memberships: { where: { isActive: true, role: "ADMIN_OPD" } } } } },
    }),
  ]);
  return { total, units };
}

/** Active units for pickers. */
export function unitOptions(db: Db, instansiId: string) {
  return db.unit.findMany({ where: { instansiId, isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true, shortName: true } });
}

export async function listUsers(db: Db, instansiId: string, query: ListQuery) {
  const where: Prisma.UserWhereInput = {
    memberships: { some: { instansiId } },
    ...(query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { email: { contains: query.q, mode: "insensitive" } }] } : {}),
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }],
      ...page(query),
      select: {
        id: true,
        name: true,
        email: true,
        isActive: true,
        lastLoginAt: true,
        mustChangePassword: true,
        memberships: {
          where: { instansiId },
          orderBy: { createdAt: "asc" },
          select: { id: true, role: true, isActive: true, unit: { select: { name: true, shortName: true } } },
        },
      },
    }),
  ]);
  return { total, users };
}

export async function listAgencies(db: Db, query: ListQuery) {
  const where: Prisma.InstansiWhereInput = query.q
    ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { code: { contains: query.q, mode: "insensitive" } }, { region: { contains: query.q, mode: "insensitive" } }] }
    : {};
  const [total, agencies] = await Promise.all([
    db.instansi.count({ where }),
    db.instansi.findMany({
      where,
      orderBy: [{ isActive: "desc" }, { name: "asc" }],
      ...page(query),
      include: {
        _count: { select: { units: true, memberships: true } },
        memberships: { where: { role: "KOORDINATOR", isActive: true }, select: { id: true, user: { select: { name: true, email: true } } } },
      },
    }),
  ]);
  return { total, agencies };
}
