// External stages on the real database: the Koordinator records a whole stage in one
// command (levels on the framework's scale, a version per row, a LevelChange per level
// change, one audit record), only in the Verifikasi phase; the sanggah list and the
// objection deadline.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { loadExternalResults } from "@/lib/assessment/external-results";
import type { AnswerStage, PeriodPhase } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { prepareExternalStages } from "./external-fixtures";
import { actorFor, createFixtures, loadedPeriod, requestContext, type Fixtures } from "./fixtures";
import { asRead } from "../support/as-read";

let fixtures: Fixtures;
let koordinator: Actor;
let periodId: string;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  koordinator = await actorFor(fixtures, "KOORDINATOR");
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

type Entry = { level?: string; notes?: string; version?: number };

/** The fields the stage form sends, per indicator number. */
function stageInput(stage: AnswerStage, entries: Record<number, Entry>, period = periodId) {
  const fields: Record<string, string> = { periodId: period, stage };
  for (const [number, entry] of Object.entries(entries)) {
    fields[`version-${number}`] = String(entry.version ?? 0);
    fields[`level-${number}`] = entry.level ?? "";
    fields[`notes-${number}`] = entry.notes ?? "";
  }
  return fields;
}

const setPhase = (phase: PeriodPhase) => db.assessmentPeriod.update({ where: { id: periodId }, data: { phase } });

const stageRows = (stage: AnswerStage) =>
  db.answer.findMany({ where: { periodId, stage }, include: { indicator: { select: { number: true } } }, orderBy: { indicator: { number: "asc" } } });

async function answer(number: number, stage: AnswerStage, level: string | null) {
  await db.answer.create({ data: { periodId, indicatorId: fixtures.framework.indicatorIds[number]!, stage, level, status: stage === "SELF" ? "SUBMITTED" : "RECORDED" } });
}

const auditCount = () => db.auditLog.count({ where: { action: "external-result.record" } });

