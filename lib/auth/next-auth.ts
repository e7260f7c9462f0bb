// next-auth (v4) configuration: email + password, and single sign-on through an OpenID
// Connect provider when one is configured. Sessions are stateless JWTs in httpOnly cookies, so several instances can
// serve one deployment; idle and absolute expiry are enforced in proxy.ts and getActor().
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { randomBytes } from "node:crypto";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requestContextFrom } from "./request-context";
import { signInWithPassword } from "./sign-in";
import { resolveSingleSignOnUser, singleSignOnSettings } from "./single-sign-on";

type OidcClaims = { sub: string; email?: string; email_verified?: unknown; name?: string };

const sso = singleSignOnSettings();

// The ID token's claims are the profile (idToken: true), so no userinfo call is needed.
const oidcProvider: OAuthConfig<OidcClaims>[] = sso
  ? [
      {
        id: "oidc",
        name: sso.displayName,
        type: "oauth",
        wellKnown: `${sso.issuer}/.well-known/openid-configuration`,
        authorization: { params: { scope: "openid email profile" } },
        idToken: true,
        checks: ["pkce", "state"],
        clientId: sso.clientId,
        clientSecret: sso.clientSecret,
        profile: (claims) => ({ id: claims.sub, email: claims.email ?? null, name: claims.name ?? claims.email ?? null }),
      },
    ]
  : [];

/** next-auth names its cookie __Secure-... when PUBLIC_URL is https. */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: env.SESSION_IDLE_MINUTES * 60 },
  pages: { signIn: "/masuk", error: "/masuk" },
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
    ...oidcProvider,
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      const claims = profile as Partial<OidcClaims> | undefined;
      const result = await resolveSingleSignOnUser(
        db,
        { email: claims?.email, emailVerified: claims?.email_verified },
        requestContextFrom(await headers(), null),
      );
      if (!result.isAllowed) return false;
      // Without an adapter next-auth hands this same object to the jwt callback, so the
      // session is issued for the portal's user, not for the provider's subject. Should
      // that ever change, the token would name no portal user and getActor() refuses it.
      Object.assign(user, { id: result.user.id, name: result.user.name, email: result.user.email, sessionVersion: result.user.sessionVersion });
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        const now = Math.floor(Date.now() / 1000);
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        // This session's own id: signing out revokes it (lib/auth/sign-out.ts).
        token.sid = randomBytes(18).toString("base64url");
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


/** True while a session is within both its idle and its absolute lifetime. */
export function isSessionFresh(claims: Record<string, unknown>, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  if (typeof claims.authTime !== "number" || typeof claims.lastSeen !== "number") return false;
  return nowSeconds - claims.lastSeen <= env.SESSION_IDLE_MINUTES * 60 && nowSeconds - claims.authTime <= env.SESSION_MAX_HOURS * 3600;
}
