"use server";

import { formAction } from "@/lib/http/form-action";
import { COMMANDS } from "@/lib/commands";

export const createUnit = formAction(COMMANDS.createUnit, { revalidate: ["/admin/unit"] });
export const updateUnit = formAction(COMMANDS.updateUnit, { revalidate: ["/admin/unit"] });
export const setUnitActive = formAction(COMMANDS.setUnitActive, { revalidate: ["/admin/unit"] });
export const createUser = formAction(COMMANDS.createUser, { revalidate: ["/admin/pengguna"] });
export const addMembership = formAction(COMMANDS.addMembership, { revalidate: ["/admin/pengguna"] });
export const removeMembership = formAction(COMMANDS.removeMembership, { revalidate: ["/admin/pengguna"] });
export const resetUserPassword = formAction(COMMANDS.resetUserPassword);
export const setUserActive = formAction(COMMANDS.setUserActive, { revalidate: ["/admin/pengguna"] });
export const createInstansi = formAction(COMMANDS.createInstansi, { revalidate: ["/admin/instansi"] });
export const setInstansiActive = formAction(COMMANDS.setInstansiActive, { revalidate: ["/admin/instansi"] });
export const setInstansiTimeZone = formAction(COMMANDS.setInstansiTimeZone, { revalidate: ["/admin/unit", "/periode", "/dasbor"] });
export const resetKoordinatorPassword = formAction(COMMANDS.resetKoordinatorPassword);
