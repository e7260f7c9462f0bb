// Keeps sessions honest without server-side session storage: a session unused for longer
// than SESSION_IDLE_MINUTES, or older than SESSION_MAX_HOURS, loses its cookie; an active
// one gets its idle clock (lastSeen) renewed at most once a minute.
import { NextResponse, type NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { isSessionFresh, SESSION_COOKIE_NAMES } from "@/lib/auth/next-auth";

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const response = NextResponse.next();
  const cookieName = SESSION_COOKIE_NAMES.find((name) => request.cookies.has(name));
  if (!cookieName || !env.AUTH_SECRET) return response;
  const token = await decode({ token: request.cookies.get(cookieName)?.value, secret: env.AUTH_SECRET }).catch(() => null);
  const now = Math.floor(Date.now() / 1000);
  if (!token || !isSessionFresh(token, now)) {
    response.cookies.delete(cookieName);
    return response;
  }
  if (typeof token.lastSeen === "number" && now - token.lastSeen >= 60) {
    const maxAge = env.SESSION_IDLE_MINUTES * 60;
    const value = await encode({ token: { ...token, lastSeen: now }, secret: env.AUTH_SECRET, maxAge });
    response.cookies.set(cookieName, value, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: cookieName.startsWith("__Secure-"),
      maxAge,
    });
  }
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth).*)"] };
