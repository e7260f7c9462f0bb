// The signed-in actor of this request, or null. The session cookie only says who signed
// in and when; whether they may still act (account active, password not changed since,
// session within its idle and absolute lifetime) is checked against the database here.
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import type { Actor, ActorMembership } from "@/lib/policy";
import { authOptions, isSessionFresh, type SessionClaims } from "./next-auth";

export const ACTIVE_MEMBERSHIP_COOKIE = "spbe-peran";

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as SessionClaims | null;
  if (!session?.userId || !isSessionFresh(session)) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: {
      id: true,
      name: true,
      email: true,
      isActive: true,
      sessionVersion: true,
      memberships: {
        where: { isActive: true },
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, instansiId: true, unitId: true, instansi: { select: { name: true, isActive: true } }, unit: { select: { name: true } } },
      },
    },
  });
  if (!user || !user.isActive || user.sessionVersion !== session.sessionVersion) return null;
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
  const chosen = (await cookies()).get(ACTIVE_MEMBERSHIP_COOKIE)?.value;
  const active = memberships.find((membership) => membership.id === chosen) ?? memberships[0]!;
  return { userId: user.id, name: user.name, email: user.email, memberships, active };
});

/** For pages behind sign-in: the actor, or a redirect to the sign-in page. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/masuk?kembali=${encodeURIComponent(returnTo)}`);
  return actor;
}
