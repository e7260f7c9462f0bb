// Issue 15, dead end 4, on the real database: an accepted sanggah records the corrected
// level in the stage it contests (who and why, in the level history and the audit trail);
// a correction that is not higher than the contested result, or none at all, is refused and
// changes nothing; a locked period shows the outcome, not a countdown.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { loadExternalResults } from "@/lib/assessment/external-results";
import type { Actor } from "@/lib/policy";
import { asRead } from "../support/as-read";
import { resetDatabase } from "./db-reset";
import { prepareExternalStages } from "./external-fixtures";
import { actorFor, createFixtures, loadedPeriod, requestContext, type Fixtures } from "./fixtures";

let fixtures: Fixtures;
let koordinator: Actor;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  await prepareExternalStages(fixtures);
  koordinator = await actorFor(fixtures, "KOORDINATOR");
});

async function run(command: Command, input: unknown) {
  try {
    return asRead(await executeCommand(db, command, koordinator, requestContext, input));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

const periodId = () => fixtures.home.periodId;
const documentAnswer = () =>
  db.answer.findUniqueOrThrow({ where: { periodId_indicatorId_stage: { periodId: periodId(), indicatorId: fixtures.framework.indicatorIds[1]!, stage: "DOCUMENT" } } });
const decide = (input: Record<string, unknown>) => run(COMMANDS.decideObjection, { periodId: periodId(), indicator: "1", stage: "DOCUMENT", ...input });

describe("an accepted sanggah", () => {
  it("corrects the contested stage's level, with who and why on record", async () => {
    expect(await decide({ decision: "ACCEPTED", correctedLevel: "3", note: "Asesor eksternal menerima bukti reviu 2024." })).toMatchObject({
      message: "Sanggahan indikator 1 diterima; tingkat tahap Dokumen dikoreksi menjadi 3,00.",
    });
    const answer = await documentAnswer();
    expect([answer.level?.toString(), answer.status, answer.version]).toEqual(["3", "RECORDED", 2]);
    const [change] = await db.levelChange.findMany({ where: { answerId: answer.id } });
    expect(change).toMatchObject({
      actorId: koordinator.userId,
      reason: "Sanggah diterima (Dokumen): Bukti reviu arsitektur SPBE sudah ada sejak 2024. · Asesor eksternal menerima bukti reviu 2024.",
    });
    expect([change!.fromLevel?.toString(), change!.toLevel?.toString()]).toEqual(["2", "3"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "objection.decide" } });
    expect(audit).toMatchObject({ actorId: koordinator.userId, before: { status: "SUBMITTED", level: "2.00" }, after: { status: "ACCEPTED", level: "3.00" } });
  });

  it("needs a corrected level higher than the contested result, and changes nothing otherwise", async () => {
    const missing = (await decide({ decision: "ACCEPTED" })) as AppError;
    expect(missing.details).toEqual([expect.objectContaining({ field: "correctedLevel", message: "Sanggahan yang diterima mengoreksi tingkat tahap yang disanggah: isi tingkatnya." })]);
    const notHigher = (await decide({ decision: "ACCEPTED", correctedLevel: "2" })) as AppError;
    expect(notHigher.details).toEqual([expect.objectContaining({ field: "correctedLevel", message: "Tingkat koreksi indikator 1 harus lebih tinggi dari hasil tahap Dokumen yang disanggah (2)." })]);
    expect((await documentAnswer()).level?.toString()).toBe("2");
    expect((await db.objection.findFirstOrThrow({ where: { periodId: periodId() } })).status).toBe("SUBMITTED");
    // A rejection needs no level and changes none.
    expect(await decide({ decision: "REJECTED" })).toMatchObject({ message: "Jawaban sanggahan indikator 1 dicatat: Ditolak." });
    expect(await db.levelChange.count()).toBe(0);
  });

  it("a locked period shows the outcome instead of the deadline", async () => {
    await decide({ decision: "ACCEPTED", correctedLevel: "4" });
    // Lifted to the self level it is no longer contestable, but stays listed with its outcome.
    let results = await loadExternalResults(db, await loadedPeriod(fixtures, periodId()));
    expect(results!.contestable.map((item) => [item.number, item.objections.map((objection) => objection.status)])).toEqual([[1, ["ACCEPTED"]], [2, []]]);
    await db.assessmentPeriod.update({ where: { id: periodId() }, data: { phase: "FINAL", lockedAt: new Date() } });
    results = await loadExternalResults(db, await loadedPeriod(fixtures, periodId()));
    expect(results!.objectionOutcome).toEqual({ accepted: 1, rejected: 0, open: 0 });
  });
});
