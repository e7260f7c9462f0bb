// Frameworks in the database: each import is an immutable FrameworkVersion holding the
// validated definition (the scoring engine's input) and the same tree as FrameworkNode
// rows (what answers, assignments and comments point at). Framework-free on purpose: the
// seed, scripts and route handlers all call these functions.
import { createHash } from "node:crypto";
import type { Db, DbClient, DbTransaction } from "@/lib/db";
import { Prisma, type NodeKind } from "@/lib/generated/prisma/client";
import { deepFreeze, listFrameworks } from "@/lib/framework/catalog";
import { isIndicatorNode, ZFrameworkDefinition, type FrameworkDefinition, type FrameworkNode } from "@/lib/framework/schema";
import { walkNodes } from "@/lib/framework/tree";
import { checkMappingTargets, formatFrameworkIssues, validateFramework } from "@/lib/framework/validate";
import { compileFramework } from "@/lib/scoring/compiled-framework";

export interface StoredFrameworkVersion {
  readonly id: string;
  readonly version: number;
  readonly code: string;
  readonly checksum: string;
  readonly definition: FrameworkDefinition;
}

export interface ImportedFrameworkVersion extends StoredFrameworkVersion {
  /** False when a version with the same checksum already existed and was returned as is. */
  readonly isNew: boolean;
}

export interface ImportFrameworkOptions {
  readonly notes?: string;
  readonly importedById?: string;
}

/** The database only knows these three levels; anything else must be refused before writing. */
const NODE_KINDS: Readonly<Record<string, NodeKind>> = {
  domain: "DOMAIN",
  aspect: "ASPECT",
  indicator: "INDICATOR",
};

/**
 * JSON with object keys sorted at every depth, so the same definition always produces
 * the same text (and checksum) whatever order its keys were written in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const record = item as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
  });
}

/** Checksum of a definition as validateFramework returns it (normalized decimals and texts). */
export function frameworkChecksum(definition: FrameworkDefinition): string {
  return createHash("sha256").update(canonicalJson(definition)).digest("hex");
}

/**
 * Stores `definition` as the next version of its framework, or returns the existing
 * version with the same content. An existing version is never modified: a period that
 * was scored against it must keep producing the same index.
 *
 * The definition is validated (and normalized) again here, because this is the last
 * gate before the data becomes an official-looking index.
 */
export async function importFrameworkVersion(
  db: Db,
  definition: FrameworkDefinition,
  options: ImportFrameworkOptions = {},
): Promise<ImportedFrameworkVersion> {
  const validation = validateFramework(definition);
  if (!validation.ok) {
    throw new Error(`Kerangka ${definition.code} tidak valid:\n${formatFrameworkIssues(validation.issues)}`);
  }
  const framework = validation.framework;
  assertStorableKinds(framework);
  const targets = await Promise.all((framework.mappings ?? []).map((mapping) => getLatestFrameworkVersion(db, mapping.framework)));
  const mappingIssues = checkMappingTargets(framework, (code) => targets.find((target) => target?.code === code)?.definition);
  if (mappingIssues.length > 0) throw new Error(`Kerangka ${definition.code} tidak valid:\n${formatFrameworkIssues(mappingIssues)}`);
  const canonical = canonicalJson(framework);
  const checksum = frameworkChecksum(framework);

  try {
    return await writeVersion(db, framework, canonical, checksum, options);
  } catch (error) {
    // Two processes importing at once (e.g. two instances starting together) collide on
    // the version or checksum unique key; the loser retries once and finds the winner's row.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return writeVersion(db, framework, canonical, checksum, options);
    }
    throw error;
  }
}

async function writeVersion(
  db: Db,
  framework: FrameworkDefinition,
  canonical: string,
  checksum: string,
  options: ImportFrameworkOptions,
): Promise<ImportedFrameworkVersion> {
  return db.$transaction((tx) => writeVersionIn(tx, framework, canonical, checksum, options));
}

/**
 * importFrameworkVersion inside a transaction the caller owns (the superadmin's import
 * command, whose audit record must commit with the version). `framework` must come from
 * validateFramework.
 */
export async function importValidatedFrameworkIn(
  tx: DbTransaction,
  framework: FrameworkDefinition,
  options: ImportFrameworkOptions = {},
): Promise<ImportedFrameworkVersion> {
  assertStorableKinds(framework);
  return writeVersionIn(tx, framework, canonicalJson(framework), frameworkChecksum(framework), options);
}

