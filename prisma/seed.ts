// Demo data: two fictional regional governments, their units (OPD), one account per role,
// a 2025 period in verification with answers in every state, earlier results for the trend
// chart, and a few linked documents. Loaded on request (`npm run db:seed`) or into a new
// embedded database; never over existing demo data.
//
// Everything is derived from a seeded pseudo-random generator, so every run produces the
// same levels, statuses and indices (the README and tests can quote them).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { hashPassword } from "@/lib/auth/password";
import { defaultOwnerFunctions, matchUnitsByFunctions } from "@/lib/assessment/default-assignment";
import type { Db, DbTransaction } from "@/lib/db";
import { ensureShippedFrameworks, getLatestFrameworkVersion } from "@/lib/framework-versions/store";
import { listIndicators } from "@/lib/framework/catalog";
import type { FrameworkDefinition, IndicatorNode } from "@/lib/framework/schema";
import type { AnswerStatus, DocumentType, InstansiKind, Prisma, Role } from "@/lib/generated/prisma/client";
import { scoreAssessment } from "@/lib/scoring/score";

import { DEMO_PASSWORD } from "@/lib/validation/password-policy";
export { DEMO_PASSWORD };
const FRAMEWORK_CODE = "spbe-2020";
const PERIOD_YEAR = 2025;
const HISTORY_YEARS = [2021, 2022, 2023, 2024] as const;

interface DemoInstansi {
  readonly code: string;
  readonly name: string;
  readonly kind: InstansiKind;
  readonly region: string;
  /** Place name used in documents, e.g. "Peraturan Bupati Sukamaju". */
  readonly place: string;
  /** Head of the region, in regulation titles: Bupati / Wali Kota. */
  readonly head: string;
  /** Host label: sukamaju -> koordinator@sukamaju.spbe.demo, https://jdih.sukamaju.go.id. */
  readonly host: string;
  readonly targetIndex: string;
}

export const DEMO_INSTANSI: readonly DemoInstansi[] = [
  {
    code: "kab-sukamaju",
    name: "Pemerintah Kabupaten Sukamaju",
    kind: "KABUPATEN",
    region: "Provinsi Nusa Mandiri",
    place: "Sukamaju",
    head: "Bupati",
    host: "sukamaju",
    targetIndex: "3.50",
  },
  {
    code: "kota-tirtamulya",
    name: "Pemerintah Kota Tirtamulya",
    kind: "KOTA",
    region: "Provinsi Nusa Mandiri",
    place: "Tirtamulya",
    head: "Wali Kota",
    host: "tirtamulya",
    targetIndex: "2.80",
  },
];

