// The Koordinator sets a unit's own fill deadline, or one for a single indicator of that
// unit, never later than the period's fill deadline (nor an indicator's later than its
// unit's). Refused in a locked period, for a unit outside the agency or inactive, and for an
// indicator not assigned to the unit. What counts where: lib/deadlines/effective.ts.
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError, fieldError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { msg } from "@/lib/i18n/message";
import { dayNumber } from "@/lib/i18n/time-zone";
import { ZUnitDeadlineSet } from "@/lib/validation/notifications";
import { holdPeriod } from "./period-access";

const dateText = (date: Date) => date.toISOString().slice(0, 10);

export const setUnitDeadline = defineCommand({
  name: "unit-deadline.set",
  input: ZUnitDeadlineSet,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "unit-deadline.manage", input.periodId);
    if (period.phase === "FINAL") throw new AppError("conflict", { message: msg("periods.locked") });
    const zone = actor.active.timeZone;
    const unit = await tx.unit.findFirst({ where: { id: input.unitId, instansiId: period.instansiId, isActive: true }, select: { id: true, name: true } });
    if (!unit) throw fieldError("unitId", msg("unitDeadlines.unknownUnit"));
    let indicator: { id: string; number: number | null } | null = null;
    if (input.indicatorId) {
      const assignment = await tx.assignment.findFirst({ where: { periodId: period.id, unitId: unit.id, indicatorId: input.indicatorId }, select: { indicator: { select: { id: true, number: true } } } });
      if (!assignment) throw fieldError("indicatorId", msg("unitDeadlines.notAssigned"));
      indicator = assignment.indicator;
    }
    const target = indicator ? msg("unitDeadlines.targetIndicator", { number: indicator.number ?? "", unit: unit.name }) : msg("unitDeadlines.targetUnit", { unit: unit.name });
    const where = { periodId: period.id, unitId: unit.id, indicatorId: indicator?.id ?? null };
    const existing = await tx.unitDeadline.findFirst({ where });

    if (!input.fillDeadline) {
      if (!existing) throw fieldError("fillDeadline", msg("unitDeadlines.nothingToClear"));
      await tx.unitDeadline.delete({ where: { id: existing.id } });
      await writeAudit(tx, request, { action: "unit-deadline.clear", entityType: "UnitDeadline", entityId: existing.id, instansiId: period.instansiId, before: { unitId: unit.id, indicatorId: indicator?.id ?? null, fillDeadline: dateText(existing.fillDeadline) } });
      return { message: msg("unitDeadlines.cleared", { target, fallback: msg(indicator ? "unitDeadlines.fallbackUnit" : "unitDeadlines.fallbackPeriod") }) };
    }

    const wanted = input.fillDeadline;
    if (period.fillDeadline && dayNumber(wanted, "WIB") > dayNumber(period.fillDeadline, zone)) {
      throw fieldError("fillDeadline", msg("unitDeadlines.afterPeriod", { date: formatDate(period.fillDeadline, "id", zone) }));
    }
    if (indicator) {
      const unitWide = await tx.unitDeadline.findFirst({ where: { periodId: period.id, unitId: unit.id, indicatorId: null } });
      if (unitWide && wanted > unitWide.fillDeadline) throw fieldError("fillDeadline", msg("unitDeadlines.afterUnit", { unit: unit.name, date: formatDate(unitWide.fillDeadline, "id", zone) }));
    }
    const saved = existing
      ? await tx.unitDeadline.update({ where: { id: existing.id }, data: { fillDeadline: wanted, setById: actor.userId } })
      : await tx.unitDeadline.create({ data: { ...where, fillDeadline: wanted, setById: actor.userId } });
    await writeAudit(tx, request, {
      action: "unit-deadline.set",
      entityType: "UnitDeadline",
      entityId: saved.id,
      instansiId: period.instansiId,
      before: existing ? { fillDeadline: dateText(existing.fillDeadline) } : null,
      after: { unitId: unit.id, indicatorId: indicator?.id ?? null, fillDeadline: dateText(wanted) },
    });
    return { message: msg("unitDeadlines.saved", { target, date: formatDate(wanted, "id", "WIB") }) };
  },
});
