// People of an instansi and their roles, managed by its Koordinator. One account may hold
// roles in several agencies, so "deactivate" ends the account's roles in this instansi
// (and the account itself only when nothing else is left), and a Koordinator cannot reset
// the password of an account that other agencies rely on too.
import type { DbTransaction } from "@/lib/db";
import { defineCommand, type CommandContext } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { fill } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { assertCanInOwnInstansi } from "@/lib/policy";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";
import { ZMembershipAdd, ZMembershipRemove, ZUserCreate, ZUserResetPassword, ZUserSetActive } from "@/lib/validation/admin";

const m = messages.id.admin.users;

const fieldError = (field: string, message: string) => new AppError("validation_failed", { details: [{ field, code: "custom", message }] });

async function assertUnitUsable(tx: DbTransaction, instansiId: string, unitId: string | null) {
  if (!unitId) return;
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { instansiId: true, isActive: true } });
  if (!unit || unit.instansiId !== instansiId || !unit.isActive) throw fieldError("unitId", m.unitUnknown);
}

/** The user as seen from `instansiId`; someone without any role there does not exist for its Koordinator. */
async function userInInstansi(tx: DbTransaction, instansiId: string, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, include: { memberships: true } });
  const here = user?.memberships.filter((membership) => membership.instansiId === instansiId) ?? [];
  if (!user || here.length === 0) throw new AppError("not_found");
  return { user, here, elsewhere: user.memberships.filter((membership) => membership.instansiId !== instansiId) };
}

async function activeKoordinatorCount(tx: DbTransaction, instansiId: string, excludingUserId?: string) {
  return tx.membership.count({
    where: { instansiId, role: "KOORDINATOR", isActive: true, user: { isActive: true }, ...(excludingUserId ? { userId: { not: excludingUserId } } : {}) },
  });
}

/** Adds a role to an existing account, or reactivates that very role if it was deactivated. */
async function grantRole(
  { tx, request }: CommandContext,
  target: { id: string; isActive: boolean },
  grant: { instansiId: string; role: Role; unitId: string | null },
) {
  const same = await tx.membership.findFirst({ where: { userId: target.id, ...grant } });
  if (same?.isActive && target.isActive) throw fieldError("role", m.duplicateRole);
  const membership = same
    ? await tx.membership.update({ where: { id: same.id }, data: { isActive: true } })
    : await tx.membership.create({ data: { userId: target.id, ...grant } });
  if (!target.isActive) await tx.user.update({ where: { id: target.id }, data: { isActive: true } });
  await writeAudit(tx, request, { action: "membership.grant", entityType: "Membership", entityId: membership.id, instansiId: grant.instansiId, after: { userId: target.id, ...grant } });
}

export const createUser = defineCommand({
  name: "user.create",
  input: ZUserCreate,
  async run(context, input) {
    const { tx, actor, request } = context;
    const instansiId = assertCanInOwnInstansi(actor, "user.manage");
    await assertUnitUsable(tx, instansiId, input.unitId);
    const grant = { instansiId, role: input.role, unitId: input.unitId };
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, isActive: true } });
    if (existing) {
      await grantRole(context, existing, grant);
      return { message: fill(m.linked, { email: input.email }) };
    }
    const temporaryPassword = generateTemporaryPassword();
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true, memberships: { create: grant } },
    });
    await writeAudit(tx, request, { action: "user.create", entityType: "User", entityId: user.id, instansiId, after: { email: user.email, name: user.name, ...grant } });
    return { message: fill(m.created, { email: user.email }), data: { temporaryPassword } };
  },
});

export const addMembership = defineCommand({
  name: "membership.add",
  input: ZMembershipAdd,
  async run(context, input) {
    const instansiId = assertCanInOwnInstansi(context.actor, "user.manage");
    const { user } = await userInInstansi(context.tx, instansiId, input.userId);
    await assertUnitUsable(context.tx, instansiId, input.unitId);
    await grantRole(context, user, { instansiId, role: input.role, unitId: input.unitId });
    return { message: m.roleAdded };
  },
});

export const removeMembership = defineCommand({
  name: "membership.remove",
  input: ZMembershipRemove,
  async run({ tx, actor, request }, { membershipId }) {
    const instansiId = assertCanInOwnInstansi(actor, "user.manage");
    const membership = await tx.membership.findFirst({ where: { id: membershipId, instansiId } });
    if (!membership) throw new AppError("not_found");
    if (membership.role === "KOORDINATOR") {
      if (membership.userId === actor.userId) throw new AppError("conflict", { message: m.notSelf });
      if (membership.isActive && (await activeKoordinatorCount(tx, instansiId, membership.userId)) === 0) {
        throw new AppError("conflict", { message: m.lastKoordinator });
      }
    }
    await tx.membership.delete({ where: { id: membershipId } });
    const remaining = await tx.membership.count({ where: { userId: membership.userId, isActive: true } });
    if (remaining === 0) await tx.user.update({ where: { id: membership.userId }, data: { isActive: false, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, request, {
      action: "membership.revoke",
      entityType: "Membership",
      entityId: membershipId,
      instansiId,
      before: { userId: membership.userId, role: membership.role, unitId: membership.unitId, isActive: membership.isActive },
    });
    return { message: m.roleRemoved };
  },
});

export const resetUserPassword = defineCommand({
  name: "user.reset-password",
  input: ZUserResetPassword,
  async run({ tx, actor, request }, { userId }) {
    const instansiId = assertCanInOwnInstansi(actor, "user.manage");
    const { user, elsewhere } = await userInInstansi(tx, instansiId, userId);
    if (elsewhere.some((membership) => membership.isActive)) throw new AppError("forbidden", { message: m.otherInstansi });
    const temporaryPassword = await setTemporaryPassword(tx, userId);
    await writeAudit(tx, request, { action: "user.reset-password", entityType: "User", entityId: userId, instansiId });
    return { message: fill(m.passwordReset, { email: user.email }), data: { temporaryPassword } };
  },
});

/** New one-time password; every session of the account ends. */
export async function setTemporaryPassword(tx: DbTransaction, userId: string): Promise<string> {
  const temporaryPassword = generateTemporaryPassword();
  await tx.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true, sessionVersion: { increment: 1 } },
  });
  return temporaryPassword;
}

export const setUserActive = defineCommand({
  name: "user.set-active",
  input: ZUserSetActive,
  async run({ tx, actor, request }, { userId, active }) {
    const instansiId = assertCanInOwnInstansi(actor, "user.manage");
    const { user, here, elsewhere } = await userInInstansi(tx, instansiId, userId);
    if (!active) {
      if (userId === actor.userId) throw new AppError("conflict", { message: m.notSelf });
      if (here.some((membership) => membership.role === "KOORDINATOR" && membership.isActive) && (await activeKoordinatorCount(tx, instansiId, userId)) === 0) {
        throw new AppError("conflict", { message: m.lastKoordinator });
      }
    }
    await tx.membership.updateMany({ where: { userId, instansiId }, data: { isActive: active } });
    const keepsAccount = active || elsewhere.some((membership) => membership.isActive);
    await tx.user.update({ where: { id: userId }, data: { isActive: keepsAccount, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, request, {
      action: active ? "user.activate" : "user.deactivate",
      entityType: "User",
      entityId: userId,
      instansiId,
      before: { isActive: user.isActive, memberships: here.map(({ id, role, isActive }) => ({ id, role, isActive })) },
      after: { isActive: keepsAccount, membershipsActive: active },
    });
    return { message: fill(active ? m.activated : m.deactivated, { email: user.email }) };
  },
});
