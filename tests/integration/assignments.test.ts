// The bulk assignment command and the lists built on assignments, on the real database:
// one save is one transaction with one audit record; every refusal (stale version, an
// owner of a submitted answer, foreign or unknown ids, a locked period) changes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { assignedUnitIds, assignmentVersion, isAssigned, loadAssignments } from "@/lib/assessment/assignments";
import { loadAssignmentMatrix } from "@/lib/assessment/assignment-matrix";
import { daysOverdue, listPeriodIndicators, ZIndicatorListFilters } from "@/lib/assessment/indicator-list";
import type { Actor } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, fixturePairs, requestContext, type Fixtures } from "./fixtures";
import { asRead } from "../support/as-read";

let fixtures: Fixtures;
let koordinator: Actor;
let indicator: (number: number) => string;
let unitA: string;
let unitB: string;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  koordinator = await actorFor(fixtures, "KOORDINATOR");
  indicator = (number) => fixtures.framework.indicatorIds[number]!;
  [unitA, unitB] = fixtures.home.unitIds;
});

async function currentVersion(periodId = fixtures.home.periodId) {
  return assignmentVersion(await loadAssignments(db, periodId));
}

async function save(input: { pairs: string[]; assignees?: string[]; version?: string; periodId?: string }, actor: Actor = koordinator) {
  const periodId = input.periodId ?? fixtures.home.periodId;
  const payload = { periodId, version: input.version ?? (await currentVersion(periodId)), pairs: input.pairs, assignees: input.assignees ?? [] };
  try {
    return asRead(await executeCommand(db, COMMANDS.saveAssignments, actor, requestContext, payload));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

async function storedPairs(periodId = fixtures.home.periodId) {
  return (await loadAssignments(db, periodId)).map((row) => `${row.indicatorId}:${row.unitId}`).sort();
}

const pair = (number: number, unitId: string) => `${indicator(number)}:${unitId}`;

async function expectNothingChanged(before: string[]) {
  expect(await storedPairs()).toEqual(before);
  expect(await db.auditLog.count({ where: { action: "assignment.save" } })).toBe(0);
}

describe("saving the assignment matrix", () => {
  it("adds and removes pairs and named people in one transaction with one audit record of the difference", async () => {
    const opd = fixtures.home.userIds.ADMIN_OPD;
    // Indicator 3 moves from unit a to unit b, indicator 5 gets unit a with its Admin OPD named.
    const pairs = [pair(1, unitA), pair(2, unitA), pair(3, unitB), pair(4, unitB), pair(5, unitA)];
    const result = await save({ pairs, assignees: [`${pair(5, unitA)}:${opd}`] });
    expect(result).not.toBeInstanceOf(AppError);
    expect((result as { message: string }).message).toMatch(/2 ditambahkan, 1 dilepas, 1 perubahan orang/);
    expect((result as { message: string }).message).toMatch(/42 indikator belum ada penanggung jawab/);
    expect(await storedPairs()).toEqual([...pairs].sort());

    const assignee = await db.assignmentAssignee.findFirstOrThrow({ include: { assignment: true } });
    expect(assignee).toMatchObject({ userId: opd, assignment: { indicatorId: indicator(5), unitId: unitA } });

    const audits = await db.auditLog.findMany({ where: { action: "assignment.save" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: "AssessmentPeriod", entityId: fixtures.home.periodId, instansiId: fixtures.home.instansiId, actorId: koordinator.userId });
    expect(audits[0]!.before).toMatchObject({ removed: [{ indicator: 3, unitId: unitA }], removedAssignees: [] });
    expect(audits[0]!.after).toMatchObject({
      added: expect.arrayContaining([expect.objectContaining({ indicator: 3, unitId: unitB }), expect.objectContaining({ indicator: 5, unitId: unitA })]),
      addedAssignees: [{ indicator: 5, unitId: unitA, userId: opd }],
    });

    // Unticking the pair takes its named person with it.
    const again = await save({ pairs: pairs.slice(0, 4) });
    expect((again as { message: string }).message).toMatch(/0 ditambahkan, 1 dilepas, 1 perubahan orang/);
    expect(await db.assignmentAssignee.count()).toBe(0);
  });

  it("allows an indicator without any owner, and writes nothing when nothing changed", async () => {
    const result = await save({ pairs: [pair(1, unitA), pair(2, unitA), pair(3, unitA)] });
    expect((result as { message: string }).message).toMatch(/44 indikator belum ada penanggung jawab/);
    expect(await isAssigned(db, { periodId: fixtures.home.periodId, indicatorId: indicator(4), unitId: unitB })).toBe(false);

    const audits = await db.auditLog.count();
    const unchanged = await save({ pairs: [pair(1, unitA), pair(2, unitA), pair(3, unitA)] });
    expect(unchanged).toMatchObject({ message: "Tidak ada perubahan untuk disimpan." });
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("refuses a stale version with 409 and changes nothing", async () => {
    const before = await storedPairs();
    const shownVersion = await currentVersion();
    // Another Koordinator's save since the form was opened...
    await db.assignment.create({ data: { periodId: fixtures.home.periodId, indicatorId: indicator(6), unitId: unitB } });
    const after = await storedPairs();
    const refused = await save({ pairs: [pair(1, unitB)], version: shownVersion });
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(409);
    expect((refused as AppError).message).toMatch(/diubah oleh pengguna lain/);
    expect(await storedPairs()).toEqual(after);
    expect(after).not.toEqual(before);
    expect(await db.auditLog.count({ where: { action: "assignment.save" } })).toBe(0);
  });

  it("serialises two saves from the same version: the second gets 409", async () => {
    const version = await currentVersion();
    const results = await Promise.all([
      save({ pairs: [...fixturePairs(fixtures, fixtures.home), pair(7, unitA)], version }),
      save({ pairs: [...fixturePairs(fixtures, fixtures.home), pair(8, unitB)], version }),
    ]);
    expect(results.filter((result) => result instanceof AppError).map((result) => (result as AppError).status)).toEqual([409]);
    expect(await db.assignment.count({ where: { periodId: fixtures.home.periodId } })).toBe(5);
  });

  it("refuses to remove an owner unit of a submitted or verified answer, naming the indicator", async () => {
    await db.answer.create({ data: { periodId: fixtures.home.periodId, indicatorId: indicator(2), stage: "SELF", level: "2", explanation: "Fakta dan analisis.", status: "SUBMITTED" } });
    await db.answer.create({ data: { periodId: fixtures.home.periodId, indicatorId: indicator(3), stage: "SELF", level: "2", status: "DRAFT" } });
    const before = await storedPairs();

    // Indicator 2 (submitted) would lose unit a: refused, even together with allowed changes.
    const refused = await save({ pairs: [pair(1, unitA), pair(2, unitB), pair(4, unitB)] });
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(409);
    expect((refused as AppError).message).toMatch(/2\. Tingkat Kematangan Kebijakan Internal Peta Rencana SPBE/);
    expect((refused as AppError).message).not.toMatch(/\b3\. Tingkat/);
    await expectNothingChanged(before);

    // Adding a unit to it and removing a draft's owner are fine.
    const allowed = await save({ pairs: [pair(1, unitA), pair(2, unitA), pair(2, unitB), pair(4, unitB)] });
    expect(allowed).not.toBeInstanceOf(AppError);
  });

  it("refuses indicators of another framework version, other agencies' or inactive units and ineligible people", async () => {
    const before = await storedPairs();
    const pemdi = await db.frameworkNode.findFirstOrThrow({ where: { kind: "INDICATOR", version: { framework: { code: "pemdi-2026" } } } });
    const foreignUnit = fixtures.other.unitIds[0];
    const inactive = await db.unit.create({ data: { instansiId: fixtures.home.instansiId, code: "unit-lama", name: "Unit Lama", isActive: false } });
    const base = fixturePairs(fixtures, fixtures.home);
    const cases: { input: { pairs: string[]; assignees?: string[] }; field: string; message: RegExp }[] = [
      { input: { pairs: [...base, `${pemdi.id}:${unitA}`] }, field: "pairs", message: /tidak termasuk kerangka/ },
      { input: { pairs: [...base, "tidak-ada:" + unitA] }, field: "pairs", message: /tidak termasuk kerangka/ },
      { input: { pairs: [...base, pair(9, foreignUnit)] }, field: "pairs", message: /tidak ditemukan atau tidak aktif/ },
      { input: { pairs: [...base, pair(9, inactive.id)] }, field: "pairs", message: /tidak ditemukan atau tidak aktif/ },
      // The Admin OPD of unit a named on unit b, the Asesor, and another agency's Admin OPD.
      { input: { pairs: base, assignees: [`${pair(4, unitB)}:${fixtures.home.userIds.ADMIN_OPD}`] }, field: "assignees", message: /Admin OPD aktif/ },
      { input: { pairs: base, assignees: [`${pair(1, unitA)}:${fixtures.home.userIds.ASESOR}`] }, field: "assignees", message: /Admin OPD aktif/ },
      { input: { pairs: base, assignees: [`${pair(1, unitA)}:${fixtures.other.userIds.ADMIN_OPD}`] }, field: "assignees", message: /Admin OPD aktif/ },
      { input: { pairs: base, assignees: [`${pair(9, unitA)}:${fixtures.home.userIds.ADMIN_OPD}`] }, field: "assignees", message: /unit yang ditugaskan/ },
      { input: { pairs: ["bukan pasangan"] }, field: "pairs.0", message: /Format penugasan/ },
    ];
    for (const { input, field, message } of cases) {
      const refused = await save(input);
      expect(refused, JSON.stringify(input)).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe("validation_failed");
      expect((refused as AppError).details).toEqual([expect.objectContaining({ field, message: expect.stringMatching(message) })]);
    }
    await expectNothingChanged(before);
  });

  it("keeps what a since-deactivated unit owns, but gives it nothing new", async () => {
    await db.unit.update({ where: { id: unitB }, data: { isActive: false } });
    expect(await save({ pairs: [...fixturePairs(fixtures, fixtures.home), pair(5, unitA)] })).not.toBeInstanceOf(AppError);
    expect(await save({ pairs: [...fixturePairs(fixtures, fixtures.home), pair(6, unitB)] })).toMatchObject({ code: "validation_failed" });
  });

  it("answers another agency's period like a missing one (404)", async () => {
    const refused = await save({ periodId: fixtures.other.periodId, pairs: fixturePairs(fixtures, fixtures.other) });
    expect((refused as AppError).status).toBe(404);
  });

  it("refuses every change in a FINAL period", async () => {
    await db.assessmentPeriod.update({ where: { id: fixtures.home.periodId }, data: { phase: "FINAL" } });
    const before = await storedPairs();
    const refused = await save({ pairs: [pair(1, unitB)] });
    expect((refused as AppError).status).toBe(409);
    expect((refused as AppError).message).toMatch(/final dan terkunci/);
    await expectNothingChanged(before);
  });
});

describe("default assignment", () => {
  it("proposes the owner units of lib/assessment/default-assignment for every indicator, and saving them assigns all", async () => {
    // Both fixture units carry "tik": the fallback makes them owners of every indicator.
    const matrix = await loadAssignmentMatrix(db, koordinator, fixtures.home.periodId);
    const indicators = matrix.groups.flatMap((group) => group.indicators);
    expect(indicators).toHaveLength(47);
    expect(indicators.find((row) => row.number === 29)!.defaultUnitIds.sort()).toEqual([unitA, unitB].sort());
    expect(matrix.groups[0]!.title).toBe("Kebijakan Internal SPBE › Kebijakan Internal Tata Kelola SPBE");
    expect(matrix.version).toBe(await currentVersion());

    // What "Terapkan penugasan bawaan" does without "timpa semua": only indicators without an owner.
    const owned = new Set(matrix.pairs.map((key) => key.split(":")[0]));
    const defaults = indicators.filter((row) => !owned.has(row.id)).flatMap((row) => row.defaultUnitIds.map((unitId) => `${row.id}:${unitId}`));
    const result = await save({ pairs: [...matrix.pairs, ...defaults], version: matrix.version });
    expect((result as { message: string }).message).toMatch(/86 ditambahkan, 0 dilepas/);
    expect(await assignedUnitIds(db, { periodId: fixtures.home.periodId, indicatorId: indicator(1) })).toEqual([unitA]);
    expect((await assignedUnitIds(db, { periodId: fixtures.home.periodId, indicatorId: indicator(47) })).sort()).toEqual([unitA, unitB].sort());
  });

  it("follows the units' functions: planning indicators to the planning unit", async () => {
    await db.unit.update({ where: { id: unitB }, data: { functions: ["perencanaan"] } });
    const matrix = await loadAssignmentMatrix(db, koordinator, fixtures.home.periodId);
    const byNumber = new Map(matrix.groups.flatMap((group) => group.indicators).map((row) => [row.number, row.defaultUnitIds]));
    expect(byNumber.get(11)).toEqual([unitB]);
    expect(byNumber.get(15)).toEqual([unitA]);
  });

  it("is the Koordinator's screen only", async () => {
    for (const role of ["ASESOR", "ADMIN_OPD", "PIMPINAN", "SUPERADMIN"] as const) {
      await expect(loadAssignmentMatrix(db, await actorFor(fixtures, role), fixtures.home.periodId)).rejects.toMatchObject({ status: 403 });
    }
    await expect(loadAssignmentMatrix(db, koordinator, fixtures.other.periodId)).rejects.toMatchObject({ status: 404 });
  });
});

describe("indicator lists", () => {
  const noFilters = ZIndicatorListFilters.parse({});

  it("gives the Admin OPD their own indicators, what needs action first, with the overdue days", async () => {
    const period = fixtures.home.periodId;
    await db.assessmentPeriod.update({ where: { id: period }, data: { fillDeadline: new Date("2026-03-01T00:00:00Z") } });
    await db.answer.createMany({
      data: [
        { periodId: period, indicatorId: indicator(1), stage: "SELF", level: "3", status: "SUBMITTED" },
        { periodId: period, indicatorId: indicator(3), stage: "SELF", level: "2", status: "NEEDS_REVISION" },
      ],
    });
    // Indicator 6 is unit b's, but names the Admin OPD of unit a: it is theirs too.
    const named = await db.assignment.create({ data: { periodId: period, indicatorId: indicator(6), unitId: unitB } });
    await db.assignmentAssignee.create({ data: { assignmentId: named.id, userId: fixtures.home.userIds.ADMIN_OPD } });

    const opd = await actorFor(fixtures, "ADMIN_OPD");
    const list = await listPeriodIndicators(db, opd, period, noFilters, new Date("2026-03-11T10:00:00Z"));
    expect(list.mode).toBe("todo");
    expect(list.rows.map((row) => [row.number, row.status])).toEqual([
      [3, "NEEDS_REVISION"],
      [2, "NONE"],
      [6, "NONE"],
      [1, "SUBMITTED"],
    ]);
    expect(list.rows.map((row) => row.daysOverdue)).toEqual([10, 10, 10, 0]);
    expect(list.rows.find((row) => row.number === 1)).toMatchObject({ level: "3", owners: [{ id: unitA }] });
  });

  it("gives the Koordinator, Asesor and Pimpinan every indicator, filtered by unit, domain and status", async () => {
    for (const role of ["KOORDINATOR", "ASESOR", "PIMPINAN"] as const) {
      const list = await listPeriodIndicators(db, await actorFor(fixtures, role), fixtures.home.periodId, noFilters);
      expect(list.mode).toBe("all");
      expect(list.rows).toHaveLength(47);
    }
    const filtered = (query: Record<string, string>) => listPeriodIndicators(db, koordinator, fixtures.home.periodId, ZIndicatorListFilters.parse(query));
    expect((await filtered({ unit: unitB })).rows.map((row) => row.number)).toEqual([4]);
    expect((await filtered({ unit: "tanpa" })).rows).toHaveLength(43);
    expect((await filtered({ domain: "D2" })).rows.map((row) => row.number)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect((await filtered({ domain: "A6", status: "NONE" })).rows.map((row) => row.number)).toEqual([29, 30, 31]);
    expect((await filtered({ status: "VERIFIED" })).rows).toHaveLength(0);
    expect((await filtered({ status: "nonsense" })).rows).toHaveLength(47);
  });

  it("shows nothing of another agency, and nothing to the superadmin", async () => {
    await expect(listPeriodIndicators(db, koordinator, fixtures.other.periodId, noFilters)).rejects.toMatchObject({ status: 404 });
    await expect(listPeriodIndicators(db, await actorFor(fixtures, "SUPERADMIN"), fixtures.home.periodId, noFilters)).rejects.toMatchObject({ status: 403 });
  });

  it("counts overdue days by the calendar in WIB", () => {
    const deadline = new Date("2025-10-31T00:00:00Z");
    expect(daysOverdue(deadline, new Date("2025-10-31T16:59:00Z"))).toBe(0); // 23:59 WIB on the day
    expect(daysOverdue(deadline, new Date("2025-10-31T17:00:00Z"))).toBe(1); // 00:00 WIB the next day
    expect(daysOverdue(deadline, new Date("2025-10-01T00:00:00Z"))).toBe(0);
  });
});
