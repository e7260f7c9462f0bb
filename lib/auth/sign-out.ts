// Signing out ends the session on the server, not only in this browser: its id goes into
// RevokedSession, which getActor checks in the same statement that loads the actor. "Sign
// out everywhere" bumps the account's session version, which ends every session at once.
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { writeAudit, type RequestContext } from "@/lib/audit";
import { homeInstansiOf } from "./home-instansi";

export type SessionToSignOut = { userId: string; sessionId: string; authTime: number };

export async function revokeSession(db: Db, session: SessionToSignOut, context: RequestContext): Promise<void> {
  const now = new Date();
  // Past its absolute lifetime the session is refused anyway: the row is no longer needed.
  const expiresAt = new Date((session.authTime + env.SESSION_MAX_HOURS * 3600) * 1000);
  const instansiId = await homeInstansiOf(db, session.userId);
  await db.$transaction(async (tx) => {
    await tx.revokedSession.upsert({ where: { id: session.sessionId }, create: { id: session.sessionId, userId: session.userId, expiresAt }, update: {} });
    await tx.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
    await writeAudit(tx, { ...context, actorId: session.userId }, { action: "auth.sign-out", entityType: "User", entityId: session.userId, instansiId });
  });
}

export async function revokeAllSessions(db: Db, userId: string, context: RequestContext): Promise<void> {
  const instansiId = await homeInstansiOf(db, userId);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { ...context, actorId: userId }, { action: "auth.sign-out-everywhere", entityType: "User", entityId: userId, instansiId });
  });
}
