// Backup and restore of a period: exported from the test database, restored into a second,
// empty, migrated database (another scratch database on the PostgreSQL server, or a second
// embedded engine), then compared row by row, by index and by stored bytes. A restore
// refuses an agency that exists and a damaged archive, and writes nothing then.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { Readable } from "node:stream";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inject } from "vitest";
import { db, type Db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { verifyPassword } from "@/lib/auth/password";
import { startEmbeddedServer } from "@/lib/db/embedded-server";
import { applyMigrations } from "@/lib/db/schema-engine";
import { ANSWER_STAGES, scorePeriodStages } from "@/lib/results/period-summary";
import { blobKey, type BlobStorage } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local-storage";
import { BackupRefused } from "@/lib/backup/archive-format";
import { exportPeriod } from "@/lib/backup/export-period";
import { restorePeriod } from "@/lib/backup/restore-period";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, FIXTURE_PASSWORD, requestContext, type Fixtures } from "./fixtures";
import { createScratchDatabase } from "../support/scratch-database";
import { samples } from "../support/evidence-files";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-backup-test-"));
const sourceStorage = new LocalStorage(path.join(work, "source"));
const targetStorage = new LocalStorage(path.join(work, "target"));
const archive = path.join(work, "periode.tar.gz");
const pdf = samples.pdf("perbup-arsitektur");

let fixtures: Fixtures;
let target: Db;
let closeTarget: () => Promise<void>;

async function openTargetDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  if (inject("databaseKind") === "postgres") {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL!, "spbe_restore");
    return { url: scratch.url, close: scratch.drop };
  }
  const embedded = await startEmbeddedServer();
  return { url: embedded.url, close: embedded.close };
}

async function storeFile(storage: BlobStorage, instansiId: string, bytes: Buffer) {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await storage.put(blobKey(instansiId, sha256), () => Readable.from([bytes]), bytes.length);
  return db.blob.create({ data: { instansiId, sha256, size: bytes.length, mimeType: "application/pdf", storageKey: blobKey(instansiId, sha256) } });
}

/** A period with something in every table a backup carries. */
async function fillPeriod(f: Fixtures) {
  const { home } = f;
  const indicator = (number: number) => f.framework.indicatorIds[number]!;
  const owner = await actorFor(f, "ADMIN_OPD");
  const koordinator = await actorFor(f, "KOORDINATOR");
  const blob = await storeFile(sourceStorage, home.instansiId, pdf);
  const file = await db.evidence.create({
    data: { instansiId: home.instansiId, ownerUnitId: home.unitIds[0], kind: "FILE", title: "Perbup Arsitektur SPBE", documentType: "PERATURAN", documentNo: "12/2024", enactedAt: new Date("2024-03-01"), blobId: blob.id, originalName: "perbup.pdf", createdById: home.userIds.ADMIN_OPD },
  });
  await db.evidencePeriod.create({ data: { evidenceId: file.id, periodId: home.periodId, confirmedAt: new Date(), confirmedById: home.userIds.ADMIN_OPD } });
  // An item of the library that no answer of this period uses stays out of the archive.
  await storeFile(sourceStorage, home.instansiId, samples.pdf("tidak-dipakai"));

  const explanation = "Fakta: Perbup 12/2024 tentang Arsitektur SPBE, pasal 3. Analisis: kriteria tingkat 3 terpenuhi.";
  for (const [number, level] of [[1, "3"], [2, "4"], [3, "2"]] as const) {
    await executeCommand(db, COMMANDS.saveAnswer, owner, requestContext, { periodId: home.periodId, indicatorId: indicator(number), version: 0, level, explanation, evidenceIds: [file.id] });
  }
  await executeCommand(db, COMMANDS.saveAnswer, owner, requestContext, { periodId: home.periodId, indicatorId: indicator(1), version: 1, level: "4", explanation, evidenceIds: [file.id] });
  await executeCommand(db, COMMANDS.submitAnswer, owner, requestContext, { periodId: home.periodId, indicatorId: indicator(1), version: 2 });
  const self = await db.answer.findFirstOrThrow({ where: { periodId: home.periodId, indicatorId: indicator(1), stage: "SELF" } });
  await executeCommand(db, COMMANDS.verifyAnswer, await actorFor(f, "ASESOR"), requestContext, { periodId: home.periodId, answerId: self.id, version: self.version, decision: "VERIFIED", verifiedLevel: "3", notes: "Reviu belum ada" });
  await executeCommand(db, COMMANDS.addComment, koordinator, requestContext, { periodId: home.periodId, indicatorId: indicator(2), body: "Mohon lengkapi notulen.", mentions: [home.userIds.ADMIN_OPD] });
  await db.answer.createMany({
    data: [1, 2].map((number) => ({ periodId: home.periodId, indicatorId: indicator(number), stage: "DOCUMENT" as const, level: "2", status: "RECORDED" as const })),
  });
  await db.objection.create({ data: { periodId: home.periodId, indicatorId: indicator(1), stage: "DOCUMENT", reason: "Reviu sudah ada sejak 2024.", status: "SUBMITTED", createdById: home.userIds.KOORDINATOR } });
  await db.recommendation.create({ data: { periodId: home.periodId, indicatorId: indicator(2), source: "EXTERNAL", text: "Tetapkan SOP manajemen data.", ownerUnitId: home.unitIds[0], dueDate: new Date("2027-06-30"), targetLevel: "3", createdById: home.userIds.KOORDINATOR } });
  const assignment = await db.assignment.findFirstOrThrow({ where: { periodId: home.periodId, indicatorId: indicator(1) } });
  await db.assignmentAssignee.create({ data: { assignmentId: assignment.id, userId: home.userIds.ADMIN_OPD } });
  // A candidate carried over from another framework's period, still waiting for its owner.
  const candidate = await db.evidence.create({ data: { instansiId: home.instansiId, ownerUnitId: home.unitIds[1], kind: "LINK", title: "Portal Satu Data", url: "https://data.rumah.go.id" } });
  await db.evidenceCandidate.create({ data: { periodId: home.periodId, indicatorId: indicator(4), evidenceId: candidate.id, sourceCode: "I9" } });
  await db.evidencePeriod.create({ data: { evidenceId: candidate.id, periodId: home.periodId } });
  await db.historicalResult.create({ data: { instansiId: home.instansiId, year: 2024, frameworkCode: "spbe-2020", index: "2.8100", predicate: "Baik", nodeIndices: { D1: "3.10" }, source: "Laporan KemenPANRB 2024" } });
}

