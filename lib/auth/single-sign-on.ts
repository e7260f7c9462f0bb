// Single sign-on through an OpenID Connect provider. The provider only vouches for an email
// address; who may use the portal is still decided here: the verified email must belong to
// an existing, active user with an active membership. Accounts are never created from SSO,
// so a provider that lets anyone register cannot hand out access to the portal.
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { writeAudit, type RequestContext } from "@/lib/audit";
import { homeInstansiOf } from "./home-instansi";
import { normalizeEmail, type SignedInUser } from "./sign-in";

export type SingleSignOnSettings = { issuer: string; clientId: string; clientSecret: string; displayName: string };

export type SingleSignOnRefusal = "email_missing" | "email_unverified" | "unknown_user" | "inactive_user" | "no_membership";

export type SingleSignOnResult = { isAllowed: true; user: SignedInUser } | { isAllowed: false; reason: SingleSignOnRefusal };

/** The provider's settings, or null when single sign-on is not configured. */
export function singleSignOnSettings(): SingleSignOnSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    displayName: env.OIDC_DISPLAY_NAME,
  };
}

/**
 * Maps the provider's claims to a portal user and writes the audit record of the attempt.
 * Only `email_verified === true` counts: an unverified address proves nothing about who
 * signed in.
 */
export async function resolveSingleSignOnUser(
  db: Db,
  claims: { email?: unknown; emailVerified?: unknown },
  context: Omit<RequestContext, "actorId">,
): Promise<SingleSignOnResult> {
  const email = typeof claims.email === "string" ? normalizeEmail(claims.email) : "";
  const user = email
    ? await db.user.findUnique({
        where: { email },
        select: {
          id: true,
          email: true,
          name: true,
          isActive: true,
          sessionVersion: true,
          // The same memberships getActor() accepts: active, in an active agency (or none, for the superadmin).
          memberships: { where: { isActive: true, OR: [{ instansiId: null }, { instansi: { isActive: true } }] }, select: { id: true }, take: 1 },
        },
      })
    : null;

  const reason = refusalFor(email, claims.emailVerified, user);
  const homeInstansiId = user ? await homeInstansiOf(db, user.id) : null;
  const allowed = reason === null ? user : null;

  await db.$transaction(async (tx) => {
    await writeAudit(tx, { ...context, actorId: allowed?.id ?? null }, {
      action: allowed ? "auth.sign-in" : "auth.sign-in-failed",
      entityType: "User",
      entityId: user?.id ?? null,
      instansiId: homeInstansiId,
      after: { email, method: "oidc", ...(reason ? { reason } : {}) },
    });
    if (allowed) await tx.user.update({ where: { id: allowed.id }, data: { lastLoginAt: new Date() } });
  });

  if (!allowed) return { isAllowed: false, reason: reason ?? "unknown_user" };
  return { isAllowed: true, user: { id: allowed.id, email: allowed.email, name: allowed.name, sessionVersion: allowed.sessionVersion } };
}

function refusalFor(
  email: string,
  emailVerified: unknown,
  user: { isActive: boolean; memberships: unknown[] } | null,
): SingleSignOnRefusal | null {
  if (!email) return "email_missing";
  if (emailVerified !== true) return "email_unverified";
  if (!user) return "unknown_user";
  if (!user.isActive) return "inactive_user";
  if (user.memberships.length === 0) return "no_membership";
  return null;
}
