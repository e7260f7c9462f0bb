// Password sign-in on the real database: argon2id, neutral refusals, throttling per account
// and per IP kept in PostgreSQL, and an audit record for every attempt.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { MAX_FAILURES_PER_IP } from "@/lib/auth/throttle";
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
});
