// Indicator lineage on the real database. spbe-2020 and pemdi-2026 both number their
// indicators I1...; only the declared crosswalk relates them. The pemdi-2026 indicator form
// shows the mapped SPBE indicators as labelled context and never an SPBE answer as its own
// history; recommendations follow the same lineage; opening 2026 on pemdi-2026 after an
// SPBE year carries over assignments and evidence candidates, never levels; a carry-over
// into a period that already has answers is refused and changes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { loadIndicatorView } from "@/lib/assessment/indicator-view";
import { getFramework } from "@/lib/framework/catalog";
import type { Actor } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";
import { asRead } from "../support/as-read";

let fixtures: Fixtures;
let koordinator: Actor;
let spbe2025: string;
let pemdiVersionId: string;
let pemdiIndicator: Record<string, string>;

const spbeIndicator = (number: number) => fixtures.framework.indicatorIds[number]!;

async function run(command: Command, input: unknown, actor: Actor = koordinator) {
  try {
    return asRead(await executeCommand(db, command, actor, requestContext, input));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

async function spbeAnswer(number: number, stage: "SELF" | "INTERNAL_VERIFICATION" | "FINAL", level: string, explanation: string, evidenceIds: string[] = []) {
  await db.answer.create({
    data: { periodId: spbe2025, indicatorId: spbeIndicator(number), stage, level, explanation, status: stage === "SELF" ? "VERIFIED" : "RECORDED", evidence: { create: evidenceIds.map((evidenceId) => ({ evidenceId })) } },
  });
}

const evidence = (title: string, unitId: string) =>
  db.evidence.create({ data: { instansiId: fixtures.home.instansiId, ownerUnitId: unitId, kind: "LINK", title, url: `https://jdih.rumah.go.id/${encodeURIComponent(title)}` } });

const openPemdi2026 = (overrides: Record<string, string> = {}) =>
  run(COMMANDS.openPeriod, { year: "2026", frameworkVersionId: pemdiVersionId, predicateBasis: "EXACT", baseline: "true", ...overrides });

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  koordinator = await actorFor(fixtures, "KOORDINATOR");
  // The fixture's spbe-2020 period becomes the locked 2025 result (indicators 1-3 on unit a, 4 on unit b).
  spbe2025 = fixtures.home.periodId;
  await db.assessmentPeriod.update({ where: { id: spbe2025 }, data: { year: 2025, phase: "FINAL", lockedAt: new Date() } });
  const pemdi = await db.frameworkVersion.findFirstOrThrow({ where: { framework: { code: "pemdi-2026" } }, orderBy: { version: "desc" }, include: { nodes: { where: { kind: "INDICATOR" } } } });
  pemdiVersionId = pemdi.id;
  pemdiIndicator = Object.fromEntries(pemdi.nodes.map((node) => [node.code, node.id]));
});

/**
 * 2025: SPBE I11 (Arsitektur SPBE, on unit b with a named person), which feeds pemdi I1,
 * and SPBE I5 (Kebijakan Internal Layanan Publik), which feeds no pemdi indicator. SPBE I1
 * also feeds pemdi I1 by the crosswalk, but it is a different indicator.
 */
async function spbeYear() {
  const arsitektur = await evidence("Perbup 5/2024 Arsitektur SPBE", fixtures.home.unitIds[1]);
  const unmapped = await evidence("Perbup 9/2022 Kebijakan Layanan Publik", fixtures.home.unitIds[0]);
  await db.assignment.create({
    data: { periodId: spbe2025, indicatorId: spbeIndicator(11), unitId: fixtures.home.unitIds[1], assignees: { create: { userId: fixtures.home.userIds.ADMIN_OPD } } },
  });
  await db.assignment.create({ data: { periodId: spbe2025, indicatorId: spbeIndicator(5), unitId: fixtures.home.unitIds[0] } });
  await spbeAnswer(5, "SELF", "4", "Kebijakan internal layanan publik sudah ditetapkan.", [unmapped.id]);
  await spbeAnswer(11, "SELF", "3", "Dokumen Arsitektur SPBE 2024-2028 ditetapkan dengan Perbup.", [arsitektur.id]);
  await spbeAnswer(11, "FINAL", "2", "Catatan asesor eksternal");
  await db.recommendation.create({ data: { periodId: spbe2025, indicatorId: spbeIndicator(5), source: "EXTERNAL", text: "Rekomendasi untuk SPBE I5", status: "OPEN" } });
  await db.recommendation.create({ data: { periodId: spbe2025, indicatorId: spbeIndicator(11), source: "EXTERNAL", text: "Mutakhirkan Arsitektur SPBE (SPBE I11)", status: "OPEN" } });
  return { arsitektur, unmapped };
}

