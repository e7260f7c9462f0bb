// Keeps sessions honest without server-side session storage: a session unused for longer
// than SESSION_IDLE_MINUTES, or older than SESSION_MAX_HOURS, loses its cookie; an active
// one gets its idle clock (lastSeen) renewed at most once a minute.
import { NextResponse, type NextRequest } from "next/server";
import { isSessionFresh } from "@/lib/auth/next-auth";
import { readSessionToken, writeSessionToken } from "@/lib/auth/session-cookie";

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const response = NextResponse.next();
  const session = await readSessionToken(request.cookies);
  if (!session) return response;
  const { cookieName, token } = session;
  const now = Math.floor(Date.now() / 1000);
  if (!token || !isSessionFresh(token, now)) {
    response.cookies.delete(cookieName);
    return response;
  }
  if (typeof token.lastSeen === "number" && now - token.lastSeen >= 60) {
    await writeSessionToken(response.cookies, cookieName, { ...token, lastSeen: now });
  }
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth).*)"] };
