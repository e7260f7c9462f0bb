// Decimals wherever a level is entered on a pemdi-2026 period: the owner's level, the
// Asesor's verified level, an external stage and a recommendation's target all take "2,75",
// and every place refuses three decimals or a value off the scale with the same specific
// message, changing nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import type { Actor } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";
import { asRead } from "../support/as-read";

let fixtures: Fixtures;
let periodId: string;
let pemdiIndicator: Record<number, string>;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  periodId = fixtures.home.periodId;
  const version = await db.frameworkVersion.findFirstOrThrow({ where: { framework: { code: "pemdi-2026" } }, include: { nodes: { where: { kind: "INDICATOR" } } } });
  pemdiIndicator = Object.fromEntries(version.nodes.map((node) => [node.number!, node.id]));
  // The fixture period, moved to pemdi-2026 before anything was answered.
  await db.assignment.deleteMany({ where: { periodId } });
  await db.assessmentPeriod.update({
    where: { id: periodId },
    data: { frameworkVersionId: version.id, assignments: { create: [1, 2].map((number) => ({ indicatorId: pemdiIndicator[number]!, unitId: fixtures.home.unitIds[0] })) } },
  });
});

async function run(command: Command, input: unknown, actor: Actor) {
  try {
    return asRead(await executeCommand(db, command, actor, requestContext, input));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

const EXPLANATION = "Fakta: Perbup 12/2026 tentang Tata Kelola Pemerintah Digital. Analisis: sebagian kriteria tingkat 3.";
const TOO_PRECISE = "2,755 memiliki 3 angka desimal; skala ini paling banyak 2, mis. 2,75.";
const OFF_SCALE = "5,5 di luar skala: tingkat antara 1 dan 5.";
const messagesOf = (outcome: unknown) => (outcome as AppError).details.map((detail) => [detail.field, detail.message]);
const levelOf = (stage: "SELF" | "INTERNAL_VERIFICATION" | "DOCUMENT") =>
  db.answer.findUnique({ where: { periodId_indicatorId_stage: { periodId, indicatorId: pemdiIndicator[1]!, stage } } }).then((answer) => answer?.level?.toString() ?? null);

describe("decimal levels on pemdi-2026", () => {
  it("the owner saves 2,75 and the Asesor verifies 2,5; three decimals or 5,5 are refused with a specific message", async () => {
    const owner = await actorFor(fixtures, "ADMIN_OPD");
    const asesor = await actorFor(fixtures, "ASESOR");
    const save = (level: string, version: number) =>
      run(COMMANDS.saveAnswer, { periodId, indicatorId: pemdiIndicator[1], version, level, explanation: EXPLANATION, evidenceWaiverReason: "Bukti menyusul dari bagian hukum." }, owner);

    expect(messagesOf(await save("2,755", 0))).toEqual([["level", TOO_PRECISE]]);
    expect(messagesOf(await save("5,5", 0))).toEqual([["level", OFF_SCALE]]);
    expect(await levelOf("SELF")).toBeNull();
    expect(await save("2,75", 0)).toMatchObject({ data: { version: "1" } });
    expect(await levelOf("SELF")).toBe("2.75");

    await run(COMMANDS.submitAnswer, { periodId, indicatorId: pemdiIndicator[1], version: 1 }, owner);
    const answer = await db.answer.findFirstOrThrow({ where: { periodId, stage: "SELF" } });
    const verify = (verifiedLevel: string) => run(COMMANDS.verifyAnswer, { periodId, answerId: answer.id, version: answer.version, decision: "VERIFIED", verifiedLevel, notes: "" }, asesor);
    expect(messagesOf(await verify("2,755"))).toEqual([["verifiedLevel", TOO_PRECISE]]);
    expect(await levelOf("INTERNAL_VERIFICATION")).toBeNull();
    expect(await verify("2,5")).not.toBeInstanceOf(AppError);
    expect(await levelOf("INTERNAL_VERIFICATION")).toBe("2.5");
  });

  it("an external stage and a recommendation's target take decimals by the same rule", async () => {
    const koordinator = await actorFor(fixtures, "KOORDINATOR");
    await db.assessmentPeriod.update({ where: { id: periodId }, data: { phase: "VERIFIKASI" } });
    const stage = (level: string) =>
      run(COMMANDS.recordExternalStage, { periodId, stage: "DOCUMENT", "version-1": "0", "level-1": level, "notes-1": "" }, koordinator);
    expect(messagesOf(await stage("2,755"))).toEqual([["level-1", TOO_PRECISE]]);
    expect(await levelOf("DOCUMENT")).toBeNull();
    expect(await stage("3,26")).not.toBeInstanceOf(AppError);
    expect(await levelOf("DOCUMENT")).toBe("3.26");

    const recommend = (targetLevel: string) =>
      run(COMMANDS.createRecommendation, { periodId, indicator: "1", source: "EXTERNAL", text: "Tetapkan kebijakan tata kelola data.", ownerUnitId: "", dueDate: "", targetLevel, status: "OPEN" }, koordinator);
    expect(messagesOf(await recommend("5,5"))).toEqual([["targetLevel", OFF_SCALE]]);
    expect(await recommend("3,75")).not.toBeInstanceOf(AppError);
    expect((await db.recommendation.findFirstOrThrow({ where: { periodId } })).targetLevel?.toString()).toBe("3.75");
  });
});