async function writeVersionIn(
  tx: DbTransaction,
  framework: FrameworkDefinition,
  canonical: string,
  checksum: string,
  options: ImportFrameworkOptions,
): Promise<ImportedFrameworkVersion> {
  const existing = await tx.frameworkVersion.findFirst({
    where: { checksum, framework: { code: framework.code } },
    select: { id: true, version: true },
  });
  if (existing) {
    return { id: existing.id, version: existing.version, code: framework.code, checksum, definition: framework, isNew: false };
  }

  // The framework row follows its newest import (name, status: a provisional framework
  // may be re-imported as official); versions keep their own copy of the definition.
  const metadata = {
    name: framework.name,
    regulation: framework.regulation,
    status: framework.status === "official" ? "OFFICIAL" : "PROVISIONAL",
  } as const;
  const row = await tx.framework.upsert({
    where: { code: framework.code },
    create: { code: framework.code, ...metadata },
    update: metadata,
    select: { id: true },
  });
  const latest = await tx.frameworkVersion.aggregate({ where: { frameworkId: row.id }, _max: { version: true } });
  const version = (latest._max.version ?? 0) + 1;
  const created = await tx.frameworkVersion.create({
    data: {
      frameworkId: row.id,
      version,
      // Exactly the text the checksum was computed from.
      definition: JSON.parse(canonical) as Prisma.InputJsonValue,
      checksum,
      notes: options.notes ?? null,
      importedById: options.importedById ?? null,
    },
    select: { id: true },
  });

  await insertNodes(tx, created.id, framework);
  await tx.predicateBand.createMany({
    data: framework.predicates.map((band, position) => ({
      versionId: created.id,
      name: band.name,
      alias: band.alias ?? null,
      min: band.min,
      max: band.max,
      maxInclusive: band.maxInclusive,
      sortOrder: position,
    })),
  });
  return { id: created.id, version, code: framework.code, checksum, definition: framework, isNew: true };
}

function assertStorableKinds(framework: FrameworkDefinition): void {
  walkNodes(framework.nodes, (node, at) => {
    if (!(node.kind in NODE_KINDS)) {
      throw new Error(
        `Kerangka ${framework.code}: jenis node "${node.kind}" (${at.path}) belum didukung; gunakan domain, aspect atau indicator`,
      );
    }
  });
}

/**
 * One createManyAndReturn per tree depth (three round trips for spbe-2020): a level's
 * rows need the ids of their parents, found by code, which is unique within a version.
 * sortOrder is the position in pre-order over the whole tree, so ordering by it gives the
 * questionnaire order and also orders siblings.
 */
async function insertNodes(tx: DbTransaction, versionId: string, framework: FrameworkDefinition): Promise<void> {
  const rows: { node: FrameworkNode; parentCode: string | null; depth: number; sortOrder: number }[] = [];
  walkNodes(framework.nodes, (node, at) => {
    rows.push({ node, parentCode: at.ancestors[at.ancestors.length - 1]?.code ?? null, depth: at.depth, sortOrder: rows.length });
  });
  const idsByCode = new Map<string, string>();
  const maxDepth = Math.max(...rows.map((row) => row.depth));
  for (let depth = 0; depth <= maxDepth; depth += 1) {
    const data = rows
      .filter((row) => row.depth === depth)
      .map(({ node, parentCode, sortOrder }): Prisma.FrameworkNodeCreateManyInput => {
        const parentId = parentCode === null ? null : idsByCode.get(parentCode);
        if (parentId === undefined) throw new Error(`Induk ${parentCode} dari node ${node.code} belum tersimpan`);
        const kind = NODE_KINDS[node.kind];
        if (!kind) throw new Error(`Jenis node "${node.kind}" tidak didukung`);
        const base = { versionId, parentId, kind, code: node.code, name: node.name, weight: node.weight, sortOrder };
        if (!isIndicatorNode(node)) return base;
        return {
          ...base,
          number: node.number,
          levelScale: node.levelScale,
          question: node.question,
          criteria: { ...node.criteria },
        };
      });
    const created = await tx.frameworkNode.createManyAndReturn({ data, select: { id: true, code: true } });
    for (const node of created) idsByCode.set(node.code, node.id);
  }
}

/**
 * Imports every framework shipped in lib/framework/data that is not stored yet with the
 * same content. Idempotent; safe at every start. A shipped file that was corrected
 * becomes a new version, and periods already using the old version keep it.
 */
export async function ensureShippedFrameworks(db: Db): Promise<ImportedFrameworkVersion[]> {
  const imported: ImportedFrameworkVersion[] = [];
  for (const framework of listFrameworks()) {
    imported.push(await importFrameworkVersion(db, framework, { notes: "Kerangka bawaan aplikasi" }));
  }
  return imported;
}

// ---------------------------------------------------------------- reading versions
//
// A stored version never changes (importFrameworkVersion only ever adds one), so its parsed
// definition is kept in memory by id, shared by every request of the process: no request
// reads or parses a 76 KB definition from the database once its version was seen. Asking
// for "the newest version" still asks the database which id that is (a small indexed
// read), so a version imported by another process is used by the next request at once.
// Entries are also checked against the row's checksum, the version's identity of content.

/** Enough for every framework and the versions open periods still use; the least recently used one leaves first. */
export const FRAMEWORK_CACHE_CAPACITY = 32;

const versionCache = new Map<string, StoredFrameworkVersion>();

function cachedVersion(id: string, checksum?: string): StoredFrameworkVersion | undefined {
  const hit = versionCache.get(id);
  if (!hit || (checksum !== undefined && hit.checksum !== checksum)) return undefined;
  // Map keeps insertion order: re-inserting makes this the most recently used entry.
  versionCache.delete(id);
  versionCache.set(id, hit);
  return hit;
}

