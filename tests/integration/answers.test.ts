// The self-assessment answer on the real database: owners only, levels on the framework's
// scale, optimistic concurrency (two people saving the same version: one wins, the other
// sees the winner's version), submission rules, verification rounds and the level history.
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

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  owner = await actorFor(fixtures, "ADMIN_OPD");
  asesor = await actorFor(fixtures, "ASESOR");
});

async function run(command: Command, input: unknown, actor: Actor = owner) {
  try {
    return asRead(await executeCommand(db, command, actor, requestContext, input));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

const indicator = (number: number) => fixtures.framework.indicatorIds[number]!;
const EXPLANATION = "Fakta: Perbup 12/2024 tentang Arsitektur SPBE, pasal 3. Analisis: kriteria tingkat 3 terpenuhi.";
const save = (input: Record<string, unknown>, actor: Actor = owner) =>
  run(COMMANDS.saveAnswer, { periodId: fixtures.home.periodId, indicatorId: indicator(1), version: 0, level: "", explanation: "", ...input }, actor);
const selfAnswer = (number = 1) =>
  db.answer.findUnique({ where: { periodId_indicatorId_stage: { periodId: fixtures.home.periodId, indicatorId: indicator(number), stage: "SELF" } } });

describe("saving an answer", () => {
  it("stores the owner's level and explanation with a new version, a level history and an audit record", async () => {
    const first = await save({ level: "2", explanation: "Draf awal" });
    expect(first).toMatchObject({ data: { version: "1" } });
    const second = await save({ version: 1, level: "3", explanation: EXPLANATION });
    expect(second).toMatchObject({ data: { version: "2" } });
    const answer = await selfAnswer();
    expect([answer?.level?.toString(), answer?.explanation, answer?.status, answer?.version]).toEqual(["3", EXPLANATION, "DRAFT", 2]);
    const changes = await db.levelChange.findMany({ where: { answerId: answer!.id }, orderBy: { createdAt: "asc" } });
    expect(changes.map((change) => [change.fromLevel?.toString() ?? null, change.toLevel?.toString()])).toEqual([[null, "2"], ["2", "3"]]);
    expect(await db.auditLog.count({ where: { entityId: answer!.id } })).toBe(2);
  });

  it("refuses a level outside the scale or a decimal on a whole-level framework, and changes nothing", async () => {
    for (const level of ["6", "0", "2,5", "tiga"]) {
      const refused = await save({ level });
      expect((refused as AppError).details, level).toEqual([expect.objectContaining({ field: "level" })]);
    }
    expect(await selfAnswer()).toBeNull();
  });

  it("refuses indicators not assigned to the owner's unit, other roles, and another agency's period", async () => {
    expect(await save({ indicatorId: indicator(4), level: "3" })).toMatchObject({ status: 403, message: expect.stringMatching(/tidak ditugaskan/) });
    expect(await save({ indicatorId: indicator(9), level: "3" })).toMatchObject({ status: 403 });
    expect(await save({ level: "3" }, await actorFor(fixtures, "KOORDINATOR"))).toMatchObject({ status: 403 });
    expect(await save({ level: "3" }, asesor)).toMatchObject({ status: 403 });
    expect(await save({ periodId: fixtures.other.periodId, indicatorId: indicator(1), level: "3" })).toMatchObject({ status: 404 });
    expect(await db.answer.count()).toBe(0);
  });

  it("50 people saving the same version: exactly one wins, the others get the winner's version to compare", async () => {
    await save({ level: "2", explanation: "awal" });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => save({ version: 1, level: String((i % 5) + 1), explanation: `versi ${i}` })),
    );
    const winners = outcomes.filter((outcome) => !(outcome instanceof AppError));
    const losers = outcomes.filter((outcome): outcome is AppError => outcome instanceof AppError);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    const stored = await selfAnswer();
    for (const loser of losers) {
      expect(loser.status).toBe(409);
      expect(loser.current).toMatchObject({ version: "2", explanation: stored!.explanation });
    }
    expect(stored!.version).toBe(2);
    // The audit trail matches the final state: one create, one update.
    const audits = await db.auditLog.findMany({ where: { entityId: stored!.id }, orderBy: { id: "asc" } });
    expect(audits.map((audit) => audit.action)).toEqual(["answer.create", "answer.update"]);
    expect((audits[1]!.after as { explanation: string }).explanation).toBe(stored!.explanation);
  });

  it("50 people saving a new answer at once: one creates it, the others get the conflict with the winner's version", async () => {
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => save({ level: String((i % 5) + 1), explanation: `pertama ${i}` })));
    const losers = outcomes.filter((outcome): outcome is AppError => outcome instanceof AppError);
    expect(outcomes.length - losers.length).toBe(1);
    const stored = await selfAnswer();
    expect(stored!.version).toBe(1);
    for (const loser of losers) {
      expect([loser.status, loser.code]).toEqual([409, "conflict"]);
      expect(loser.current).toMatchObject({ version: "1", explanation: stored!.explanation });
    }
    const audits = await db.auditLog.findMany({ where: { entityId: stored!.id } });
    expect(audits.map((audit) => audit.action)).toEqual(["answer.create"]);
    expect(await db.levelChange.count({ where: { answerId: stored!.id } })).toBe(1);
  });

  it("the Koordinator cannot change anything in a locked (final) period", async () => {
    await save({ level: "3", explanation: EXPLANATION });
    await db.assessmentPeriod.update({ where: { id: fixtures.home.periodId }, data: { phase: "FINAL", lockedAt: new Date() } });
    expect(await save({ version: 1, level: "4" })).toMatchObject({ status: 409, message: expect.stringMatching(/terkunci/) });
    expect((await selfAnswer())!.level!.toString()).toBe("3");
  });
});

