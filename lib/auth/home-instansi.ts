// The agency an account belongs to. An account is created by one instansi (or by the
// superadmin together with a new instansi) and is never attached to another one silently
// (lib/admin/users.ts), so its oldest membership names its home. Only the home agency
// deactivates the account as a whole or resets its password, and the account's own events
// (sign-in, sign-out, password change) are recorded in the home agency's audit trail.
import type { DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Prisma `memberships` selection that yields the home membership first and only. */
export const HOME_MEMBERSHIP = {
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  take: 1,
  select: { instansiId: true },
} satisfies Prisma.User$membershipsArgs;

/** Null for the superadmin and for an account without any membership left. */
export async function homeInstansiOf(db: DbClient, userId: string): Promise<string | null> {
  const home = await db.membership.findFirst({ where: { userId }, ...HOME_MEMBERSHIP });
  return home?.instansiId ?? null;
}
