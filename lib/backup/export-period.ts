// Exports one assessment period into a backup archive (see archive-format.ts). The rows are
// read in one repeatable-read transaction, so the archive is a consistent snapshot even
// while people keep working; the evidence bytes are read through the storage interface
// and their SHA-256 checked on the way, so a damaged stored file fails the export instead
// of producing an archive that cannot be restored.
import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { pipeline as pipe, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import type { Db, DbTransaction } from "@/lib/db";
import type { BlobStorage } from "@/lib/storage";
import { ZFrameworkDefinition } from "@/lib/framework/schema";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  BackupRefused,
  blobEntry,
  DATA_ENTRY,
  MANIFEST_ENTRY,
  toJson,
  type Manifest,
  TABLES,
  type PeriodData,
} from "./archive-format";
import { bufferSource, tarStream, type TarSource } from "./tar";

async function readPeriod(tx: DbTransaction, periodId: string): Promise<PeriodData> {
  const period = await tx.assessmentPeriod.findUnique({ where: { id: periodId } });
  if (!period) throw new BackupRefused(`Periode ${periodId} tidak ditemukan.`);
  const instansiId = period.instansiId;
  const ofPeriod = { periodId };
  const ofAnswers = { answer: { periodId } };
  // One after the other: a transaction is one connection, which runs one query at a time.
  const instansi = await tx.instansi.findUniqueOrThrow({ where: { id: instansiId } });
  const units = await tx.unit.findMany({ where: { instansiId }, orderBy: { id: "asc" } });
  const memberships = await tx.membership.findMany({ where: { instansiId }, orderBy: { id: "asc" } });
  const historicalResults = await tx.historicalResult.findMany({ where: { instansiId }, orderBy: { year: "asc" } });
  const version = await tx.frameworkVersion.findUniqueOrThrow({
    where: { id: period.frameworkVersionId },
    select: { version: true, checksum: true, definition: true, framework: { select: { code: true } }, nodes: { select: { id: true, code: true } } },
  });
  const assignments = await tx.assignment.findMany({ where: ofPeriod, orderBy: { id: "asc" } });
  const assignees = await tx.assignmentAssignee.findMany({ where: { assignment: ofPeriod } });
  const answers = await tx.answer.findMany({ where: ofPeriod, orderBy: { id: "asc" } });
  const levelChanges = await tx.levelChange.findMany({ where: ofAnswers, orderBy: { id: "asc" } });
  const verificationRounds = await tx.verificationRound.findMany({ where: ofAnswers, orderBy: { id: "asc" } });
  const comments = await tx.comment.findMany({ where: ofPeriod, orderBy: { id: "asc" } });
  const mentions = await tx.commentMention.findMany({ where: { comment: ofPeriod } });
  const recommendations = await tx.recommendation.findMany({ where: ofPeriod, orderBy: { id: "asc" } });
  const objections = await tx.objection.findMany({ where: ofPeriod, orderBy: { id: "asc" } });
  const answerEvidence = await tx.answerEvidence.findMany({ where: ofAnswers });
  const evidencePeriods = await tx.evidencePeriod.findMany({ where: ofPeriod });
  const evidenceCandidates = await tx.evidenceCandidate.findMany({ where: ofPeriod, orderBy: [{ indicatorId: "asc" }, { evidenceId: "asc" }] });
  const evidenceIds = [...new Set([...answerEvidence, ...evidencePeriods, ...evidenceCandidates].map((link) => link.evidenceId))];
  const evidence = await tx.evidence.findMany({ where: { id: { in: evidenceIds } }, orderBy: { id: "asc" } });
  const blobIds = [...new Set(evidence.flatMap((item) => (item.blobId ? [item.blobId] : [])))];
  const blobs = await tx.blob.findMany({ where: { id: { in: blobIds } }, orderBy: { id: "asc" } });

  // Everyone a row names, members or not (a superadmin who commented, a former reviewer).
  const named = [
    period.lockedById,
    ...memberships.map((row) => row.userId),
    ...assignees.map((row) => row.userId),
    ...answers.map((row) => row.updatedById),
    ...levelChanges.map((row) => row.actorId),
    ...verificationRounds.map((row) => row.reviewerId),
    ...comments.map((row) => row.authorId),
    ...mentions.map((row) => row.userId),
    ...recommendations.map((row) => row.createdById),
    ...objections.map((row) => row.createdById),
    ...evidence.flatMap((row) => [row.createdById, row.deletedById]),
    ...answerEvidence.map((row) => row.addedById),
    ...evidencePeriods.map((row) => row.confirmedById),
  ];
  const userIds = [...new Set(named.filter((id): id is string => id !== null))];
  const users = await tx.user.findMany({ where: { id: { in: userIds } }, omit: { passwordHash: true }, orderBy: { id: "asc" } });

  return {
    instansi,
    units,
    users,
    memberships,
    historicalResults,
    framework: {
      code: version.framework.code,
      version: version.version,
      checksum: version.checksum,
      definition: ZFrameworkDefinition.parse(version.definition),
      nodes: version.nodes,
    },
    period,
    assignments,
    assignees,
    answers,
    levelChanges,
    verificationRounds,
    comments,
    mentions,
    recommendations,
    objections,
    blobs,
    evidence,
    answerEvidence,
    evidencePeriods,
    evidenceCandidates,
  };
}

/** Passes the stored bytes through while hashing them; fails at the end when they are not what the row says. */
function verifying(expected: string): Transform {
  const hash = createHash("sha256");
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const actual = hash.digest("hex");
      done(actual === expected ? null : new Error(`stored file ${expected} is damaged (its content hashes to ${actual})`));
    },
  });
}

export type ExportReport = { file: string; manifest: Manifest };

/** Writes the archive of `periodId` to `file` (through a temporary name: a failed export leaves nothing). */
export async function exportPeriod(db: Db, storage: BlobStorage, periodId: string, file: string): Promise<ExportReport> {
  const data = await db.$transaction((tx) => readPeriod(tx, periodId), { isolationLevel: "RepeatableRead", timeout: 120_000 });
  const dataJson = Buffer.from(toJson(data), "utf8");
  const counts = Object.fromEntries(TABLES.map((table) => [table, data[table].length]));
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    instansi: { id: data.instansi.id!, code: data.instansi.code, name: data.instansi.name },
    period: { id: data.period.id!, year: data.period.year },
    framework: { code: data.framework.code, checksum: data.framework.checksum },
    data: { sha256: createHash("sha256").update(dataJson).digest("hex"), size: dataJson.length },
    counts,
    blobs: data.blobs.map((blob) => ({ sha256: blob.sha256, size: Number(blob.size) })),
  };

  const blobSources: TarSource[] = data.blobs.map((blob) => ({
    name: blobEntry(blob.sha256),
    size: Number(blob.size),
    open: async () => pipe(await storage.read(blob.storageKey), verifying(blob.sha256), () => {}),
  }));
  const partial = `${file}.part`;
  try {
    await pipeline(
      tarStream([bufferSource(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 2))), bufferSource(DATA_ENTRY, dataJson), ...blobSources]),
      zlib.createGzip(),
      fs.createWriteStream(partial, { mode: 0o600 }),
    );
    await fsp.rename(partial, file);
  } catch (error) {
    await fsp.rm(partial, { force: true });
    throw error;
  }
  return { file, manifest };
}
