// Sign-in throttling, kept in PostgreSQL so it holds across several portal instances:
// after 5 failed attempts for one account or 20 from one IP within 15 minutes, further
// attempts are refused until the oldest failure in the window has aged out.
import type { Db, DbTransaction } from "@/lib/db";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export type ThrottleVerdict = { isBlocked: false } | { isBlocked: true; retryAfterSeconds: number };

export async function checkSignInThrottle(db: Db | DbTransaction, email: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
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
