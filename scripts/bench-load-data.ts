// The national-scale dataset of the load benchmark, written with set-based SQL (INSERT ...
// SELECT over generate_series), so 600 agencies' five years take seconds, not hours:
//   600 agencies x 20 units, an Admin OPD per unit, a Koordinator, an Asesor and a Pimpinan
//   per agency; periods 2021-2025 (2021-2024 final, 2025 being filled in) on spbe-2020;
//   47 assignments and 47 self-assessment answers per period (plus the internal
//   verification and final stages of the closed years), one level change per answer,
//   80 evidence items per agency (half files with their blob rows), two evidence links per
//   answer, two comments per indicator of the current period, official results 2017-2020.
// Ids are readable and predictable, so the benchmark can address agency i directly:
//   agency "bi<i>", unit "bu<i>-<u>", period "bpr<i>-<year>",
//   Admin OPD of unit 1 "opd-<i>-1@bench.uji" (owns indicators 1, 21, 41), Koordinator
//   "koordinator-<i>@bench.uji"; every password is BENCH_PASSWORD.
import type pg from "pg";

export const BENCH_PASSWORD = "Uji-Beban-Nasional#2026";
/** The national scale; `npm run bench:load -- --agencies N` loads fewer (same shape per agency). */
export const AGENCIES = 600;
export const UNITS = 20;
export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
export const CURRENT_YEAR = 2025;
export const EVIDENCE_PER_AGENCY = 80;

export const periodId = (agency: number, year: number = CURRENT_YEAR) => `bpr${agency}-${year}`;
export const ownerEmail = (agency: number) => `opd-${agency}-1@bench.uji`;
export const koordinatorEmail = (agency: number) => `koordinator-${agency}@bench.uji`;

const EXPLANATION =
  "Fakta: Peraturan Bupati tentang Arsitektur SPBE Pasal 3 ayat (2), halaman 4; SK Tim Koordinasi SPBE; notulen rapat evaluasi triwulan. " +
  "Analisis: kriteria tingkat sebelumnya terpenuhi seluruhnya, kebijakan berlaku untuk semua perangkat daerah dan telah direviu.";

