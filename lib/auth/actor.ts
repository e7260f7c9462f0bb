// Who may act right now, from the database: an active account, its active memberships in
// active agencies, the one the person chose (or their first). Null when nothing is left,
// which is how deactivation, password changes and signing out end existing sessions.
import type { DbClient } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import type { Actor, ActorMembership } from "@/lib/policy";
import { DEFAULT_TIME_ZONE, type AgencyTimeZone } from "@/lib/i18n/time-zone";

type ActorRow = {
  userId: string;
  name: string;
  email: string;
  mustChangePassword: boolean;
  membershipId: string;
  role: Role;
  instansiId: string | null;
  instansiName: string | null;
  unitId: string | null;
  unitName: string | null;
  timeZone: AgencyTimeZone | null;
};

/**
 * One round trip on every signed-in request (Prisma's nested select would send four: user,
 * memberships, agencies, units): one row per membership that still counts.
 */
export async function loadActor(
  db: DbClient,
  userId: string,
  options: { sessionVersion?: number; sessionId?: string; membershipId?: string } = {},
): Promise<Actor | null> {
  const sessionVersion = options.sessionVersion ?? null;
  const sessionId = options.sessionId ?? null;
  const rows = await db.$queryRaw<ActorRow[]>`
    SELECT u."id" AS "userId", u."name", u."email", u."mustChangePassword",
           m."id" AS "membershipId", m."role", m."instansiId", i."name" AS "instansiName", m."unitId", un."name" AS "unitName", i."timeZone"::text AS "timeZone"
    FROM "User" u
    JOIN "Membership" m ON m."userId" = u."id" AND m."isActive"
    LEFT JOIN "Instansi" i ON i."id" = m."instansiId"
    LEFT JOIN "Unit" un ON un."id" = m."unitId"
    WHERE u."id" = ${userId} AND u."isActive"
      AND (${sessionVersion}::int IS NULL OR u."sessionVersion" = ${sessionVersion}::int)
      AND NOT EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."id" = ${sessionId}::text)
      AND (m."instansiId" IS NULL OR i."isActive")
    ORDER BY m."createdAt", m."id"`;
  const first = rows[0];
  if (!first) return null;
  const memberships: ActorMembership[] = rows.map((row) => ({
    id: row.membershipId,
    role: row.role,
    instansiId: row.instansiId,
    instansiName: row.instansiName,
    unitId: row.unitId,
    unitName: row.unitName,
    timeZone: row.timeZone ?? DEFAULT_TIME_ZONE,
  }));
  const active = memberships.find((membership) => membership.id === options.membershipId) ?? memberships[0]!;
  return { userId: first.userId, name: first.name, email: first.email, memberships, active, mustChangePassword: first.mustChangePassword };
}