const periodOf = (year: number) => db.assessmentPeriod.findUniqueOrThrow({ where: { instansiId_year: { instansiId: fixtures.home.instansiId, year } } });

describe("indicator lineage across frameworks", () => {
  it("pemdi I1 shows the mapped SPBE indicators as labelled context, not as its own last year's answer", async () => {
    await spbeYear();
    expect(await openPemdi2026({ baseline: "false", confirmFramework: "false" })).not.toBeInstanceOf(AppError);
    const period = await periodOf(2026);

    const view = (await loadIndicatorView(db, koordinator, period.id, 1))!;
    expect(view.previous?.kind).toBe("mapped");
    if (view.previous?.kind !== "mapped") return;
    expect(view.previous.frameworkName).toBe("Indeks SPBE (PermenPANRB 59/2020)");
    const byCode = new Map(view.previous.indicators.map((indicator) => [indicator.code, indicator]));
    expect([...byCode.keys()].sort()).toEqual(["I1", "I10", "I11", "I12", "I13", "I2"]);
    expect(byCode.get("I11")).toMatchObject({ number: 11, name: "Tingkat Kematangan Arsitektur SPBE Instansi Pusat/Pemerintah Daerah", level: "2", stage: "FINAL", explanation: "Dokumen Arsitektur SPBE 2024-2028 ditetapkan dengan Perbup." });
    expect(byCode.get("I12")).toMatchObject({ level: null, stage: null });
    expect(byCode.get("I1")).toMatchObject({ name: "Tingkat Kematangan Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah", relation: "kebijakan pendahulu" });

    // The previous period's recommendations follow the same lineage, labelled with their indicator.
    expect(view.recommendations.previous).toMatchObject({ year: 2025, frameworkName: "Indeks SPBE (PermenPANRB 59/2020)" });
    expect(view.recommendations.previous!.items.map((item) => [item.indicator.number, item.text])).toEqual([[11, "Mutakhirkan Arsitektur SPBE (SPBE I11)"]]);
  });

  it("no pemdi-2026 indicator ever gets an SPBE answer as its own history, and every context is in the crosswalk", async () => {
    await spbeYear();
    for (const number of [2, 3, 4]) await spbeAnswer(number, "SELF", "3", `Jawaban SPBE indikator ${number}`);
    await openPemdi2026({ baseline: "false" });
    const period = await periodOf(2026);
    const crosswalk = getFramework("pemdi-2026")!.mappings!.find((mapping) => mapping.framework === "spbe-2020")!;
    for (let number = 1; number <= 20; number += 1) {
      const view = (await loadIndicatorView(db, koordinator, period.id, number))!;
      expect(view.previous?.kind, `pemdi I${number}`).not.toBe("same");
      const mapped = view.previous?.kind === "mapped" ? view.previous.indicators.map((indicator) => indicator.code).sort() : [];
      const declared = crosswalk.indicators.filter((link) => link.indicator === `I${number}`).map((link) => link.source).sort();
      expect(mapped, `pemdi I${number}`).toEqual(declared);
    }
  });

  it("within one framework the same indicator's answers are last year's answer", async () => {
    await spbeYear();
    expect(await run(COMMANDS.openPeriod, { year: "2026", frameworkVersionId: fixtures.framework.versionId, predicateBasis: "EXACT", confirmFramework: "true" })).not.toBeInstanceOf(AppError);
    const period = await periodOf(2026);
    await db.assignment.create({ data: { periodId: period.id, indicatorId: spbeIndicator(11), unitId: fixtures.home.unitIds[1] } });
    const view = (await loadIndicatorView(db, koordinator, period.id, 11))!;
    expect(view.previous?.kind).toBe("same");
    if (view.previous?.kind !== "same") return;
    expect(view.previous.answers.map((answer) => [answer.stage, answer.level?.toString()]).sort()).toEqual([["FINAL", "2"], ["SELF", "3"]]);
    expect(view.recommendations.previous).toMatchObject({ frameworkName: null });
    expect(view.recommendations.previous!.items.map((item) => item.text)).toEqual(["Mutakhirkan Arsitektur SPBE (SPBE I11)"]);
  });
});

