// "Jadikan rencana": the Koordinator saves the simulation's raised targets (typically the
// fastest path) as internal recommendations, one per indicator, each for the indicator's
// assigned unit. One command, one transaction, one audit record. The current levels are
// read again here, so a target that is no longer above them is refused, not saved. Like
// every recommendation, a plan may be saved in any phase (see lib/recommendations).
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError, type ErrorDetail } from "@/lib/errors";
import { getFrameworkVersion } from "@/lib/framework-versions/store";
import { displayLevel } from "@/lib/assessment/level-rule";
import { parseLevel } from "@/lib/assessment/levels";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import { Decimal } from "@/lib/scoring";
import { ZPlanSave } from "@/lib/validation/recommendations";
import { loadCurrentLevels } from "./current-levels";
import { msg } from "@/lib/i18n/message";
import { render } from "@/lib/i18n/render";

export const savePlan = defineCommand({
  name: "recommendation.plan",
  input: ZPlanSave,
  async run({ tx, actor, request }, { periodId, dueDate, note, targets }) {
    const period = await loadPeriodFor(tx, actor, "recommendation.manage", periodId);
    const framework = await getFrameworkVersion(tx, period.frameworkVersionId);
    if (!framework) throw new Error(`Kerangka periode ${period.id} tidak ditemukan`);
    const [current, indicators] = await Promise.all([
      loadCurrentLevels(tx, period.id),
      tx.frameworkNode.findMany({
        where: { versionId: period.frameworkVersionId, kind: "INDICATOR", number: { in: targets.map((target) => target.number) } },
        select: { id: true, number: true, name: true },
      }),
    ]);
    const indicatorOf = new Map(indicators.map((indicator) => [indicator.number!, indicator]));

    const issues: ErrorDetail[] = [];
    const planned = targets.flatMap((target) => {
      const field = `target-${target.number}`;
      const indicator = indicatorOf.get(target.number);
      if (!indicator) {
        issues.push({ field, code: "custom", message: msg("simulation.unknownIndicator", { number: target.number }) });
        return [];
      }
      const parsed = parseLevel(framework.definition, target.level);
      if ("issue" in parsed || parsed.level === null) {
        issues.push({ field, code: "custom", message: "issue" in parsed ? parsed.issue : msg("simulation.malformed") });
        return [];
      }
      const from = current.get(target.number)?.level ?? null;
      if (from !== null && !Decimal.parse(parsed.level).gt(Decimal.parse(from))) {
        issues.push({ field, code: "custom", message: msg("simulation.targetNotAbove", { number: target.number, level: displayLevel(from) }) });
        return [];
      }
      return [{ indicator, from, to: parsed.level }];
    });
    if (issues.length > 0) throw new AppError("validation_failed", { details: issues });

    const indicatorIds = planned.map((item) => item.indicator.id);
    const [assignments, open] = await Promise.all([
      tx.assignment.findMany({ where: { periodId: period.id, indicatorId: { in: indicatorIds } }, orderBy: { unit: { name: "asc" } }, select: { indicatorId: true, unitId: true } }),
      tx.recommendation.findMany({
        where: { periodId: period.id, indicatorId: { in: indicatorIds }, source: "INTERNAL", status: { in: ["OPEN", "IN_PROGRESS"] } },
        select: { indicatorId: true, targetLevel: true },
      }),
    ]);
    const ownerOf = new Map<string, string>();
    for (const assignment of assignments) if (!ownerOf.has(assignment.indicatorId)) ownerOf.set(assignment.indicatorId, assignment.unitId);
    // Saving the same plan twice must not double the work list.
    const isPlanned = (indicatorId: string, level: string) =>
      open.some((row) => row.indicatorId === indicatorId && row.targetLevel !== null && Decimal.parse(row.targetLevel.toString()).eq(Decimal.parse(level)));
    const fresh = planned.filter((item) => !isPlanned(item.indicator.id, item.to));
    const skipped = planned.length - fresh.length;
    if (fresh.length === 0) return { message: msg("simulation.planNothingNew") };

    const created = await tx.recommendation.createManyAndReturn({
      data: fresh.map((item) => ({
        periodId: period.id,
        indicatorId: item.indicator.id,
        source: "INTERNAL" as const,
        text: [render(msg(item.from === null ? "simulation.planTextNew" : "simulation.planText", { number: item.indicator.number!, name: item.indicator.name, from: displayLevel(item.from), to: displayLevel(item.to) })), note]
          .filter(Boolean)
          .join("\n"),
        ownerUnitId: ownerOf.get(item.indicator.id) ?? null,
        dueDate,
        status: "OPEN" as const,
        targetLevel: item.to,
        createdById: actor.userId,
      })),
      select: { id: true, indicatorId: true, ownerUnitId: true },
    });
    const numberOf = new Map(fresh.map((item) => [item.indicator.id, item]));
    await writeAudit(tx, request, {
      action: "recommendation.plan",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      instansiId: period.instansiId,
      after: {
        dueDate: dueDate?.toISOString().slice(0, 10) ?? null,
        note,
        recommendations: created.map((row) => {
          const item = numberOf.get(row.indicatorId)!;
          return { id: row.id, indicator: item.indicator.number, from: item.from, to: item.to, ownerUnitId: row.ownerUnitId };
        }),
      },
    });
    return { message: msg(skipped > 0 ? "simulation.planSavedSkipped" : "simulation.planSaved", { count: created.length, skipped }) };
  },
});