describe("recording a stage", () => {
  beforeEach(() => setPhase("VERIFIKASI"));

  it("stores the levels and notes of many indicators at once, with a LevelChange per level and one audit record", async () => {
    const result = await run(COMMANDS.recordExternalStage, stageInput("DOCUMENT", { 1: { level: "3" }, 2: { level: "2", notes: "Bukti reviu belum ada." }, 3: {} }));
    expect(result).toMatchObject({ message: "Hasil tahap Dokumen disimpan: 2 indikator berubah." });

    const rows = await stageRows("DOCUMENT");
    expect(rows.map((row) => [row.indicator.number, row.level?.toString(), row.explanation, row.status, row.version, row.updatedById])).toEqual([
      [1, "3", null, "RECORDED", 1, koordinator.userId],
      [2, "2", "Bukti reviu belum ada.", "RECORDED", 1, koordinator.userId],
    ]);
    const changes = await db.levelChange.findMany({ where: { answerId: { in: rows.map((row) => row.id) } }, orderBy: { toLevel: "asc" } });
    expect(changes.map((change) => [change.fromLevel, change.toLevel?.toString(), change.reason, change.actorId])).toEqual([
      [null, "2", "Hasil tahap Dokumen", koordinator.userId],
      [null, "3", "Hasil tahap Dokumen", koordinator.userId],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "external-result.record" } });
    expect(audit).toMatchObject({ entityType: "AssessmentPeriod", entityId: periodId, instansiId: fixtures.home.instansiId, actorId: koordinator.userId });
    expect(audit.after).toMatchObject({ stage: "DOCUMENT", indicators: { 1: { level: "3.00" }, 2: { level: "2.00", notes: "Bukti reviu belum ada." } } });
  });

  it("changes and clears levels with the version it showed; unchanged rows are left alone", async () => {
    await run(COMMANDS.recordExternalStage, stageInput("INTERVIEW", { 1: { level: "3" }, 2: { level: "2" }, 3: { level: "4", notes: "Sesuai." } }));
    const result = await run(COMMANDS.recordExternalStage, stageInput("INTERVIEW", { 1: { level: "4", version: 1 }, 2: { level: "", version: 1 }, 3: { level: "4", notes: "Sesuai.", version: 1 } }));
    expect(result).toMatchObject({ message: "Hasil tahap Wawancara disimpan: 2 indikator berubah." });

    const rows = await stageRows("INTERVIEW");
    expect(rows.map((row) => [row.indicator.number, row.level?.toString() ?? null, row.version])).toEqual([
      [1, "4", 2],
      [2, null, 2],
      [3, "4", 1],
    ]);
    const cleared = await db.levelChange.findFirstOrThrow({ where: { answerId: rows[1]!.id, toLevel: null } });
    expect([cleared.fromLevel?.toString(), cleared.reason]).toEqual(["2", "Hasil tahap Wawancara"]);
    expect(await auditCount()).toBe(2);

    const again = await run(COMMANDS.recordExternalStage, stageInput("INTERVIEW", { 1: { level: "4", version: 2 } }));
    expect(again).toMatchObject({ message: "Tidak ada perubahan pada hasil tahap Wawancara." });
    expect(await auditCount()).toBe(2);
  });

  it("refuses levels off the framework's scale, on each indicator's field, and saves nothing", async () => {
    const error = await run(COMMANDS.recordExternalStage, stageInput("DOCUMENT", { 1: { level: "6" }, 2: { level: "2.5" }, 3: { level: "3" }, 4: { level: "tiga" } }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).details.map((detail) => detail.field)).toEqual(["level-1", "level-2", "level-4"]);
    expect((error as AppError).details[0]!.message).toContain("antara 1 dan 5");
    expect((error as AppError).details[1]!.message).toContain("bilangan bulat");
    expect(await db.answer.count()).toBe(0);
    expect(await db.levelChange.count()).toBe(0);
    expect(await auditCount()).toBe(0);
  });

  it("refuses an indicator number the period's framework does not have", async () => {
    const error = (await run(COMMANDS.recordExternalStage, stageInput("DOCUMENT", { 48: { level: "3" } }))) as AppError;
    expect(error.details).toEqual([{ field: "level-48", code: "custom", message: "Indikator 48 tidak ada pada kerangka periode ini." }]);
  });

  it("answers 409 naming every indicator changed since the form was loaded, and saves nothing", async () => {
    await run(COMMANDS.recordExternalStage, stageInput("DOCUMENT", { 1: { level: "2" }, 2: { level: "2" } }));
    // Somebody else saves indicator 1 again meanwhile (version 1 -> 2).
    await run(COMMANDS.recordExternalStage, stageInput("DOCUMENT", { 1: { level: "3", version: 1 } }));
    const before = await stageRows("DOCUMENT");

    // The stale form still holds version 1 of indicator 1 and no row of indicator 4, which somebody created meanwhile.
    await answer(4, "DOCUMENT", "1");
    const error = (await run(COMMANDS.recordExternalStage, stageInput("DOCUMENT", { 1: { level: "5", version: 1 }, 2: { level: "4", version: 1 }, 3: { level: "3" }, 4: { level: "2" } }))) as AppError;
    expect(error.status).toBe(409);
    expect(error.message).toContain("indikator 1, 4 telah diubah oleh pengguna lain");
    expect(await stageRows("DOCUMENT")).toEqual([...before, expect.objectContaining({ indicator: { number: 4 } })]);
    expect(await auditCount()).toBe(2);
  });

  it("is refused outside the Verifikasi phase: in Pengisian and in a locked (Final) period", async () => {
    await setPhase("PENGISIAN");
    const filling = (await run(COMMANDS.recordExternalStage, stageInput("DOCUMENT", { 1: { level: "3" } }))) as AppError;
    expect([filling.status, filling.message]).toEqual([409, "Tindakan ini tidak dapat dilakukan pada tahap Pengisian; hanya pada tahap Verifikasi."]);
    await setPhase("FINAL");
    const locked = (await run(COMMANDS.recordExternalStage, stageInput("DOCUMENT", { 1: { level: "3" } }))) as AppError;
    expect(locked.status).toBe(409);
    expect(locked.message).toContain("sudah final dan terkunci");
    expect(await db.answer.count()).toBe(0);
    expect(await auditCount()).toBe(0);
  });

  it("only records the external stages, never the self-assessment or the internal verification", async () => {
    for (const stage of ["SELF", "INTERNAL_VERIFICATION"] as const) {
      const error = (await run(COMMANDS.recordExternalStage, stageInput(stage, { 1: { level: "3" } }))) as AppError;
      expect([error.status, error.details[0]?.field]).toEqual([400, "stage"]);
    }
  });
});

