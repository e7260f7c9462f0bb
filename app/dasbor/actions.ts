"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { ACTIVE_MEMBERSHIP_COOKIE, getActor } from "@/lib/auth/current";
import { requestContextFrom } from "@/lib/auth/request-context";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/next-auth";
import { portalCookieOptions, readSessionToken } from "@/lib/auth/session-cookie";
import { revokeAllSessions, revokeSession } from "@/lib/auth/sign-out";

/** Ends this session on the server (a copy of the cookie stops working too), then in this browser. */
export async function signOut(): Promise<void> {
  const actor = await getActor();
  const store = await cookies();
  const token = (await readSessionToken(store))?.token;
  if (actor && typeof token?.sid === "string" && typeof token.authTime === "number") {
    await revokeSession(db, { userId: actor.userId, sessionId: token.sid, authTime: token.authTime }, requestContextFrom(await headers(), actor.userId));
  }
  for (const name of SESSION_COOKIE_NAMES) store.delete(name);
  store.delete(ACTIVE_MEMBERSHIP_COOKIE);
  redirect("/masuk");
}

/** "Keluar dari semua perangkat": every session of the account ends, this one included. */
export async function signOutEverywhere(): Promise<void> {
  const actor = await getActor();
  const store = await cookies();
  if (actor) await revokeAllSessions(db, actor.userId, requestContextFrom(await headers(), actor.userId));
  for (const name of SESSION_COOKIE_NAMES) store.delete(name);
  store.delete(ACTIVE_MEMBERSHIP_COOKIE);
  redirect("/masuk");
}

/** Only a membership the actor really holds can become the active one. */
export async function switchMembership(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/masuk");
  const membershipId = formData.get("membershipId");
  if (typeof membershipId === "string" && actor.memberships.some((membership) => membership.id === membershipId)) {
    (await cookies()).set(ACTIVE_MEMBERSHIP_COOKIE, membershipId, portalCookieOptions());
  }
  redirect("/dasbor");
}