describe("submitting and verifying", () => {
  it("submission needs a level, an explanation, and evidence from level 2 unless a reason is given", async () => {
    await save({ level: "3", explanation: "pendek" });
    const refused = await run(COMMANDS.submitAnswer, { periodId: fixtures.home.periodId, indicatorId: indicator(1), version: 1 });
    expect(new Set((refused as AppError).details.map((detail) => detail.field))).toEqual(new Set(["explanation", "evidenceIds"]));
    expect((await selfAnswer())!.status).toBe("DRAFT");

    await save({ version: 1, level: "3", explanation: EXPLANATION, evidenceWaiverReason: "Dokumen masih di bagian hukum untuk ditandatangani." });
    expect(await run(COMMANDS.submitAnswer, { periodId: fixtures.home.periodId, indicatorId: indicator(1), version: 2 })).toMatchObject({ data: { version: "3" } });
    expect((await selfAnswer())!.status).toBe("SUBMITTED");
    expect(await save({ version: 3, level: "4" })).toMatchObject({ status: 409 });
  });

  it("the asesor sends back with notes, the owner fixes it, the asesor verifies: every round is kept", async () => {
    await save({ level: "3", explanation: EXPLANATION, evidenceWaiverReason: "Bukti menyusul dari bagian hukum." });
    await run(COMMANDS.submitAnswer, { periodId: fixtures.home.periodId, indicatorId: indicator(1), version: 1 });
    const answerId = (await selfAnswer())!.id;

    const noNotes = await run(COMMANDS.verifyAnswer, { periodId: fixtures.home.periodId, answerId, version: 2, decision: "NEEDS_REVISION", notes: "" }, asesor);
    expect((noNotes as AppError).details).toEqual([expect.objectContaining({ field: "notes" })]);
    await run(COMMANDS.verifyAnswer, { periodId: fixtures.home.periodId, answerId, version: 2, decision: "NEEDS_REVISION", notes: "Lampirkan Perbup yang sudah ditetapkan." }, asesor);
    expect((await selfAnswer())!.status).toBe("NEEDS_REVISION");

    expect(await run(COMMANDS.verifyAnswer, { periodId: fixtures.home.periodId, answerId, version: 3, decision: "VERIFIED", verifiedLevel: "3" }, owner)).toMatchObject({ status: 403 });
    await save({ version: 3, level: "3", explanation: `${EXPLANATION} Perbup terlampir.`, evidenceWaiverReason: "Bukti menyusul dari bagian hukum." });
    expect((await selfAnswer())!.status).toBe("NEEDS_REVISION");
    await run(COMMANDS.submitAnswer, { periodId: fixtures.home.periodId, indicatorId: indicator(1), version: 4 });
    await run(COMMANDS.verifyAnswer, { periodId: fixtures.home.periodId, answerId, version: 5, decision: "VERIFIED", verifiedLevel: "2", notes: "Baru berlaku di sebagian unit." }, asesor);
    expect((await selfAnswer())!.status).toBe("VERIFIED");

    const rounds = await db.verificationRound.findMany({ where: { answerId }, orderBy: { round: "asc" } });
    expect(rounds.map((round) => [round.round, round.decision, round.verifiedLevel?.toString() ?? null])).toEqual([
      [1, "NEEDS_REVISION", null],
      [2, "VERIFIED", "2"],
    ]);
    const verified = await db.answer.findUniqueOrThrow({ where: { periodId_indicatorId_stage: { periodId: fixtures.home.periodId, indicatorId: indicator(1), stage: "INTERNAL_VERIFICATION" } } });
    expect(verified.level!.toString()).toBe("2");
    const change = await db.levelChange.findFirstOrThrow({ where: { answerId: verified.id } });
    expect([change.toLevel?.toString(), change.reason, change.actorId]).toEqual(["2", "Baru berlaku di sebagian unit.", asesor.userId]);
  });
});