describe("all stages side by side and the sanggah list", () => {
  beforeEach(() => setPhase("VERIFIKASI"));

  it("lists exactly the indicators whose latest external result is below the self level", async () => {
    await answer(1, "SELF", "4"); // Dokumen 2 → contested at Dokumen
    await answer(1, "DOCUMENT", "2");
    await answer(2, "SELF", "4"); // Wawancara raised it back to 4 → not contested
    await answer(2, "DOCUMENT", "2");
    await answer(2, "INTERVIEW", "4");
    await answer(3, "SELF", "3"); // Final 2, though Dokumen was higher → contested at Final
    await answer(3, "DOCUMENT", "4");
    await answer(3, "FINAL", "2");
    await answer(4, "SELF", "3"); // equal → not contested
    await answer(4, "VISITATION", "3");
    await answer(5, "DOCUMENT", "1"); // no self level → nothing to contest
    await answer(6, "SELF", "5"); // only the internal verification is lower → not external
    await answer(6, "INTERNAL_VERIFICATION", "2");
    await answer(7, "SELF", "3"); // a Final row without a level does not count: Visitasi 1 is the latest
    await answer(7, "VISITATION", "1");
    await answer(7, "FINAL", null);
    await answer(8, "SELF", "2"); // higher externally → not contested
    await answer(8, "DOCUMENT", "3");

    const results = (await loadExternalResults(db, await loadedPeriod(fixtures, periodId)))!;
    expect(results.contestable.map((item) => [item.number, item.selfLevel, item.stage, item.stageLevel])).toEqual([
      [1, "4.00", "DOCUMENT", "2.00"],
      [3, "3.00", "FINAL", "2.00"],
      [7, "3.00", "VISITATION", "1.00"],
    ]);

    const indicator3 = results.groups.flatMap((group) => group.indicators).find((indicator) => indicator.number === 3)!;
    expect(indicator3.cells).toMatchObject({ SELF: { level: "3.00" }, DOCUMENT: { level: "4.00" }, FINAL: { level: "2.00" } });
    expect(results.groups.map((group) => group.name)).toEqual(["Kebijakan Internal SPBE", "Tata Kelola SPBE", "Manajemen SPBE", "Layanan SPBE"]);
    const document = results.scores.find((score) => score.stage === "DOCUMENT")!.score;
    expect([document.answeredCount, document.indicatorCount]).toEqual([5, 47]);
  });

  it("another agency's period is not reached: the policy answers as for a missing one", async () => {
    await expect(loadedPeriod(fixtures, fixtures.other.periodId, "PIMPINAN")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("objections (sanggah)", () => {
  const reason = "Peraturan bupati tentang arsitektur SPBE sudah ditetapkan.";
  const objectionOf = (number: number) => db.objection.findFirst({ where: { periodId, indicator: { number } } });

  beforeEach(() => prepareExternalStages(fixtures));

  it("saves a draft, submits it, then refuses further changes; the answer is recorded once", async () => {
    const draft = await run(COMMANDS.saveObjection, { periodId, indicator: "2", stage: "DOCUMENT", reason, status: "DRAFT" });
    expect(draft).toMatchObject({ message: "Draf sanggahan indikator 2 disimpan." });
    const submitted = await run(COMMANDS.saveObjection, { periodId, indicator: "2", stage: "DOCUMENT", reason: `${reason} Lampiran diperbarui.`, status: "SUBMITTED" });
    expect(submitted).toMatchObject({ message: "Sanggahan indikator 2 diajukan." });
    expect(await objectionOf(2)).toMatchObject({ status: "SUBMITTED", reason: `${reason} Lampiran diperbarui.`, createdById: koordinator.userId });

    const changed = (await run(COMMANDS.saveObjection, { periodId, indicator: "2", stage: "DOCUMENT", reason, status: "DRAFT" })) as AppError;
    expect([changed.status, changed.message]).toEqual([409, "Sanggahan indikator 2 berstatus Diajukan dan tidak dapat diubah lagi."]);

    expect(await run(COMMANDS.decideObjection, { periodId, indicator: "2", stage: "DOCUMENT", decision: "REJECTED" })).toMatchObject({ message: "Jawaban sanggahan indikator 2 dicatat: Ditolak." });
    const twice = (await run(COMMANDS.decideObjection, { periodId, indicator: "2", stage: "DOCUMENT", decision: "ACCEPTED", correctedLevel: "3" })) as AppError;
    expect(twice.status).toBe(409);
    expect(await objectionOf(2)).toMatchObject({ status: "REJECTED" });
    expect(await db.auditLog.count({ where: { action: { in: ["objection.save", "objection.decide"] } } })).toBe(3);
  });

  it("requires a reason of 20 characters and a stage result below the self level", async () => {
    const short = (await run(COMMANDS.saveObjection, { periodId, indicator: "2", stage: "DOCUMENT", reason: "Kurang tepat.", status: "DRAFT" })) as AppError;
    expect(short.details).toEqual([{ field: "reason", code: "too_small", message: "Tulis alasan sanggahan minimal 20 karakter." }]);
    const noResult = (await run(COMMANDS.saveObjection, { periodId, indicator: "2", stage: "INTERVIEW", reason, status: "DRAFT" })) as AppError;
    expect([noResult.status, noResult.message]).toEqual([409, "Indikator 2 tidak dapat disanggah pada tahap Wawancara: hasil tahap ini belum dicatat atau tidak lebih rendah dari penilaian mandiri."]);
    expect(await objectionOf(2)).toBeNull();
  });

  it("refuses objections after the deadline, and still records the answer to a submitted one", async () => {
    const yesterday = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await db.assessmentPeriod.update({ where: { id: periodId }, data: { objectionDeadline: yesterday } });

    const late = (await run(COMMANDS.saveObjection, { periodId, indicator: "2", stage: "DOCUMENT", reason, status: "SUBMITTED" })) as AppError;
    expect(late.status).toBe(409);
    expect(late.message).toMatch(/^Batas sanggah \(.+\) sudah lewat: sanggahan tidak dapat dibuat atau diubah lagi\./);
    expect(await objectionOf(2)).toBeNull();

    expect(await run(COMMANDS.decideObjection, { periodId, indicator: "1", stage: "DOCUMENT", decision: "ACCEPTED", correctedLevel: "3" })).toMatchObject({ message: expect.stringContaining("diterima") });
    expect(await objectionOf(1)).toMatchObject({ status: "ACCEPTED" });

    const results = (await loadExternalResults(db, await loadedPeriod(fixtures, periodId)))!;
    expect(results.window.state).toBe("closed");
    expect(results.contestable.find((item) => item.number === 1)?.objections).toEqual([expect.objectContaining({ stage: "DOCUMENT", status: "ACCEPTED" })]);
  });

  it("is refused in a locked period, also for the answer", async () => {
    await setPhase("FINAL");
    const save = (await run(COMMANDS.saveObjection, { periodId, indicator: "2", stage: "DOCUMENT", reason, status: "DRAFT" })) as AppError;
    const decide = (await run(COMMANDS.decideObjection, { periodId, indicator: "1", stage: "DOCUMENT", decision: "ACCEPTED", correctedLevel: "3" })) as AppError;
    expect([save.status, decide.status]).toEqual([409, 409]);
  });
});
