// Signing out on the real database: the session's id is revoked server-side, so the same
// cookie (a copy taken before) no longer yields an actor; other sessions of the account go
// on until "sign out everywhere". The check is part of loadActor's one statement.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { revokeAllSessions, revokeSession } from "@/lib/auth/sign-out";
import { resetDatabase } from "./db-reset";
import { createFixtures, requestContext, type Fixtures } from "./fixtures";

let fixtures: Fixtures;
const now = () => Math.floor(Date.now() / 1000);

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
});

describe("signing out", () => {
  it("revokes this session only: its id is refused afterwards, another session of the account still works", async () => {
    const userId = fixtures.home.userIds.ASESOR;
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId } });
    const laptop = { sessionVersion, sessionId: "sesi-laptop" };
    const phone = { sessionVersion, sessionId: "sesi-ponsel" };
    expect(await loadActor(db, userId, laptop)).not.toBeNull();

    await revokeSession(db, { userId, sessionId: laptop.sessionId, authTime: now() }, requestContext);
    expect(await loadActor(db, userId, laptop)).toBeNull();
    expect(await loadActor(db, userId, phone)).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.sign-out" } });
    expect(audit).toMatchObject({ actorId: userId, instansiId: fixtures.home.instansiId, ip: requestContext.ip });
    // Signing out twice (a double click) changes nothing more.
    await revokeSession(db, { userId, sessionId: laptop.sessionId, authTime: now() }, requestContext);
    expect(await db.revokedSession.count()).toBe(1);
  });

  it("forgets revocations of sessions that have expired anyway", async () => {
    const userId = fixtures.home.userIds.ASESOR;
    await db.revokedSession.create({ data: { id: "lama", userId, expiresAt: new Date(Date.now() - 1000) } });
    await revokeSession(db, { userId, sessionId: "baru", authTime: now() }, requestContext);
    expect((await db.revokedSession.findMany()).map((row) => row.id)).toEqual(["baru"]);
  });

  it("signing out everywhere ends every session of the account, and no other account's", async () => {
    const userId = fixtures.home.userIds.ASESOR;
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId } });
    await revokeAllSessions(db, userId, requestContext);
    expect(await loadActor(db, userId, { sessionVersion, sessionId: "sesi-laptop" })).toBeNull();
    expect(await loadActor(db, userId, { sessionVersion, sessionId: "sesi-ponsel" })).toBeNull();
    const other = fixtures.home.userIds.PIMPINAN;
    const theirs = await db.user.findUniqueOrThrow({ where: { id: other } });
    expect(await loadActor(db, other, { sessionVersion: theirs.sessionVersion, sessionId: "x" })).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.sign-out-everywhere", entityId: userId } })).toBe(1);
  });
});
