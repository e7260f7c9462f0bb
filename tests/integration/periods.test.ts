// Assessment periods on the real database: opening (validation, one period per year),
// starting from last year (final levels, explanations, evidence links, matching by
// indicator code), the phase steps with locking and reopening, and the version token
// that refuses stale or locked changes without changing anything.
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { periodResults } from "@/lib/assessment/period-results";
import { baselineStageOf } from "@/lib/assessment/previous-period";
import { getFramework } from "@/lib/framework/catalog";
import { isIndicatorNode, type FrameworkDefinition, type FrameworkNode } from "@/lib/framework/schema";
import { importFrameworkVersion } from "@/lib/framework-versions/store";
import { PrismaClient, type AnswerStage } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, loadedPeriod, requestContext, type Fixtures } from "./fixtures";
import { asRead } from "../support/as-read";

let fixtures: Fixtures;
let koordinator: Actor;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  koordinator = await actorFor(fixtures, "KOORDINATOR");
});

async function run(command: Command, input: unknown, actor: Actor = koordinator) {
  try {
    return asRead(await executeCommand(db, command, actor, requestContext, input));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

function refusal(outcome: unknown): AppError {
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
}

const fieldsOf = (error: AppError) => Object.fromEntries(error.details.map((detail) => [detail.field, detail.message]));

const openInput = (overrides: Record<string, unknown> = {}) => ({
  year: "2027",
  frameworkVersionId: fixtures.framework.versionId,
  predicateBasis: "EXACT",
  targetIndex: "",
  fillDeadline: "",
  verifyDeadline: "",
  submitDeadline: "",
  objectionDeadline: "",
  // spbe-2020 is in force for 2021-2025; these tests open 2027 on it knowingly.
  confirmFramework: "true",
  ...overrides,
});

const periodOf = (year: number) => db.assessmentPeriod.findUniqueOrThrow({ where: { instansiId_year: { instansiId: fixtures.home.instansiId, year } } });

describe("opening a period", () => {
  it("opens in Persiapan with its settings and an audit record", async () => {
    const result = await run(COMMANDS.openPeriod, openInput({ predicateBasis: "ROUNDED", targetIndex: "3,50", fillDeadline: "2027-08-31", verifyDeadline: "2027-09-30", submitDeadline: "2027-09-30" }));
    expect(result).toMatchObject({ message: "Periode 2027 dibuka pada tahap Persiapan." });
    const period = await periodOf(2027);
    expect(period).toMatchObject({ phase: "PERSIAPAN", predicateBasis: "ROUNDED", version: 1, baselinePeriodId: null, frameworkVersionId: fixtures.framework.versionId });
    expect(period.targetIndex?.toString()).toBe("3.5");
    expect(period.fillDeadline?.toISOString()).toBe("2027-08-31T00:00:00.000Z");
    expect(period.objectionDeadline).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "period.open" } });
    expect(audit).toMatchObject({ entityId: period.id, instansiId: fixtures.home.instansiId, actorId: koordinator.userId });
    expect(audit.after).toMatchObject({ year: 2027, predicateBasis: "ROUNDED", targetIndex: "3.50", fillDeadline: "2027-08-31T00:00:00.000Z" });
  });

  it("reports every invalid field in Bahasa Indonesia and creates nothing", async () => {
    const refused = refusal(
      await run(COMMANDS.openPeriod, openInput({ year: "2017", predicateBasis: "KIRA-KIRA", targetIndex: "5,5", fillDeadline: "2027-09-30", verifyDeadline: "2027-09-01", submitDeadline: "2027-02-30" })),
    );
    expect(refused.code).toBe("validation_failed");
    expect(fieldsOf(refused)).toEqual({
      year: "Tahun harus bilangan bulat antara 2018 dan 2100.",
      predicateBasis: "Pilih dasar predikat.",
      targetIndex: "Target indeks berupa angka 1 sampai 5 dengan paling banyak 2 desimal, mis. 3,50.",
      verifyDeadline: "Tidak boleh sebelum tenggat pengisian.",
      submitDeadline: "Tanggal tidak valid.",
    });
    expect(fieldsOf(refusal(await run(COMMANDS.openPeriod, openInput({ year: "2101" }))))).toHaveProperty("year");
    expect(fieldsOf(refusal(await run(COMMANDS.openPeriod, openInput({ year: "dua ribu" }))))).toHaveProperty("year");
    // Order holds across a gap: submission before filling is refused even without a verification date.
    expect(fieldsOf(refusal(await run(COMMANDS.openPeriod, openInput({ fillDeadline: "2027-09-30", submitDeadline: "2027-09-29" }))))).toEqual({
      submitDeadline: "Tidak boleh sebelum tenggat pengisian.",
    });
    expect(await db.assessmentPeriod.count()).toBe(2);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("allows one period per instansi and year, refused on the year field; another agency may use the year", async () => {
    const refused = refusal(await run(COMMANDS.openPeriod, openInput({ year: "2026" })));
    expect(fieldsOf(refused)).toEqual({ year: "Periode tahun ini sudah ada di instansi Anda." });
    expect(await db.assessmentPeriod.count({ where: { instansiId: fixtures.home.instansiId } })).toBe(1);

    await db.assessmentPeriod.create({ data: { instansiId: fixtures.other.instansiId, year: 2027, frameworkVersionId: fixtures.framework.versionId } });
    expect(await run(COMMANDS.openPeriod, openInput({ year: "2027" }))).not.toBeInstanceOf(AppError);
  });

  it("refuses an unknown framework version and a baseline when there is no earlier period", async () => {
    expect(fieldsOf(refusal(await run(COMMANDS.openPeriod, openInput({ frameworkVersionId: "tidak-ada" }))))).toEqual({ frameworkVersionId: "Pilih kerangka penilaian." });
    expect(fieldsOf(refusal(await run(COMMANDS.openPeriod, openInput({ year: "2025", baseline: "true" }))))).toEqual({
      baseline: "Belum ada periode sebelum tahun ini yang dapat dijadikan dasar.",
    });
    expect(await db.assessmentPeriod.count({ where: { instansiId: fixtures.home.instansiId } })).toBe(1);
  });
});

describe("starting from last year", () => {
  async function answer(periodId: string, number: number, stage: AnswerStage, level: string, explanation: string, evidenceIds: string[] = []) {
    return db.answer.create({
      data: {
        periodId,
        indicatorId: fixtures.framework.indicatorIds[number]!,
        stage,
        level,
        explanation,
        status: stage === "SELF" ? "SUBMITTED" : "RECORDED",
        evidence: { create: evidenceIds.map((evidenceId) => ({ evidenceId })) },
      },
    });
  }

  async function evidence(title: string, deleted = false) {
    return db.evidence.create({
      data: { instansiId: fixtures.home.instansiId, kind: "LINK", title, url: `https://jdih.rumah.go.id/${encodeURIComponent(title)}`, deletedAt: deleted ? new Date() : null },
    });
  }

  /** Last year's results in the fixture's 2026 period, and an older 2025 period that must not be used. */
  async function lastYear() {
    const periodId = fixtures.home.periodId;
    const perbup = await evidence("Perbup 12/2023 Arsitektur SPBE");
    const withdrawn = await evidence("Draf yang ditarik", true);
    const sop = await evidence("SOP Layanan TIK");
    // 1: the external final result wins over verification and the owner's level.
    await answer(periodId, 1, "SELF", "3", "Fakta: Perbup 12/2023. Analisis: kriteria 1-3 terpenuhi.", [perbup.id, withdrawn.id]);
    await answer(periodId, 1, "INTERNAL_VERIFICATION", "4", "Catatan asesor internal");
    await answer(periodId, 1, "FINAL", "2", "Catatan asesor eksternal");
    // 2: verification wins over the owner's level.
    await answer(periodId, 2, "SELF", "3", "Penjelasan indikator 2", [sop.id]);
    await answer(periodId, 2, "INTERNAL_VERIFICATION", "4", "Catatan verifikasi 2");
    // 3: only the owner's level.
    await answer(periodId, 3, "SELF", "5", "Penjelasan indikator 3");
    // 5: a level the scale does not allow (stored before validation existed) is left out.
    await answer(periodId, 5, "SELF", "6", "Tingkat yang mustahil");
    const older = await db.assessmentPeriod.create({ data: { instansiId: fixtures.home.instansiId, year: 2025, frameworkVersionId: fixtures.framework.versionId } });
    await answer(older.id, 6, "SELF", "4", "Jawaban 2025 yang tidak boleh terbawa");
    return { perbup, sop, withdrawn };
  }

  async function copiedAnswers(periodId: string) {
    const answers = await db.answer.findMany({
      where: { periodId },
      include: { indicator: { select: { code: true, number: true } }, evidence: { select: { evidenceId: true } }, levelChanges: true },
    });
    return new Map(answers.map((row) => [row.indicator.code, row]));
  }

  it("copies the final level, the owner's explanation and evidence links, each needing confirmation", async () => {
    const { perbup, sop } = await lastYear();
    const result = await run(COMMANDS.openPeriod, openInput({ baseline: "true" }));
    expect(result).toMatchObject({
      message:
        "Periode 2027 dibuka dari periode 2026: 3 jawaban dan 4 penugasan disalin; jawaban perlu dikonfirmasi pemiliknya. Periode 2026 belum final (tahap Pengisian): yang disalin adalah keadaannya saat ini, bukan hasil akhir.",
    });

    const period = await periodOf(2027);
    expect(period.baselinePeriodId).toBe(fixtures.home.periodId);
    // The overview names the stage the copy was taken in, even after the baseline is locked.
    expect(await baselineStageOf(db, period)).toBe("PENGISIAN");
    await db.assessmentPeriod.update({ where: { id: fixtures.home.periodId }, data: { phase: "FINAL", lockedAt: new Date() } });
    expect(await baselineStageOf(db, period)).toBe("PENGISIAN");
    const answers = await copiedAnswers(period.id);
    expect([...answers.keys()].sort()).toEqual(["I1", "I2", "I3"]);
    for (const copy of answers.values()) {
      expect(copy).toMatchObject({ stage: "SELF", status: "NEEDS_CONFIRMATION", version: 1, updatedById: koordinator.userId, submittedAt: null });
      expect(copy.levelChanges).toEqual([expect.objectContaining({ fromLevel: null, reason: "Disalin dari periode 2026 (mulai dari tahun lalu)", actorId: koordinator.userId })]);
    }
    expect(answers.get("I1")!.level?.toString()).toBe("2");
    expect(answers.get("I1")!.explanation).toBe("Fakta: Perbup 12/2023. Analisis: kriteria 1-3 terpenuhi.");
    expect(answers.get("I1")!.evidence).toEqual([{ evidenceId: perbup.id }]);
    expect(answers.get("I2")!.level?.toString()).toBe("4");
    expect(answers.get("I2")!.evidence).toEqual([{ evidenceId: sop.id }]);
    expect(answers.get("I3")!.level?.toString()).toBe("5");
    expect(answers.get("I3")!.evidence).toEqual([]);

    // The carried-over documents wait for confirmation in the new period.
    const carried = await db.evidencePeriod.findMany({ where: { periodId: period.id } });
    expect(carried.map((row) => row.evidenceId).sort()).toEqual([perbup.id, sop.id].sort());
    expect(carried.every((row) => row.confirmedAt === null)).toBe(true);

    const assignments = await db.assignment.findMany({ where: { periodId: period.id }, include: { indicator: { select: { number: true } } } });
    expect(assignments.map((row) => [row.indicator.number, row.unitId]).sort()).toEqual([
      [1, fixtures.home.unitIds[0]],
      [2, fixtures.home.unitIds[0]],
      [3, fixtures.home.unitIds[0]],
      [4, fixtures.home.unitIds[1]],
    ]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "period.open" } });
    expect(audit.after).toMatchObject({ baselinePeriodId: fixtures.home.periodId, copied: { answers: 3, assignments: 4, evidenceLinks: 2, skippedOutOfScale: 1 } });

    // The overview counts them apart from the owners' own answers, and the self index includes them.
    const results = await periodResults(db, await loadedPeriod(fixtures, period.id));
    expect(results!.total).toMatchObject({ indicators: 47, assigned: 4, answered: 0, needsConfirmation: 3, submitted: 0, verified: 0 });
    expect(results!.open).toBe(4);
    expect(results!.stages.map((stage) => stage.stage)).toEqual(["SELF", "INTERNAL_VERIFICATION"]);
    expect(results!.stages[0]!.score.answeredCount).toBe(3);
    expect(results!.units.find((unit) => unit.unitId === fixtures.home.unitIds[0])).toMatchObject({ assigned: 3, needsConfirmation: 3 });
  });

  it("matches indicators by code when the new period uses another framework version", async () => {
    await lastYear();
    // A revision that renumbers every indicator and renames one code: numbers must not be trusted across versions.
    const spbe = getFramework("spbe-2020")!;
    const renumber = (node: FrameworkNode): FrameworkNode =>
      isIndicatorNode(node)
        ? { ...node, number: 48 - node.number, code: node.code === "I3" ? "I3-REV" : node.code }
        : { ...node, children: node.children.map(renumber) };
    const revision: FrameworkDefinition = { ...spbe, nodes: spbe.nodes.map(renumber) };
    const imported = await importFrameworkVersion(db, revision, { notes: "revisi uji" });
    expect(imported.version).toBe(2);

    expect(await run(COMMANDS.openPeriod, openInput({ frameworkVersionId: imported.id, baseline: "true" }))).not.toBeInstanceOf(AppError);
    const period = await periodOf(2027);
    const answers = await copiedAnswers(period.id);
    expect([...answers.keys()].sort()).toEqual(["I1", "I2"]);
    expect(answers.get("I1")!.indicator.number).toBe(47);
    expect(answers.get("I1")!.level?.toString()).toBe("2");
    const nodes = await db.frameworkNode.findMany({ where: { id: { in: [...answers.values()].map((row) => row.indicatorId) } } });
    expect(nodes.every((node) => node.versionId === imported.id)).toBe(true);
    const assignments = await db.assignment.findMany({ where: { periodId: period.id }, include: { indicator: { select: { code: true, versionId: true } } } });
    expect(assignments.map((row) => row.indicator.code).sort()).toEqual(["I1", "I2", "I4"]);
    expect(assignments.every((row) => row.indicator.versionId === imported.id)).toBe(true);
  });

  it("asks for confirmation before opening a year on a framework not in force for it, and creates nothing without it", async () => {
    const refused = refusal(await run(COMMANDS.openPeriod, openInput({ confirmFramework: "false" })));
    expect(fieldsOf(refused)).toEqual({
      confirmFramework: "Indeks SPBE (PermenPANRB 59/2020) berlaku untuk tahun 2021, 2022, 2023, 2024, 2025, bukan 2027. Centang konfirmasi bila memang ingin memakainya.",
    });
    expect(await db.assessmentPeriod.count({ where: { year: 2027 } })).toBe(0);
    expect(await run(COMMANDS.openPeriod, openInput())).not.toBeInstanceOf(AppError);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "period.open" } });
    expect(audit.after).toMatchObject({ frameworkNotInForce: true });
  });
});

