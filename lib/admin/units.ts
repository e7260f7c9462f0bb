// Units (OPD) of an instansi, managed by its Koordinator.
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError, fieldError } from "@/lib/errors";
import { assertCanInOwnInstansi } from "@/lib/policy";
import type { DbTransaction } from "@/lib/db";
import { ZUnitCreate, ZUnitSetActive, ZUnitUpdate } from "@/lib/validation/admin";
import { msg } from "@/lib/i18n/message";

export const createUnit = defineCommand({
  name: "unit.create",
  input: ZUnitCreate,
  async run({ tx, actor, request }, input) {
    const instansiId = assertCanInOwnInstansi(actor, "unit.manage");
    if (await tx.unit.findUnique({ where: { instansiId_code: { instansiId, code: input.code } }, select: { id: true } })) {
      throw fieldError("code", msg("admin.units.codeTaken"));
    }
    const unit = await tx.unit.create({ data: { instansiId, ...input } });
    await writeAudit(tx, request, { action: "unit.create", entityType: "Unit", entityId: unit.id, instansiId, after: input });
    return { message: msg("admin.units.created", { name: unit.name }) };
  },
});

async function loadUnit(tx: DbTransaction, instansiId: string, unitId: string) {
  const unit = await tx.unit.findFirst({ where: { id: unitId, instansiId } });
  if (!unit) throw new AppError("not_found");
  return unit;
}

export const updateUnit = defineCommand({
  name: "unit.update",
  input: ZUnitUpdate,
  async run({ tx, actor, request }, { unitId, ...changes }) {
    const before = await loadUnit(tx, assertCanInOwnInstansi(actor, "unit.manage"), unitId);
    const unit = await tx.unit.update({ where: { id: unitId }, data: changes });
    await writeAudit(tx, request, {
      action: "unit.update",
      entityType: "Unit",
      entityId: unitId,
      instansiId: unit.instansiId,
      before: { name: before.name, shortName: before.shortName, functions: before.functions },
      after: changes,
    });
    return { message: msg("admin.units.updated", { name: unit.name }) };
  },
});

export const setUnitActive = defineCommand({
  name: "unit.set-active",
  input: ZUnitSetActive,
  async run({ tx, actor, request }, { unitId, active }) {
    const before = await loadUnit(tx, assertCanInOwnInstansi(actor, "unit.manage"), unitId);
    if (!active) {
      const count = await tx.membership.count({ where: { unitId, isActive: true, user: { isActive: true } } });
      if (count > 0) throw new AppError("conflict", { message: msg("admin.units.hasActiveUsers", { count }) });
    }
    await tx.unit.update({ where: { id: unitId }, data: { isActive: active } });
    await writeAudit(tx, request, {
      action: active ? "unit.activate" : "unit.deactivate",
      entityType: "Unit",
      entityId: unitId,
      instansiId: before.instansiId,
      before: { isActive: before.isActive },
      after: { isActive: active },
    });
    return { message: msg(active ? "admin.units.activated" : "admin.units.deactivated", { name: before.name }) };
  },
});