describe("attaching evidence", () => {
  it("an owner attaches their unit's library items, not another unit's or another agency's", async () => {
    const make = (instansiId: string, ownerUnitId: string, title: string) =>
      db.evidence.create({ data: { instansiId, ownerUnitId, kind: "LINK", title, url: "https://jdih.example.go.id/x" } });
    const own = await make(fixtures.home.instansiId, fixtures.home.unitIds[0], "Milik unit sendiri");
    const sibling = await make(fixtures.home.instansiId, fixtures.home.unitIds[1], "Milik unit lain");
    const foreign = await make(fixtures.other.instansiId, fixtures.other.unitIds[0], "Milik instansi lain");
    expect(await save({ level: "2", evidenceIds: [sibling.id] })).toMatchObject({ status: 400 });
    expect(await save({ level: "2", evidenceIds: [foreign.id] })).toMatchObject({ status: 400 });
    expect(await db.answer.count()).toBe(0);
    expect(await save({ level: "2", evidenceIds: [own.id] })).not.toBeInstanceOf(AppError);
    expect(await db.answerEvidence.count()).toBe(1);
  });
});

describe("comments and link evidence", () => {
  it("owners, asesor and Koordinator discuss an indicator and mention members; outsiders cannot", async () => {
    const input = { periodId: fixtures.home.periodId, indicatorId: indicator(1), body: "Mohon cek pasal 3.", mentions: [fixtures.home.userIds.ASESOR] };
    expect(await run(COMMANDS.addComment, input)).not.toBeInstanceOf(AppError);
    expect(await run(COMMANDS.addComment, { ...input, mentions: [] }, asesor)).not.toBeInstanceOf(AppError);
    expect(await run(COMMANDS.addComment, { ...input, mentions: [fixtures.other.userIds.ASESOR] })).toMatchObject({ status: 400 });
    expect(await run(COMMANDS.addComment, { ...input, indicatorId: indicator(4) })).toMatchObject({ status: 403 });
    expect(await run(COMMANDS.addComment, input, await actorFor(fixtures, "PIMPINAN"))).toMatchObject({ status: 403 });
    const mentions = await db.commentMention.findMany();
    expect(mentions.map((mention) => mention.userId)).toEqual([fixtures.home.userIds.ASESOR]);
  });

  it("a link becomes evidence of the owner's unit attached to the answer; only http(s) is accepted", async () => {
    const bad = await run(COMMANDS.addLinkEvidence, { periodId: fixtures.home.periodId, indicatorId: indicator(1), title: "Skrip", url: "javascript:alert(1)" });
    expect((bad as AppError).details).toEqual([expect.objectContaining({ field: "url" })]);
    await run(COMMANDS.addLinkEvidence, { periodId: fixtures.home.periodId, indicatorId: indicator(1), title: "Portal JDIH", url: "https://jdih.rumah.go.id/perbup-12-2024" });
    const answer = await db.answer.findFirstOrThrow({ include: { evidence: { include: { evidence: true } } } });
    expect(answer.evidence.map((link) => [link.evidence.kind, link.evidence.ownerUnitId])).toEqual([["LINK", fixtures.home.unitIds[0]]]);
  });

  it("refuses a link with userinfo, which disguises the real host, as the library does", async () => {
    const disguised = await run(COMMANDS.addLinkEvidence, { periodId: fixtures.home.periodId, indicatorId: indicator(1), title: "Portal", url: "https://portal.go.id@evil.test/" });
    expect((disguised as AppError).details).toEqual([expect.objectContaining({ field: "url" })]);
    expect(await db.evidence.count()).toBe(0);
  });
});

describe("control characters in text (a NUL reached PostgreSQL and gave a 500)", () => {
  it("refuse an explanation, a comment, a unit name and a link title on the field, and save nothing", async () => {
    const explanation = await save({ level: "2", explanation: "Fakta\u0000 tersembunyi" });
    expect(explanation).toMatchObject({ code: "validation_failed", details: [expect.objectContaining({ field: "explanation", message: expect.stringMatching(/karakter kendali/) })] });
    expect(await selfAnswer()).toBeNull();
    const comment = await run(COMMANDS.addComment, { periodId: fixtures.home.periodId, indicatorId: indicator(1), body: "halo\u0000" });
    expect((comment as AppError).details).toEqual([expect.objectContaining({ field: "body" })]);
    const koordinator = await actorFor(fixtures, "KOORDINATOR");
    const unit = await run(COMMANDS.createUnit, { code: "unit-nul", name: "Dinas\u202eSPBE" }, koordinator);
    expect((unit as AppError).details).toEqual([expect.objectContaining({ field: "name" })]);
    const link = await run(COMMANDS.addLinkEvidence, { periodId: fixtures.home.periodId, indicatorId: indicator(1), title: "Portal\u0000", url: "https://jdih.rumah.go.id/" });
    expect((link as AppError).details).toEqual([expect.objectContaining({ field: "title" })]);
    const id = await save({ periodId: "a\u0000b" });
    expect(id).toMatchObject({ code: "validation_failed" });
    expect([await db.comment.count(), await db.unit.count({ where: { code: "unit-nul" } }), await db.evidence.count()]).toEqual([0, 0, 0]);
  });
});
