// Email + password sign-in. The answer never tells whether an email exists: an unknown
// email, a wrong password and a deactivated account all get the same refusal, and an
// unknown email still costs one password verification so timing does not tell either.
// The throttle decides before any of that work (lib/auth/throttle.ts).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit, type RequestContext } from "@/lib/audit";
import { HOME_MEMBERSHIP } from "./home-instansi";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { markAttemptSucceeded, reservePasswordAttempt } from "./throttle";
import { msg } from "@/lib/i18n/message";

export type SignedInUser = { id: string; email: string; name: string; sessionVersion: number };

let dummyHash: Promise<string> | undefined;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function signInWithPassword(
  input: { email: string; password: string },
  context: Omit<RequestContext, "actorId"> & { ip: string },
): Promise<SignedInUser> {
  const email = normalizeEmail(input.email);
  const reservation = await reservePasswordAttempt(db, email, context.ip);
  if (reservation.isBlocked) {
    throw new AppError("too_many_requests", { retryAfterSeconds: reservation.retryAfterSeconds });
  }

  const user = await db.user.findUnique({ where: { email }, include: { memberships: HOME_MEMBERSHIP } });
  dummyHash ??= hashPassword("tidak-ada-akun-dengan-sandi-ini");
  const isValid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  const isAllowed = !!user && !!user.passwordHash && isValid && user.isActive;
  // A hash made with older parameters is replaced while the plain password is at hand
  // (sessions hang on sessionVersion, not on the hash, so none ends).
  const rehashed = isAllowed && needsRehash(user.passwordHash!) ? await hashPassword(input.password) : null;

  await db.$transaction(async (tx) => {
    if (isAllowed) await markAttemptSucceeded(tx, reservation.attemptId);
    await writeAudit(tx, { ...context, actorId: isAllowed ? user.id : null }, {
      action: isAllowed ? "auth.sign-in" : "auth.sign-in-failed",
      entityType: "User",
      entityId: user?.id ?? null,
      instansiId: user?.memberships[0]?.instansiId ?? null,
      after: { email, method: "password" },
    });
    if (isAllowed) await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date(), ...(rehashed ? { passwordHash: rehashed } : {}) } });
  });

  if (!isAllowed) throw new AppError("unauthorized", { message: msg("auth.invalid") });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