function remember(version: StoredFrameworkVersion): StoredFrameworkVersion {
  versionCache.delete(version.id);
  versionCache.set(version.id, version);
  while (versionCache.size > FRAMEWORK_CACHE_CAPACITY) versionCache.delete(versionCache.keys().next().value!);
  return version;
}

/** For tests: how many versions are held, and forgetting them. */
export const frameworkVersionCache = {
  get size(): number {
    return versionCache.size;
  },
  clear(): void {
    versionCache.clear();
    indicatorIdCache.clear();
  },
};

const HEAD_SELECT = { id: true, version: true, checksum: true, framework: { select: { code: true } } } as const;
const VERSION_SELECT = { ...HEAD_SELECT, definition: true } as const;

type VersionHead = Prisma.FrameworkVersionGetPayload<{ select: typeof HEAD_SELECT }>;
type VersionRow = Prisma.FrameworkVersionGetPayload<{ select: typeof VERSION_SELECT }>;

function toStored(row: VersionRow): StoredFrameworkVersion {
  const parsed = ZFrameworkDefinition.safeParse(row.definition);
  if (!parsed.success) {
    // Versions are validated on import; a failure here means the row was edited by hand.
    throw new Error(`Definisi kerangka ${row.framework.code} versi ${row.version} di basis data rusak: ${parsed.error.message}`);
  }
  // Shared by every request from now on: frozen so no caller can change it for the others.
  const stored = deepFreeze({ id: row.id, version: row.version, code: row.framework.code, checksum: row.checksum, definition: parsed.data });
  compileFramework(stored.definition);
  return remember(stored);
}

/** The versions behind `heads`, from the cache where held, the rest in one query. */
async function versionsFor(db: DbClient, heads: readonly VersionHead[]): Promise<StoredFrameworkVersion[]> {
  const missing = heads.filter((head) => !cachedVersion(head.id, head.checksum)).map((head) => head.id);
  if (missing.length > 0) {
    const rows = await db.frameworkVersion.findMany({ where: { id: { in: missing } }, select: VERSION_SELECT });
    for (const row of rows) toStored(row);
  }
  return heads.map((head) => {
    const stored = cachedVersion(head.id, head.checksum);
    if (!stored) throw new Error(`Kerangka ${head.framework.code} versi ${head.version} tidak ditemukan`);
    return stored;
  });
}

/** The newest version of a framework, or null when it was never imported. */
export async function getLatestFrameworkVersion(db: DbClient, code: string): Promise<StoredFrameworkVersion | null> {
  const head = await db.frameworkVersion.findFirst({
    where: { framework: { code } },
    orderBy: { version: "desc" },
    select: HEAD_SELECT,
  });
  if (!head) return null;
  const [stored] = await versionsFor(db, [head]);
  return stored!;
}

/** A specific stored version (e.g. the one a period uses), or null. Without a query once the version was read. */
export async function getFrameworkVersion(db: DbClient, id: string): Promise<StoredFrameworkVersion | null> {
  const hit = cachedVersion(id);
  if (hit) return hit;
  const row = await db.frameworkVersion.findUnique({ where: { id }, select: VERSION_SELECT });
  return row ? toStored(row) : null;
}

/** The newest version of every stored framework, ordered by framework code. */
export async function listLatestFrameworkVersions(db: DbClient): Promise<StoredFrameworkVersion[]> {
  const frameworks = await db.framework.findMany({
    orderBy: { code: "asc" },
    select: {
      code: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, checksum: true } },
    },
  });
  const heads = frameworks.flatMap((framework) => framework.versions.map((version) => ({ ...version, framework: { code: framework.code } })));
  return versionsFor(db, heads);
}

// A version's nodes never change either: their ids by indicator number, once per version.
const indicatorIdCache = new Map<string, Promise<IndicatorNodeIds>>();

export interface IndicatorNodeIds {
  readonly byNumber: ReadonlyMap<number, string>;
  readonly numberById: ReadonlyMap<string, number>;
}

/** The FrameworkNode ids of a version's indicators, read from the database once per process. */
export function getIndicatorNodeIds(db: DbClient, versionId: string): Promise<IndicatorNodeIds> {
  const hit = indicatorIdCache.get(versionId);
  if (hit) return hit;
  const loading = db.frameworkNode
    .findMany({ where: { versionId, kind: "INDICATOR" }, select: { id: true, number: true } })
    .then((nodes) => {
      const byNumber = new Map<number, string>();
      for (const node of nodes) if (node.number !== null) byNumber.set(node.number, node.id);
      return { byNumber, numberById: new Map([...byNumber].map(([number, id]) => [id, number])) };
    });
  // A version without nodes (not imported yet) is not remembered, nor is a failed read.
  indicatorIdCache.set(versionId, loading);
  void loading.then(
    (ids) => ids.byNumber.size === 0 && indicatorIdCache.delete(versionId),
    () => indicatorIdCache.delete(versionId),
  );
  while (indicatorIdCache.size > FRAMEWORK_CACHE_CAPACITY) indicatorIdCache.delete(indicatorIdCache.keys().next().value!);
  return loading;
}
