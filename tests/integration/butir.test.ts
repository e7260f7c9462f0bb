// Butir on the real database: evidence per butir through the answer lifecycle, the level
// gating, the Asesor's and the Koordinator's per-butir statuses kept round by round (with
// "ditolak otomatis" set by the portal), and the refusals that leave nothing half-saved.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { findIndicator } from "@/lib/framework/catalog";
import { getFrameworkVersion } from "@/lib/framework-versions/store";
import { loadButirBoard } from "@/lib/assessment/butir";
import { valueAboveBoard } from "@/lib/assessment/butir-board";
import { listPeriodIndicators } from "@/lib/assessment/indicator-list";
import { butirBreakdown } from "@/lib/dashboard/butir-breakdown";
import type { Actor } from "@/lib/policy";
import { asRead } from "../support/as-read";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";
import { otherUnitEvidenceId, ownEvidenceId, pemdiIndicatorIds, pemdiPeriodId, preparePemdiPeriods } from "./butir-fixtures";

let f: Fixtures;
let owner: Actor;
let asesor: Actor;
let koordinator: Actor;

beforeEach(async () => {
  await resetDatabase();
  f = await createFixtures();
  await preparePemdiPeriods(f);
  owner = await actorFor(f, "ADMIN_OPD");
  asesor = await actorFor(f, "ASESOR");
  koordinator = await actorFor(f, "KOORDINATOR");
});

async function run(command: Command, input: unknown, actor: Actor = owner) {
  try {
    return asRead(await executeCommand(db, command, actor, requestContext, input));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

const periodId = () => pemdiPeriodId(f.home);
const I1 = () => pemdiIndicatorIds[1]!;
const selfAnswer = () => db.answer.findUnique({ where: { periodId_indicatorId_stage: { periodId: periodId(), indicatorId: I1(), stage: "SELF" } } });
const version = async () => (await selfAnswer())?.version ?? 0;

async function newEvidence(title: string) {
  const item = await db.evidence.create({ data: { instansiId: f.home.instansiId, ownerUnitId: f.home.unitIds[0], kind: "LINK", title, url: `https://jdih.example.go.id/${encodeURIComponent(title)}` } });
  return item.id;
}

async function attach(butirCode: string, evidenceId: string) {
  return run(COMMANDS.attachButirEvidence, { periodId: periodId(), indicatorId: I1(), butirCode, evidenceId });
}

async function board() {
  const period = await db.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId() } });
  const framework = await getFrameworkVersion(db, period.frameworkVersionId);
  return (await loadButirBoard(db, periodId(), I1(), findIndicator(framework!.definition, 1)!))!;
}
const levelOf = (value: Awaited<ReturnType<typeof board>>, level: number) => value.levels.find((candidate) => candidate.level === level)!;
const stateOf = (value: Awaited<ReturnType<typeof board>>, code: string) => value.levels.flatMap((level) => level.butir).find((butir) => butir.code === code)!;

/** Evidence on I1-L1-01 and three of the four level-2 butir, level 1 complete. */
async function fillLevelOneAndThreeOfTwo() {
  const evidence = await newEvidence("Renstra Diskominfo");
  for (const code of ["I1-L1-01", "I1-L2-01", "I1-L2-02", "I1-L2-03"]) expect(await attach(code, evidence)).toMatchObject({ data: {} });
  return evidence;
}

async function submit() {
  await run(COMMANDS.saveAnswer, {
    periodId: periodId(),
    indicatorId: I1(),
    version: await version(),
    level: "2",
    explanation: "Fakta: Renstra memuat Rencana Aksi Pemdi. Analisis: tingkat 2 hampir lengkap.",
    evidenceIds: (await db.answerEvidence.findMany({ where: { answer: { periodId: periodId(), indicatorId: I1(), stage: "SELF" } } })).map((link) => link.evidenceId),
  });
  expect(await run(COMMANDS.submitAnswer, { periodId: periodId(), indicatorId: I1(), version: await version() })).toMatchObject({ data: {} });
}

async function review(decision: "VERIFIED" | "NEEDS_REVISION", rows: [string, string, string][]) {
  const answer = (await selfAnswer())!;
  return run(
    COMMANDS.verifyAnswer,
    {
      periodId: periodId(),
      answerId: answer.id,
      version: answer.version,
      decision,
      verifiedLevel: "2",
      notes: decision === "NEEDS_REVISION" ? "Satu butir tingkat 2 perlu bukti lain." : "",
      butirCodes: rows.map((row) => row[0]),
      butirStatuses: rows.map((row) => row[1]),
      butirNotes: rows.map((row) => row[2]),
    },
    asesor,
  );
}