/** The same OPD structure in both agencies; `functions` drive the default assignment. */
export const DEMO_UNITS: readonly { code: string; name: string; shortName: string; functions: string[] }[] = [
  { code: "bappeda", name: "Badan Perencanaan Pembangunan Daerah", shortName: "Bappeda", functions: ["perencanaan"] },
  { code: "bpkad", name: "Badan Pengelolaan Keuangan dan Aset Daerah", shortName: "BPKAD", functions: ["keuangan", "anggaran", "aset"] },
  { code: "bkpsdm", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", shortName: "BKPSDM", functions: ["sdm"] },
  { code: "diskominfo", name: "Dinas Komunikasi dan Informatika", shortName: "Diskominfo", functions: ["tik", "layanan", "statistik"] },
  { code: "inspektorat", name: "Inspektorat Daerah", shortName: "Inspektorat", functions: ["audit"] },
  { code: "dispusip", name: "Dinas Perpustakaan dan Kearsipan", shortName: "Dispusip", functions: ["arsip"] },
  { code: "bag-organisasi", name: "Bagian Organisasi Sekretariat Daerah", shortName: "Bagian Organisasi", functions: ["organisasi", "tata-kelola"] },
  { code: "bag-hukum", name: "Bagian Hukum Sekretariat Daerah", shortName: "Bagian Hukum", functions: ["hukum"] },
  { code: "bag-pbj", name: "Bagian Pengadaan Barang dan Jasa Sekretariat Daerah", shortName: "Bagian PBJ", functions: ["pengadaan"] },
  { code: "dpmptsp", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", shortName: "DPMPTSP", functions: ["layanan-publik", "perizinan"] },
  { code: "disdukcapil", name: "Dinas Kependudukan dan Pencatatan Sipil", shortName: "Disdukcapil", functions: ["layanan-publik", "kependudukan"] },
];

export interface DemoAccount {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Instansi code; null for the superadmin. */
  readonly instansi: string | null;
  /** Unit code; set for ADMIN_OPD only. */
  readonly unit: string | null;
}

/** Every demo account signs in with DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "superadmin@spbe.demo", name: "Admin Sistem SPBE Mandiri", role: "SUPERADMIN", instansi: null, unit: null },
  { email: "koordinator@sukamaju.spbe.demo", name: "Drs. Bambang Suryanto, M.Si.", role: "KOORDINATOR", instansi: "kab-sukamaju", unit: null },
  { email: "asesor@sukamaju.spbe.demo", name: "Rina Kartika Sari, S.Kom., M.T.", role: "ASESOR", instansi: "kab-sukamaju", unit: null },
  { email: "pimpinan@sukamaju.spbe.demo", name: "H. Ahmad Fauzi Ramadhan, S.H., M.M.", role: "PIMPINAN", instansi: "kab-sukamaju", unit: null },
  { email: "opd.diskominfo@sukamaju.spbe.demo", name: "Dedi Kurniawan, S.T.", role: "ADMIN_OPD", instansi: "kab-sukamaju", unit: "diskominfo" },
  { email: "opd.bappeda@sukamaju.spbe.demo", name: "Lestari Wulandari, S.E., M.Ec.Dev.", role: "ADMIN_OPD", instansi: "kab-sukamaju", unit: "bappeda" },
  { email: "koordinator@tirtamulya.spbe.demo", name: "Ir. Yudi Prasetyo, M.M.", role: "KOORDINATOR", instansi: "kota-tirtamulya", unit: null },
  { email: "asesor@tirtamulya.spbe.demo", name: "Fitri Handayani, S.Kom., M.Kom.", role: "ASESOR", instansi: "kota-tirtamulya", unit: null },
  { email: "pimpinan@tirtamulya.spbe.demo", name: "Dr. Sri Wahyuningsih, M.Si.", role: "PIMPINAN", instansi: "kota-tirtamulya", unit: null },
  { email: "opd.diskominfo@tirtamulya.spbe.demo", name: "Agus Setiawan, S.Kom.", role: "ADMIN_OPD", instansi: "kota-tirtamulya", unit: "diskominfo" },
  { email: "opd.bappeda@tirtamulya.spbe.demo", name: "Maya Puspitasari, S.T., M.T.", role: "ADMIN_OPD", instansi: "kota-tirtamulya", unit: "bappeda" },
];

/** How each agency's 2025 self-assessment and earlier results look. */
interface Profile {
  readonly answered: number;
  /** Self index (unanswered indicators count 0) the generated levels are tuned to. */
  readonly selfTarget: number;
  /** Typical level per domain before jitter and tuning. */
  readonly baseLevel: Readonly<Record<string, number>>;
  readonly statuses: { readonly verified: number; readonly revision: number; readonly submitted: number };
  readonly history: Readonly<Record<(typeof HISTORY_YEARS)[number], number>>;
}

const PROFILES: Readonly<Record<string, Profile>> = {
  "kab-sukamaju": {
    answered: 38,
    selfTarget: 3.1,
    baseLevel: { D1: 4, D2: 3, D3: 3, D4: 4 },
    statuses: { verified: 16, revision: 2, submitted: 13 },
    history: { 2021: 2.08, 2022: 2.41, 2023: 2.76, 2024: 2.97 },
  },
  "kota-tirtamulya": {
    answered: 32,
    selfTarget: 2.4,
    baseLevel: { D1: 3, D2: 3, D3: 2, D4: 3 },
    statuses: { verified: 8, revision: 3, submitted: 12 },
    history: { 2021: 1.63, 2022: 1.86, 2023: 2.07, 2024: 2.24 },
  },
};

export interface SeedSummary {
  readonly isCreated: boolean;
  readonly instansi: readonly {
    code: string;
    name: string;
    answered: number;
    selfIndex: string;
    selfPredicate: string;
  }[];
}

export interface SeedOptions {
  readonly log?: (message: string) => void;
}

/**
 * Loads the demo data unless an instansi with isDemo already exists (then nothing is
 * touched). The shipped frameworks are imported first (idempotent, and kept even if the
 * demo part fails); the demo part is one transaction, so it is all there or not at all.
 */
export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const log = options.log ?? ((message: string) => console.log(message));
  if (await db.instansi.findFirst({ where: { isDemo: true }, select: { id: true } })) {
    log("Data demo sudah ada; tidak ada yang diubah.");
    return { isCreated: false, instansi: [] };
  }

  await ensureShippedFrameworks(db);
  const framework = await loadDemoFramework(db);

  // Hashing is deliberately slow: do it before the transaction holds a connection.
  const passwordHashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  const plans = DEMO_INSTANSI.map((instansi) => planInstansi(instansi, framework.definition));

  await db.$transaction(
    async (tx) => {
      // A concurrent seed may have won the race since the check above.
      if (await tx.instansi.findFirst({ where: { isDemo: true }, select: { id: true } })) return;
      await writeDemoData(tx, { ...framework, instansi: DEMO_INSTANSI, accounts: DEMO_ACCOUNTS, passwordHashes, plans });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );

  const summary = plans.map((plan) => ({
    code: plan.instansi.code,
    name: plan.instansi.name,
    answered: plan.answers.length,
    selfIndex: plan.selfScore.index.toFixed(2),
    selfPredicate: plan.selfScore.predicate,
  }));
  for (const item of summary) {
    log(`${item.name}: ${item.answered}/47 indikator dijawab, indeks mandiri ${item.selfIndex} (${item.selfPredicate}).`);
  }
  log(`Data demo dimuat. Kata sandi semua akun demo: ${DEMO_PASSWORD}`);
  return { isCreated: true, instansi: summary };
}

async function loadDemoFramework(db: Db) {
  const framework = await getLatestFrameworkVersion(db, FRAMEWORK_CODE);
  if (!framework) throw new Error(`Kerangka ${FRAMEWORK_CODE} tidak ditemukan setelah impor`);
  const indicatorRows = await db.frameworkNode.findMany({
    where: { versionId: framework.id, kind: "INDICATOR" },
    select: { id: true, number: true },
  });
  return {
    frameworkVersionId: framework.id,
    definition: framework.definition,
    indicatorIds: new Map(indicatorRows.map((row) => [row.number, row.id])),
  };
}

export interface DemoAgencyCopyInput {
  /** Code of the demo agency whose data is copied: same units, people (by role), answers, history and documents. */
  readonly template: string;
  /** Unique code, name and host label of the copy; people get `<local part>@<host>.spbe.demo`. */
  readonly code: string;
  readonly name: string;
  readonly host: string;
  /** A hash of DEMO_PASSWORD to reuse (hashing is slow); hashed here when omitted. */
  readonly passwordHash?: string;
}

export interface DemoAgencyCopy {
  readonly instansiId: string;
  readonly periodId: string;
  readonly accounts: readonly DemoAccount[];
}

/**
 * One more agency with exactly the data of a demo agency (the same plan, so the same levels,
 * statuses and indices) under its own code, name and email host: for tests that must not
 * share an agency with each other. Needs the shipped frameworks; one transaction.
 */
export async function seedDemoAgencyCopy(db: Db, input: DemoAgencyCopyInput): Promise<DemoAgencyCopy> {
  const template = DEMO_INSTANSI.find((instansi) => instansi.code === input.template);
  if (!template) throw new Error(`Instansi demo ${input.template} tidak ada`);
  const instansi: DemoInstansi = { ...template, code: input.code, name: input.name, host: input.host };
  const accounts = DEMO_ACCOUNTS.filter((account) => account.instansi === template.code).map((account) => ({
    ...account,
    email: account.email.replace(`@${template.host}.`, `@${input.host}.`),
    instansi: instansi.code,
  }));
  const framework = await loadDemoFramework(db);
  const passwordHash = input.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const plan = planInstansi(instansi, framework.definition, template.code);
  await db.$transaction(
    (tx) => writeDemoData(tx, { ...framework, instansi: [instansi], accounts, passwordHashes: accounts.map(() => passwordHash), plans: [plan] }),
    { timeout: 120_000, maxWait: 30_000 },
  );
  const period = await db.assessmentPeriod.findFirstOrThrow({ where: { instansi: { code: instansi.code }, year: PERIOD_YEAR }, select: { id: true, instansiId: true } });
  return { instansiId: period.instansiId, periodId: period.id, accounts };
}

// ---------------------------------------------------------------- planning (pure)

interface PlannedAnswer {
  readonly indicator: IndicatorNode;
  readonly domain: string;
  readonly level: number;
  readonly status: AnswerStatus;
  readonly explanation: string;
  /** Level confirmed by the internal assessor (VERIFIED answers). */
  readonly verifiedLevel: number | null;
  readonly rounds: readonly { decision: "VERIFIED" | "NEEDS_REVISION"; verifiedLevel: number | null; notes: string; at: Date }[];
  readonly submittedAt: Date | null;
  readonly verifiedAt: Date | null;
}

interface InstansiPlan {
  readonly instansi: DemoInstansi;
  readonly answers: readonly PlannedAnswer[];
  readonly selfScore: { index: number; predicate: string };
  readonly history: readonly { year: number; indexExact: string; predicate: string; nodeIndices: Record<string, string> }[];
}

/** `profileCode` names the demo profile (and random seed): a copy plans exactly like its template. */
function planInstansi(instansi: DemoInstansi, framework: FrameworkDefinition, profileCode = instansi.code): InstansiPlan {
  const profile = PROFILES[profileCode];
  if (!profile) throw new Error(`Profil demo ${profileCode} tidak ada`);
  const random = createRandom(profileCode);
  const indicators = listIndicators(framework).map(({ indicator, ancestors }) => ({
    indicator,
    domain: ancestors[0]?.code ?? "",
  }));

  // Services (domain 4) carry the most weight and are answered first in practice; the
  // gaps sit in policy, governance and management indicators.
  const skippable = shuffle(indicators.filter((entry) => entry.domain !== "D4"), random);
  const unanswered = new Set(skippable.slice(0, indicators.length - profile.answered).map((entry) => entry.indicator.number));

  const levels = new Map<number, number>();
  for (const { indicator, domain } of indicators) {
    const base = profile.baseLevel[domain] ?? 3;
    levels.set(indicator.number, clampLevel(base + pickJitter(random)));
  }
  const answeredNumbers = indicators.map((entry) => entry.indicator.number).filter((number) => !unanswered.has(number));
  tuneLevels(framework, levels, answeredNumbers, profile.selfTarget, 0.03, random, () => 5);
  const selfValues = Object.fromEntries(answeredNumbers.map((number) => [String(number), levels.get(number) ?? null]));
  const selfScore = scoreAssessment(framework, selfValues, { predicateBasis: "exact" });

  // Earlier years: every indicator answered (official results), each year at most the
  // level of the year after, tuned to the profile's published index.
  const history: InstansiPlan["history"][number][] = [];
  let next = new Map(levels);
  for (const year of [...HISTORY_YEARS].reverse()) {
    const yearLevels = new Map(next);
    for (const [number, level] of yearLevels) if (random() < 0.45) yearLevels.set(number, clampLevel(level - 1));
    const ceiling = next;
    tuneLevels(framework, yearLevels, [...yearLevels.keys()], profile.history[year], 0.02, random, (number) => ceiling.get(number) ?? 5);
    const score = scoreAssessment(framework, Object.fromEntries([...yearLevels].map(([number, level]) => [String(number), level])), {
      predicateBasis: "exact",
    });
    history.unshift({
      year,
      indexExact: score.indexExact,
      predicate: score.predicate,
      nodeIndices: Object.fromEntries(score.nodes.filter((node) => node.kind === "domain").map((node) => [node.code, node.index.toFixed(2)])),
    });
    next = yearLevels;
  }

  const policies = policyDocuments(instansi, random);
  const order = shuffle(answeredNumbers, random);
  const { verified, revision, submitted } = profile.statuses;
  const statusOf = new Map<number, AnswerStatus>(
    order.map((number, position) => [
      number,
      position < verified
        ? "VERIFIED"
        : position < verified + revision
          ? "NEEDS_REVISION"
          : position < verified + revision + submitted
            ? "SUBMITTED"
            : "DRAFT",
    ]),
  );

  const answers = indicators
    .filter(({ indicator }) => !unanswered.has(indicator.number))
    .map(({ indicator, domain }): PlannedAnswer => {
      const level = levels.get(indicator.number) ?? 1;
      const status = statusOf.get(indicator.number) ?? "DRAFT";
      const submittedAt = status === "DRAFT" ? null : dateIn2025(random, 9, 1, 45);
      const explanation = writeExplanation(framework, indicator, level, policies, random);
      if (status === "VERIFIED") {
        // Now and then the assessor lowers the level: a review report older than two years.
        const isLowered = level > 1 && random() < 0.25;
        const verifiedLevel = isLowered ? level - 1 : level;
        const hadRevision = random() < 0.3;
        const firstAt = addDays(submittedAt ?? dateIn2025(random, 9, 1, 45), 3);
        const rounds = [
          ...(hadRevision ? [{ decision: "NEEDS_REVISION" as const, verifiedLevel: null, notes: pick(REVISION_NOTES, random), at: firstAt }] : []),
          {
            decision: "VERIFIED" as const,
            verifiedLevel,
            notes: isLowered
              ? `Laporan reviu dan evaluasi yang dilampirkan berumur lebih dari dua tahun, sehingga kriteria tingkat ${level} belum terpenuhi; tingkat disesuaikan menjadi ${verifiedLevel}.`
              : `Bukti dukung sesuai dengan penjelasan; kriteria tingkat ${level} terpenuhi.`,
            at: addDays(firstAt, hadRevision ? 9 : 0),
          },
        ];
        return { indicator, domain, level, status, explanation, verifiedLevel, rounds, submittedAt, verifiedAt: rounds[rounds.length - 1]?.at ?? null };
      }
      if (status === "NEEDS_REVISION") {
        const at = addDays(submittedAt ?? dateIn2025(random, 9, 1, 45), 4);
        const rounds = [{ decision: "NEEDS_REVISION" as const, verifiedLevel: null, notes: pick(REVISION_NOTES, random), at }];
        return { indicator, domain, level, status, explanation, verifiedLevel: null, rounds, submittedAt, verifiedAt: null };
      }
      return { indicator, domain, level, status, explanation, verifiedLevel: null, rounds: [], submittedAt, verifiedAt: null };
    });

  return { instansi, answers, selfScore: { index: selfScore.index, predicate: selfScore.predicate }, history };
}

/**
 * Moves single levels up or down (chosen at random among `numbers`) until the index is
 * within `tolerance` of `target`. One step moves the index by at most 0.03 (weight 3),
 * so any tolerance of 0.02 or more is reachable unless the bounds forbid it.
 */
function tuneLevels(
  framework: FrameworkDefinition,
  levels: Map<number, number>,
  numbers: readonly number[],
  target: number,
  tolerance: number,
  random: () => number,
  ceiling: (number: number) => number,
): void {
  for (let step = 0; step < 1000; step += 1) {
    const values = Object.fromEntries(numbers.map((number) => [String(number), levels.get(number) ?? null]));
    const index = Number(scoreAssessment(framework, values).indexExact);
    if (Math.abs(index - target) <= tolerance) return;
    const isRaising = index < target;
    const candidates = numbers.filter((number) => {
      const level = levels.get(number) ?? 1;
      return isRaising ? level < Math.min(5, ceiling(number)) : level > 1;
    });
    if (candidates.length === 0) return;
    const number = pick(candidates, random);
    levels.set(number, (levels.get(number) ?? 1) + (isRaising ? 1 : -1));
  }
}

// ---------------------------------------------------------------- explanations

const SERVICE_APPS: Readonly<Record<number, string>> = {
  32: "aplikasi e-Perencanaan yang terhubung dengan SIPD",
  33: "aplikasi e-Budgeting pada SIPD",
  34: "aplikasi penatausahaan keuangan daerah (SIPD Penatausahaan)",
  35: "Sistem Pengadaan Secara Elektronik (SPSE) pada LPSE daerah",
  36: "Sistem Informasi Manajemen Kepegawaian (SIMPEG)",
  37: "aplikasi SRIKANDI untuk naskah dinas dan arsip dinamis",
  38: "aplikasi e-Aset untuk penatausahaan barang milik daerah",
  39: "aplikasi e-Audit untuk pengawasan internal",
  40: "aplikasi e-SAKIP",
  41: "aplikasi e-Kinerja pegawai",
  42: "kanal SP4N-LAPOR! yang terhubung dengan aplikasi pengaduan daerah",
  43: "Portal Satu Data daerah",
  44: "situs JDIH daerah",
  45: "aplikasi perizinan berusaha dan nonberusaha di Mal Pelayanan Publik",
  46: "layanan administrasi kependudukan daring",
  47: "aplikasi layanan kesehatan puskesmas (SIMPUS)",
};

const PROCESS_GAPS: Readonly<Record<number, string>> = {
  2: "dokumen masih berupa konsep dan belum ditetapkan",
  3: "penerapannya belum mencakup seluruh perangkat daerah",
  4: "belum tersedia laporan reviu dan evaluasi dalam dua tahun terakhir",
  5: "rekomendasi hasil reviu dan evaluasi belum seluruhnya ditindaklanjuti",
};

const SERVICE_GAPS: Readonly<Record<number, string>> = {
  2: "layanan belum menyediakan interaksi dua arah dengan pengguna",
  3: "proses layanan belum dapat diselesaikan secara elektronik dari awal sampai akhir",
  4: "layanan belum terintegrasi dengan layanan SPBE lain",
  5: "perbaikan berdasarkan hasil reviu dan evaluasi belum dilakukan",
};

const REVISION_NOTES = [
  "Penjelasan belum menyebutkan pasal dan halaman dokumen yang memuat kriteria; mohon dilengkapi.",
  "Bukti dukung yang dilampirkan masih berupa rancangan tanpa tanda tangan; lampirkan dokumen yang telah ditetapkan.",
  "Tautan bukti dukung tidak dapat diakses; perbarui tautan atau unggah berkasnya.",
  "Belum ada bukti penerapan di seluruh perangkat daerah untuk mendukung tingkat yang dipilih; lampirkan laporan pelaksanaan.",
  "Notulen rapat yang dilampirkan tidak memuat daftar hadir dan keputusan rapat; mohon dilengkapi.",
] as const;

function topicOf(indicator: IndicatorNode): string {
  return indicator.name
    .replace(/^Tingkat Kematangan /, "")
    .replace(/^(Kebijakan Internal|Penerapan|Pelaksanaan) /, "")
    .replace(/ Instansi Pusat\/Pemerintah Daerah/, "");
}

/** The internal policy (indicators 1-10) each governance or management indicator rests on. */
const POLICY_OF: Readonly<Record<number, number>> = {
  11: 1, 12: 2, 15: 4, 16: 5, 17: 6, 18: 7, 19: 10, 20: 10, 22: 8, 23: 3, 29: 9, 30: 9, 31: 9,
};

/**
 * Number of the regulation behind each policy indicator: the linked evidence document
 * when there is one (so the text and the attachment agree), otherwise a stable made-up one.
 */
function policyDocuments(instansi: DemoInstansi, random: () => number): Map<number, string> {
  const documents = new Map<number, string>();
  for (const item of evidenceFor(instansi)) {
    for (const number of item.indicators) if (number <= 10) documents.set(number, item.documentNo);
  }
  for (let number = 1; number <= 10; number += 1) {
    if (!documents.has(number)) {
      documents.set(number, `Peraturan ${instansi.head} ${instansi.place} Nomor ${14 + Math.floor(random() * 30)} Tahun ${2021 + Math.floor(random() * 3)}`);
    }
  }
  return documents;
}

/** "Fakta: ... Analisis: ...", the style KemenPANRB asks for; evidence grows with the level. */
function writeExplanation(
  framework: FrameworkDefinition,
  indicator: IndicatorNode,
  level: number,
  policies: ReadonlyMap<number, string>,
  random: () => number,
): string {
  const topic = topicOf(indicator);
  const isService = indicator.levelScale === "service";
  const scale = framework.levelScales.find((candidate) => candidate.code === indicator.levelScale);
  const levelName = scale?.levels.find((definition) => definition.level === level)?.name ?? `Tingkat ${level}`;
  const page = 3 + Math.floor(random() * 20);
  const facts: string[] = [];

  if (isService) {
    const app = SERVICE_APPS[indicator.number] ?? "aplikasi layanan daerah";
    facts.push(`${topic} diselenggarakan melalui ${app}.`);
    if (level >= 2) facts.push("Pengguna dapat mengunggah dan mengunduh dokumen serta berkomunikasi dengan petugas melalui aplikasi.");
    if (level >= 3) facts.push("Seluruh proses, dari pengajuan sampai persetujuan, berjalan dalam aplikasi dengan alur kerja dan validasi data otomatis (tangkapan layar terlampir).");
    if (level >= 4) facts.push("Aplikasi bertukar data dengan layanan lain melalui sistem penghubung layanan (berita acara integrasi terlampir).");
    if (level >= 5) facts.push("Hasil survei kepuasan dan reviu tahun 2024 telah ditindaklanjuti dengan perbaikan fitur pada triwulan II 2025.");
  } else if (indicator.number <= 10) {
    if (level === 1) facts.push(`Rancangan kebijakan tentang ${topic} telah disusun dan dibahas dalam rapat Tim Koordinasi SPBE (notulen terlampir).`);
    else facts.push(`${policies.get(indicator.number) ?? "Peraturan kepala daerah"} tentang ${topic} telah ditetapkan (Pasal 3 sampai Pasal 9, hlm. ${page}-${page + 6}).`);
    if (level === 2) facts.push("Beberapa ruang lingkup yang dipersyaratkan pedoman belum diatur.");
    if (level >= 3) facts.push("Kebijakan memuat seluruh ruang lingkup yang dipersyaratkan pedoman dan berlaku bagi semua perangkat daerah.");
    if (level >= 4) facts.push("Kebijakan telah direviu dan dievaluasi pada tahun 2024 (laporan reviu terlampir).");
    if (level >= 5) facts.push("Rekomendasi hasil reviu telah ditindaklanjuti dengan perubahan peraturan pada tahun 2025.");
  } else {
    const policy = POLICY_OF[indicator.number];
    const basis = policy === undefined ? "rencana kerja tahunan perangkat daerah" : `${policies.get(policy) ?? "peraturan kepala daerah"} dan rencana kerja tahunan`;
    if (level === 1) facts.push(`Kegiatan terkait ${topic} baru dilaksanakan sewaktu-waktu, tanpa dokumen perencanaan.`);
    else facts.push(`Pelaksanaan ${topic} mengacu pada ${basis} (hlm. ${page}).`);
    if (level === 2) facts.push(`Penerapannya baru mencakup ${4 + Math.floor(random() * 8)} perangkat daerah.`);
    if (level >= 3) facts.push("Penerapan telah mencakup seluruh perangkat daerah sesuai pedoman nasional (laporan pelaksanaan terlampir).");
    if (level >= 4) facts.push("Reviu dan evaluasi dilakukan pada tahun 2024 dan hasilnya dimuat dalam laporan kinerja.");
    if (level >= 5) facts.push("Tindak lanjut rekomendasi reviu telah dilaksanakan dan dilaporkan kepada Tim Koordinasi SPBE.");
  }

  const gaps = isService ? SERVICE_GAPS : PROCESS_GAPS;
  const gap = level < 5 ? ` Tingkat ${level + 1} belum terpenuhi karena ${gaps[level + 1] ?? "kriteria berikutnya belum terpenuhi"}.` : "";
  return `Fakta: ${facts.join(" ")} Analisis: Kondisi tersebut memenuhi kriteria tingkat ${level} (${levelName}).${gap}`;
}

// ---------------------------------------------------------------- evidence

interface PlannedEvidence {
  readonly title: string;
  readonly documentType: DocumentType;
  readonly documentNo: string;
  readonly enactedAt: Date;
  readonly slug: string;
  readonly unit: string;
  readonly indicators: readonly number[];
}

function evidenceFor(instansi: DemoInstansi): PlannedEvidence[] {
  const perkada = `Peraturan ${instansi.head} ${instansi.place}`;
  const kepkada = `Keputusan ${instansi.head} ${instansi.place}`;
  return [
    { title: "Arsitektur SPBE", documentType: "PERATURAN", documentNo: `${perkada} Nomor 12 Tahun 2023`, enactedAt: utcDate(2023, 3, 14), slug: "perkada-12-2023-arsitektur-spbe", unit: "bag-organisasi", indicators: [1, 11] },
    { title: "Peta Rencana SPBE Tahun 2023-2026", documentType: "PERATURAN", documentNo: `${perkada} Nomor 13 Tahun 2023`, enactedAt: utcDate(2023, 3, 14), slug: "perkada-13-2023-peta-rencana-spbe", unit: "bag-organisasi", indicators: [2, 12] },
    { title: "Manajemen Keamanan Informasi SPBE", documentType: "PERATURAN", documentNo: `${perkada} Nomor 27 Tahun 2022`, enactedAt: utcDate(2022, 8, 2), slug: "perkada-27-2022-keamanan-informasi", unit: "diskominfo", indicators: [8, 22] },
    { title: "Satu Data dan Manajemen Data", documentType: "PERATURAN", documentNo: `${perkada} Nomor 5 Tahun 2024`, enactedAt: utcDate(2024, 1, 29), slug: "perkada-5-2024-satu-data", unit: "diskominfo", indicators: [3, 23, 43] },
    { title: "Pembentukan Tim Koordinasi SPBE", documentType: "KEPUTUSAN", documentNo: `${kepkada} Nomor 400.14/118/KPTS/2025`, enactedAt: utcDate(2025, 1, 20), slug: "kepkada-118-2025-tim-koordinasi-spbe", unit: "bag-organisasi", indicators: [10, 19] },
    { title: "SOP Pengelolaan Pusat Data", documentType: "SOP", documentNo: "SOP/DISKOMINFO/07/2024", enactedAt: utcDate(2024, 6, 3), slug: "sop-07-2024-pusat-data", unit: "diskominfo", indicators: [5, 16] },
    { title: "SOP Penanganan Pengaduan SP4N-LAPOR!", documentType: "SOP", documentNo: "SOP/DISKOMINFO/11/2024", enactedAt: utcDate(2024, 9, 16), slug: "sop-11-2024-pengaduan", unit: "diskominfo", indicators: [42] },
  ];
}

// ---------------------------------------------------------------- writing

interface WriteInput {
  readonly frameworkVersionId: string;
  readonly definition: FrameworkDefinition;
  readonly indicatorIds: ReadonlyMap<number | null, string>;
  readonly instansi: readonly DemoInstansi[];
  /** Their people; passwordHashes[i] belongs to accounts[i]. */
  readonly accounts: readonly DemoAccount[];
  readonly passwordHashes: readonly string[];
  readonly plans: readonly InstansiPlan[];
}

/** A fixed number of createMany round trips, whatever the amount of data. */
async function writeDemoData(tx: DbTransaction, input: WriteInput): Promise<void> {
  const { plans, indicatorIds, accounts } = input;
  const indicatorId = (number: number): string => {
    const id = indicatorIds.get(number);
    if (!id) throw new Error(`Indikator ${number} tidak ada pada versi kerangka`);
    return id;
  };

  const instansiRows = await tx.instansi.createManyAndReturn({
    data: input.instansi.map(({ code, name, kind, region }) => ({ code, name, kind, region, isDemo: true })),
    select: { id: true, code: true },
  });
  const instansiId = byKey(instansiRows, (row) => row.code, (row) => row.id);

  const unitRows = await tx.unit.createManyAndReturn({
    data: input.instansi.flatMap((instansi) =>
      DEMO_UNITS.map((unit) => ({ ...unit, instansiId: instansiId(instansi.code) })),
    ),
    select: { id: true, code: true, instansiId: true, functions: true },
  });
  const unitId = byKey(unitRows, (row) => `${row.instansiId}/${row.code}`, (row) => row.id);

  const userRows = await tx.user.createManyAndReturn({
    data: accounts.map((account, position) => ({
      email: account.email,
      name: account.name,
      passwordHash: input.passwordHashes[position] ?? null,
    })),
    select: { id: true, email: true },
  });
  const userId = byKey(userRows, (row) => row.email, (row) => row.id);
  await tx.membership.createMany({
    data: accounts.map((account) => {
      const agency = account.instansi === null ? null : instansiId(account.instansi);
      return {
        userId: userId(account.email),
        role: account.role,
        instansiId: agency,
        unitId: agency !== null && account.unit !== null ? unitId(`${agency}/${account.unit}`) : null,
      };
    }),
  });

  const periodRows = await tx.assessmentPeriod.createManyAndReturn({
    data: input.instansi.map((instansi) => ({
      instansiId: instansiId(instansi.code),
      year: PERIOD_YEAR,
      frameworkVersionId: input.frameworkVersionId,
      phase: "VERIFIKASI" as const,
      predicateBasis: "EXACT" as const,
      targetIndex: instansi.targetIndex,
      fillDeadline: utcDate(2025, 10, 31),
      verifyDeadline: utcDate(2025, 11, 28),
      submitDeadline: utcDate(2026, 1, 16),
      objectionDeadline: utcDate(2026, 2, 27),
    })),
    select: { id: true, instansiId: true },
  });
  const periodId = byKey(periodRows, (row) => row.instansiId, (row) => row.id);

  // Assignments by the default rule, and the unit's ADMIN_OPD account as assignee.
  const assignmentData: Prisma.AssignmentCreateManyInput[] = [];
  const ownerUnit = new Map<string, string>();
  for (const plan of plans) {
    const agency = instansiId(plan.instansi.code);
    const units = unitRows.filter((unit) => unit.instansiId === agency);
    for (const { indicator } of listIndicators(input.definition)) {
      const owners = matchUnitsByFunctions(units, defaultOwnerFunctions(indicator, FRAMEWORK_CODE));
      const first = owners[0];
      if (first) ownerUnit.set(`${agency}/${indicator.number}`, first);
      for (const owner of owners) {
        assignmentData.push({ periodId: periodId(agency), indicatorId: indicatorId(indicator.number), unitId: owner });
      }
    }
  }
  const assignmentRows = await tx.assignment.createManyAndReturn({ data: assignmentData, select: { id: true, unitId: true } });
  const opdUsers = new Map<string, string>();
  for (const account of accounts) {
    if (account.role === "ADMIN_OPD" && account.instansi && account.unit) {
      opdUsers.set(unitId(`${instansiId(account.instansi)}/${account.unit}`), userId(account.email));
    }
  }
  await tx.assignmentAssignee.createMany({
    data: assignmentRows.flatMap((row) => {
      const assignee = opdUsers.get(row.unitId);
      return assignee ? [{ assignmentId: row.id, userId: assignee }] : [];
    }),
  });

  // Answers: SELF for every planned answer, INTERNAL_VERIFICATION for the verified ones.
  const answerData: Prisma.AnswerCreateManyInput[] = [];
  const actors = new Map<string, { asesor: string; koordinator: string }>();
  for (const plan of plans) {
    const agency = instansiId(plan.instansi.code);
    const emailOf = (role: Role) => accounts.find((account) => account.instansi === plan.instansi.code && account.role === role)?.email ?? "";
    // Answers of units without an ADMIN_OPD account are entered by the coordinator's team.
    const people = { asesor: userId(emailOf("ASESOR")), koordinator: userId(emailOf("KOORDINATOR")) };
    actors.set(agency, people);
    for (const answer of plan.answers) {
      const owner = ownerUnit.get(`${agency}/${answer.indicator.number}`);
      const author = (owner && opdUsers.get(owner)) ?? people.koordinator;
      answerData.push({
        periodId: periodId(agency),
        indicatorId: indicatorId(answer.indicator.number),
        stage: "SELF",
        level: String(answer.level),
        explanation: answer.explanation,
        status: answer.status,
        version: 1 + answer.rounds.length + (answer.status === "DRAFT" ? 0 : 1),
        updatedById: author,
        submittedAt: answer.submittedAt,
        verifiedAt: answer.verifiedAt,
      });
      if (answer.status === "VERIFIED" && answer.verifiedLevel !== null) {
        const lastRound = answer.rounds[answer.rounds.length - 1];
        answerData.push({
          periodId: periodId(agency),
          indicatorId: indicatorId(answer.indicator.number),
          stage: "INTERNAL_VERIFICATION",
          level: String(answer.verifiedLevel),
          explanation: `Hasil verifikasi internal: ${lastRound?.notes ?? "bukti dukung sesuai."}`,
          status: "VERIFIED",
          updatedById: people.asesor,
          submittedAt: answer.verifiedAt,
          verifiedAt: answer.verifiedAt,
        });
      }
    }
  }
  const answerRows = await tx.answer.createManyAndReturn({
    data: answerData,
    select: { id: true, periodId: true, indicatorId: true, stage: true, level: true, updatedById: true },
  });
  const answerId = byKey(answerRows, (row) => `${row.periodId}/${row.indicatorId}/${row.stage}`, (row) => row.id);

  await tx.levelChange.createMany({
    data: answerRows.map((row) => ({
      answerId: row.id,
      fromLevel: null,
      toLevel: row.level,
      reason: row.stage === "SELF" ? "Pengisian penilaian mandiri" : "Hasil verifikasi internal",
      actorId: row.updatedById,
    })),
  });

  const roundData: Prisma.VerificationRoundCreateManyInput[] = [];
  for (const plan of plans) {
    const agency = instansiId(plan.instansi.code);
    const reviewer = actors.get(agency)?.asesor;
    if (!reviewer) throw new Error(`Asesor ${plan.instansi.code} tidak ada`);
    for (const answer of plan.answers) {
      answer.rounds.forEach((round, position) => {
        roundData.push({
          answerId: answerId(`${periodId(agency)}/${indicatorId(answer.indicator.number)}/SELF`),
          round: position + 1,
          decision: round.decision,
          verifiedLevel: round.verifiedLevel === null ? null : String(round.verifiedLevel),
          notes: round.notes,
          reviewerId: reviewer,
          createdAt: round.at,
        });
      });
    }
  }
  await tx.verificationRound.createMany({ data: roundData });

  // Linked documents, attached to the SELF answers of the indicators they support.
  const evidenceData: Prisma.EvidenceCreateManyInput[] = [];
  const evidenceTargets: { key: string; indicators: readonly number[]; agency: string }[] = [];
  for (const plan of plans) {
    const agency = instansiId(plan.instansi.code);
    for (const item of evidenceFor(plan.instansi)) {
      // Regulations and decrees are published on the legal documentation site (JDIH), SOPs by their unit.
      const site = item.documentType === "SOP" ? `${item.unit}.${plan.instansi.host}.go.id/sop` : `jdih.${plan.instansi.host}.go.id/dokumen`;
      const url = `https://${site}/${item.slug}`;
      evidenceData.push({
        instansiId: agency,
        ownerUnitId: unitId(`${agency}/${item.unit}`),
        kind: "LINK",
        title: item.documentType === "SOP" ? item.title : `${item.documentNo} tentang ${item.title}`,
        documentType: item.documentType,
        documentNo: item.documentNo,
        enactedAt: item.enactedAt,
        url,
        createdById: actors.get(agency)?.koordinator ?? null,
      });
      evidenceTargets.push({ key: `${agency}/${url}`, indicators: item.indicators, agency });
    }
  }
  const evidenceRows = await tx.evidence.createManyAndReturn({ data: evidenceData, select: { id: true, instansiId: true, url: true } });
  const evidenceId = byKey(evidenceRows, (row) => `${row.instansiId}/${row.url ?? ""}`, (row) => row.id);
  const answered = new Set(answerRows.map((row) => `${row.periodId}/${row.indicatorId}/${row.stage}`));
  await tx.answerEvidence.createMany({
    data: evidenceTargets.flatMap((target) =>
      target.indicators
        .map((number) => `${periodId(target.agency)}/${indicatorId(number)}/SELF`)
        .filter((key) => answered.has(key))
        .map((key) => ({ answerId: answerId(key), evidenceId: evidenceId(target.key), addedById: actors.get(target.agency)?.koordinator ?? null })),
    ),
  });
  // Documents stay valid for years; confirming them for 2025 is what carry-over looks like.
  await tx.evidencePeriod.createMany({
    data: evidenceRows.map((row) => ({
      evidenceId: row.id,
      periodId: periodId(row.instansiId),
      confirmedAt: utcDate(2025, 9, 1),
      confirmedById: actors.get(row.instansiId)?.koordinator ?? null,
    })),
  });

  await tx.historicalResult.createMany({
    data: plans.flatMap((plan) =>
      plan.history.map((result) => ({
        instansiId: instansiId(plan.instansi.code),
        year: result.year,
        frameworkCode: FRAMEWORK_CODE,
        index: result.indexExact,
        predicate: result.predicate,
        nodeIndices: result.nodeIndices,
        source: `Hasil evaluasi SPBE KemenPANRB ${result.year} (data demo)`,
      })),
    ),
  });

  await tx.auditLog.createMany({
    data: instansiRows.map((row) => ({
      instansiId: row.id,
      action: "demo.seed",
      entityType: "Instansi",
      entityId: row.id,
      after: { code: row.code, isDemo: true },
    })),
  });
}

// ---------------------------------------------------------------- helpers

/** Lookup that fails loudly: a missing id would otherwise become a wrong foreign key. */
function byKey<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => string): (wanted: string) => string {
  const map = new Map(rows.map((row) => [key(row), value(row)]));
  return (wanted) => {
    const found = map.get(wanted);
    if (found === undefined) throw new Error(`Data demo tidak lengkap: ${wanted} tidak ditemukan`);
    return found;
  };
}

/** mulberry32 seeded from the text (FNV-1a): small, fast, and the same on every platform. */
function createRandom(seedText: string): () => number {
  let state = 2166136261;
  for (const char of seedText) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const swap = copy[index] as T;
    copy[index] = copy[other] as T;
    copy[other] = swap;
  }
  return copy;
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("Daftar kosong");
  return item;
}

function pickJitter(random: () => number): number {
  const roll = random();
  return roll < 0.25 ? -1 : roll < 0.8 ? 0 : 1;
}

function clampLevel(level: number): number {
  return Math.min(5, Math.max(1, level));
}

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** A working-hours moment within `spanDays` after the given day of 2025. */
function dateIn2025(random: () => number, month: number, day: number, spanDays: number): Date {
  const start = Date.UTC(2025, month - 1, day, 1);
  return new Date(start + Math.floor(random() * spanDays) * 86_400_000 + Math.floor(random() * 8) * 3_600_000);
}

// ---------------------------------------------------------------- `tsx prisma/seed.ts`

const isDirectRun = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (isDirectRun) {
  const { db } = await import("@/lib/db");
  let exitCode = 0;
  try {
    await seedDemoData(db);
  } catch (error) {
    console.error("Gagal memuat data demo:", error);
    exitCode = 1;
  } finally {
    await db.$disconnect();
  }
  process.exit(exitCode);
}
