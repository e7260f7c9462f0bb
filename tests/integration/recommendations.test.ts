// Recommendations and the simulation's plan on the real database: the Koordinator creates
// and edits them (owner unit from the assignment, target level on the framework's scale,
// a version token against lost updates, an audit record each), the owner unit's Admin OPD
// updates the status of their unit's only, and the plan turns raised targets into one
// recommendation per indicator in one transaction. Recommendations are follow-up work:
// they stay manageable after the period is locked, and nothing in the period's answers
// changes. The indicator page shows this period's and the previous period's.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { findIndicator } from "@/lib/framework/catalog";
import { getFrameworkVersion } from "@/lib/framework-versions/store";
import { loadIndicatorView } from "@/lib/assessment/indicator-view";
import type { AnswerStage } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy";
import { loadRecommendationList } from "@/lib/recommendations/queries";
import { Decimal } from "@/lib/scoring";
import { levelValues, loadCurrentLevels } from "@/lib/simulation/current-levels";
import { fastestPath } from "@/lib/simulation/fastest-path";
import { loadSimulation } from "@/lib/simulation/simulation-view";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";
import { asRead } from "../support/as-read";

let fixtures: Fixtures;
let koordinator: Actor;
let adminOpd: Actor;
let periodId: string;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  koordinator = await actorFor(fixtures, "KOORDINATOR");
  adminOpd = await actorFor(fixtures, "ADMIN_OPD");
  periodId = fixtures.home.periodId;
});

async function run(command: Command, input: unknown, actor: Actor = koordinator) {
  try {
    return asRead(await executeCommand(db, command, actor, requestContext, input));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

async function answer(number: number, stage: AnswerStage, level: string) {
  await db.answer.create({ data: { periodId, indicatorId: fixtures.framework.indicatorIds[number]!, stage, level, status: stage === "SELF" ? "SUBMITTED" : "RECORDED" } });
}

const create = (fields: Record<string, string> = {}) =>
  run(COMMANDS.createRecommendation, { periodId, indicator: "1", source: "EXTERNAL", text: "Tetapkan peta rencana SPBE.", dueDate: "2026-06-30", targetLevel: "3", ...fields });

const rows = () => db.recommendation.findMany({ where: { periodId }, include: { indicator: { select: { number: true } } }, orderBy: { indicator: { number: "asc" } } });
const audits = (action: string) => db.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });
const versionOf = async (id: string) => String((await db.recommendation.findUniqueOrThrow({ where: { id } })).updatedAt.getTime());

