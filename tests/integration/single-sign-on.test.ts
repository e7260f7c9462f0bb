// Single sign-on on the real database: a verified email from the provider maps to an
// existing portal user with an active membership; anything else is refused, no account is
// ever created, and every attempt leaves an audit record.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveSingleSignOnUser } from "@/lib/auth/single-sign-on";
import { resetDatabase } from "./db-reset";

const context = { ip: "10.0.0.7", userAgent: "vitest", requestId: "req-sso" };
const verified = (email: string) => ({ email, emailVerified: true });

beforeEach(async () => {
  await resetDatabase();
  const instansi = await db.instansi.create({ data: { code: "kab-uji", name: "Kabupaten Uji", kind: "KABUPATEN" } });
  const closed = await db.instansi.create({ data: { code: "kab-tutup", name: "Kabupaten Tutup", kind: "KABUPATEN", isActive: false } });
  const users = [
    { email: "asesor@uji.go.id", isActive: true, memberships: [{ instansiId: instansi.id, isActive: true }] },
    { email: "nonaktif@uji.go.id", isActive: false, memberships: [{ instansiId: instansi.id, isActive: true }] },
    { email: "tanpa.peran@uji.go.id", isActive: true, memberships: [{ instansiId: instansi.id, isActive: false }] },
    { email: "instansi.tutup@uji.go.id", isActive: true, memberships: [{ instansiId: closed.id, isActive: true }] },
  ];
  for (const user of users) {
    await db.user.create({
      data: {
        email: user.email,
        name: user.email,
        isActive: user.isActive,
        memberships: { create: user.memberships.map((membership) => ({ ...membership, role: "ASESOR" as const })) },
      },
    });
  }
});

describe("resolveSingleSignOnUser", () => {
  it("maps a verified email (case and spaces ignored) to the existing user and records the sign-in", async () => {
    const result = await resolveSingleSignOnUser(db, verified("  Asesor@UJI.go.id "), context);
    const stored = await db.user.findUniqueOrThrow({ where: { email: "asesor@uji.go.id" } });
    expect(result).toEqual({ isAllowed: true, user: { id: stored.id, email: stored.email, name: stored.name, sessionVersion: stored.sessionVersion } });
    expect(stored.lastLoginAt).not.toBeNull();

    const [entry] = await db.auditLog.findMany();
    expect(entry).toMatchObject({ action: "auth.sign-in", actorId: stored.id, entityId: stored.id, ip: "10.0.0.7", userAgent: "vitest", requestId: "req-sso" });
    expect(entry!.after).toEqual({ email: "asesor@uji.go.id", method: "oidc" });
  });

  it.each([
    ["an unverified email", { email: "asesor@uji.go.id", emailVerified: false }, "email_unverified"],
    ["email_verified sent as a string", { email: "asesor@uji.go.id", emailVerified: "true" }, "email_unverified"],
    ["no email at all", { emailVerified: true }, "email_missing"],
    ["an email that is not a portal user", verified("orang.lain@uji.go.id"), "unknown_user"],
    ["a deactivated user", verified("nonaktif@uji.go.id"), "inactive_user"],
    ["a user without an active membership", verified("tanpa.peran@uji.go.id"), "no_membership"],
    ["a user whose only agency is deactivated", verified("instansi.tutup@uji.go.id"), "no_membership"],
  ])("refuses %s and records why", async (_case, claims, reason) => {
    const usersBefore = await db.user.count();
    expect(await resolveSingleSignOnUser(db, claims, context)).toEqual({ isAllowed: false, reason });
    expect(await db.user.count()).toBe(usersBefore);
    expect(await db.user.count({ where: { lastLoginAt: { not: null } } })).toBe(0);

    const [entry] = await db.auditLog.findMany();
    expect(entry).toMatchObject({ action: "auth.sign-in-failed", actorId: null, ip: "10.0.0.7" });
    expect(entry!.after).toMatchObject({ method: "oidc", reason });
  });
});
