// Entering the value another national index gave the agency (SDI 68,75 in 2025, with the
// published result as its source document) for the indicator it feeds. The indicator's
// owner unit or the Koordinator enters it while answers may be filled; the conversion and
// what the self-assessment counts follow from the framework data (external-index-values.ts).
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError, type ErrorDetail } from "@/lib/errors";
import { assertCan, can } from "@/lib/policy";
import { answerScope } from "@/lib/policy-scope";
import { getFrameworkVersion } from "@/lib/framework-versions/store";
import { isIndicatorNode, type ExternalIndex } from "@/lib/framework/schema";
import { walkNodes } from "@/lib/framework/tree";
import { Decimal } from "@/lib/decimal";
import { todayIn } from "@/lib/i18n/time-zone";
import { msg } from "@/lib/i18n/message";
import { ZExternalIndexSave } from "@/lib/validation/external-index";
import { convertIndex } from "@/lib/scoring/external-index";
import { holdPeriod } from "./period-access";
import { assertPhaseAllows } from "./phase";
import { displayLevel } from "./level-rule";

/** No national index used here is older than this; an earlier year is a typing error. */
export const EARLIEST_INDEX_YEAR = 2000;

export const saveExternalIndexValue = defineCommand({
  name: "external-index.save",
  input: ZExternalIndexSave,
  async run({ tx, actor, request }, input) {
    const period = await holdPeriod(tx, actor, "external-index.enter", input.periodId);
    const node = await tx.frameworkNode.findFirst({ where: { id: input.indicatorId, versionId: period.frameworkVersionId, kind: "INDICATOR" } });
    if (!node || node.number === null) throw new AppError("not_found");
    const number = node.number;
    assertCan(actor, "external-index.enter", await answerScope(tx, period, node.id));
    assertPhaseAllows(period.phase, "answer.fill");

    const framework = await getFrameworkVersion(tx, period.frameworkVersionId);
    let index: ExternalIndex | undefined;
    walkNodes(framework!.definition.nodes, (candidate) => {
      if (isIndicatorNode(candidate) && candidate.number === number) index = candidate.externalIndex;
    });
    if (!index) throw new AppError("validation_failed", { details: [{ field: "indicatorId", code: "custom", message: msg("externalIndex.notDefined", { number }) }] });

    // Every refusal at once, before anything is written.
    const problems: ErrorDetail[] = [];
    const conversion = convertIndex(index, input.value);
    if (conversion.kind === "outside_scale") {
      problems.push({
        field: "value",
        code: "outside_scale",
        message: msg("externalIndex.outsideScale", { value: displayLevel(input.value), name: index.name, min: displayLevel(conversion.scale.min), max: displayLevel(conversion.scale.max) }),
      });
    }
    const thisYear = todayIn(actor.active.timeZone).getUTCFullYear();
    if (input.year > thisYear) problems.push({ field: "year", code: "future", message: msg("externalIndex.yearFuture", { year: input.year }) });
    else if (input.year < EARLIEST_INDEX_YEAR) problems.push({ field: "year", code: "too_old", message: msg("externalIndex.yearTooOld", { year: input.year, min: EARLIEST_INDEX_YEAR }) });
    const evidence = await tx.evidence.findFirst({ where: { id: input.evidenceId, instansiId: period.instansiId, deletedAt: null }, select: { id: true, ownerUnitId: true, title: true } });
    if (!evidence || !can(actor, "evidence.read", { instansiId: period.instansiId, unitId: evidence.ownerUnitId })) {
      problems.push({ field: "evidenceId", code: "not_usable", message: msg("externalIndex.evidenceNotUsable") });
    }
    if (problems.length > 0) throw new AppError("validation_failed", { details: problems });

    const existing = await tx.externalIndexValue.findUnique({ where: { periodId_indicatorId: { periodId: period.id, indicatorId: node.id } } });
    if ((existing?.version ?? 0) !== input.version) throw new AppError("conflict", { message: msg("externalIndex.stale", { number }) });
    const value = Decimal.parse(input.value).toString();
    if (existing && Decimal.parse(existing.value.toString()).eq(Decimal.parse(value)) && existing.year === input.year && existing.evidenceId === input.evidenceId) {
      return { message: msg("externalIndex.unchanged", { number }) };
    }
    const data = { value, year: input.year, evidenceId: input.evidenceId, updatedById: actor.userId };
    let savedId: string;
    if (existing) {
      const updated = await tx.externalIndexValue.updateMany({ where: { id: existing.id, version: existing.version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count === 0) throw new AppError("conflict", { message: msg("externalIndex.stale", { number }) });
      savedId = existing.id;
    } else {
      // Two first entries at once: the second inserts nothing and is told somebody was first.
      const created = await tx.externalIndexValue.createManyAndReturn({ data: [{ periodId: period.id, indicatorId: node.id, ...data }], skipDuplicates: true, select: { id: true } });
      if (created.length === 0) throw new AppError("conflict", { message: msg("externalIndex.stale", { number }) });
      savedId = created[0]!.id;
    }
    const snapshot = (row: { value: { toString(): string }; year: number; evidenceId: string }) => ({ value: Decimal.parse(row.value.toString()).toString(), year: row.year, evidenceId: row.evidenceId });
    await writeAudit(tx, request, {
      action: "external-index.save",
      entityType: "ExternalIndexValue",
      entityId: savedId,
      instansiId: period.instansiId,
      before: existing ? snapshot(existing) : null,
      after: { periodId: period.id, indicator: number, index: index.name, ...snapshot(data), converted: conversion.kind === "value" ? Decimal.parse(conversion.value).toString() : null, provisional: index.provisional },
    });
    return { message: msg("externalIndex.saved", { name: index.name, year: input.year, number }) };
  },
});
