// Administration commands on the real database: validation, scoping to the instansi,
// the safety rules (last Koordinator, own account), audit records, and that deactivation
// and password changes end existing sessions.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { loadActor } from "@/lib/auth/actor";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { listAuditEntries } from "@/lib/admin/audit-queries";
import type { Actor } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, FIXTURE_PASSWORD, requestContext, type Fixtures } from "./fixtures";
import { asRead } from "../support/as-read";

let fixtures: Fixtures;
let koordinator: Actor;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  koordinator = await actorFor(fixtures, "KOORDINATOR");
});

async function run(command: Command, input: unknown, actor: Actor = koordinator) {
  try {
    return asRead(await executeCommand(db, command, actor, requestContext, input));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

function temporaryPasswordOf(result: unknown): string {
  const password = (result as { data?: Record<string, string> }).data?.temporaryPassword;
  if (!password) throw new Error(`no temporary password in ${JSON.stringify(result)}`);
  return password;
}

const signIn = (email: string, password: string) =>
  signInWithPassword({ email, password }, { ip: "10.8.8.8", userAgent: "vitest", requestId: "uji" }).catch((error: unknown) => error as AppError);

describe("units", () => {
  it("creates a unit in the Koordinator's own instansi with its audit record, and refuses a duplicate code on the field", async () => {
    const result = await run(COMMANDS.createUnit, { code: "dinkes", name: "Dinas Kesehatan", shortName: "Dinkes", functions: ["layanan-publik"] });
    expect(result).toMatchObject({ message: expect.stringContaining("Dinas Kesehatan") });
    const unit = await db.unit.findFirstOrThrow({ where: { code: "dinkes" } });
    expect(unit.instansiId).toBe(fixtures.home.instansiId);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "unit.create" } });
    expect(audit).toMatchObject({ entityId: unit.id, actorId: koordinator.userId, instansiId: fixtures.home.instansiId, ip: "10.9.9.9" });

    const duplicate = await run(COMMANDS.createUnit, { code: "dinkes", name: "Dinas Kesehatan Lagi" });
    expect(duplicate).toBeInstanceOf(AppError);
    expect((duplicate as AppError).details).toEqual([expect.objectContaining({ field: "code", message: expect.stringMatching(/sudah dipakai/) })]);
  });

  it("reports invalid fields in Bahasa Indonesia and changes nothing", async () => {
    const before = await db.unit.count();
    const refused = await run(COMMANDS.createUnit, { code: "Bukan Kode!", name: "x", functions: ["sulap"] });
    expect((refused as AppError).code).toBe("validation_failed");
    const fields = (refused as AppError).details.map((detail) => detail.field.split(".")[0]);
    expect(new Set(fields)).toEqual(new Set(["code", "name", "functions"]));
    expect((refused as AppError).details.find((detail) => detail.field === "code")!.message).toMatch(/huruf kecil/);
    expect(await db.unit.count()).toBe(before);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("will not deactivate a unit that still has an active Admin OPD", async () => {
    const refused = await run(COMMANDS.setUnitActive, { unitId: fixtures.home.unitIds[0], active: "false" });
    expect((refused as AppError).code).toBe("conflict");
    expect(await run(COMMANDS.setUnitActive, { unitId: fixtures.home.unitIds[1], active: "false" })).not.toBeInstanceOf(AppError);
    expect((await db.unit.findUniqueOrThrow({ where: { id: fixtures.home.unitIds[1] } })).isActive).toBe(false);
  });
});

describe("users", () => {
  it("creates an account with a one-time password that must be changed, and never stores it in the audit trail", async () => {
    const result = await run(COMMANDS.createUser, { name: "Siti Aminah", email: " Siti@Pemda.go.id ", role: "ADMIN_OPD", unitId: fixtures.home.unitIds[1] });
    const temporaryPassword = temporaryPasswordOf(result);
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    const user = await db.user.findUniqueOrThrow({ where: { email: "siti@pemda.go.id" }, include: { memberships: true } });
    expect(user.mustChangePassword).toBe(true);
    expect(user.memberships).toEqual([expect.objectContaining({ role: "ADMIN_OPD", unitId: fixtures.home.unitIds[1], instansiId: fixtures.home.instansiId })]);
    expect(await signIn("siti@pemda.go.id", temporaryPassword)).toMatchObject({ id: user.id });
    const audits = await db.auditLog.findMany({ where: { entityId: user.id } });
    expect(JSON.stringify(audits.map((audit) => [audit.before, audit.after]))).not.toContain(temporaryPassword);
  });

  it("refuses an email another agency's account (or the superadmin) uses, without naming that agency, and changes nothing", async () => {
    await db.user.update({ where: { id: fixtures.superadminId }, data: { email: "superadmin@portal.go.id" } });
    for (const email of ["asesor@tetangga.uji", "superadmin@portal.go.id"]) {
      const result = await run(COMMANDS.createUser, { name: "Pengambil Alih", email, role: "KOORDINATOR", unitId: "" });
      expect(result).toMatchObject({ code: "validation_failed", details: [expect.objectContaining({ field: "email", message: expect.stringMatching(/sudah dipakai akun lain/) })] });
      expect(JSON.stringify(result)).not.toMatch(/Instansi tetangga|superadmin/i);
    }
    expect(await db.membership.count({ where: { instansiId: fixtures.home.instansiId, userId: { in: [fixtures.other.userIds.ASESOR, fixtures.superadminId] } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "membership.grant" } })).toBe(0);
  });

  it("adds a role to an account of the own agency when its email is entered again", async () => {
    const result = await run(COMMANDS.createUser, { name: "Asesor Rumah", email: "asesor@rumah.uji", role: "PIMPINAN", unitId: "" });
    expect(result).toMatchObject({ message: expect.stringMatching(/sudah ada di instansi ini/) });
    expect(await db.membership.count({ where: { userId: fixtures.home.userIds.ASESOR } })).toBe(2);
  });

  it("requires a unit of the own instansi for an Admin OPD, and no unit for other roles", async () => {
    const noUnit = await run(COMMANDS.createUser, { name: "Tanpa Unit", email: "a@b.go.id", role: "ADMIN_OPD", unitId: "" });
    expect((noUnit as AppError).details).toEqual([expect.objectContaining({ field: "unitId", message: expect.stringMatching(/harus punya unit/) })]);
    const foreignUnit = await run(COMMANDS.createUser, { name: "Unit Asing", email: "a@b.go.id", role: "ADMIN_OPD", unitId: fixtures.other.unitIds[0] });
    expect((foreignUnit as AppError).details).toEqual([expect.objectContaining({ field: "unitId" })]);
    const asesorWithUnit = await run(COMMANDS.createUser, { name: "Asesor Unit", email: "a@b.go.id", role: "ASESOR", unitId: fixtures.home.unitIds[0] });
    expect((asesorWithUnit as AppError).details).toEqual([expect.objectContaining({ field: "unitId" })]);
    expect(await db.user.findUnique({ where: { email: "a@b.go.id" } })).toBeNull();
  });

  it("deactivation ends the person's sessions at once and refuses their sign-in; reactivation restores both", async () => {
    const opdId = fixtures.home.userIds.ADMIN_OPD;
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: opdId } });
    expect(await loadActor(db, opdId, { sessionVersion })).not.toBeNull();

    await run(COMMANDS.setUserActive, { userId: opdId, active: "false" });
    expect(await loadActor(db, opdId, { sessionVersion })).toBeNull();
    expect(await signIn("admin_opd@rumah.uji", FIXTURE_PASSWORD)).toBeInstanceOf(AppError);
    expect(await db.auditLog.count({ where: { action: "user.deactivate", entityId: opdId } })).toBe(1);

    await run(COMMANDS.setUserActive, { userId: opdId, active: "true" });
    expect(await signIn("admin_opd@rumah.uji", FIXTURE_PASSWORD)).toMatchObject({ id: opdId });
  });

  describe("an account with roles in two agencies (linked by the superadmin, or attached before this was refused)", () => {
    // other.ASESOR's home is "tetangga"; it also holds a younger role in "rumah", koordinator's agency.
    const guestId = () => fixtures.other.userIds.ASESOR;
    beforeEach(async () => {
      await db.membership.create({ data: { userId: guestId(), instansiId: fixtures.home.instansiId, role: "PIMPINAN" } });
    });

    it("the other agency ends only its own role: the account, its password and its sessions at home stay", async () => {
      const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: guestId() } });
      expect(await run(COMMANDS.setUserActive, { userId: guestId(), active: "false" })).not.toBeInstanceOf(AppError);
      const actor = await loadActor(db, guestId(), { sessionVersion });
      expect(actor?.memberships.map((membership) => membership.instansiId)).toEqual([fixtures.other.instansiId]);
      expect((await db.user.findUniqueOrThrow({ where: { id: guestId() } })).isActive).toBe(true);
      expect(await signIn("asesor@tetangga.uji", FIXTURE_PASSWORD)).toMatchObject({ id: guestId() });

      const guestRole = await db.membership.findFirstOrThrow({ where: { userId: guestId(), instansiId: fixtures.home.instansiId } });
      expect(await run(COMMANDS.removeMembership, { membershipId: guestRole.id })).not.toBeInstanceOf(AppError);
      expect((await db.user.findUniqueOrThrow({ where: { id: guestId() } })).isActive).toBe(true);
      expect(await loadActor(db, guestId(), { sessionVersion })).not.toBeNull();
    });

    it("the other agency cannot reset the password; the home agency still can", async () => {
      const refused = await run(COMMANDS.resetUserPassword, { userId: guestId() });
      expect(refused).toMatchObject({ code: "forbidden", message: expect.stringMatching(/dikelola instansi lain/) });
      const homeKoordinator = (await loadActor(db, fixtures.other.userIds.KOORDINATOR))!;
      expect(temporaryPasswordOf(await run(COMMANDS.resetUserPassword, { userId: guestId() }, homeKoordinator))).toBeTruthy();
    });

    it("deactivated by the home agency, the person cannot sign in through the other agency's role", async () => {
      const homeKoordinator = (await loadActor(db, fixtures.other.userIds.KOORDINATOR))!;
      expect(await run(COMMANDS.setUserActive, { userId: guestId(), active: "false" }, homeKoordinator)).not.toBeInstanceOf(AppError);
      expect(await signIn("asesor@tetangga.uji", FIXTURE_PASSWORD)).toMatchObject({ status: 401 });
      expect(await loadActor(db, guestId())).toBeNull();
      // Nor can the other agency reopen the account by granting a role again.
      await run(COMMANDS.addMembership, { userId: guestId(), role: "ASESOR", unitId: "" });
      expect((await db.user.findUniqueOrThrow({ where: { id: guestId() } })).isActive).toBe(false);
    });

    it("the person's sign-ins are in the home agency's audit trail only", async () => {
      await signIn("asesor@tetangga.uji", FIXTURE_PASSWORD);
      await signIn("asesor@tetangga.uji", "salah-salah-salah");
      const filter = { actor: "", entity: "", action: "sign-in", dari: "", sampai: "", halaman: 1 };
      expect((await listAuditEntries(db, fixtures.home.instansiId, filter)).total).toBe(0);
      expect((await listAuditEntries(db, fixtures.other.instansiId, filter)).entries.map((entry) => [entry.action, entry.ip])).toEqual([
        ["auth.sign-in-failed", "10.8.8.8"],
        ["auth.sign-in", "10.8.8.8"],
      ]);
    });
  });

  it("keeps at least one Koordinator and never lets Koordinators lock themselves out", async () => {
    const self = await run(COMMANDS.setUserActive, { userId: koordinator.userId, active: "false" });
    expect((self as AppError).code).toBe("conflict");
    const ownRole = await run(COMMANDS.removeMembership, { membershipId: fixtures.home.membershipIds.KOORDINATOR });
    expect((ownRole as AppError).code).toBe("conflict");

    await run(COMMANDS.addMembership, { userId: fixtures.home.userIds.ASESOR, role: "KOORDINATOR", unitId: "" });
    const second = await db.membership.findFirstOrThrow({ where: { userId: fixtures.home.userIds.ASESOR, role: "KOORDINATOR" } });
    expect(await run(COMMANDS.removeMembership, { membershipId: second.id })).not.toBeInstanceOf(AppError);
  });

  it("resets a password: the old one and every session stop working, the new one must be changed", async () => {
    const asesorId = fixtures.home.userIds.ASESOR;
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: asesorId } });
    const result = await run(COMMANDS.resetUserPassword, { userId: asesorId });
    const temporaryPassword = temporaryPasswordOf(result);
    expect(await loadActor(db, asesorId, { sessionVersion })).toBeNull();
    expect(await signIn("asesor@rumah.uji", FIXTURE_PASSWORD)).toBeInstanceOf(AppError);
    expect(await signIn("asesor@rumah.uji", temporaryPassword)).toMatchObject({ id: asesorId });
    expect((await loadActor(db, asesorId))?.mustChangePassword).toBe(true);
  });
});