/** The period's rows in a form both deployments share (framework nodes by code). */
async function snapshot(client: Db, periodId: string) {
  const nodes = new Map((await client.frameworkNode.findMany({ select: { id: true, code: true } })).map((node) => [node.id, node.code]));
  const withCode = <T extends { indicatorId: string }>(rows: T[]) => rows.map((row) => ({ ...row, indicatorId: nodes.get(row.indicatorId) }));
  const period = await client.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId }, omit: { frameworkVersionId: true } });
  const answerIds = (await client.answer.findMany({ where: { periodId }, select: { id: true } })).map((row) => row.id);
  const users = await client.user.findMany({ where: { memberships: { some: { instansiId: period.instansiId } } }, omit: { passwordHash: true, sessionVersion: true, mustChangePassword: true, updatedAt: true }, orderBy: { id: "asc" } });
  return {
    instansi: await client.instansi.findUniqueOrThrow({ where: { id: period.instansiId } }),
    units: await client.unit.findMany({ where: { instansiId: period.instansiId }, orderBy: { id: "asc" } }),
    users,
    memberships: await client.membership.findMany({ where: { instansiId: period.instansiId }, orderBy: { id: "asc" } }),
    historical: await client.historicalResult.findMany({ where: { instansiId: period.instansiId } }),
    period,
    assignments: withCode(await client.assignment.findMany({ where: { periodId }, orderBy: { id: "asc" } })),
    assignees: await client.assignmentAssignee.findMany({ where: { assignment: { periodId } } }),
    answers: withCode(await client.answer.findMany({ where: { periodId }, orderBy: { id: "asc" } })),
    levelChanges: await client.levelChange.findMany({ where: { answerId: { in: answerIds } }, orderBy: { id: "asc" } }),
    rounds: await client.verificationRound.findMany({ where: { answerId: { in: answerIds } }, orderBy: { id: "asc" } }),
    comments: withCode(await client.comment.findMany({ where: { periodId }, orderBy: { id: "asc" } })),
    mentions: await client.commentMention.findMany({ where: { comment: { periodId } } }),
    recommendations: withCode(await client.recommendation.findMany({ where: { periodId }, orderBy: { id: "asc" } })),
    objections: withCode(await client.objection.findMany({ where: { periodId }, orderBy: { id: "asc" } })),
    answerEvidence: await client.answerEvidence.findMany({ where: { answerId: { in: answerIds } }, orderBy: { answerId: "asc" } }),
    evidencePeriods: await client.evidencePeriod.findMany({ where: { periodId }, orderBy: { evidenceId: "asc" } }),
    evidenceCandidates: withCode(await client.evidenceCandidate.findMany({ where: { periodId } })),
    evidence: await client.evidence.findMany({ where: { periods: { some: { periodId } } }, include: { blob: true }, orderBy: { id: "asc" } }),
  };
}

async function indices(client: Db, periodId: string) {
  const period = await client.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId } });
  const scored = (await scorePeriodStages(client, [period], ANSWER_STAGES)).get(periodId)!;
  return Object.fromEntries(ANSWER_STAGES.map((stage) => [stage, [scored.scores[stage].indexExact, scored.scores[stage].predicate, scored.scores[stage].answeredCount]]));
}

beforeAll(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  await fillPeriod(fixtures);
  const opened = await openTargetDatabase();
  await applyMigrations(opened.url);
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: opened.url, max: 2 }) });
  target = client;
  closeTarget = async () => {
    await client.$disconnect();
    await opened.close();
  };
});

