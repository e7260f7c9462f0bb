// Password sign-in on the real database: argon2id, neutral refusals, throttling per account
// and per IP kept in PostgreSQL, and an audit record for every attempt.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeEach, describe, expect, it } from "vitest";
import { db, type Db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { hash } from "@node-rs/argon2";
import { hashPassword, needsRehash, PASSWORD_HASH_OPTIONS, verifyPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, reservePasswordAttempt } from "@/lib/auth/throttle";
import { requestContextFrom } from "@/lib/auth/request-context";
import { applyClientAddress, parseTrustedProxies } from "@/lib/auth/client-address";
import { resetDatabase } from "./db-reset";

const PASSWORD = "rahasia-yang-panjang-2026";
const context = (ip: string) => ({ ip, userAgent: "vitest", requestId: "req-1" });

async function attempt(email: string, password: string, ip = "10.0.0.1") {
  try {
    return await signInWithPassword({ email, password }, context(ip));
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

beforeEach(async () => {
  await resetDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  await db.user.createMany({
    data: [
      { email: "aktif@uji.go.id", name: "Aktif", passwordHash },
      { email: "nonaktif@uji.go.id", name: "Nonaktif", passwordHash, isActive: false },
    ],
  });
});

describe("signInWithPassword", () => {
  it("accepts the right password (email case and spaces ignored) and stores only an argon2id hash", async () => {
    const user = await attempt("  Aktif@Uji.go.id ", PASSWORD);
    expect(user).toMatchObject({ email: "aktif@uji.go.id" });
    const stored = await db.user.findUniqueOrThrow({ where: { email: "aktif@uji.go.id" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.lastLoginAt).not.toBeNull();
  });

  it("replaces a hash made with older parameters on the next successful sign-in, and only then", async () => {
    const old = await hash(PASSWORD, { ...PASSWORD_HASH_OPTIONS, memoryCost: 8_192, timeCost: 1 });
    await db.user.update({ where: { email: "aktif@uji.go.id" }, data: { passwordHash: old } });
    expect(await attempt("aktif@uji.go.id", "salah-salah-salah")).toBeInstanceOf(AppError);
    expect((await db.user.findUniqueOrThrow({ where: { email: "aktif@uji.go.id" } })).passwordHash).toBe(old);

    expect(await attempt("aktif@uji.go.id", PASSWORD)).toMatchObject({ email: "aktif@uji.go.id" });
    const stored = await db.user.findUniqueOrThrow({ where: { email: "aktif@uji.go.id" } });
    expect(stored.passwordHash).not.toBe(old);
    expect(needsRehash(stored.passwordHash!)).toBe(false);
    expect(await verifyPassword(stored.passwordHash!, PASSWORD)).toBe(true);
  });

  it("refuses a wrong password, an unknown email and a deactivated account with the same message", async () => {
    const refusals = await Promise.all([
      attempt("aktif@uji.go.id", "bukan-ini-sandinya"),
      attempt("siapa@uji.go.id", PASSWORD),
      attempt("nonaktif@uji.go.id", PASSWORD),
    ]);
    for (const refusal of refusals) expect(refusal).toBeInstanceOf(AppError);
    const messages = new Set(refusals.map((refusal) => (refusal as AppError).message));
    const statuses = new Set(refusals.map((refusal) => (refusal as AppError).status));
    expect(messages.size).toBe(1);
    expect([...statuses]).toEqual([401]);
  });

  it("writes an audit record for every success and failure, with IP and user agent", async () => {
    await attempt("aktif@uji.go.id", PASSWORD, "10.1.1.1");
    await attempt("aktif@uji.go.id", "salah-salah-salah", "10.1.1.2");
    const entries = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.ip, entry.userAgent])).toEqual([
      ["auth.sign-in", "10.1.1.1", "vitest"],
      ["auth.sign-in-failed", "10.1.1.2", "vitest"],
    ]);
    expect(entries[0]!.actorId).not.toBeNull();
    expect(entries[1]!.actorId).toBeNull();
  });

  it("throttles an account after 5 failures in 15 minutes, even for the right password, with a retry time", async () => {
    for (let i = 0; i < 5; i++) expect(await attempt("aktif@uji.go.id", `salah-${i}-salah`, `10.2.0.${i}`)).toBeInstanceOf(AppError);
    const blocked = await attempt("aktif@uji.go.id", PASSWORD, "10.2.0.99");
    expect(blocked).toBeInstanceOf(AppError);
    expect((blocked as AppError).status).toBe(429);
    expect((blocked as AppError).retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect((blocked as AppError).retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("lets the account in again once the failures are older than 15 minutes", async () => {
    const old = new Date(Date.now() - 16 * 60 * 1000);
    await db.loginAttempt.createMany({ data: Array.from({ length: 5 }, () => ({ email: "aktif@uji.go.id", ip: "10.3.0.1", success: false, createdAt: old })) });
    expect(await attempt("aktif@uji.go.id", PASSWORD)).toMatchObject({ email: "aktif@uji.go.id" });
  });

  it("throttles one IP after 20 failures across accounts", async () => {
    const now = new Date();
    await db.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_IP }, (_, i) => ({ email: `tebak${i}@uji.go.id`, ip: "10.9.9.9", success: false, createdAt: now })),
    });
    const blocked = await attempt("aktif@uji.go.id", PASSWORD, "10.9.9.9");
    expect((blocked as AppError).status).toBe(429);
    expect(await attempt("aktif@uji.go.id", PASSWORD, "10.9.9.10")).toMatchObject({ email: "aktif@uji.go.id" });
  });

  it("evaluates at most 5 attempts of a parallel burst of 30 on two instances", async () => {
    // A second pool stands in for a second portal instance: the decision is the database's.
    const otherInstance = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 10 }) }) as Db;
    try {
      const burst = Array.from({ length: 30 }, (_, i) => {
        // The reservation is decided before any password is looked at: which one is right cannot matter.
        const client = i % 2 === 0 ? db : otherInstance;
        return reservePasswordAttempt(client, "aktif@uji.go.id", `10.4.0.${i}`).then((reservation) => reservation.isBlocked);
      });
      const blocked = await Promise.all(burst);
      expect(blocked.filter((isBlocked) => !isBlocked)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    } finally {
      await otherInstance.$disconnect();
    }
  });

  it("lets only 5 of 30 parallel sign-ins reach the password check; the refused ones leave no row and no audit record", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt("aktif@uji.go.id", i === 12 ? PASSWORD : `salah-${i}-salah`, `10.5.0.${i}`)),
    );
    const evaluated = results.filter((result) => !(result instanceof AppError && result.status === 429));
    expect(evaluated.length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((result) => result instanceof AppError && result.status === 429).length).toBeGreaterThanOrEqual(25);
    expect(await db.loginAttempt.count({ where: { email: "aktif@uji.go.id" } })).toBe(evaluated.length);
    expect(await db.auditLog.count()).toBe(evaluated.length);
  });

  it("bounds an anonymous address to 20 attempts across made-up accounts, before any hashing", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(`tebak${i}@uji.go.id`, "apa-saja-boleh", "10.6.6.6")));
    expect(results.filter((result) => (result as AppError).status === 401)).toHaveLength(MAX_FAILURES_PER_IP);
    expect(await db.loginAttempt.count({ where: { ip: "10.6.6.6" } })).toBe(MAX_FAILURES_PER_IP);
  });

  it("counts a client by its socket address however it forges X-Forwarded-For, and audits that address", async () => {
    // The portal's server in front of sign-in, as scripts/portal-server.ts wires it.
    const server = http.createServer((request, response) => {
      applyClientAddress(request.headers, request.socket.remoteAddress, parseTrustedProxies(undefined));
      const headers = new Headers(Object.entries(request.headers).map(([name, value]): [string, string] => [name, [value].flat().join(", ")]));
      const credentials = { email: String(headers.get("x-email")), password: String(headers.get("x-password")) };
      signInWithPassword(credentials, requestContextFrom(headers, null)).then(
        () => response.writeHead(200).end(),
        (error: AppError) => response.writeHead(error.status).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const post = (email: string, password: string, forged: string) =>
      fetch(url, { method: "POST", headers: { "x-email": email, "x-password": password, "x-forwarded-for": forged } }).then((response) => response.status);
    try {
      // The finding: 20 failures "from" one forged address, then the right password "from" another.
      for (let i = 0; i < MAX_FAILURES_PER_IP; i++) expect(await post(`tebak${i}@uji.go.id`, "salah-salah-salah", "10.7.7.7")).toBe(401);
      expect(await post("aktif@uji.go.id", PASSWORD, "10.7.0.200")).toBe(429);
      const addresses = await db.loginAttempt.findMany({ select: { ip: true }, distinct: ["ip"] });
      expect(addresses).toEqual([{ ip: "127.0.0.1" }]);
      const audited = await db.auditLog.findMany({ select: { ip: true }, distinct: ["ip"] });
      expect(audited).toEqual([{ ip: "127.0.0.1" }]);
    } finally {
      server.close();
    }
  });
});
