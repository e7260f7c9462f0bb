// Restores a period backup archive (see archive-format.ts) into a deployment that does not
// have its agency yet. Order of work, so a refusal or a crash never leaves half a period:
// 1. unpack into a temporary folder and verify everything (manifest, SHA-256 of data.json
//    and of every file) before touching the deployment;
// 2. refuse when the agency or the period already exists;
// 3. make sure the framework version exists (reference data, imported idempotently);
// 4. store the files through the storage interface (content-addressed: rows that never
//    commit leave only unreferenced files, which the evidence sweep removes);
// 5. write every row in one transaction, with its audit record.
// Password hashes are not in archives: restored accounts have no password. The agency's
// Koordinator gets a one-time password (returned once, like a reset) and resets the others.
import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline as pipe } from "node:stream";
import zlib from "node:zlib";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { restoreAnswers } from "@/lib/assessment/answer-lifecycle";
import { writeAudit, type RequestContext } from "@/lib/audit";
import { setTemporaryPassword } from "@/lib/admin/users";
import { importFrameworkVersion } from "@/lib/framework-versions/store";
import { blobKey, type BlobStorage } from "@/lib/storage";
import { BackupRefused, BLOB_ENTRY, DATA_ENTRY, MANIFEST_ENTRY, TABLES, ZManifest, type Manifest, type PeriodData } from "./archive-format";
import { readTar } from "./tar";

const JSON_ENTRY_MAX_BYTES = 512 * 1024 * 1024;

type Unpacked = { manifest: Manifest; data: PeriodData; files: Map<string, string> };

async function unpack(file: string, work: string): Promise<Unpacked> {
  const texts = new Map<string, Buffer>();
  const files = new Map<string, string>();
  const source = pipe(fs.createReadStream(file), zlib.createGunzip(), () => {});
  try {
    await readTar(source, async (name, size) => {
      if (name === MANIFEST_ENTRY || name === DATA_ENTRY) {
        if (size > JSON_ENTRY_MAX_BYTES) throw new BackupRefused(`${name} terlalu besar.`);
        const chunks: Buffer[] = [];
        return { write: (chunk) => void chunks.push(chunk), end: () => void texts.set(name, Buffer.concat(chunks)) };
      }
      const sha256 = BLOB_ENTRY.exec(name)?.[1];
      if (!sha256) throw new BackupRefused(`Isi arsip tidak dikenal: ${name}.`);
      const target = path.join(work, sha256);
      const handle = await fsp.open(target, "wx", 0o600);
      const hash = createHash("sha256");
      return {
        async write(chunk) {
          hash.update(chunk);
          await handle.write(chunk);
        },
        async end() {
          await handle.close();
          const actual = hash.digest("hex");
          if (actual !== sha256) throw new BackupRefused(`Berkas ${sha256} dalam arsip rusak (isinya ${actual}).`);
          files.set(sha256, target);
        },
      };
    });
  } catch (error) {
    if (error instanceof BackupRefused) throw error;
    throw new BackupRefused(`Arsip tidak dapat dibaca: ${error instanceof Error ? error.message : String(error)}`);
  }

  const manifestText = texts.get(MANIFEST_ENTRY);
  const dataText = texts.get(DATA_ENTRY);
  if (!manifestText || !dataText) throw new BackupRefused("Ini bukan arsip cadangan periode: manifest.json atau data.json tidak ada.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestText.toString("utf8"));
  } catch {
    throw new BackupRefused("manifest.json bukan JSON.");
  }
  const checked = ZManifest.safeParse(parsed);
  if (!checked.success) throw new BackupRefused("Ini bukan arsip cadangan periode yang dikenal (format atau versinya berbeda).");
  const manifest = checked.data;
  if (dataText.length !== manifest.data.size || createHash("sha256").update(dataText).digest("hex") !== manifest.data.sha256) {
    throw new BackupRefused("data.json tidak sama dengan yang dicatat manifest: arsip rusak.");
  }
  const listed = new Set(manifest.blobs.map((blob) => blob.sha256));
  for (const blob of manifest.blobs) {
    const stored = files.get(blob.sha256);
    if (!stored || (await fsp.stat(stored)).size !== blob.size) throw new BackupRefused(`Berkas ${blob.sha256} tidak ada atau tidak lengkap dalam arsip.`);
  }
  if ([...files.keys()].some((sha256) => !listed.has(sha256))) throw new BackupRefused("Arsip berisi berkas yang tidak dicatat manifest.");
  const data = JSON.parse(dataText.toString("utf8")) as PeriodData;
  if (data.blobs.some((blob) => !listed.has(blob.sha256))) throw new BackupRefused("Data merujuk berkas yang tidak ada dalam arsip.");
  return { manifest, data, files };
}