/** Statements in order; each is one INSERT ... SELECT. */
function statements(versionId: string, passwordHash: string, agencyCount: number): { table: string; sql: string; params: string[] }[] {
  const agencies = `generate_series(1, ${agencyCount}) i`;
  const units = `generate_series(1, ${UNITS}) u`;
  const years = `generate_series(${YEARS[0]}, ${YEARS.at(-1)}) y`;
  const indicators = `(SELECT id, number FROM "FrameworkNode" WHERE "versionId" = $1 AND kind = 'INDICATOR') n`;
  const version = [versionId];
  const level = `(1 + (i * 7 + n.number * 13 + y) % 5)`;
  const owner = `'bo' || i || '-' || (1 + (n.number - 1) % ${UNITS})`;
  return [
    {
      table: "Instansi",
      sql: `INSERT INTO "Instansi" (id, code, name, kind, region, "updatedAt")
        SELECT 'bi' || i, 'bench-' || i, 'Pemerintah Uji ' || i,
          (ARRAY['KEMENTERIAN','LEMBAGA','PROVINSI','KABUPATEN','KOTA'])[1 + i % 5]::"InstansiKind", 'Wilayah ' || (i % 38), now()
        FROM ${agencies}`,
      params: [],
    },
    {
      table: "Unit",
      sql: `INSERT INTO "Unit" (id, "instansiId", code, name, "shortName", functions, "updatedAt")
        SELECT 'bu' || i || '-' || u, 'bi' || i, 'unit-' || u, 'Perangkat Daerah Uji ' || u, 'PD' || u, ARRAY['tik'], now()
        FROM ${agencies}, ${units}`,
      params: [],
    },
    {
      table: "User",
      sql: `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
        SELECT r.prefix || i, r.role || '-' || i || '@bench.uji', initcap(r.role) || ' ' || i, $1, now()
        FROM ${agencies}, (VALUES ('bk', 'koordinator'), ('ba', 'asesor'), ('bp', 'pimpinan')) AS r(prefix, role)
        UNION ALL
        SELECT 'bo' || i || '-' || u, 'opd-' || i || '-' || u || '@bench.uji', 'Admin OPD ' || i || '-' || u, $1, now()
        FROM ${agencies}, ${units}`,
      params: [passwordHash],
    },
    {
      table: "Membership",
      sql: `INSERT INTO "Membership" (id, "userId", "instansiId", "unitId", role)
        SELECT 'bm' || r.prefix || i, r.prefix || i, 'bi' || i, NULL, r.role::"Role"
        FROM ${agencies}, (VALUES ('bk', 'KOORDINATOR'), ('ba', 'ASESOR'), ('bp', 'PIMPINAN')) AS r(prefix, role)
        UNION ALL
        SELECT 'bmo' || i || '-' || u, 'bo' || i || '-' || u, 'bi' || i, 'bu' || i || '-' || u, 'ADMIN_OPD'
        FROM ${agencies}, ${units}`,
      params: [],
    },
    {
      table: "AssessmentPeriod",
      sql: `INSERT INTO "AssessmentPeriod" (id, "instansiId", year, "frameworkVersionId", phase, "targetIndex", "lockedAt", "updatedAt")
        SELECT 'bpr' || i || '-' || y, 'bi' || i, y, $1,
          (CASE WHEN y = ${CURRENT_YEAR} THEN 'PENGISIAN' ELSE 'FINAL' END)::"PeriodPhase", 3.5, CASE WHEN y < ${CURRENT_YEAR} THEN now() END, now()
        FROM ${agencies}, ${years}`,
      params: version,
    },
    {
      table: "Assignment",
      sql: `INSERT INTO "Assignment" (id, "periodId", "indicatorId", "unitId")
        SELECT 'bas' || i || '-' || y || '-' || n.number, 'bpr' || i || '-' || y, n.id, 'bu' || i || '-' || (1 + (n.number - 1) % ${UNITS})
        FROM ${agencies}, ${years}, ${indicators}`,
      params: version,
    },
    {
      table: "Answer",
      sql: `INSERT INTO "Answer" (id, "periodId", "indicatorId", stage, level, explanation, status, version, "updatedById", "submittedAt", "verifiedAt", "updatedAt")
        SELECT 'ban' || i || '-' || y || '-' || n.number || '-' || s.code, 'bpr' || i || '-' || y, n.id, s.stage::"AnswerStage",
          GREATEST(1, ${level} - s.drop), '${EXPLANATION}',
          (CASE WHEN y < ${CURRENT_YEAR} THEN s.closed WHEN n.number % 3 = 0 THEN 'SUBMITTED' ELSE 'DRAFT' END)::"AnswerStatus",
          1, ${owner}, CASE WHEN y < ${CURRENT_YEAR} OR n.number % 3 = 0 THEN now() END, CASE WHEN y < ${CURRENT_YEAR} THEN now() END, now()
        FROM ${agencies}, ${years}, ${indicators}
        CROSS JOIN (VALUES ('S', 'SELF', 0, 'VERIFIED'), ('V', 'INTERNAL_VERIFICATION', 0, 'VERIFIED'), ('F', 'FINAL', 1, 'RECORDED')) AS s(code, stage, drop, closed)
        WHERE s.code = 'S' OR y < ${CURRENT_YEAR}`,
      params: version,
    },
    {
      table: "LevelChange",
      sql: `INSERT INTO "LevelChange" (id, "answerId", "fromLevel", "toLevel", reason, "actorId")
        SELECT 'blc' || a.id, a.id, NULL, a.level, 'Diisi pemilik jawaban', a."updatedById" FROM "Answer" a WHERE a.stage = 'SELF'`,
      params: [],
    },
    {
      table: "Blob",
      sql: `INSERT INTO "Blob" (id, "instansiId", sha256, size, "mimeType", "storageKey")
        SELECT 'bb' || i || '-' || e, 'bi' || i, h.sha, 250000 + e * 1000, 'application/pdf', 'bi' || i || '/' || left(h.sha, 2) || '/' || h.sha
        FROM ${agencies}, generate_series(1, ${EVIDENCE_PER_AGENCY}, 2) e,
          LATERAL (SELECT md5('a' || i || '-' || e) || md5('b' || i || '-' || e) AS sha) h`,
      params: [],
    },
    {
      table: "Evidence",
      sql: `INSERT INTO "Evidence" (id, "instansiId", "ownerUnitId", kind, title, "documentType", "documentNo", "enactedAt", url, "blobId", "originalName", "createdById", "updatedAt")
        SELECT 'bev' || i || '-' || e, 'bi' || i, 'bu' || i || '-' || (1 + e % ${UNITS}),
          (CASE WHEN e % 2 = 1 THEN 'FILE' ELSE 'LINK' END)::"EvidenceKind", 'Bukti dukung ' || e || ' instansi ' || i,
          (ARRAY['PERATURAN','KEPUTUSAN','SOP','LAPORAN','NOTULEN'])[1 + e % 5]::"DocumentType", e || '/2024', date '2024-01-01' + e,
          CASE WHEN e % 2 = 0 THEN 'https://jdih.contoh.go.id/' || i || '/' || e END,
          CASE WHEN e % 2 = 1 THEN 'bb' || i || '-' || e END, CASE WHEN e % 2 = 1 THEN 'bukti-' || e || '.pdf' END,
          'bo' || i || '-' || (1 + e % ${UNITS}), now()
        FROM ${agencies}, generate_series(1, ${EVIDENCE_PER_AGENCY}) e`,
      params: [],
    },
    {
      table: "AnswerEvidence",
      sql: `INSERT INTO "AnswerEvidence" ("answerId", "evidenceId")
        SELECT 'ban' || i || '-' || y || '-' || n.number || '-S', 'bev' || i || '-' || (1 + (n.number + k) % ${EVIDENCE_PER_AGENCY})
        FROM ${agencies}, ${years}, ${indicators}, generate_series(0, 1) k`,
      params: version,
    },
    {
      table: "Comment",
      sql: `INSERT INTO "Comment" (id, "periodId", "indicatorId", "authorId", body)
        SELECT 'bc' || i || '-' || n.number || '-' || k, 'bpr' || i || '-' || ${CURRENT_YEAR}, n.id,
          CASE WHEN k = 0 THEN 'bk' || i ELSE 'bo' || i || '-' || (1 + (n.number - 1) % ${UNITS}) END,
          CASE WHEN k = 0 THEN 'Mohon lengkapi notulen rapat evaluasi.' ELSE 'Sudah kami unggah, mohon dicek.' END
        FROM ${agencies}, ${indicators}, generate_series(0, 1) k`,
      params: version,
    },
    {
      table: "HistoricalResult",
      sql: `INSERT INTO "HistoricalResult" (id, "instansiId", year, "frameworkCode", index, predicate, source)
        SELECT 'bh' || i || '-' || y, 'bi' || i, y, 'spbe-2020', 1.5 + ((i * 31 + y) % 200) / 100.0, 'Baik', 'Laporan evaluasi SPBE'
        FROM ${agencies}, generate_series(2017, 2020) y`,
      params: [],
    },
  ];
}

/** Loads the dataset; returns the row count of each table and the seconds it took. */
export async function seedNationalDataset(client: pg.Client, versionId: string, passwordHash: string, agencyCount: number = AGENCIES) {
  const counts: Record<string, number> = {};
  const started = performance.now();
  await client.query("BEGIN");
  for (const { table, sql, params } of statements(versionId, passwordHash, agencyCount)) {
    const result = await client.query(sql, params);
    counts[table] = (counts[table] ?? 0) + (result.rowCount ?? 0);
  }
  await client.query("COMMIT");
  await client.query("ANALYZE");
  return { counts, seconds: (performance.now() - started) / 1000 };
}
