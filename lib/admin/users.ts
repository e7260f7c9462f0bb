// People of an instansi and their roles, managed by its Koordinator. An account belongs to
// one agency, its home (lib/auth/home-instansi.ts): creating a person whose email another
// agency's account already uses is refused without saying which agency that is. An
// account that still holds roles elsewhere (the superadmin may link one) is handled per
// membership: an agency ends only its own roles and their access; only the home agency
// deactivates the account itself, ends all its sessions or resets its password.
import type { DbTransaction } from "@/lib/db";
import { defineCommand, type CommandContext } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError, fieldError } from "@/lib/errors";
import { assertCanInOwnInstansi } from "@/lib/policy";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/password";
import { HOME_MEMBERSHIP } from "@/lib/auth/home-instansi";
import type { Role } from "@/lib/generated/prisma/enums";
import { ZMembershipAdd, ZMembershipRemove, ZUserCreate, ZUserResetPassword, ZUserSetActive } from "@/lib/validation/admin";
import { msg } from "@/lib/i18n/message";

async function assertUnitUsable(tx: DbTransaction, instansiId: string, unitId: string | null) {
  if (!unitId) return;
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { instansiId: true, isActive: true } });
  if (!unit || unit.instansiId !== instansiId || !unit.isActive) throw fieldError("unitId", msg("admin.users.unitUnknown"));
}

/** The user as seen from `instansiId`; someone without any role there does not exist for its Koordinator. */
async function userInInstansi(tx: DbTransaction, instansiId: string, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, include: { memberships: { orderBy: HOME_MEMBERSHIP.orderBy } } });
  const here = user?.memberships.filter((membership) => membership.instansiId === instansiId) ?? [];
  if (!user || here.length === 0) throw new AppError("not_found");
  return { user, here, isHome: user.memberships[0]!.instansiId === instansiId };
}

async function activeKoordinatorCount(tx: DbTransaction, instansiId: string, excludingUserId?: string) {
  return tx.membership.count({
    where: { instansiId, role: "KOORDINATOR", isActive: true, user: { isActive: true }, ...(excludingUserId ? { userId: { not: excludingUserId } } : {}) },
  });
}

/** Adds a role to an existing account, or reactivates that very role if it was deactivated; only the home agency reopens the account. */
async function grantRole(
  { tx, request }: CommandContext,
  target: { id: string; isActive: boolean; isHome: boolean },
  grant: { instansiId: string; role: Role; unitId: string | null },
) {
  const same = await tx.membership.findFirst({ where: { userId: target.id, ...grant } });
  if (same?.isActive && target.isActive) throw fieldError("role", msg("admin.users.duplicateRole"));
  const membership = same
    ? await tx.membership.update({ where: { id: same.id }, data: { isActive: true } })
    : await tx.membership.create({ data: { userId: target.id, ...grant } });
  if (!target.isActive && target.isHome) await tx.user.update({ where: { id: target.id }, data: { isActive: true } });
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
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, isActive: true, memberships: HOME_MEMBERSHIP } });
    if (existing) {
      if (existing.memberships[0]?.instansiId !== instansiId) throw fieldError("email", msg("admin.users.emailTaken"));
      await grantRole(context, { ...existing, isHome: true }, grant);
      return { message: msg("admin.users.linked", { email: input.email }) };
    }
    const temporaryPassword = generateTemporaryPassword();
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true, memberships: { create: grant } },
    });
    await writeAudit(tx, request, { action: "user.create", entityType: "User", entityId: user.id, instansiId, after: { email: user.email, name: user.name, ...grant } });
    return { message: msg("admin.users.created", { email: user.email }), data: { temporaryPassword } };
  },
});

export const addMembership = defineCommand({
  name: "membership.add",
  input: ZMembershipAdd,
  async run(context, input) {
    const instansiId = assertCanInOwnInstansi(context.actor, "user.manage");
    const { user, isHome } = await userInInstansi(context.tx, instansiId, input.userId);
    await assertUnitUsable(context.tx, instansiId, input.unitId);
    await grantRole(context, { ...user, isHome }, { instansiId, role: input.role, unitId: input.unitId });
    return { message: msg("admin.users.roleAdded") };
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
      if (membership.userId === actor.userId) throw new AppError("conflict", { message: msg("admin.users.notSelf") });
      if (membership.isActive && (await activeKoordinatorCount(tx, instansiId, membership.userId)) === 0) {
        throw new AppError("conflict", { message: msg("admin.users.lastKoordinator") });
      }
    }
    const { isHome } = await userInInstansi(tx, instansiId, membership.userId);
    await tx.membership.delete({ where: { id: membershipId } });
    const remaining = await tx.membership.count({ where: { userId: membership.userId, isActive: true } });
    // The access of this role ends on the next request anyway (getActor reads the memberships);
    // the account itself is only ever closed by its home agency.
    if (remaining === 0 && isHome) await tx.user.update({ where: { id: membership.userId }, data: { isActive: false, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, request, {
      action: "membership.revoke",
      entityType: "Membership",
      entityId: membershipId,
      instansiId,
      before: { userId: membership.userId, role: membership.role, unitId: membership.unitId, isActive: membership.isActive },
    });
    return { message: msg("admin.users.roleRemoved") };
  },
});

export const resetUserPassword = defineCommand({
  name: "user.reset-password",
  input: ZUserResetPassword,
  async run({ tx, actor, request }, { userId }) {
    const instansiId = assertCanInOwnInstansi(actor, "user.manage");
    const { user, isHome } = await userInInstansi(tx, instansiId, userId);
    if (!isHome) throw new AppError("forbidden", { message: msg("admin.users.otherInstansi") });
    const temporaryPassword = await setTemporaryPassword(tx, userId);
    await writeAudit(tx, request, { action: "user.reset-password", entityType: "User", entityId: userId, instansiId });
    return { message: msg("admin.users.passwordReset", { email: user.email }), data: { temporaryPassword } };
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
    const { user, here, isHome } = await userInInstansi(tx, instansiId, userId);
    if (!active) {
      if (userId === actor.userId) throw new AppError("conflict", { message: msg("admin.users.notSelf") });
      if (here.some((membership) => membership.role === "KOORDINATOR" && membership.isActive) && (await activeKoordinatorCount(tx, instansiId, userId)) === 0) {
        throw new AppError("conflict", { message: msg("admin.users.lastKoordinator") });
      }
    }
    await tx.membership.updateMany({ where: { userId, instansiId }, data: { isActive: active } });
    // Another agency's part of the account (and its sessions there) is not this agency's to end.
    const accountActive = isHome ? active : user.isActive;
    if (isHome) await tx.user.update({ where: { id: userId }, data: { isActive: active, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, request, {
      action: active ? "user.activate" : "user.deactivate",
      entityType: "User",
      entityId: userId,
      instansiId,
      before: { isActive: user.isActive, memberships: here.map(({ id, role, isActive }) => ({ id, role, isActive })) },
      after: { isActive: accountActive, membershipsActive: active },
    });
    return { message: msg(active ? "admin.users.activated" : "admin.users.deactivated", { email: user.email }) };
  },
});