describe("phases, locking and reopening", () => {
  const periodId = () => fixtures.home.periodId;
  const stored = () => db.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId() } });

  it("moves one step at a time, says how much is still open, locks and reopens with a reason, all audited", async () => {
    const toVerification = await run(COMMANDS.advancePeriodPhase, { periodId: periodId(), version: "1" });
    expect(toVerification).toMatchObject({ message: "Periode 2026 sekarang pada tahap Verifikasi; 4 indikator belum dikirim." });
    expect(await stored()).toMatchObject({ phase: "VERIFIKASI", version: 2, lockedAt: null });

    expect(await run(COMMANDS.advancePeriodPhase, { periodId: periodId(), version: "2" })).toMatchObject({ message: "Periode 2026 dikunci: hasilnya final." });
    const locked = await stored();
    expect(locked).toMatchObject({ phase: "FINAL", version: 3, lockedById: koordinator.userId });
    expect(locked.lockedAt).toBeInstanceOf(Date);

    const beyond = refusal(await run(COMMANDS.advancePeriodPhase, { periodId: periodId(), version: "3" }));
    expect([beyond.status, beyond.message]).toEqual([409, expect.stringMatching(/final dan terkunci/)]);

    const noReason = refusal(await run(COMMANDS.reopenPeriod, { periodId: periodId(), version: "3", reason: "salah" }));
    expect(fieldsOf(noReason)).toEqual({ reason: "Tuliskan alasan membuka kembali, 10 sampai 1.000 karakter." });
    expect((await stored()).phase).toBe("FINAL");

    expect(await run(COMMANDS.reopenPeriod, { periodId: periodId(), version: "3", reason: "Hasil visitasi dikoreksi oleh KemenPANRB." })).toMatchObject({
      message: "Periode 2026 dibuka kembali ke tahap Verifikasi.",
    });
    expect(await stored()).toMatchObject({ phase: "VERIFIKASI", version: 4, lockedAt: null, lockedById: null });

    const notFinal = refusal(await run(COMMANDS.reopenPeriod, { periodId: periodId(), version: "4", reason: "Sekali lagi dibuka kembali." }));
    expect([notFinal.status, notFinal.message]).toEqual([409, "Hanya periode final yang dapat dibuka kembali."]);

    const audit = await db.auditLog.findMany({ where: { entityId: periodId() }, orderBy: { id: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["period.advance", "period.lock", "period.reopen"]);
    expect(audit[0]).toMatchObject({ before: { phase: "PENGISIAN", version: 1 }, after: { phase: "VERIFIKASI", version: 2, openIndicators: 4 } });
    expect(audit[1]).toMatchObject({ before: { phase: "VERIFIKASI" }, after: { phase: "FINAL", lockedById: koordinator.userId } });
    expect(audit[2]).toMatchObject({ before: { phase: "FINAL", lockedById: koordinator.userId }, after: { phase: "VERIFIKASI", reason: "Hasil visitasi dikoreksi oleh KemenPANRB." } });
  });

  it("saves settings with the version shown, and refuses a stale version with 409, changing nothing", async () => {
    const settings = { periodId: periodId(), predicateBasis: "ROUNDED", targetIndex: "3,25", fillDeadline: "2026-10-31", verifyDeadline: "2026-11-28", submitDeadline: "", objectionDeadline: "" };
    expect(await run(COMMANDS.updatePeriod, { ...settings, version: "1" })).toMatchObject({ message: "Pengaturan periode 2026 disimpan." });
    const saved = await stored();
    expect(saved).toMatchObject({ predicateBasis: "ROUNDED", version: 2 });
    expect(saved.targetIndex?.toString()).toBe("3.25");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "period.update" } });
    expect(audit).toMatchObject({ before: { predicateBasis: "EXACT", targetIndex: null, version: 1 }, after: { predicateBasis: "ROUNDED", targetIndex: "3.25", version: 2 } });

    // Somebody else's form still shows version 1.
    const auditCount = await db.auditLog.count();
    for (const [command, input] of [
      [COMMANDS.updatePeriod, { ...settings, predicateBasis: "EXACT", targetIndex: "", version: "1" }],
      [COMMANDS.advancePeriodPhase, { periodId: periodId(), version: "1" }],
    ] as const) {
      const refused = refusal(await run(command, input));
      expect([refused.status, refused.message]).toEqual([409, "Periode telah diubah oleh pengguna lain. Muat ulang halaman."]);
    }
    expect(await stored()).toEqual(saved);
    expect(await db.auditLog.count()).toBe(auditCount);
  });

  it("lets only one of two simultaneous changes with the same version through", async () => {
    const outcomes = await Promise.all([
      run(COMMANDS.advancePeriodPhase, { periodId: periodId(), version: "1" }),
      run(COMMANDS.advancePeriodPhase, { periodId: periodId(), version: "1" }),
    ]);
    expect(outcomes.filter((outcome) => outcome instanceof AppError).map((outcome) => (outcome as AppError).status)).toEqual([409]);
    expect(await stored()).toMatchObject({ phase: "VERIFIKASI", version: 2 });
    expect(await db.auditLog.count({ where: { action: "period.advance" } })).toBe(1);
  });

  it("a Final period refuses new settings with 409 and stays exactly as it was", async () => {
    await db.assessmentPeriod.update({ where: { id: periodId() }, data: { phase: "FINAL", lockedAt: new Date(), lockedById: koordinator.userId } });
    const before = await stored();
    const refused = refusal(await run(COMMANDS.updatePeriod, { periodId: periodId(), version: "1", predicateBasis: "ROUNDED", targetIndex: "4" }));
    expect([refused.status, refused.message]).toEqual([409, expect.stringMatching(/final dan terkunci/)]);
    expect(await stored()).toEqual(before);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("checks the deadline order on update too", async () => {
    const refused = refusal(await run(COMMANDS.updatePeriod, { periodId: periodId(), version: "1", predicateBasis: "EXACT", verifyDeadline: "2026-11-28", submitDeadline: "2026-11-01" }));
    expect(fieldsOf(refused)).toEqual({ submitDeadline: "Tidak boleh sebelum tenggat verifikasi." });
  });

  it("another agency's period answers like a missing one", async () => {
    for (const id of [fixtures.other.periodId, "tidak-ada"]) {
      const refused = refusal(await run(COMMANDS.advancePeriodPhase, { periodId: id, version: "1" }));
      expect(refused.status).toBe(404);
    }
    expect((await db.assessmentPeriod.findUniqueOrThrow({ where: { id: fixtures.other.periodId } })).phase).toBe("PENGISIAN");
  });
});