describe("own password", () => {
  it("checks the current password and the policy, then ends the other sessions and clears the temporary flag", async () => {
    await db.user.update({ where: { id: koordinator.userId }, data: { mustChangePassword: true } });
    const actor = (await loadActor(db, koordinator.userId))!;
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });

    const blocked = await run(COMMANDS.createUnit, { code: "x-unit", name: "Unit X" }, actor);
    expect(blocked).toMatchObject({ code: "forbidden", message: expect.stringMatching(/kata sandi sementara/) });

    const wrong = await run(COMMANDS.changeOwnPassword, { currentPassword: "salah-salah-salah", newPassword: "kopi-tubruk-di-teras", confirmPassword: "kopi-tubruk-di-teras" }, actor);
    expect((wrong as AppError).details).toEqual([expect.objectContaining({ field: "currentPassword" })]);
    const common = await run(COMMANDS.changeOwnPassword, { currentPassword: FIXTURE_PASSWORD, newPassword: "Indonesia2026!", confirmPassword: "Indonesia2026!" }, actor);
    expect((common as AppError).details).toEqual([expect.objectContaining({ field: "newPassword", message: expect.stringMatching(/terlalu umum/) })]);
    // This database never loaded the demo data: the README's demo password is refused like a common one.
    const demo = await run(COMMANDS.changeOwnPassword, { currentPassword: FIXTURE_PASSWORD, newPassword: "SpbeDemo#2026", confirmPassword: "SpbeDemo#2026" }, actor);
    expect((demo as AppError).details).toEqual([expect.objectContaining({ field: "newPassword", message: expect.stringMatching(/terlalu umum/) })]);
    const named = await run(COMMANDS.changeOwnPassword, { currentPassword: FIXTURE_PASSWORD, newPassword: "koordinator.rumah-2026", confirmPassword: "koordinator.rumah-2026" }, actor);
    expect((named as AppError).details).toEqual([expect.objectContaining({ field: "newPassword", message: expect.stringMatching(/email atau nama/) })]);

    const done = await run(COMMANDS.changeOwnPassword, { currentPassword: FIXTURE_PASSWORD, newPassword: "kopi-tubruk-di-teras", confirmPassword: "kopi-tubruk-di-teras" }, actor);
    expect(done).not.toBeInstanceOf(AppError);
    expect(await loadActor(db, actor.userId, { sessionVersion })).toBeNull();
    const after = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
    expect(after.mustChangePassword).toBe(false);
    expect(await signIn("koordinator@rumah.uji", "kopi-tubruk-di-teras")).toMatchObject({ id: actor.userId });
  });

  it("throttles guesses of the current password like sign-in, with the same counters, and audits each wrong one", async () => {
    const actor = await actorFor(fixtures, "ASESOR");
    const guess = (i: number) => ({ currentPassword: `tebakan-${i}-salah`, newPassword: "kopi-tubruk-di-teras", confirmPassword: "kopi-tubruk-di-teras" });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => run(COMMANDS.changeOwnPassword, guess(i), actor)));
    const evaluated = results.filter((result) => (result as AppError).code === "validation_failed");
    expect(evaluated).toHaveLength(5);
    expect(results.filter((result) => (result as AppError).code === "too_many_requests")).toHaveLength(15);
    const failures = await db.auditLog.findMany({ where: { action: "account.change-password-failed" } });
    expect(failures).toHaveLength(5);
    expect(failures.every((entry) => entry.actorId === actor.userId && entry.ip === requestContext.ip)).toBe(true);
    // The same counters: sign-in of that account is refused now too, even with the right password.
    expect(await signIn(actor.email, FIXTURE_PASSWORD)).toMatchObject({ status: 429 });
    const right = await run(COMMANDS.changeOwnPassword, { currentPassword: FIXTURE_PASSWORD, newPassword: "kopi-tubruk-di-teras", confirmPassword: "kopi-tubruk-di-teras" }, actor);
    expect(right).toMatchObject({ code: "too_many_requests" });
  });
});
