// next-auth (v4) configuration: email + password. Sessions are stateless JWTs in httpOnly cookies, so several instances can
// serve one deployment; idle and absolute expiry are enforced in proxy.ts and getActor().
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { requestContextFrom } from "./request-context";
import { signInWithPassword } from "./sign-in";

/** next-auth names its cookie __Secure-... when PUBLIC_URL is https. */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: env.SESSION_IDLE_MINUTES * 60 },
  pages: { signIn: "/masuk", error: "/masuk" },
  // Single sign-on (OpenID Connect) is not offered yet: it lands with its own end-to-end
  // test against a real provider.
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email dan kata sandi",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          const user = await signInWithPassword(credentials, requestContextFrom(await headers(), null));
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        } catch {
          return null;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const now = Math.floor(Date.now() / 1000);
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.authTime = now;
        token.lastSeen = now;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sv, authTime: token.authTime, lastSeen: token.lastSeen };
    },
  },
};

export type SessionClaims = { userId?: string; sessionVersion?: number; authTime?: number; lastSeen?: number };

/** True while a session is within both its idle and its absolute lifetime. */
export function isSessionFresh(claims: Record<string, unknown>, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  if (typeof claims.authTime !== "number" || typeof claims.lastSeen !== "number") return false;
  return nowSeconds - claims.lastSeen <= env.SESSION_IDLE_MINUTES * 60 && nowSeconds - claims.authTime <= env.SESSION_MAX_HOURS * 3600;
}
