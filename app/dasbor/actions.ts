"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { ACTIVE_MEMBERSHIP_COOKIE, getActor } from "@/lib/auth/current";
import { requestContextFrom } from "@/lib/auth/request-context";
import { homeInstansiOf } from "@/lib/auth/home-instansi";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/next-auth";

export async function signOut(): Promise<void> {
  const actor = await getActor();
  const store = await cookies();
  for (const name of SESSION_COOKIE_NAMES) store.delete(name);
  store.delete(ACTIVE_MEMBERSHIP_COOKIE);
  if (actor) {
    const context = requestContextFrom(await headers(), actor.userId);
    const instansiId = await homeInstansiOf(db, actor.userId);
    await db.$transaction((tx) => writeAudit(tx, context, { action: "auth.sign-out", entityType: "User", entityId: actor.userId, instansiId }));
  }
  redirect("/masuk");
}

/** Only a membership the actor really holds can become the active one. */
export async function switchMembership(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/masuk");
  const membershipId = formData.get("membershipId");
  if (typeof membershipId === "string" && actor.memberships.some((membership) => membership.id === membershipId)) {
    (await cookies()).set(ACTIVE_MEMBERSHIP_COOKIE, membershipId, { httpOnly: true, sameSite: "lax", path: "/" });
  }
  redirect("/dasbor");
}