describe("evidence per butir", () => {
  it("attaches through the answer: the item joins the answer's evidence, the version moves, one audit record each", async () => {
    const evidence = ownEvidenceId(f.home);
    expect(await attach("I1-L2-02", evidence)).toMatchObject({ message: "Bukti Renstra 2025-2029 dilampirkan ke butir I1-L2-02.", data: { version: "1" } });
    expect(await attach("I1-L2-03", evidence)).toMatchObject({ data: { version: "2" } });
    const answer = (await selfAnswer())!;
    expect([answer.status, answer.version]).toEqual(["DRAFT", 2]);
    expect(await db.answerEvidence.count({ where: { answerId: answer.id } })).toBe(1);
    expect((await db.butirEvidence.findMany({ where: { answerId: answer.id }, orderBy: { butirCode: "asc" } })).map((link) => link.butirCode)).toEqual(["I1-L2-02", "I1-L2-03"]);
    expect(await db.auditLog.count({ where: { entityId: answer.id, action: { in: ["answer.butir-evidence"] } } })).toBe(2);
  });

  it("refuses an unknown code, another unit's evidence, one attached twice and a spbe-2020 indicator, saving nothing", async () => {
    const unknown = await attach("I1-L2-09", ownEvidenceId(f.home));
    expect((unknown as AppError).details).toEqual([expect.objectContaining({ field: "butirCode", message: "Butir I1-L2-09 tidak ada pada indikator ini di kerangka periode." })]);
    const otherIndicator = await attach("I2-L2-01", ownEvidenceId(f.home));
    expect((otherIndicator as AppError).details).toEqual([expect.objectContaining({ message: "Butir I2-L2-01 tidak ada pada indikator ini di kerangka periode." })]);
    const foreignUnit = await attach("I1-L2-01", otherUnitEvidenceId(f.home));
    expect((foreignUnit as AppError).details).toEqual([expect.objectContaining({ field: "evidenceId", message: expect.stringContaining("milik unit lain") })]);
    const otherAgency = await attach("I1-L2-01", ownEvidenceId(f.other));
    expect((otherAgency as AppError).details).toEqual([expect.objectContaining({ field: "evidenceId" })]);
    const spbe = await run(COMMANDS.attachButirEvidence, { periodId: f.home.periodId, indicatorId: f.framework.indicatorIds[1], butirCode: "I1-L1-01", evidenceId: ownEvidenceId(f.home) });
    expect((spbe as AppError).details).toEqual([expect.objectContaining({ message: "Kerangka periode ini tidak memuat butir untuk indikator ini." })]);
    expect(await selfAnswer()).toBeNull();
    expect(await db.answerEvidence.count()).toBe(0);

    await attach("I1-L2-01", ownEvidenceId(f.home));
    const twice = await attach("I1-L2-01", ownEvidenceId(f.home));
    expect((twice as AppError).details).toEqual([expect.objectContaining({ message: "Bukti ini sudah dilampirkan ke butir I1-L2-01." })]);
    expect([await db.butirEvidence.count(), await version()]).toEqual([1, 1]);
  });

  it("detaching from the answer in the form drops the item's butir links with it", async () => {
    const evidence = await fillLevelOneAndThreeOfTwo();
    expect(await db.butirEvidence.count()).toBe(4);
    await run(COMMANDS.saveAnswer, { periodId: periodId(), indicatorId: I1(), version: await version(), level: "", explanation: "", evidenceIds: [] });
    expect(await db.butirEvidence.count({ where: { evidenceId: evidence } })).toBe(0);
  });
});

describe("gating", () => {
  it("a level waits for the one below; before any assessor, evidence counts as ready; the value warning never sets the value", async () => {
    await fillLevelOneAndThreeOfTwo();
    const before = await board();
    expect(before.basis).toBe("SELF");
    expect([levelOf(before, 1).complete, levelOf(before, 2).complete, levelOf(before, 2).waitingForLowerLevel, levelOf(before, 3).waitingForLowerLevel]).toEqual([true, false, false, true]);
    expect(stateOf(before, "I1-L3-01").state).toBe("waiting_for_lower_level");
    expect(before.highestCompleteLevel).toBe(1);
    expect([valueAboveBoard("1,75".replace(",", "."), before, "1"), valueAboveBoard("2", before, "1")]).toEqual([false, true]);
    expect(before.counts).toEqual({ total: 14, accepted: 0, revision: 0, missing: 10 });
  });

  it("a level without known butir (I9 level 3) is never complete, so the levels above keep waiting", async () => {
    const period = await db.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId() } });
    const framework = await getFrameworkVersion(db, period.frameworkVersionId);
    const value = (await loadButirBoard(db, periodId(), pemdiIndicatorIds[9]!, findIndicator(framework!.definition, 9)!))!;
    const three = value.levels.find((level) => level.level === 3)!;
    expect([three.butirUnknown, three.complete, value.levels.find((level) => level.level === 4)!.waitingForLowerLevel]).toEqual([true, false, true]);
  });
});