async function assertEmptyFor(db: Db, data: PeriodData): Promise<void> {
  const instansi = await db.instansi.findFirst({ where: { OR: [{ id: data.instansi.id! }, { code: data.instansi.code }] }, select: { code: true } });
  if (instansi) throw new BackupRefused(`Instansi ${instansi.code} sudah ada di deployment ini; arsip hanya dipulihkan ke deployment yang belum memilikinya.`);
  if (await db.assessmentPeriod.findUnique({ where: { id: data.period.id! }, select: { id: true } })) {
    throw new BackupRefused(`Periode ${data.period.id} sudah ada di deployment ini.`);
  }
}

/** The target's node id of every archive node id, by node code (ids differ between deployments). */
async function frameworkNodes(db: Db, framework: PeriodData["framework"]): Promise<{ versionId: string; node: (id: string) => string }> {
  const find = () => db.frameworkVersion.findFirst({ where: { checksum: framework.checksum, framework: { code: framework.code } }, select: { id: true, nodes: { select: { id: true, code: true } } } });
  let version = await find();
  if (!version) {
    const imported = await importFrameworkVersion(db, framework.definition, { notes: "Dipulihkan dari arsip cadangan periode" });
    if (imported.checksum !== framework.checksum) throw new BackupRefused(`Kerangka ${framework.code} dalam arsip tidak cocok dengan checksum-nya.`);
    version = await find();
  }
  const byCode = new Map(version!.nodes.map((node) => [node.code, node.id]));
  const archived = new Map(framework.nodes.map((node) => [node.id, node.code]));
  return {
    versionId: version!.id,
    node(id) {
      const target = byCode.get(archived.get(id) ?? "");
      if (!target) throw new BackupRefused(`Node kerangka ${id} tidak dikenal.`);
      return target;
    },
  };
}

async function storeFiles(storage: BlobStorage, data: PeriodData, files: Map<string, string>): Promise<void> {
  for (const blob of data.blobs) {
    const key = blobKey(data.instansi.id!, blob.sha256);
    const size = Number(blob.size);
    const existing = await storage.stat(key);
    if (existing?.size === size) continue;
    await storage.put(key, () => fs.createReadStream(files.get(blob.sha256)!), size);
    if ((await storage.stat(key))?.size !== size) throw new Error(`stored file ${key} is incomplete`);
  }
}

export type RestoreReport = {
  manifest: Manifest;
  /** Accounts that already existed (same email) and were linked instead of created. */
  linkedUsers: string[];
  /** One-time passwords of the restored Koordinators, to hand over once. */
  temporaryPasswords: { email: string; password: string }[];
};

const OPERATOR: RequestContext = { actorId: null, ip: null, userAgent: "backup:restore", requestId: null };