describe("recommendation commands", () => {
  it("creates a recommendation for the indicator's assigned unit unless another unit is chosen, with an audit record", async () => {
    expect(await create()).toMatchObject({ message: "Rekomendasi untuk indikator 1 disimpan." });
    expect(await create({ indicator: "4", ownerUnitId: fixtures.home.unitIds[0], source: "INTERNAL", targetLevel: "", dueDate: "" })).toMatchObject({ message: "Rekomendasi untuk indikator 4 disimpan." });
    const [first, second] = await rows();
    expect(first).toMatchObject({ source: "EXTERNAL", status: "OPEN", ownerUnitId: fixtures.home.unitIds[0], createdById: koordinator.userId });
    expect(first!.targetLevel?.toString()).toBe("3");
    expect(first!.dueDate?.toISOString()).toBe("2026-06-30T00:00:00.000Z");
    expect(second).toMatchObject({ source: "INTERNAL", ownerUnitId: fixtures.home.unitIds[0], targetLevel: null, dueDate: null });
    const [audit] = await audits("recommendation.create");
    expect(audit).toMatchObject({ entityType: "Recommendation", entityId: first!.id, instansiId: fixtures.home.instansiId });
    expect(audit!.after).toMatchObject({ indicator: 1, targetLevel: "3.00", ownerUnitId: fixtures.home.unitIds[0] });
  });

  it("refuses a level off the scale, a decimal level on spbe-2020, another agency's unit and an unknown indicator, field by field", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ targetLevel: "6" }, "targetLevel"],
      [{ targetLevel: "2,5" }, "targetLevel"],
      [{ ownerUnitId: fixtures.other.unitIds[0] }, "ownerUnitId"],
      [{ indicator: "48" }, "indicator"],
      [{ text: "pendek" }, "text"],
      [{ source: "LAINNYA" }, "source"],
      [{ dueDate: "2026-02-30" }, "dueDate"],
    ];
    for (const [fields, field] of cases) {
      const error = await create(fields);
      expect(error, JSON.stringify(fields)).toBeInstanceOf(AppError);
      expect((error as AppError).details.map((detail) => detail.field), JSON.stringify(fields)).toContain(field);
    }
    expect(await rows()).toHaveLength(0);
    expect(await audits("recommendation.create")).toHaveLength(0);
  });

  it("edits with the version the form showed; a stale version is a conflict and an unchanged form writes nothing", async () => {
    await create();
    const [row] = await rows();
    const edit = (version: string, fields: Record<string, string> = {}) =>
      run(COMMANDS.updateRecommendation, { recommendationId: row!.id, version, source: "EXTERNAL", text: "Tetapkan peta rencana SPBE.", ownerUnitId: fixtures.home.unitIds[1], dueDate: "2026-07-31", targetLevel: "4", status: "IN_PROGRESS", ...fields });
    const shown = await versionOf(row!.id);
    expect(await edit(shown)).toMatchObject({ message: "Rekomendasi untuk indikator 1 diperbarui." });
    const [edited] = await rows();
    expect(edited).toMatchObject({ ownerUnitId: fixtures.home.unitIds[1], status: "IN_PROGRESS" });
    expect(edited!.targetLevel?.toString()).toBe("4");
    const [audit] = await audits("recommendation.update");
    expect(audit!.before).toMatchObject({ ownerUnitId: fixtures.home.unitIds[0], status: "OPEN", targetLevel: "3.00", dueDate: "2026-06-30" });
    expect(audit!.after).toMatchObject({ ownerUnitId: fixtures.home.unitIds[1], status: "IN_PROGRESS", targetLevel: "4.00", dueDate: "2026-07-31" });

    const stale = await edit(shown, { text: "Teks yang lain dari yang tersimpan." });
    expect(stale).toMatchObject({ status: 409, message: "Rekomendasi ini telah diubah oleh pengguna lain. Muat ulang halaman." });
    expect(await edit(await versionOf(row!.id))).toMatchObject({ message: "Tidak ada perubahan." });
    expect(await audits("recommendation.update")).toHaveLength(1);
  });

  it("lets the owner unit's Admin OPD update the status of their unit's recommendations only", async () => {
    await create();
    await create({ indicator: "4" });
    const [ownUnit, otherUnit] = await rows();
    expect(otherUnit!.ownerUnitId).toBe(fixtures.home.unitIds[1]);
    const setStatus = async (id: string, status: string, actor: Actor = adminOpd) => run(COMMANDS.setRecommendationStatus, { recommendationId: id, version: await versionOf(id), status }, actor);

    expect(await setStatus(ownUnit!.id, "IN_PROGRESS")).toMatchObject({ message: "Status rekomendasi indikator 1: Sedang dikerjakan." });
    expect(await setStatus(otherUnit!.id, "DONE")).toMatchObject({ status: 403 });
    expect(await setStatus(otherUnit!.id, "DONE", koordinator)).toMatchObject({ message: "Status rekomendasi indikator 4: Selesai." });
    expect((await rows()).map((row) => row.status)).toEqual(["IN_PROGRESS", "DONE"]);
    // The Admin OPD may change nothing else.
    expect(await run(COMMANDS.updateRecommendation, { recommendationId: ownUnit!.id, version: await versionOf(ownUnit!.id), source: "EXTERNAL", text: "Teks baru dari unit.", status: "DONE" }, adminOpd)).toMatchObject({ status: 403 });
    const [audit] = await audits("recommendation.update-status");
    expect(audit).toMatchObject({ actorId: adminOpd.userId, before: { status: "OPEN" }, after: { status: "IN_PROGRESS" } });
  });

  it("keeps recommendations manageable after the period is locked, without touching its answers", async () => {
    await answer(1, "SELF", "2");
    await db.assessmentPeriod.update({ where: { id: periodId }, data: { phase: "FINAL", lockedAt: new Date() } });
    const answersBefore = await db.answer.findMany({ where: { periodId }, orderBy: { id: "asc" } });

    expect(await create()).toMatchObject({ message: "Rekomendasi untuk indikator 1 disimpan." });
    const [row] = await rows();
    expect(await run(COMMANDS.setRecommendationStatus, { recommendationId: row!.id, version: await versionOf(row!.id), status: "IN_PROGRESS" }, adminOpd)).toMatchObject({ message: expect.stringContaining("Sedang dikerjakan") });
    expect(await run(COMMANDS.updateRecommendation, { recommendationId: row!.id, version: await versionOf(row!.id), source: "EXTERNAL", text: "Tetapkan peta rencana SPBE 2026.", status: "DONE", targetLevel: "3" })).toMatchObject({ message: "Rekomendasi untuk indikator 1 diperbarui." });
    expect(await run(COMMANDS.savePlan, { periodId, "target-2": "3" })).toMatchObject({ message: "Rencana disimpan: 1 rekomendasi baru." });

    expect(await db.answer.findMany({ where: { periodId }, orderBy: { id: "asc" } })).toEqual(answersBefore);
    expect(await db.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId } })).toMatchObject({ phase: "FINAL" });
  });
});

