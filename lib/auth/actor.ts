// Who may act right now, from the database: an active account, its active memberships in
// active agencies, the one the person chose (or their first). Null when nothing is left,
// which is how deactivation and password changes end existing sessions.
import type { Db } from "@/lib/db";
import type { Actor, ActorMembership } from "@/lib/policy";

export async function loadActor(db: Db, userId: string, options: { sessionVersion?: number; membershipId?: string } = {}): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      isActive: true,
      sessionVersion: true,
      mustChangePassword: true,
      memberships: {
        where: { isActive: true },
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, instansiId: true, unitId: true, instansi: { select: { name: true, isActive: true } }, unit: { select: { name: true } } },
      },
    },
  });
  if (!user || !user.isActive) return null;
  if (options.sessionVersion !== undefined && user.sessionVersion !== options.sessionVersion) return null;
  const memberships: ActorMembership[] = user.memberships
    .filter((membership) => membership.instansi?.isActive !== false)
    .map((membership) => ({
      id: membership.id,
      role: membership.role,
      instansiId: membership.instansiId,
      instansiName: membership.instansi?.name ?? null,
      unitId: membership.unitId,
      unitName: membership.unit?.name ?? null,
    }));
  if (memberships.length === 0) return null;
  const active = memberships.find((membership) => membership.id === options.membershipId) ?? memberships[0]!;
  return { userId: user.id, name: user.name, email: user.email, memberships, active, mustChangePassword: user.mustChangePassword };
}