describe("period results", () => {
  it("take the same number of queries for one unit and indicator as for many", async () => {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL!, max: 2 }), log: [{ emit: "event", level: "query" }] });
    let queries = 0;
    client.$on("query", () => {
      queries += 1;
    });
    const countFor = async (periodId: string) => {
      queries = 0;
      const results = await periodResults(client, await loadedPeriod(fixtures, periodId));
      return { queries, units: results!.units.length };
    };
    try {
      const small = await db.assessmentPeriod.create({
        data: {
          instansiId: fixtures.home.instansiId,
          year: 2024,
          frameworkVersionId: fixtures.framework.versionId,
          assignments: { create: { indicatorId: fixtures.framework.indicatorIds[1]!, unitId: fixtures.home.unitIds[0] } },
        },
      });
      const units = await Promise.all(
        Array.from({ length: 6 }, (_, index) => db.unit.create({ data: { instansiId: fixtures.home.instansiId, code: `unit-${index}`, name: `Unit ${index}` } })),
      );
      await db.assignment.createMany({
        data: units.flatMap((unit, index) => Array.from({ length: 7 }, (_, offset) => ({ periodId: fixtures.home.periodId, indicatorId: fixtures.framework.indicatorIds[index * 7 + offset + 1]!, unitId: unit.id }))),
      });
      await db.answer.createMany({
        data: Array.from({ length: 40 }, (_, index) => ({ periodId: fixtures.home.periodId, indicatorId: fixtures.framework.indicatorIds[index + 1]!, stage: "SELF" as const, level: "3", status: "SUBMITTED" as const })),
      });
      await periodResults(client, await loadedPeriod(fixtures, small.id)); // the framework version is in memory from now on, for both counts
      const one = await countFor(small.id);
      const many = await countFor(fixtures.home.periodId);
      expect([one.units, many.units]).toEqual([1, 8]);
      expect(one.queries).toBeGreaterThan(0);
      expect(many.queries).toBe(one.queries);
    } finally {
      await client.$disconnect();
    }
  });
});