describe("the plan", () => {
  beforeEach(async () => {
    // Current level = final stage, else verified, else self.
    await answer(1, "SELF", "3");
    await answer(1, "INTERNAL_VERIFICATION", "2");
    await answer(2, "SELF", "2");
    await answer(2, "FINAL", "4");
    await answer(3, "SELF", "1");
  });

  it("starts from the final, else the verified, else the self level", async () => {
    const current = await loadCurrentLevels(db, periodId);
    expect(Object.fromEntries(current)).toEqual({
      1: { level: "2", stage: "INTERNAL_VERIFICATION" },
      2: { level: "4", stage: "FINAL" },
      3: { level: "1", stage: "SELF" },
    });
  });

  it("refuses the whole plan when one target is not above the current level", async () => {
    const error = await run(COMMANDS.savePlan, { periodId, "target-1": "3", "target-2": "4", "target-3": "6" });
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toEqual([
      { field: "target-2", code: "custom", message: "Target indikator 2 harus di atas tingkat saat ini (4)." },
      { field: "target-3", code: "custom", message: expect.stringContaining("antara 1 dan 5") },
    ]);
    expect(await rows()).toHaveLength(0);
    expect(await run(COMMANDS.savePlan, { periodId })).toMatchObject({ status: 400 });
  });

  it("saves one internal recommendation per raised indicator for its assigned unit, in one audited command, and not twice", async () => {
    const input = { periodId, "target-1": "3", "target-2": "5", "target-4": "2", "target-5": "1", dueDate: "2026-09-30", note: "Bahas di rapat Tim Koordinasi SPBE." };
    expect(await run(COMMANDS.savePlan, input)).toMatchObject({ message: "Rencana disimpan: 4 rekomendasi baru." });
    const saved = await rows();
    expect(saved.map((row) => [row.indicator.number, row.targetLevel?.toString(), row.ownerUnitId, row.source, row.status])).toEqual([
      [1, "3", fixtures.home.unitIds[0], "INTERNAL", "OPEN"],
      [2, "5", fixtures.home.unitIds[0], "INTERNAL", "OPEN"],
      [4, "2", fixtures.home.unitIds[1], "INTERNAL", "OPEN"],
      [5, "1", null, "INTERNAL", "OPEN"],
    ]);
    expect(saved[0]!.text).toMatch(/^Naikkan indikator 1 \(.+\) dari tingkat 2 ke tingkat 3\.\nBahas di rapat Tim Koordinasi SPBE\.$/);
    expect(saved[3]!.text).toMatch(/^Isi indikator 5 \(.+\) dan capai tingkat 1\.\n/);
    expect(saved.every((row) => row.dueDate?.toISOString() === "2026-09-30T00:00:00.000Z")).toBe(true);
    const [audit] = await audits("recommendation.plan");
    expect(audit).toMatchObject({ entityType: "AssessmentPeriod", entityId: periodId, actorId: koordinator.userId });
    expect((audit!.after as { recommendations: unknown[] }).recommendations).toHaveLength(4);

    expect(await run(COMMANDS.savePlan, input)).toMatchObject({ message: expect.stringContaining("Tidak ada rekomendasi baru") });
    expect(await run(COMMANDS.savePlan, { ...input, "target-1": "4" })).toMatchObject({ message: "Rencana disimpan: 1 rekomendasi baru; 3 indikator sudah memiliki rekomendasi terbuka dengan target yang sama." });
    expect(await rows()).toHaveLength(5);
    expect(await audits("recommendation.plan")).toHaveLength(2);
  });

  it("turns the fastest path into recommendations whose gains add up to the projected index", async () => {
    const simulation = await loadSimulation(db, koordinator, periodId);
    const stored = (await getFrameworkVersion(db, fixtures.framework.versionId))!;
    const values = levelValues(await loadCurrentLevels(db, periodId));
    const path = fastestPath(stored.definition, values, { kind: "predicate", predicate: "Cukup" }, { basis: simulation.basis });
    expect(path.status).toBe("found");
    const fields = Object.fromEntries(Object.entries(path.targets).map(([number, level]) => [`target-${number}`, level]));
    expect(await run(COMMANDS.savePlan, { periodId, ...fields })).toMatchObject({ message: `Rencana disimpan: ${Object.keys(path.targets).length} rekomendasi baru.` });

    const list = await loadRecommendationList(db, koordinator, periodId, { unit: "" });
    expect(list.scores.projected.indexExact).toBe(path.index.toString());
    expect(list.scores.projected.predicate).toBe("Cukup");
    const gains = list.items.reduce((sum, item) => sum.add(item.gain ?? Decimal.ZERO), Decimal.ZERO);
    expect(Decimal.parse(list.scores.current.indexExact).add(gains).eq(path.index)).toBe(true);
  });
});

