// Issue 15, dead ends 2 and 5 on the real database: an Admin OPD takes a submission back
// while the Asesor has not started on it (refused after, with a specific message); a
// locked period reopened to Verifikasi or Pengisian leads to a correction: the Asesor returns
// a verified answer to its owner with a note, the owner corrects it by form or worksheet, and
// every step is on record (audit, verification rounds, level history).
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import type { Actor } from "@/lib/policy";
import { asRead } from "../support/as-read";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";

let fixtures: Fixtures;
let owner: Actor;
let asesor: Actor;
let koordinator: Actor;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  owner = await actorFor(fixtures, "ADMIN_OPD");
  asesor = await actorFor(fixtures, "ASESOR");
  koordinator = await actorFor(fixtures, "KOORDINATOR");
});

async function run(command: Command, input: unknown, actor: Actor = owner) {
  try {
    return asRead(await executeCommand(db, command, actor, requestContext, input));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

const refusal = (outcome: unknown) => {
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
};
const periodId = () => fixtures.home.periodId;
const indicatorId = () => fixtures.framework.indicatorIds[1]!;
const EXPLANATION = "Fakta: Perbup 12/2024 tentang Arsitektur SPBE, pasal 3. Analisis: kriteria tingkat 1 terpenuhi.";
const selfAnswer = () => db.answer.findUniqueOrThrow({ where: { periodId_indicatorId_stage: { periodId: periodId(), indicatorId: indicatorId(), stage: "SELF" } } });

/** Indicator 1 saved at level 1 and submitted by its owner: version 2. */
async function submitted() {
  await run(COMMANDS.saveAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 0, level: "1", explanation: EXPLANATION });
  expect(await run(COMMANDS.submitAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 1 })).toMatchObject({ data: { version: "2" } });
  return selfAnswer();
}

describe("withdrawing a submission", () => {
  it("turns a submission the Asesor has not started on back into a draft, on record", async () => {
    const answer = await submitted();
    expect(answer.submittedAt).toBeInstanceOf(Date);
    expect(await run(COMMANDS.withdrawAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 2 })).toMatchObject({
      message: "Pengajuan ditarik; jawaban kembali menjadi draf.",
      data: { version: "3" },
    });
    expect(await selfAnswer()).toMatchObject({ status: "DRAFT", version: 3, submittedAt: null });
    const audit = await db.auditLog.findMany({ where: { entityId: answer.id }, orderBy: { id: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["answer.create", "answer.submit", "answer.withdraw"]);
    expect(audit[2]).toMatchObject({ actorId: owner.userId, before: { status: "SUBMITTED" }, after: { status: "DRAFT" } });
    // The owner can change it again and submit it anew.
    expect(await run(COMMANDS.saveAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 3, level: "2", explanation: EXPLANATION, evidenceWaiverReason: "Bukti menyusul minggu depan." })).toMatchObject({ data: { version: "4" } });
  });

  it("is refused once the Asesor decided, with a message saying so, and changes nothing", async () => {
    const answer = await submitted();
    await run(COMMANDS.verifyAnswer, { periodId: periodId(), answerId: answer.id, version: 2, decision: "NEEDS_REVISION", notes: "Lampirkan SK yang ditandatangani." }, asesor);
    const afterSendBack = refusal(await run(COMMANDS.withdrawAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 3 }));
    expect([afterSendBack.status, afterSendBack.message]).toEqual([409, "Pengajuan tidak dapat ditarik lagi: Asesor sudah mulai memeriksanya (status Perlu perbaikan)."]);

    await run(COMMANDS.submitAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 3 });
    await run(COMMANDS.verifyAnswer, { periodId: periodId(), answerId: answer.id, version: 4, decision: "VERIFIED", verifiedLevel: "1" }, asesor);
    const afterVerify = refusal(await run(COMMANDS.withdrawAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 5 }));
    expect(afterVerify.message).toBe("Pengajuan tidak dapat ditarik lagi: Asesor sudah mulai memeriksanya (status Terverifikasi).");
    expect(await selfAnswer()).toMatchObject({ status: "VERIFIED", version: 5 });
    expect(await db.auditLog.count({ where: { action: "answer.withdraw" } })).toBe(0);
  });

  it("refuses a draft (nothing to withdraw) and a stale version", async () => {
    await run(COMMANDS.saveAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 0, level: "1", explanation: EXPLANATION });
    expect(refusal(await run(COMMANDS.withdrawAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 1 })).message).toBe(
      "Jawaban berstatus Draf belum diajukan, jadi tidak ada pengajuan yang ditarik.",
    );
    await run(COMMANDS.submitAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 1 });
    expect(refusal(await run(COMMANDS.withdrawAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 1 })).status).toBe(409);
    expect((await selfAnswer()).status).toBe("SUBMITTED");
  });
});

