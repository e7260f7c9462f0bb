// Runs before every page request (see the matcher below): gives the response its Content-Security-Policy
// with a fresh nonce, and keeps sessions honest without server-side session storage: a
// session unused for longer than SESSION_IDLE_MINUTES, or older than SESSION_MAX_HOURS,
// loses its cookie; an active one gets its idle clock (lastSeen) renewed at most once a minute.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isSessionFresh } from "@/lib/auth/next-auth";
import { readSessionToken, writeSessionToken } from "@/lib/auth/session-cookie";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";
import { hasForbiddenLineCharacters } from "@/lib/validation/primitives";

const ssoOrigin = env.OIDC_ISSUER ? new URL(env.OIDC_ISSUER).origin : null;

/** A path whose decoded form holds a NUL or another control character names nothing: PostgreSQL would refuse it as an id (a 500). */
function namesNothing(pathname: string): boolean {
  try {
    return hasForbiddenLineCharacters(decodeURIComponent(pathname));
  } catch {
    return true; // a malformed escape
  }
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (namesNothing(request.nextUrl.pathname)) return new NextResponse(null, { status: 404 });
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { isDev: env.NODE_ENV !== "production", ssoOrigin });
  // Next.js reads the policy from the request and puts the nonce on its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
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

// Only where a page may be rendered. Not for the JSON API and the health check: they need
// no nonce and no idle clock (API_CONTENT_SECURITY_POLICY comes from next.config.ts), and a
// proxy costs every request about a millisecond. Not for resumable uploads: a proxy makes
// Next.js buffer the request body (and cut it at 10 MB); the upload endpoint checks the
// session itself on every request. Not for evidence downloads either: a header set here
// wins over the route's, and those responses need their own sandboxing CSP instead of the
// pages' one. Not for build output and static files. The liveness probe runs through the
// proxy only when asked (`/api/ping?proxy=1`): the same answer with and without it is how
// `npm run bench:load` measures the proxy's cost.
export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/auth|api/v1|api/health|api/ping|bukti/[^/]+/unduh|bukti/periode/[^/]+/unduh).*)",
    { source: "/api/ping", has: [{ type: "query", key: "proxy" }] },
  ],
};
