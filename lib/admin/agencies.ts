// Agencies on this deployment, managed by the superadmin: each starts with its first
// Koordinator SPBE, who then manages the agency's own units and people.
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { assertCan, assertCanInOwnInstansi } from "@/lib/policy";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/password";
import { ZInstansiCreate, ZInstansiSetActive, ZInstansiTimeZone, ZKoordinatorPasswordReset } from "@/lib/validation/admin";
import { setTemporaryPassword } from "./users";
import { msg } from "@/lib/i18n/message";

export const createInstansi = defineCommand({
  name: "instansi.create",
  input: ZInstansiCreate,
  async run({ tx, actor, request }, input) {
    assertCan(actor, "instansi.manage");
    if (await tx.instansi.findUnique({ where: { code: input.code }, select: { id: true } })) {
      throw new AppError("validation_failed", { details: [{ field: "code", code: "custom", message: msg("admin.agencies.codeTaken") }] });
    }
    const instansi = await tx.instansi.create({ data: { code: input.code, name: input.name, kind: input.kind, region: input.region } });
    const existing = await tx.user.findUnique({ where: { email: input.koordinatorEmail }, select: { id: true } });
    let temporaryPassword: string | undefined;
    if (existing) {
      await tx.user.update({ where: { id: existing.id }, data: { isActive: true } });
    } else {
      temporaryPassword = generateTemporaryPassword();
    }
    const koordinator = existing
      ? existing
      : await tx.user.create({
          data: { email: input.koordinatorEmail, name: input.koordinatorName, passwordHash: await hashPassword(temporaryPassword!), mustChangePassword: true },
        });
    await tx.membership.create({ data: { userId: koordinator.id, instansiId: instansi.id, role: "KOORDINATOR" } });
    await writeAudit(tx, request, {
      action: "instansi.create",
      entityType: "Instansi",
      entityId: instansi.id,
      instansiId: instansi.id,
      after: { ...input, koordinatorUserId: koordinator.id, koordinatorAccount: existing ? "linked" : "created" },
    });
    return {
      message: msg("admin.agencies.created", { name: instansi.name, email: input.koordinatorEmail }),
      ...(temporaryPassword ? { data: { temporaryPassword } } : {}),
    };
  },
});

export const setInstansiActive = defineCommand({
  name: "instansi.set-active",
  input: ZInstansiSetActive,
  async run({ tx, actor, request }, { instansiId, active }) {
    assertCan(actor, "instansi.manage");
    const before = await tx.instansi.findUnique({ where: { id: instansiId } });
    if (!before) throw new AppError("not_found");
    await tx.instansi.update({ where: { id: instansiId }, data: { isActive: active } });
    await writeAudit(tx, request, {
      action: active ? "instansi.activate" : "instansi.deactivate",
      entityType: "Instansi",
      entityId: instansiId,
      instansiId,
      before: { isActive: before.isActive },
      after: { isActive: active },
    });
    return { message: msg(active ? "admin.agencies.activated" : "admin.agencies.deactivated", { name: before.name }) };
  },
});

/** The superadmin's way back in for an agency whose Koordinator lost the password. */
export const resetKoordinatorPassword = defineCommand({
  name: "instansi.reset-koordinator-password",
  input: ZKoordinatorPasswordReset,
  async run({ tx, actor, request }, { membershipId }) {
    assertCan(actor, "instansi.manage");
    const membership = await tx.membership.findUnique({ where: { id: membershipId }, include: { user: true } });
    if (!membership || membership.role !== "KOORDINATOR") throw new AppError("not_found");
    const temporaryPassword = await setTemporaryPassword(tx, membership.userId);
    await writeAudit(tx, request, { action: "user.reset-password", entityType: "User", entityId: membership.userId, instansiId: membership.instansiId });
    return { message: msg("admin.users.passwordReset", { email: membership.user.email }), data: { temporaryPassword } };
  },
});

/** The Koordinator sets the agency's time zone (WIB, WITA, WIT); deadlines and "today" follow it. */
export const setInstansiTimeZone = defineCommand({
  name: "instansi.time-zone",
  input: ZInstansiTimeZone,
  async run({ tx, actor, request }, { timeZone }) {
    const instansiId = assertCanInOwnInstansi(actor, "instansi.settings");
    const before = await tx.instansi.findUniqueOrThrow({ where: { id: instansiId }, select: { timeZone: true } });
    await tx.instansi.update({ where: { id: instansiId }, data: { timeZone } });
    await writeAudit(tx, request, { action: "instansi.time-zone", entityType: "Instansi", entityId: instansiId, instansiId, before, after: { timeZone } });
    return { message: msg("admin.timeZone.saved", { zone: timeZone }) };
  },
});