export async function restorePeriod(db: Db, storage: BlobStorage, file: string, request: RequestContext = OPERATOR): Promise<RestoreReport> {
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), "spbe-restore-"));
  try {
    const { manifest, data, files } = await unpack(file, work);
    await assertEmptyFor(db, data);
    const framework = await frameworkNodes(db, data.framework);
    await storeFiles(storage, data, files);
    return await db.$transaction(
      async (tx) => {
        const existing = await tx.user.findMany({ where: { email: { in: data.users.map((user) => user.email) } }, select: { id: true, email: true } });
        const linked = new Map(existing.map((user) => [user.email, user.id]));
        const userIds = new Map(data.users.flatMap((user) => (linked.has(user.email) ? [[user.id!, linked.get(user.email)!]] : [])));
        const user = <T extends string | null | undefined>(id: T): T => (id ? ((userIds.get(id) ?? id) as T) : id);
        const node = framework.node;
        const restoredUsers = data.users.filter((row) => !linked.has(row.email));

        await tx.instansi.create({ data: data.instansi });
        await tx.unit.createMany({ data: data.units });
        await tx.user.createMany({ data: restoredUsers.map((row) => ({ ...row, passwordHash: null, sessionVersion: (row.sessionVersion ?? 1) + 1 })) });
        await tx.membership.createMany({ data: data.memberships.map((row) => ({ ...row, userId: user(row.userId) })) });
        await tx.historicalResult.createMany({ data: data.historicalResults.map((row) => ({ ...row, nodeIndices: row.nodeIndices ?? Prisma.DbNull })) });
        const baseline = data.period.baselinePeriodId ? await tx.assessmentPeriod.findUnique({ where: { id: data.period.baselinePeriodId }, select: { id: true } }) : null;
        await tx.assessmentPeriod.create({
          data: { ...data.period, frameworkVersionId: framework.versionId, baselinePeriodId: baseline?.id ?? null, lockedById: user(data.period.lockedById) },
        });
        await tx.assignment.createMany({ data: data.assignments.map((row) => ({ ...row, indicatorId: node(row.indicatorId) })) });
        await tx.assignmentAssignee.createMany({ data: data.assignees.map((row) => ({ ...row, userId: user(row.userId) })) });
        await restoreAnswers(
          tx,
          data.answers.map((row) => ({ ...row, indicatorId: node(row.indicatorId), updatedById: user(row.updatedById) })),
          data.levelChanges.map((row) => ({ ...row, actorId: user(row.actorId) })),
        );
        await tx.verificationRound.createMany({ data: data.verificationRounds.map((row) => ({ ...row, reviewerId: user(row.reviewerId) })) });
        await tx.comment.createMany({ data: data.comments.map((row) => ({ ...row, indicatorId: node(row.indicatorId), authorId: user(row.authorId) })) });
        await tx.commentMention.createMany({ data: data.mentions.map((row) => ({ ...row, userId: user(row.userId) })) });
        await tx.recommendation.createMany({ data: data.recommendations.map((row) => ({ ...row, indicatorId: node(row.indicatorId), createdById: user(row.createdById) })) });
        await tx.objection.createMany({ data: data.objections.map((row) => ({ ...row, indicatorId: node(row.indicatorId), createdById: user(row.createdById) })) });
        await tx.blob.createMany({ data: data.blobs.map((row) => ({ ...row, storageKey: blobKey(data.instansi.id!, row.sha256) })) });
        await tx.evidence.createMany({ data: data.evidence.map((row) => ({ ...row, createdById: user(row.createdById), deletedById: user(row.deletedById) })) });
        await tx.answerEvidence.createMany({ data: data.answerEvidence.map((row) => ({ ...row, addedById: user(row.addedById) })) });
        await tx.evidencePeriod.createMany({ data: data.evidencePeriods.map((row) => ({ ...row, confirmedById: user(row.confirmedById) })) });
        await tx.evidenceCandidate.createMany({ data: data.evidenceCandidates.map((row) => ({ ...row, indicatorId: node(row.indicatorId) })) });

        const koordinators = new Set(data.memberships.filter((row) => row.role === "KOORDINATOR" && row.isActive !== false).map((row) => row.userId));
        const temporaryPasswords = [];
        for (const row of restoredUsers) {
          if (row.isActive === false || !koordinators.has(row.id!)) continue;
          temporaryPasswords.push({ email: row.email, password: await setTemporaryPassword(tx, row.id!) });
        }
        await writeAudit(tx, request, {
          action: "backup.restore",
          entityType: "AssessmentPeriod",
          entityId: data.period.id!,
          instansiId: data.instansi.id!,
          after: { archiveCreatedAt: manifest.createdAt, year: data.period.year, counts: Object.fromEntries(TABLES.map((table) => [table, data[table].length])), linkedUsers: [...linked.keys()] },
        });
        return { manifest, linkedUsers: [...linked.keys()], temporaryPasswords };
      },
      { timeout: 300_000, maxWait: 30_000 },
    );
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}
