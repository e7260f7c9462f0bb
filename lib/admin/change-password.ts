// A person replaces their own password (also the temporary one an administrator gave
// them). Every other session of the account ends; the caller re-issues this one. Guessing
// the current password here is throttled like sign-in (checksPassword).
import { defineCommand, wrongPasswordError } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError, fieldError } from "@/lib/errors";
import { ZPasswordChange } from "@/lib/validation/admin";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { homeInstansiOf } from "@/lib/auth/home-instansi";
import { passwordProblem } from "@/lib/validation/password-policy";
import { msg } from "@/lib/i18n/message";

export const changeOwnPassword = defineCommand({
  name: "account.change-password",
  input: ZPasswordChange,
  allowedWithTemporaryPassword: true,
  checksPassword: true,
  async run({ tx, actor, request }, { currentPassword, newPassword }) {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId } });
    if (!user.passwordHash) throw new AppError("forbidden", { message: msg("account.ssoOnly") });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) throw wrongPasswordError("currentPassword", msg("account.currentWrong"));
    if (currentPassword === newPassword) throw fieldError("newPassword", msg("account.sameAsCurrent"));
    const demoDataLoaded = (await tx.instansi.count({ where: { isDemo: true } })) > 0;
    const problem = passwordProblem(newPassword, { email: user.email, name: user.name }, { demoDataLoaded });
    if (problem) throw fieldError("newPassword", msg(`account.problems.${problem}`));
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, request, { action: "user.change-password", entityType: "User", entityId: user.id, instansiId: await homeInstansiOf(tx, user.id) });
    return { message: msg("account.changed") };
  },
});