describe("starting 2026 from the last SPBE year", () => {
  it("carries over owner units, people and evidence candidates through the mapping, never levels or explanations", async () => {
    const { arsitektur, unmapped } = await spbeYear();
    const result = await openPemdi2026();
    expect(result).toMatchObject({ message: expect.stringContaining("Periode 2026 dibuka dengan bawaan dari periode 2025 (Indeks SPBE (PermenPANRB 59/2020))") });
    const period = await periodOf(2026);
    expect(period.baselinePeriodId).toBe(spbe2025);
    expect(await db.answer.count({ where: { periodId: period.id } })).toBe(0);

    const assignments = await db.assignment.findMany({ where: { periodId: period.id }, include: { indicator: { select: { code: true } }, assignees: true } });
    const i1 = assignments.filter((row) => row.indicator.code === "I1");
    // pemdi I1 draws on SPBE I1, I2 (unit a), I11 (unit b, with its person), I10, I12, I13.
    expect(i1.map((row) => row.unitId).sort()).toEqual([...fixtures.home.unitIds].sort());
    expect(i1.find((row) => row.unitId === fixtures.home.unitIds[1])!.assignees.map((assignee) => assignee.userId)).toEqual([fixtures.home.userIds.ADMIN_OPD]);
    // Unit a held SPBE I1, I2 (-> pemdi I1), I3 (-> pemdi I5) and I5 (feeds nothing); unit b SPBE I4 (-> pemdi I13) and I11 (-> pemdi I1).
    const [a, b] = fixtures.home.unitIds;
    expect(assignments.map((row) => `${row.indicator.code}/${row.unitId}`).sort()).toEqual([`I1/${a}`, `I1/${b}`, `I13/${b}`, `I5/${a}`].sort());

    const candidates = await db.evidenceCandidate.findMany({ where: { periodId: period.id }, include: { indicator: { select: { code: true } } } });
    expect(candidates.map((candidate) => [candidate.indicator.code, candidate.evidenceId, candidate.sourceCode])).toEqual([["I1", arsitektur.id, "I11"]]);
    expect(candidates.some((candidate) => candidate.evidenceId === unmapped.id)).toBe(false);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "period.open", entityId: period.id } });
    expect(audit.after).toMatchObject({ baselinePeriodId: spbe2025, baselinePhase: "FINAL", carried: { assignments: 4, evidenceCandidates: 1 } });
  });

  it("a carry-over into a period that already has answers is refused with a specific message and changes nothing", async () => {
    await spbeYear();
    await openPemdi2026({ baseline: "false" });
    const period = await periodOf(2026);
    await db.answer.create({ data: { periodId: period.id, indicatorId: pemdiIndicator.I5!, stage: "SELF", level: "2.5", status: "DRAFT" } });
    const before = { assignments: await db.assignment.count({ where: { periodId: period.id } }), audits: await db.auditLog.count() };

    const refused = await run(COMMANDS.carryOverPeriod, { periodId: period.id, version: String(period.version) });
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toBe("Periode 2026 sudah memiliki 1 jawaban; bawaan dari periode sebelumnya hanya untuk periode yang belum diisi. Tidak ada yang diubah.");
    expect(await db.assignment.count({ where: { periodId: period.id } })).toBe(before.assignments);
    expect(await db.evidenceCandidate.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(before.audits);
    expect((await periodOf(2026)).baselinePeriodId).toBeNull();
  });

  it("an open period without answers takes the carry-over later, once", async () => {
    await spbeYear();
    await openPemdi2026({ baseline: "false" });
    const period = await periodOf(2026);
    const outcome = await run(COMMANDS.carryOverPeriod, { periodId: period.id, version: String(period.version) });
    expect(outcome).toMatchObject({ message: expect.stringContaining("Periode 2026 mendapat bawaan dari periode 2025") });
    expect(await db.evidenceCandidate.count({ where: { periodId: period.id } })).toBe(1);
    expect((await periodOf(2026)).baselinePeriodId).toBe(spbe2025);
  });
});