describe("reading recommendations", () => {
  it("filters by status, unit and source; the Admin OPD sees their unit's only, whatever the filter", async () => {
    await create();
    await create({ indicator: "4", source: "INTERNAL" });
    await create({ indicator: "2", status: "DONE" });
    const numbers = async (actor: Actor, filters: Parameters<typeof loadRecommendationList>[3]) =>
      (await loadRecommendationList(db, actor, periodId, filters)).items.map((item) => item.number);
    expect(await numbers(koordinator, { unit: "" })).toEqual([1, 2, 4]);
    expect(await numbers(koordinator, { unit: "", status: "DONE" })).toEqual([2]);
    expect(await numbers(koordinator, { unit: "", source: "INTERNAL" })).toEqual([4]);
    expect(await numbers(koordinator, { unit: fixtures.home.unitIds[1] })).toEqual([4]);
    expect(await numbers(adminOpd, { unit: "" })).toEqual([1, 2]);
    expect(await numbers(adminOpd, { unit: fixtures.home.unitIds[1] })).toEqual([1, 2]);
    const list = await loadRecommendationList(db, adminOpd, periodId, { unit: "" });
    expect(list.items.every((item) => item.mayUpdateStatus)).toBe(true);
    expect(list.may.manage).toBe(false);
    await expect(loadRecommendationList(db, await actorFor(fixtures, "PIMPINAN"), fixtures.other.periodId, { unit: "" })).rejects.toMatchObject({ status: 404 });
  });

  it("shows a recommendation's projected gain against the current level, and the target already reached as zero", async () => {
    await answer(1, "SELF", "2");
    await create({ targetLevel: "4" });
    await create({ indicator: "2", targetLevel: "" });
    await answer(3, "SELF", "4");
    await create({ indicator: "3", targetLevel: "3" });
    const { items, framework } = await loadRecommendationList(db, koordinator, periodId, { unit: "" });
    const weight = (number: number) => findIndicator(framework, number)!.weight;
    expect(items.map((item) => [item.number, item.currentLevel, item.targetLevel, item.gain?.toString() ?? null])).toEqual([
      [1, "2", "4", Decimal.parse(weight(1)).mul(Decimal.fromInteger(2)).div(Decimal.fromInteger(100)).toString()],
      [2, null, null, null],
      [3, "4", "3", "0"],
    ]);
  });

  it("carries the previous period's recommendations for the same indicator into this period's indicator page", async () => {
    const previous = await db.assessmentPeriod.create({ data: { instansiId: fixtures.home.instansiId, year: 2025, frameworkVersionId: fixtures.framework.versionId, phase: "FINAL" } });
    await db.recommendation.create({
      data: { periodId: previous.id, indicatorId: fixtures.framework.indicatorIds[1]!, source: "EXTERNAL", text: "Lakukan reviu kebijakan internal arsitektur SPBE.", status: "OPEN", targetLevel: "4" },
    });
    await db.recommendation.create({ data: { periodId: previous.id, indicatorId: fixtures.framework.indicatorIds[2]!, source: "EXTERNAL", text: "Untuk indikator lain." } });
    await create({ text: "Rekomendasi periode berjalan." });

    const view = await loadIndicatorView(db, adminOpd, periodId, 1);
    expect(view?.recommendations.current.map((item) => item.text)).toEqual(["Rekomendasi periode berjalan."]);
    expect(view?.recommendations.previous).toMatchObject({ year: 2025, items: [{ text: "Lakukan reviu kebijakan internal arsitektur SPBE.", targetLevel: "4", source: "EXTERNAL" }] });
  });
});
