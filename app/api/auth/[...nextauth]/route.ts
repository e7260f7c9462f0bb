import NextAuth from "next-auth";
import { db } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import { authOptions } from "@/lib/auth/next-auth";
import { requestLocale } from "@/lib/i18n/request-locale";
import { clientIp } from "@/lib/auth/request-context";
import { normalizeEmail } from "@/lib/auth/sign-in";
import { checkSignInThrottle } from "@/lib/auth/throttle";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export { handler as GET };

// A throttled password sign-in gets a real 429 with Retry-After; next-auth itself could
// only answer with a generic error redirect.
export async function POST(request: Request, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData().catch(() => null);
    const email = form?.get("email");
    const verdict = await checkSignInThrottle(db, normalizeEmail(typeof email === "string" ? email : ""), clientIp(request.headers));
    if (verdict.isBlocked) {
      return errorResponse(new AppError("too_many_requests", { retryAfterSeconds: verdict.retryAfterSeconds }), requestLocale(request));
    }
  }
  return handler(request, context);
}