describe("corrections after reopening", () => {
  async function verifiedAndLocked() {
    const answer = await submitted();
    await run(COMMANDS.verifyAnswer, { periodId: periodId(), answerId: answer.id, version: 2, decision: "VERIFIED", verifiedLevel: "1" }, asesor);
    await db.assessmentPeriod.update({ where: { id: periodId() }, data: { phase: "FINAL", lockedAt: new Date(), lockedById: koordinator.userId } });
    return answer;
  }

  it("reopened to Verifikasi: the Asesor returns the verified answer with a note, the owner corrects and resubmits, every step recorded", async () => {
    const answer = await verifiedAndLocked();
    const reason = "Koreksi: SK arsitektur ternyata sudah diperbarui.";
    expect(await run(COMMANDS.reopenPeriod, { periodId: periodId(), version: "1", phase: "VERIFIKASI", reason }, koordinator)).toMatchObject({
      message: "Periode 2026 dibuka kembali ke tahap Verifikasi.",
    });
    // The owner cannot change a verified answer, neither by form nor by worksheet.
    expect(refusal(await run(COMMANDS.saveAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 3, level: "2", explanation: EXPLANATION })).status).toBe(409);

    const tooShort = refusal(await run(COMMANDS.returnVerifiedAnswer, { periodId: periodId(), answerId: answer.id, version: 3, notes: "cek" }, asesor));
    expect(tooShort.details).toEqual([expect.objectContaining({ field: "notes", message: "Tulis catatan koreksi (minimal 10 karakter) agar pemilik tahu apa yang perlu diubah." })]);
    const note = "SK 2026 menggantikan SK 2024; naikkan tingkat sesuai SK baru.";
    expect(await run(COMMANDS.returnVerifiedAnswer, { periodId: periodId(), answerId: answer.id, version: 3, notes: note }, asesor)).toMatchObject({
      message: "Jawaban dikembalikan kepada pemiliknya untuk dikoreksi.",
    });
    expect(await selfAnswer()).toMatchObject({ status: "NEEDS_REVISION", version: 4, verifiedAt: null, updatedById: owner.userId });
    expect(await db.verificationRound.findMany({ where: { answerId: answer.id }, orderBy: { round: "asc" }, select: { round: true, decision: true, notes: true } })).toEqual([
      { round: 1, decision: "VERIFIED", notes: null },
      { round: 2, decision: "NEEDS_REVISION", notes: note },
    ]);
    // Returning twice is refused: it is no longer verified.
    expect(refusal(await run(COMMANDS.returnVerifiedAnswer, { periodId: periodId(), answerId: answer.id, version: 4, notes: note }, asesor)).message).toBe(
      "Hanya jawaban terverifikasi yang dapat dikembalikan untuk koreksi (status sekarang Perlu perbaikan).",
    );

    // The worksheet no longer refuses it: the owner corrects the level there.
    const imported = await run(
      COMMANDS.importAnswers,
      { periodId: periodId(), sheetPeriodId: periodId(), fileName: "lembar-kerja.xlsx", rows: [{ row: 5, number: "1", level: "2", explanation: EXPLANATION, version: "4" }] },
      owner,
    );
    expect(imported).not.toBeInstanceOf(AppError);
    expect(await selfAnswer()).toMatchObject({ status: "NEEDS_REVISION", version: 5 });
    await run(COMMANDS.saveAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 5, level: "2", explanation: EXPLANATION, evidenceWaiverReason: "SK baru dilampirkan saat visitasi." });
    await run(COMMANDS.submitAnswer, { periodId: periodId(), indicatorId: indicatorId(), version: 6 });
    await run(COMMANDS.verifyAnswer, { periodId: periodId(), answerId: answer.id, version: 7, decision: "VERIFIED", verifiedLevel: "2" }, asesor);

    const verification = await db.answer.findUniqueOrThrow({ where: { periodId_indicatorId_stage: { periodId: periodId(), indicatorId: indicatorId(), stage: "INTERNAL_VERIFICATION" } } });
    expect(verification.level?.toString()).toBe("2");
    const history = await db.levelChange.findMany({ where: { answer: { periodId: periodId(), indicatorId: indicatorId() } }, orderBy: { createdAt: "asc" } });
    expect(history.map((change) => [change.answerId === answer.id ? "SELF" : "VERIF", change.fromLevel?.toString() ?? null, change.toLevel?.toString()])).toEqual([
      ["SELF", null, "1"],
      ["VERIF", null, "1"],
      ["SELF", "1", "2"],
      ["VERIF", "1", "2"],
    ]);
    const actions = (await db.auditLog.findMany({ where: { instansiId: fixtures.home.instansiId }, orderBy: { id: "asc" } })).map((row) => row.action);
    expect(actions).toEqual(["answer.create", "answer.submit", "answer.verify", "period.reopen", "answer.return", "answer.import", "period.import-answers", "answer.update", "answer.submit", "answer.verify"]);
    const reopen = await db.auditLog.findFirstOrThrow({ where: { action: "period.reopen" } });
    expect(reopen.after).toMatchObject({ phase: "VERIFIKASI", reason });
  });

  it("reopened to Pengisian: filling is open again, with the phase and the reason on record", async () => {
    await verifiedAndLocked();
    const reason = "Unit pemilik perlu melengkapi beberapa jawaban.";
    expect(await run(COMMANDS.reopenPeriod, { periodId: periodId(), version: "1", phase: "PENGISIAN", reason }, koordinator)).toMatchObject({
      message: "Periode 2026 dibuka kembali ke tahap Pengisian.",
    });
    expect(await db.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId() } })).toMatchObject({ phase: "PENGISIAN", lockedAt: null });
    expect((await db.auditLog.findFirstOrThrow({ where: { action: "period.reopen" } })).after).toMatchObject({ phase: "PENGISIAN", reason });
    // Indicator 2, not answered yet, can be filled again.
    expect(await run(COMMANDS.saveAnswer, { periodId: periodId(), indicatorId: fixtures.framework.indicatorIds[2], version: 0, level: "1", explanation: EXPLANATION })).toMatchObject({ data: { version: "1" } });
    const wrongPhase = refusal(await run(COMMANDS.reopenPeriod, { periodId: periodId(), version: "2", phase: "PERSIAPAN", reason }, koordinator));
    expect(wrongPhase.details).toEqual([expect.objectContaining({ field: "phase" })]);
  });
});
