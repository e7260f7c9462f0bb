// The signed-in actor of this request, or null. The session cookie only says who signed
// in and when; whether they may still act (account active, password not changed since,
// session within its idle and absolute lifetime, not signed out) is checked against the
// database here.
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { loadActor } from "./actor";
import { isSessionFresh } from "./next-auth";
import { readSessionToken } from "./session-cookie";

export const ACTIVE_MEMBERSHIP_COOKIE = "spbe-peran";

// Once per request (React's request cache): one decryption of the session cookie and one
// query. The cookie is read directly rather than through getServerSession, which would
// decrypt it, run the callbacks and encrypt it again for a cookie it cannot set here.
export const getActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const token = (await readSessionToken(jar))?.token;
  // A token without a session id predates revocable sessions: it cannot be signed out, so it no longer counts.
  if (!token?.sub || typeof token.sid !== "string" || !isSessionFresh(token)) return null;
  const membershipId = jar.get(ACTIVE_MEMBERSHIP_COOKIE)?.value;
  return loadActor(db, token.sub, { sessionVersion: typeof token.sv === "number" ? token.sv : -1, sessionId: token.sid, membershipId });
});

export const CHANGE_PASSWORD_PATH = "/akun/kata-sandi";

/**
 * For pages behind sign-in: the actor, or a redirect to the sign-in page. Someone still on
 * a temporary password is sent to replace it first.
 */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/masuk?kembali=${encodeURIComponent(returnTo)}`);
  if (actor.mustChangePassword && returnTo !== CHANGE_PASSWORD_PATH) redirect(`${CHANGE_PASSWORD_PATH}?kembali=${encodeURIComponent(returnTo)}`);
  return actor;
}
