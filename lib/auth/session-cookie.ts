// Reading and writing the next-auth session cookie outside next-auth's own routes: the
// proxy renews its idle clock, and a password change re-issues it with the new session
// version (so this browser stays signed in while every other session ends).
import { decode, encode, type JWT } from "next-auth/jwt";
import { env } from "@/lib/env";
import { SESSION_COOKIE_NAMES } from "./next-auth";

type CookieOptions = { httpOnly: boolean; sameSite: "lax"; path: string; secure: boolean; maxAge: number };
type CookieReader = { get(name: string): { value: string } | undefined };
type CookieWriter = { set(name: string, value: string, options: CookieOptions): unknown };

export async function readSessionToken(jar: CookieReader): Promise<{ cookieName: string; token: JWT | null } | null> {
  const cookieName = SESSION_COOKIE_NAMES.find((name) => jar.get(name) !== undefined);
  if (!cookieName || !env.AUTH_SECRET) return null;
  const token = await decode({ token: jar.get(cookieName)?.value, secret: env.AUTH_SECRET }).catch(() => null);
  return { cookieName, token };
}

/** For the portal's other cookies (active role, language): Secure whenever the portal is served over https, like next-auth's. */
export function portalCookieOptions(maxAgeSeconds?: number) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: env.PUBLIC_URL?.startsWith("https://") ?? false, ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) };
}

export async function writeSessionToken(jar: CookieWriter, cookieName: string, token: JWT): Promise<void> {
  const maxAge = env.SESSION_IDLE_MINUTES * 60;
  const value = await encode({ token, secret: env.AUTH_SECRET!, maxAge });
  jar.set(cookieName, value, { httpOnly: true, sameSite: "lax", path: "/", secure: cookieName.startsWith("__Secure-"), maxAge });
}