describe("statuses per butir", () => {
  it("the Asesor returns one butir as bukti tidak tepat; higher levels are rejected automatically; the owner replaces it; every round is kept", async () => {
    await fillLevelOneAndThreeOfTwo();
    await submit();
    const returned = await review("NEEDS_REVISION", [
      ["I1-L1-01", "diterima", ""],
      ["I1-L2-01", "diterima", ""],
      ["I1-L2-02", "revisi:tidak_tepat", "SK Tim Asesor Internal, bukan arsitektur di SIAP Digital."],
      ["I1-L2-03", "diterima", ""],
      ["I1-L2-04", "revisi:belum_diunggah", "Dokumen pendukung belum diunggah."],
    ]);
    expect(returned).toMatchObject({ message: "Hasil verifikasi disimpan: Perlu perbaikan." });
    expect((await selfAnswer())!.status).toBe("NEEDS_REVISION");
    const first = await db.butirStatusRound.findFirstOrThrow({ where: { periodId: periodId(), stage: "INTERNAL_VERIFICATION" }, include: { statuses: true } });
    expect(first.round).toBe(1);
    const automatic = first.statuses.filter((status) => status.automatic).map((status) => status.butirCode).sort();
    expect(automatic).toEqual(["I1-L3-01", "I1-L3-02", "I1-L3-03", "I1-L3-04", "I1-L4-01", "I1-L4-02", "I1-L5-01", "I1-L5-02", "I1-L5-03"]);
    expect(first.statuses.find((status) => status.butirCode === "I1-L3-01")).toMatchObject({ status: "revisi", kind: "otomatis_ditolak" });

    const returnedBoard = await board();
    expect(returnedBoard.basis).toBe("INTERNAL_VERIFICATION");
    expect(returnedBoard.revisions.map((entry) => [entry.butirCode, entry.kind])).toEqual([["I1-L2-02", "tidak_tepat"], ["I1-L2-04", "belum_diunggah"]]);
    expect([levelOf(returnedBoard, 2).accepted, levelOf(returnedBoard, 2).total]).toEqual([2, 4]);
    expect(returnedBoard.highestCompleteLevel).toBe(1);

    // The owner replaces the evidence of I1-L2-02 and adds I1-L2-04, then submits again.
    const replacement = await newEvidence("Arsitektur Pemdi SIAP Digital");
    const old = (await db.butirEvidence.findFirstOrThrow({ where: { butirCode: "I1-L2-02" } })).evidenceId;
    expect(await run(COMMANDS.detachButirEvidence, { periodId: periodId(), indicatorId: I1(), butirCode: "I1-L2-02", evidenceId: old })).toMatchObject({ data: {} });
    expect(await attach("I1-L2-02", replacement)).toMatchObject({ data: {} });
    expect(await attach("I1-L2-04", replacement)).toMatchObject({ data: {} });
    expect((await selfAnswer())!.status).toBe("NEEDS_REVISION");
    await submit();
    await review("VERIFIED", [
      ["I1-L2-02", "diterima", ""],
      ["I1-L2-04", "diterima", ""],
    ]);

    const accepted = await board();
    expect(levelOf(accepted, 2).complete).toBe(true);
    expect(accepted.highestCompleteLevel).toBe(2);
    expect(stateOf(accepted, "I1-L3-01").state).toBe("open");
    // Round 1 kept: I1-L2-02 went tidak_tepat then diterima.
    expect(stateOf(accepted, "I1-L2-02").history.map((entry) => [entry.round, entry.status, entry.kind])).toEqual([[1, "revisi", "tidak_tepat"], [2, "diterima", null]]);
    expect(await db.butirStatusRound.count({ where: { periodId: periodId(), stage: "INTERNAL_VERIFICATION" } })).toBe(2);

    // The to-do list and the dashboard count from the same board.
    const list = await listPeriodIndicators(db, owner, periodId(), { unit: "", domain: "", status: undefined });
    expect(list.rows.find((row) => row.number === 1)?.butir?.counts).toEqual({ total: 14, accepted: 5, revision: 0, missing: 9 });
    const period = await db.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId() } });
    const breakdown = (await butirBreakdown(db, period))!;
    expect(breakdown.units.find((row) => row.key === f.home.unitIds[0])).toMatchObject({ accepted: 5, revision: 0 });
    expect(breakdown.aspects.find((row) => row.key === "A1")).toMatchObject({ accepted: 5 });
    expect(breakdown.total.total).toBe(231);
  });

  it("refuses a status kind outside the list, the automatic kind from a person, a revision without a note and an unknown code, with nothing half-saved", async () => {
    await fillLevelOneAndThreeOfTwo();
    await submit();
    const cases: [[string, string, string][], string][] = [
      [[["I1-L2-01", "revisi:kabur", "Tidak jelas."]], 'Status "revisi:kabur" tidak ada dalam daftar status kerangka (diterima, atau revisi: bukti tidak tepat / belum diunggah).'],
      [[["I1-L2-01", "revisi:otomatis_ditolak", "Tingkat 1 belum."]], "Ditolak otomatis ditetapkan portal dari aturan tingkat, bukan dipilih asesor."],
      [[["I1-L2-01", "revisi:tidak_tepat", ""]], "Butir I1-L2-01 dikembalikan untuk revisi: tulis catatannya."],
      [[["I1-L1-01", "diterima", ""], ["I9-L1-01", "diterima", ""]], "Butir I9-L1-01 tidak ada pada indikator ini di kerangka periode."],
      [[["I1-L1-01", "diterima", ""], ["I1-L1-01", "diterima", ""]], "Butir I1-L1-01 diisi lebih dari sekali."],
    ];
    for (const [rows, message] of cases) {
      const refused = await review("NEEDS_REVISION", rows);
      expect((refused as AppError).details, message).toEqual([expect.objectContaining({ field: "butir", message })]);
    }
    expect(await db.butirStatusRound.count()).toBe(0);
    expect(await db.verificationRound.count()).toBe(0);
    expect((await selfAnswer())!.status).toBe("SUBMITTED");
  });

  it("the Koordinator records an external stage's statuses in its own rounds; the board follows the latest stage", async () => {
    await db.assessmentPeriod.update({ where: { id: periodId() }, data: { phase: "VERIFIKASI" } });
    await fillLevelOneAndThreeOfTwo();
    const stage = (codes: string[], statuses: string[]) =>
      run(COMMANDS.recordButirStage, { periodId: periodId(), indicatorId: I1(), stage: "DOCUMENT", butirCodes: codes, butirStatuses: statuses, butirNotes: codes.map(() => "") }, koordinator);
    const noNote = await stage(["I1-L1-01", "I1-L2-01"], ["revisi:tidak_tepat", "diterima"]);
    expect((noNote as AppError).details).toEqual([expect.objectContaining({ message: "Butir I1-L1-01 dikembalikan untuk revisi: tulis catatannya." })]);
    expect(await stage(["I1-L1-01", "I1-L2-01"], ["diterima", "diterima"])).toMatchObject({ message: "Status butir tahap Dokumen disimpan (putaran 1)." });
    expect(await stage(["I1-L2-02"], ["diterima"])).toMatchObject({ message: "Status butir tahap Dokumen disimpan (putaran 2)." });
    const value = await board();
    expect(value.basis).toBe("DOCUMENT");
    expect(stateOf(value, "I1-L2-01").stages.DOCUMENT).toMatchObject({ status: "diterima", round: 1 });
    expect(stateOf(value, "I1-L2-02").stages.DOCUMENT).toMatchObject({ status: "diterima", round: 2 });
    expect(stateOf(value, "I1-L3-01").stages.DOCUMENT).toMatchObject({ kind: "otomatis_ditolak", automatic: true, round: 1 });
    expect(levelOf(value, 2).accepted).toBe(2);
    expect(await db.auditLog.count({ where: { action: "butir.record-statuses" } })).toBe(2);
    const asOwner = await run(COMMANDS.recordButirStage, { periodId: periodId(), indicatorId: I1(), stage: "DOCUMENT", butirCodes: ["I1-L1-01"], butirStatuses: ["diterima"], butirNotes: [""] }, owner);
    expect((asOwner as AppError).status).toBe(403);
  });
});
