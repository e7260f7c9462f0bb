// Sign-in throttling, kept in PostgreSQL so it holds across several portal instances:
// after 5 failed attempts for one account or 20 from one address within 15 minutes,
// further attempts are refused until the oldest failure in the window has aged out.
//
// An attempt counts as failed from the moment it is reserved, before its password is
// hashed; only a verified success flips it. Reserving takes a transaction-scoped advisory
// lock per account and per address, so concurrent attempts (on any instance) are counted
// one after another: a burst of 30 gets at most 5 evaluations per account, and the refused
// ones cost neither argon2 work nor a row.
import type { Db, DbClient } from "@/lib/db";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

/** Advisory lock classes (the first key of pg_advisory_xact_lock(int, int)); always taken in this order. */
const ACCOUNT_LOCK = 7301;
const ADDRESS_LOCK = 7302;

export type ThrottleVerdict = { isBlocked: false } | { isBlocked: true; retryAfterSeconds: number };

export type AttemptReservation = { isBlocked: false; attemptId: string } | { isBlocked: true; retryAfterSeconds: number };

/** Read-only: whether an attempt now would be refused. The decision that counts is reservePasswordAttempt's. */
export async function checkSignInThrottle(db: DbClient, email: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byAccount, byIp] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email, success: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_ACCOUNT,
      select: { createdAt: true },
    }),
    db.loginAttempt.findMany({
      where: { ip, success: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_IP,
      select: { createdAt: true },
    }),
  ]);
  // Blocked until the failure that completed the limit leaves the window.
  const releases: number[] = [];
  if (byAccount.length >= MAX_FAILURES_PER_ACCOUNT) releases.push(byAccount[MAX_FAILURES_PER_ACCOUNT - 1]!.createdAt.getTime() + THROTTLE_WINDOW_MS);
  if (byIp.length >= MAX_FAILURES_PER_IP) releases.push(byIp[MAX_FAILURES_PER_IP - 1]!.createdAt.getTime() + THROTTLE_WINDOW_MS);
  if (releases.length === 0) return { isBlocked: false };
  return { isBlocked: true, retryAfterSeconds: Math.max(1, Math.ceil((Math.max(...releases) - now.getTime()) / 1000)) };
}

/**
 * Counts and decides under the account's and the address's lock, and records the attempt
 * as a failure until markAttemptSucceeded says otherwise. Call it before any password work.
 */
export async function reservePasswordAttempt(db: Db, email: string, ip: string, now = new Date()): Promise<AttemptReservation> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${email}))::text`;
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${ip}))::text`;
    const verdict = await checkSignInThrottle(tx, email, ip, now);
    if (verdict.isBlocked) return verdict;
    const attempt = await tx.loginAttempt.create({ data: { email, ip, success: false, createdAt: now }, select: { id: true } });
    return { isBlocked: false, attemptId: attempt.id };
  });
}

export async function markAttemptSucceeded(db: DbClient, attemptId: string): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}
