// Every command a server action can run. The authorization matrix test walks this list for
// every role, and a test checks that no server action bypasses it.
import { createUnit, setUnitActive, updateUnit } from "@/lib/admin/units";
import { addMembership, createUser, removeMembership, resetUserPassword, setUserActive } from "@/lib/admin/users";
import { createInstansi, resetKoordinatorPassword, setInstansiActive } from "@/lib/admin/agencies";
import { changeOwnPassword } from "@/lib/auth/change-password";

export const COMMANDS = {
  createUnit,
  updateUnit,
  setUnitActive,
  createUser,
  addMembership,
  removeMembership,
  resetUserPassword,
  setUserActive,
  createInstansi,
  setInstansiActive,
  resetKoordinatorPassword,
  changeOwnPassword,
};