afterAll(async () => {
  await closeTarget?.();
  fs.rmSync(work, { recursive: true, force: true });
});

it("round-trips a period into an empty deployment: same rows, same indices, same files, no password hashes", async () => {
  const { home } = fixtures;
  const exported = await exportPeriod(db, sourceStorage, home.periodId, archive);
  expect(exported.manifest.blobs).toHaveLength(1);
  expect(exported.manifest.counts).toMatchObject({ answers: 6, verificationRounds: 1, comments: 1, mentions: 1, recommendations: 1, objections: 1, evidence: 2, evidencePeriods: 2, evidenceCandidates: 1, assignees: 1, historicalResults: 1 });
  const raw = zlib.gunzipSync(fs.readFileSync(archive));
  const hash = (await db.user.findUniqueOrThrow({ where: { id: home.userIds.KOORDINATOR } })).passwordHash!;
  expect(raw.includes(Buffer.from(hash))).toBe(false);
  expect(raw.includes(Buffer.from("passwordHash"))).toBe(false);

  const report = await restorePeriod(target, targetStorage, archive);

  expect(await snapshot(target, home.periodId)).toEqual(await snapshot(db, home.periodId));
  expect(await indices(target, home.periodId)).toEqual(await indices(db, home.periodId));
  expect((await indices(target, home.periodId)).SELF![2]).toBe(3);
  const blob = await target.blob.findFirstOrThrow();
  const restored = Buffer.concat(await (await targetStorage.read(blob.storageKey)).toArray());
  expect(restored.equals(pdf)).toBe(true);

  // Only this period's agency, and only the files its period uses.
  expect(await target.instansi.count()).toBe(1);
  expect(await target.blob.count()).toBe(1);
  expect(await target.assessmentPeriod.count()).toBe(1);

  // Accounts come back without passwords; the Koordinator gets a one-time password.
  expect(report.temporaryPasswords.map((entry) => entry.email)).toEqual(["koordinator@rumah.uji"]);
  const koordinator = await target.user.findUniqueOrThrow({ where: { email: "koordinator@rumah.uji" } });
  expect(koordinator.mustChangePassword).toBe(true);
  expect(await verifyPassword(koordinator.passwordHash!, report.temporaryPasswords[0]!.password)).toBe(true);
  expect(await verifyPassword(koordinator.passwordHash!, FIXTURE_PASSWORD)).toBe(false);
  const others = await target.user.findMany({ where: { email: { not: "koordinator@rumah.uji" } } });
  expect(others.length).toBeGreaterThan(0);
  expect(others.every((user) => user.passwordHash === null)).toBe(true);
  expect(await target.auditLog.count({ where: { action: "backup.restore", entityId: home.periodId } })).toBe(1);
});

it("refuses to restore an agency that exists, and a damaged archive, writing nothing", async () => {
  if (!fs.existsSync(archive)) await exportPeriod(db, sourceStorage, fixtures.home.periodId, archive);
  const before = await db.answer.count();
  await expect(restorePeriod(db, sourceStorage, archive)).rejects.toThrow(BackupRefused);
  await expect(restorePeriod(db, sourceStorage, archive)).rejects.toThrow(/sudah ada/);
  expect(await db.answer.count()).toBe(before);

  // One byte of the evidence file changed inside the archive: refused before anything is read into the database.
  const raw = zlib.gunzipSync(fs.readFileSync(archive));
  const at = raw.indexOf(pdf);
  expect(at).toBeGreaterThan(0);
  raw[at + 20] = raw[at + 20]! ^ 0xff;
  const damaged = path.join(work, "rusak.tar.gz");
  fs.writeFileSync(damaged, zlib.gzipSync(raw));
  const rows = await target.answer.count();
  await expect(restorePeriod(target, targetStorage, damaged)).rejects.toThrow(/rusak/);
  expect(await target.answer.count()).toBe(rows);
});

it("links a person whose email the target already knows instead of creating a second account", async () => {
  if (!fs.existsSync(archive)) await exportPeriod(db, sourceStorage, fixtures.home.periodId, archive);
  const other = await openTargetDatabase();
  await applyMigrations(other.url);
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: other.url, max: 2 }) });
  try {
    const existing = await client.user.create({ data: { email: "koordinator@rumah.uji", name: "Koordinator yang sudah ada", passwordHash: "tetap" } });
    const report = await restorePeriod(client, new LocalStorage(path.join(work, "lain")), archive);
    expect(report.linkedUsers).toEqual(["koordinator@rumah.uji"]);
    expect(report.temporaryPasswords).toEqual([]);
    expect(await client.user.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ passwordHash: "tetap", name: "Koordinator yang sudah ada" });
    expect(await client.membership.count({ where: { userId: existing.id, role: "KOORDINATOR", instansiId: fixtures.home.instansiId } })).toBe(1);
    expect(await client.comment.findMany({ select: { authorId: true } })).toEqual([{ authorId: existing.id }]);
    expect(await client.user.count({ where: { email: "koordinator@rumah.uji" } })).toBe(1);
  } finally {
    await client.$disconnect();
    await other.close();
  }
});
