/**
 * Converts the research data in ../shared/framework/*.json into the normalized framework
 * format (lib/framework/schema.ts) and writes lib/framework/data/*.json.
 *
 *   npx tsx scripts/build-framework-data.ts
 *   FRAMEWORK_SOURCE_DIR=/path/to/shared/framework npx tsx scripts/build-framework-data.ts
 *
 * The outputs are committed: the running app must never read ../shared. Texts (questions,
 * per-level criteria) are copied verbatim, including the source's double spaces, so the
 * portal shows exactly what the regulation says. pemdi-2026 joins two files: the structure
 * and weights (pemdi-2026.json) and the curated criteria (pemdi-2026-criteria.json, with
 * the kind and confidence of every text). Each output is validated before writing.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { validateFramework, formatFrameworkIssues } from "@/lib/framework/validate";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// A worktree outside the main checkout points here with FRAMEWORK_SOURCE_DIR.
const sourceDir = path.resolve(process.env.FRAMEWORK_SOURCE_DIR ?? path.join(repoRoot, "../shared/framework"));
const outputDir = path.resolve(repoRoot, "lib/framework/data");

const ZSourceLevel = z.object({ level: z.number().int(), name: z.string(), description: z.string() });

const ZSourceIndicator = z.object({
  number: z.number().int(),
  code: z.string(),
  name: z.string(),
  weight: z.number(),
  levelScale: z.string().optional(),
  question: z.string().nullable().optional(),
  criteria: z.record(z.string(), z.string()).optional(),
});

const ZSourceAspect = z.object({
  code: z.string(),
  name: z.string(),
  weight: z.number(),
  indicators: z.array(ZSourceIndicator),
});

const ZSourceCommon = z.object({
  code: z.string(),
  name: z.string(),
  regulation: z.string(),
  status: z.enum(["official", "provisional"]),
  statusNote: z.string().optional(),
  usedForYears: z.array(z.number().int()),
  valueScale: z.object({ min: z.number(), max: z.number(), integer: z.boolean(), note: z.string().optional() }),
  predicates: z.array(
    z.object({
      name: z.string(),
      alias: z.string().optional(),
      min: z.number(),
      max: z.number(),
      maxInclusive: z.boolean().optional(),
    }),
  ),
  predicateNote: z.string().optional(),
  sources: z.array(z.string()).optional(),
  dataNotes: z.array(z.string()).optional(),
});

const ZSpbe2020Source = ZSourceCommon.extend({
  levelScales: z.record(z.string(), z.object({ appliesTo: z.string(), levels: z.array(ZSourceLevel) })),
  domains: z.array(
    z.object({ code: z.string(), name: z.string(), weight: z.number(), aspects: z.array(ZSourceAspect) }),
  ),
});

const ZPemdi2026Source = ZSourceCommon.extend({ aspects: z.array(ZSourceAspect) });

type SourceCommon = z.output<typeof ZSourceCommon>;
type SourceAspect = z.output<typeof ZSourceAspect>;

const SPBE_SCALE_NAMES: Record<string, string> = { process: "Proses", service: "Layanan" };

// The research files carry English notes; the portal shows Indonesian. Each list replaces
// the source's notes one for one, so a source that gains a note fails the build here
// instead of shipping untranslated.
const SPBE_REGULATION =
  "Peraturan Menteri PANRB Nomor 59 Tahun 2020 tentang Pemantauan dan Evaluasi SPBE; pedoman teknis: Pedoman MenPANRB Nomor 3 Tahun 2024";
const SPBE_SOURCES = [
  "PermenPANRB 59/2020 Lampiran I (struktur, bobot, rumus, predikat Tabel 13, kriteria kuesioner per tingkat)",
  "Pedoman MenPANRB 3/2024 (47 indikator yang sama; kriteria bukti dukung per tingkat)",
  "Laporan Pelaksanaan Evaluasi SPBE KemenPANRB 2023 dan 2024 (praktik pembulatan dan dasar predikat)",
];
const SPBE_NOTES = [
  "Predikat: batas bawah inklusif, batas atas eksklusif (kecuali Memuaskan yang mencakup 5,0).",
  "Indikator 3 (Kebijakan Internal Manajemen Data) tidak beraturan dalam peraturannya sendiri: Tingkat 3 hanya memuat teks 'Kondisi' (cakupan sebagian) dan Tingkat 4 berbunyi 'Kriteria tingkat 2 telah terpenuhi ... seluruh rangkaian proses'; Pedoman MenPANRB 3/2024 mengulang tata letak yang sama.",
  "Tingkat 5 Indikator 7 berada di luar tabel pada hasil konversi dan dipasang kembali secara manual dari teks di sebelahnya.",
  "Pertanyaan Indikator 18 tidak dapat diurai dari hasil konversi (kosong).",
  "Pedoman MenPANRB 3/2024 mempertahankan 'Kriteria' yang sama dan menambahkan per tingkat 'Kriteria pemenuhan Level' dan 'Kriteria Bukti Dukung' (ringkasan di docs/spbe-domain.md §3; teks lengkap di repositori aqilalfa/TA_PUSDATIK @004d42d8).",
];

/**
 * National SPBE averages published by KemenPANRB (as summarised in the domain notes).
 * 2018-2020 were measured under PermenPANRB 5/2018 (three domains, no Manajemen SPBE),
 * hence no D3 value.
 */
const SPBE_NATIONAL_AVERAGES = [
  { year: 2018, index: "1.98", nodes: { D1: "1.75", D2: "1.74", D4: "2.17" } },
  { year: 2019, index: "2.18", nodes: { D1: "1.95", D2: "1.86", D4: "2.40" } },
  { year: 2020, index: "2.26", nodes: { D1: "2.07", D2: "1.95", D4: "2.48" } },
  { year: 2021, index: "2.24", nodes: { D1: "2.21", D2: "1.89", D3: "1.23", D4: "2.81" }, agencies: 517 },
  { year: 2022, index: "2.34", nodes: { D1: "2.39", D2: "1.85", D3: "1.32", D4: "2.96" }, agencies: 554 },
  { year: 2023, index: "2.79", nodes: { D1: "2.94", D2: "2.29", D3: "1.66", D4: "3.47" }, agencies: 621 },
  {
    year: 2024,
    index: "3.12",
    nodes: { D1: "3.36", D2: "2.62", D3: "1.86", D4: "3.78" },
    // Ministries and agencies are reported together as "central".
    byAgencyKind: { KEMENTERIAN: "3.71", LEMBAGA: "3.71", PROVINSI: "3.42", KOTA: "3.39", KABUPATEN: "2.97" },
    agencies: 615,
  },
].map((average) => ({
  ...average,
  source: `Laporan Pelaksanaan Evaluasi SPBE ${average.year} (KemenPANRB)${average.year <= 2020 ? ", diukur dengan PermenPANRB 5/2018" : ""}`,
}));

function readSource(fileName: string): unknown {
  return JSON.parse(readFileSync(path.join(sourceDir, fileName), "utf8"));
}

function commonFields(source: SourceCommon) {
  return {
    code: source.code,
    name: source.name,
    status: source.status,
    usedForYears: source.usedForYears,
    valueScale: { min: source.valueScale.min, max: source.valueScale.max, integer: source.valueScale.integer },
  };
}

function indicatorNode(indicator: SourceAspect["indicators"][number], levelScale: string) {
  return {
    kind: "indicator",
    number: indicator.number,
    code: indicator.code,
    name: indicator.name,
    weight: indicator.weight,
    levelScale,
    question: indicator.question ?? null,
    criteria: indicator.criteria ?? {},
  };
}

function replaceNotes(what: string, source: readonly string[], indonesian: readonly string[]): string[] {
  if (source.length !== indonesian.length) {
    throw new Error(`${what}: sumber berisi ${source.length} catatan, terjemahan ${indonesian.length}; perbarui terjemahannya`);
  }
  return [...indonesian];
}

function buildSpbe2020(): unknown {
  const source = ZSpbe2020Source.parse(readSource("spbe-2020.json"));
  const sourceNotes = [...(source.predicateNote ? [source.predicateNote] : []), ...(source.dataNotes ?? [])];
  return {
    ...commonFields(source),
    regulation: SPBE_REGULATION,
    wording: "spbe",
    nodeKinds: ["domain", "aspect", "indicator"],
    levelScales: Object.entries(source.levelScales).map(([code, scale]) => ({
      code,
      name: SPBE_SCALE_NAMES[code] ?? code,
      levels: scale.levels,
    })),
    predicates: source.predicates.map((band) => ({
      name: band.name,
      ...(band.alias ? { alias: band.alias } : {}),
      min: band.min,
      max: band.max,
      maxInclusive: band.maxInclusive ?? false,
    })),
    // PermenPANRB 59/2020: an indicator without an answer adds nothing to the index.
    scoring: {
      unansweredValue: 0,
      rules: [
        "Nilai indikator adalah tingkat bulat 1 sampai 5.",
        "Indikator yang belum diisi dihitung 0 dalam indeks.",
        "Indeks domain dan aspek = Σ (nilai indikator × bobot) / Σ bobot; Indeks SPBE = Σ (nilai indikator × bobot) / 100.",
      ],
    },
    nodes: source.domains.map((domain) => ({
      kind: "domain",
      code: domain.code,
      name: domain.name,
      weight: domain.weight,
      children: domain.aspects.map((aspect) => ({
        kind: "aspect",
        code: aspect.code,
        name: aspect.name,
        weight: aspect.weight,
        children: aspect.indicators.map((indicator) => {
          if (!indicator.levelScale) throw new Error(`spbe-2020 indikator ${indicator.number} tanpa levelScale`);
          return indicatorNode(indicator, indicator.levelScale);
        }),
      })),
    })),
    nationalAverages: SPBE_NATIONAL_AVERAGES,
    sources: replaceNotes("spbe-2020 sources", source.sources ?? [], SPBE_SOURCES),
    notes: replaceNotes("spbe-2020 notes", sourceNotes, SPBE_NOTES),
  };
}

// --- pemdi-2026: structure and weights from pemdi-2026.json (they reproduce the official
// 2026 result 1,24), everything per indicator and level from pemdi-2026-criteria.json.

const ZStringList = z.array(z.string());

const ZCriteriaLevel = z.object({
  level: z.number().int(),
  criteria: z.string(),
  criteriaKind: z.enum(["ocr", "ocr-fragment", "summary"]),
  condition: z.string().nullable(),
  evidenceExpected: ZStringList,
  butir: z.array(z.object({ code: z.string(), text: z.string(), sources: ZStringList.optional() })),
  secondarySummary: z.object({ text: z.string(), sources: ZStringList.optional() }).nullable().optional(),
  sources: ZStringList,
  confidence: z.enum(["high", "medium", "low"]),
  gaps: z.string().nullable().optional(),
  criteriaNote: z.string().optional(),
  ocrLevelLabel: z.string().optional(),
});

const ZRange = z.tuple([z.number().nullable(), z.number()]);

const ZCriteriaIndicator = z.object({
  number: z.number().int(),
  code: z.string(),
  aspect: z.string(),
  name: z.string(),
  moduleTitle: z.string(),
  weight: z.number(),
  description: z.string().nullable(),
  descriptionSources: ZStringList,
  descriptionNote: z.string().optional(),
  question: z.string().nullable(),
  altNames: ZStringList.optional(),
  unplacedOcrFragments: ZStringList.optional(),
  externalIndex: z
    .object({
      name: z.string(),
      owner: z.string(),
      bands: z.array(z.record(z.string(), z.union([z.number(), ZRange]))),
      examples: z.array(z.record(z.string(), z.number())).nullable(),
      sources: ZStringList,
    })
    .nullable(),
  levels: z.array(ZCriteriaLevel),
});

const ZCriteriaSource = z.object({
  code: z.literal("pemdi-2026"),
  regulation: z.string(),
  sources: z.array(
    z.union([
      z.object({ id: z.string(), repo: z.string(), path: z.string(), commit: z.string().optional(), what: z.string() }),
      z.object({ id: z.string(), url: z.string(), what: z.string() }),
    ]),
  ),
  levelNames: z.array(
    z.object({
      level: z.number().int(),
      names: z.array(z.object({ name: z.string(), kind: z.string().optional(), sources: ZStringList })),
    }),
  ),
  predicates: z.array(
    z.object({
      name: z.string(),
      alias: z.string(),
      min: z.number(),
      max: z.number(),
      maxInclusive: z.boolean(),
      sources: ZStringList,
    }),
  ),
  alternatives: z.array(z.object({ description: z.string(), sources: ZStringList, note: z.string().optional() })),
  indicators: z.array(ZCriteriaIndicator),
  scoring: z.object({ valueScale: z.object({ min: z.number(), max: z.number() }), sources: ZStringList }),
  stages: z.array(z.object({ name: z.string(), actors: z.string().optional(), by: z.string().optional(), sources: ZStringList })),
  statuses: z.array(
    z.object({ status: z.string(), type: z.string().optional(), label: z.string().optional(), sources: ZStringList }),
  ),
});

type CriteriaSource = z.output<typeof ZCriteriaSource>;
type CriteriaIndicator = z.output<typeof ZCriteriaIndicator>;

const PEMDI_SCALE_CODE = "umum";

const PEMDI_REGULATION =
  "Peraturan Menteri PANRB Nomor 8 Tahun 2026 tentang Evaluasi Kinerja Pemerintah Digital; ditetapkan 1 Juni 2026, diundangkan 5 Juni 2026, Berita Negara RI Tahun 2026 Nomor 364; mencabut PermenPANRB 59/2020";

const PEMDI_STATUS_NOTE =
  "Sementara: struktur dan bobot diambil dari tiga transkripsi sekunder yang saling sesuai dan mereproduksi hasil resmi 2026; " +
  "kriteria per tingkat berasal dari OCR modul indikator dan ringkasan sekunder, masing-masing ditandai jenis dan tingkat keyakinannya. " +
  "Teks resmi PermenPANRB 8/2026 dan Modul Indikator belum tersedia. Batas predikat dan nama tingkat berbeda antarsumber. " +
  "Semua isi dapat dikoreksi Superadmin melalui impor kerangka dari salinan resmi.";

const PEMDI_SOURCES = [
  "Transkripsi sekunder PermenPANRB 8/2026 di repositori komunitas publik (struktur, bobot, rumus, predikat)",
  "Kriteria per tingkat, butir, indeks eksternal, tahapan dan status: data kurasi pemdi-2026-criteria.json (asal-usul di docs/pemdi-2026-provenance.md)",
];

const PEMDI_NOTES = [
  "Predikat: batas seperti Tabel 4 ('1,00 – < 1,50' … '4,00 – 5,00'); satu transkripsi memulai Kurang dari 0, sumber lain dari 1,00 (di bawah 1,00 disebut 'Belum Terindikasi', di luar skala). Simulasi I5 pada modul juga menyebut 4,0–5,0 'Memuaskan'.",
  "Nama tingkat: Tabel 4 memberi nama predikat dan dua alias per tingkat (mis. Kurang – Merintis / Initiate); bahan interviu asesor memakai nama lama Rintisan/Terkelola dan menyebut skala '1,00 (Rintisan) s.d. 5,00 (Optimum)'.",
  "Tahapan: rencana lokal sebelum peraturan (April 2026) memberi jadwal lain dengan bobot tahap (Dokumen 40%, Interviu 40%, Visitasi 20%); tidak ada sumber lain yang mendukung bobot tahap.",
  "Status aplikasi: status lokal alat Aceh Tengah (proses, draf, belum) bukan status aplikasi nasional. Bahan interviu asesor menambahkan penanda per indikator unggah / interviu / disetujui dengan nilai ya / tidak / na.",
  "Kriteria yang bertanda ringkasan atau berkeyakinan rendah bukan teks resmi peraturan; catatan kurator (curatorNote) memakai bahasa berkas riset.",
];

const PEMDI_SCORING = {
  unansweredValue: 1,
  rules: [
    "Nilai indikator berupa desimal pada skala 1,00–5,00.",
    "Indikator tanpa bukti dukung yang diterima bernilai 1,00, bukan 0 (bahan interviu asesor 2026: I8, I14, I16 'belum upload bukti dukung' → 1,0).",
    "Indikator yang nilainya diambil dari indeks nasional lain (I5, I6, I7, I18) dihitung 1 selama nilainya belum tersedia ('Asumsi nilai dari indikator yang menggunakan indeks lain = 1').",
    "Indeks Aspek = Σ (bobot indikator × nilai indikator) / bobot aspek; Indeks Pemdi = Σ (bobot aspek × Indeks Aspek), bobot sebagai pecahan (Lampiran Pedoman Evaluasi Kinerja Pemdi, Bagian B, hlm. -37- s.d. -39-).",
    "Butir dinilai tingkat demi tingkat: butir tingkat yang lebih tinggi ditolak otomatis selama tingkat di bawahnya belum diterima.",
    "Cara asesor menentukan nilai desimal di antara tingkat (mis. 1,17; 1,25) tidak terdokumentasi dalam sumber yang tersedia.",
  ],
};

const LEVEL_NAME_NOTES: Record<string, string> = {
  predicate: "nama predikat Tabel 4",
  "label used in the external assessor's 2026 material (and the 2025 draft / SPBE 2020)":
    "bahan asesor eksternal 2026 (juga rancangan 2025 / SPBE 2020)",
  "assessor material / 2025 draft": "bahan asesor eksternal 2026 / rancangan 2025",
  "2025 draft only": "hanya rancangan 2025",
  "assessor material (scale end '5,00 (Optimum)') / 2025 draft": "bahan asesor (ujung skala '5,00 (Optimum)') / rancangan 2025",
};

const PREDICATE_ALTERNATIVES = [
  { description: "Varian batas atas inklusif: 1,00–1,50 Kurang; 1,51–2,50 Cukup; 2,51–3,50 Baik; 3,51–4,00 Sangat Baik; 4,01–5,00 Memuaskan" },
  {
    description: "Sangat Baik 3,5 ≤ nilai < 4,5; Memuaskan 4,5 ≤ nilai ≤ 5 (rentang lain sama)",
    note: "dukungan lemah: daftar indikator salah satu sumber bukan kerangka 2026 dan sumber lain salah mengelompokkan indikator ke aspek",
  },
  {
    description: "Rentang predikat SPBE 2020 (< 1,8 / 1,8–2,6 / 2,6–3,5 / 3,5–4,2 / 4,2–5,0): milik PermenPANRB 59/2020 dan hanya muncul kembali sebagai rentang EPSS/IPS indikator I7",
  },
];

const STAGE_DESCRIPTIONS = [
  "Deputi: rencana dan jadwal, instrumen kuesioner dan aplikasi, bimtek dan seleksi Tim Asesor Eksternal, sosialisasi. Instansi: jadwal dan instrumen internal, pembentukan Tim Asesor Internal (Koordinator Pemdi, penanggung jawab, entri data, pelaksana unit).",
  "Tim Asesor Internal, dikoordinasikan Koordinator Pemdi (pejabat pimpinan tinggi pemimpin unit kesekretariatan); hasil dikirim ke Deputi.",
  "Tim Asesor Eksternal memverifikasi hasil Penilaian Mandiri (di eval.spbe.go.id; hasil Tahap 1 tersinkron 20 Sep 2026 untuk Aceh Tengah).",
  "Tim Asesor Eksternal: klarifikasi dan sanggah atas hasil Penilaian Dokumen (jadwal nasional 2026: 21–30 Sep 2026).",
  "Tim Asesor Eksternal didampingi Deputi, bila diperlukan (jadwal 2026: 1–30 Okt 2026).",
  "Deputi menyusun laporan hasil (Indeks Pemdi, indeks aspek, nilai indikator, rekomendasi), menyampaikannya melalui aplikasi, menyusun Laporan Akhir dan profil indeks nasional; Instansi menindaklanjuti rekomendasi.",
];

const STATUS_TEXTS: Record<string, { label: string; meaning: string }> = {
  diterima: { label: "Diterima", meaning: "Butir diunggah dan diterima asesor di eval.spbe.go.id; dihitung untuk tingkatnya." },
  tidak_tepat: {
    label: "Bukti tidak tepat",
    meaning: "Bukti yang diunggah tidak sesuai butir (mis. SK Tim Asesor Internal untuk butir SK Tim Auditor; Indeks KAMI 2023 alih-alih hasil IKASANDI paling lama 1 tahun).",
  },
  belum_diunggah: {
    label: "Belum diunggah",
    meaning: "Catatan asesor: 'Dokumen pendukung/evidence terkait belum tersedia dan belum diunggah.'",
  },
  otomatis_ditolak: {
    label: "Ditolak otomatis",
    meaning: "Butir tingkat yang lebih tinggi ditolak otomatis karena tingkat di bawahnya belum diterima.",
  },
};

/** Per indicator with an external index: how it is used, in Indonesian (the source explains in English). */
const EXTERNAL_INDEX_USE: Record<
  string,
  { use: "converted" | "evidence"; provisional: boolean; valueWhileMissing: number | null; note: string; valuesFromIndex?: boolean }
> = {
  I5: {
    use: "converted",
    provisional: true,
    valueWhileMissing: 1,
    note: "Nilai indikator dikonversi dari hasil evaluasi Indeks SDI terakhir (0–100). Dua rentang teratas terbaca di modul; tiga rentang bawah diambil dari ringkasan sekunder dan butir I18. Di dalam rentang nilai diinterpolasi linear, yang mereproduksi kedua contoh modul (SDI 25 → 2,00; SDI 68,75 → 3,75); teks rumus konversi modul tidak terbaca, jadi interpolasi ini dugaan. Selama nilai SDI belum ada, asesor memakai 1.",
  },
  I6: {
    use: "converted",
    provisional: true,
    valueWhileMissing: 1,
    valuesFromIndex: true,
    note: "Nilai diambil dari evaluasi SJIG oleh BIG (skala 1–5, tampaknya dipakai langsung); rumus konversi dan contoh tidak terdokumentasi. Asesor menandai indikator ini 'indeks lain' dan memakai 1 selama nilainya belum ada.",
  },
  I7: {
    use: "converted",
    provisional: true,
    valueWhileMissing: 1,
    note: "Nilai diambil dari hasil EPSS (Indeks Pembangunan Statistik) oleh BPS. Rentang IPS per tingkat (< 1,8 / 1,8–2,60 / 2,60–3,50 / 3,50–4,20 / 4,20–5,00) berbeda dari rentang predikat Pemdi; rumus konversi tidak terdokumentasi. Asesor memakai 1 selama nilainya belum ada.",
  },
  I10: {
    use: "evidence",
    provisional: false,
    valueWhileMissing: null,
    note: "Tidak dikonversi otomatis: hasil IKASANDI area Keamanan Siber diunggah sebagai bukti dan dinilai asesor; hasil harus dari penilaian paling lama 1 tahun terakhir (Indeks KAMI 2023 ditolak).",
  },
  I11: {
    use: "evidence",
    provisional: false,
    valueWhileMissing: null,
    note: "Dinilai dari bukti. Hanya rentang Tingkat 5 yang terdokumentasi (Nilai IKASANDI Area Kematangan Persandian 4,00 < IKASANDI < 5,00); algoritma mengikuti Keputusan Kepala BSSN Nomor 443 Tahun 2025 tentang Algoritma Kriptografi Indonesia.",
  },
  I12: {
    use: "evidence",
    provisional: false,
    valueWhileMissing: null,
    note: "Dinilai dari bukti. Pada Tingkat 4 hasil pengukuran harus diverifikasi BSSN dan/atau pemerintah daerah yang berwenang.",
  },
  I18: {
    use: "converted",
    provisional: true,
    valueWhileMissing: 1,
    note: "Rentang SDI aspek Interoperabilitas Data per tingkat sama dengan I5; tabel contoh modul tidak lengkap sehingga konversinya tidak dapat direkonstruksi. Asesor menandai indikator ini 'indeks lain' dan memakai 1 selama nilainya belum ada.",
  },
};

const CRITERIA_KINDS = { ocr: "module", "ocr-fragment": "fragment", summary: "summary" } as const;

function levelDefinitions(source: CriteriaSource) {
  return source.levelNames.map(({ level, names }) => {
    // Tabel 4 gives the predicate first and then the level's maturity names; the first
    // maturity name is the level's name, everything else is kept as an alternative.
    const primary = names.find((name) => name.kind === undefined);
    if (!primary) throw new Error(`pemdi-2026 tingkat ${level} tanpa nama tingkat`);
    return {
      level,
      name: primary.name,
      description: null,
      alternativeNames: names
        .filter((name) => name !== primary)
        .map((name) => {
          const note = name.kind === undefined ? "alias Tabel 4" : LEVEL_NAME_NOTES[name.kind];
          if (!note) throw new Error(`pemdi-2026 tingkat ${level}: keterangan nama "${name.kind}" belum diterjemahkan`);
          return { name: name.name, note, sources: name.sources };
        }),
    };
  });
}

function joinNotes(parts: readonly (string | null | undefined)[]): string | undefined {
  const present = parts.filter((part): part is string => Boolean(part?.trim()));
  return present.length > 0 ? present.join(" ") : undefined;
}

function levelDetail(level: z.output<typeof ZCriteriaLevel>) {
  return {
    level: level.level,
    criteriaKind: CRITERIA_KINDS[level.criteriaKind],
    confidence: level.confidence,
    condition: level.condition,
    expectedEvidence: level.evidenceExpected,
    butir: level.butir.map((butir) => ({ code: butir.code, text: butir.text, ...(butir.sources ? { sources: butir.sources } : {}) })),
    secondarySummary: level.secondarySummary
      ? { text: level.secondarySummary.text, ...(level.secondarySummary.sources ? { sources: level.secondarySummary.sources } : {}) }
      : null,
    sources: level.sources,
    curatorNote: joinNotes([level.ocrLevelLabel ? `${level.ocrLevelLabel}.` : null, level.gaps, level.criteriaNote]) ?? null,
  };
}

function externalIndex(indicator: CriteriaIndicator) {
  const external = indicator.externalIndex;
  if (!external) return undefined;
  const use = EXTERNAL_INDEX_USE[indicator.code];
  if (!use) throw new Error(`pemdi-2026 ${indicator.code}: cara memakai indeks eksternal belum dijelaskan`);
  return {
    name: external.name,
    owner: external.owner,
    use: use.use,
    provisional: use.provisional,
    valueWhileMissing: use.valueWhileMissing,
    bands: external.bands.map((band) => {
      // The research file names the index range after the index ("sdi", "ips"...).
      const rangeKey = Object.keys(band).find((key) => key !== "level" && key !== "value");
      const range = rangeKey ? band[rangeKey] : undefined;
      const value = band.value;
      if (typeof band.level !== "number" || !Array.isArray(range)) {
        throw new Error(`pemdi-2026 ${indicator.code}: rentang indeks eksternal tidak terbaca`);
      }
      const valueRange = Array.isArray(value) ? value : use.valuesFromIndex ? range : undefined;
      return {
        level: band.level,
        indexMin: range[0],
        indexMax: range[1],
        ...(valueRange ? { valueMin: valueRange[0], valueMax: valueRange[1] } : {}),
      };
    }),
    examples: (external.examples ?? []).map((example) => {
      const { value, ...rest } = example;
      const index = Object.values(rest)[0];
      if (index === undefined || value === undefined) throw new Error(`pemdi-2026 ${indicator.code}: contoh konversi tidak lengkap`);
      return { index, value };
    }),
    note: use.note,
    sources: external.sources,
  };
}

function pemdiIndicator(indicator: SourceAspect["indicators"][number], details: CriteriaIndicator) {
  if (details.name !== indicator.name || details.weight !== indicator.weight) {
    throw new Error(
      `pemdi-2026 ${indicator.code}: nama/bobot data kriteria (${details.name}, ${details.weight}) berbeda dari struktur (${indicator.name}, ${indicator.weight})`,
    );
  }
  const external = externalIndex(details);
  const curatorNote = joinNotes([
    details.descriptionNote,
    ...(details.unplacedOcrFragments ?? []).map((fragment) => `Unplaced OCR fragment: ${fragment}`),
  ]);
  return {
    ...indicatorNode(indicator, PEMDI_SCALE_CODE),
    question: details.question,
    criteria: Object.fromEntries(details.levels.map((level) => [String(level.level), level.criteria])),
    ...(details.description ? { description: details.description } : {}),
    descriptionSources: details.descriptionSources,
    ...(details.moduleTitle !== details.name ? { moduleTitle: details.moduleTitle } : {}),
    ...(details.altNames ? { alternativeNames: details.altNames.map((name) => ({ name })) } : {}),
    levels: details.levels.map(levelDetail),
    ...(external ? { externalIndex: external } : {}),
    ...(curatorNote ? { curatorNote } : {}),
  };
}

function buildPemdi2026(): unknown {
  const structure = ZPemdi2026Source.parse(readSource("pemdi-2026.json"));
  const criteria = ZCriteriaSource.parse(readSource("pemdi-2026-criteria.json"));
  const byNumber = new Map(criteria.indicators.map((indicator) => [indicator.number, indicator]));
  if (criteria.stages.length !== STAGE_DESCRIPTIONS.length) throw new Error("pemdi-2026: jumlah tahapan berubah; perbarui terjemahannya");
  if (criteria.alternatives.length !== PREDICATE_ALTERNATIVES.length) {
    throw new Error("pemdi-2026: jumlah alternatif predikat berubah; perbarui terjemahannya");
  }
  return {
    ...commonFields(structure),
    regulation: PEMDI_REGULATION,
    wording: "pemdi",
    statusNote: PEMDI_STATUS_NOTE,
    valueScale: { min: criteria.scoring.valueScale.min, max: criteria.scoring.valueScale.max, integer: false },
    nodeKinds: ["aspect", "indicator"],
    levelScales: [{ code: PEMDI_SCALE_CODE, name: "Tingkat kematangan", levels: levelDefinitions(criteria) }],
    // Highest band first, as in spbe-2020.
    predicates: [...criteria.predicates].reverse().map((band) => ({ ...band })),
    predicateAlternatives: criteria.alternatives.map((alternative, index) => ({
      ...PREDICATE_ALTERNATIVES[index],
      sources: alternative.sources,
    })),
    scoring: { ...PEMDI_SCORING, sources: criteria.scoring.sources },
    nodes: structure.aspects.map((aspect) => ({
      kind: "aspect",
      code: aspect.code,
      name: aspect.name,
      weight: aspect.weight,
      children: aspect.indicators.map((indicator) => {
        const details = byNumber.get(indicator.number);
        if (!details) throw new Error(`pemdi-2026 indikator ${indicator.number} tidak ada pada data kriteria`);
        if (details.aspect !== aspect.code) throw new Error(`pemdi-2026 ${indicator.code}: aspek ${details.aspect} ≠ ${aspect.code}`);
        return pemdiIndicator(indicator, details);
      }),
    })),
    stages: criteria.stages.map((stage, index) => ({
      name: stage.name,
      description: STAGE_DESCRIPTIONS[index],
      sources: stage.sources,
    })),
    applicationStatuses: criteria.statuses.map((status) => {
      const key = status.type ?? status.status;
      const texts = STATUS_TEXTS[key];
      if (!texts) throw new Error(`pemdi-2026: status "${key}" belum diterjemahkan`);
      return { status: status.status, ...(status.type ? { kind: status.type } : {}), ...texts, sources: status.sources };
    }),
    sourceReferences: criteria.sources.map((source) => ({
      id: source.id,
      location:
        "url" in source ? source.url : `${source.repo}/${source.path}${source.commit ? ` @${source.commit.slice(0, 7)}` : ""}`,
      description: source.what,
    })),
    sources: PEMDI_SOURCES,
    notes: PEMDI_NOTES,
  };
}

const ZCrosswalkSource = z.object({
  indicators: z.array(
    z.object({
      code: z.string(),
      spbe2020Crosswalk: z.array(z.object({ spbe2020Indicator: z.number().int(), relation: z.string(), sources: z.array(z.string()) })),
    }),
  ),
});

// The research data words each link in English ("evidence source / similar scope (S3 sumber
// 'Arsitektur SPBE')"); the portal keeps the kind in Bahasa Indonesia and the source ids.
const RELATION_WORDS: Record<string, string> = {
  "evidence source": "sumber bukti",
  "similar scope": "cakupan serupa",
  partial: "sebagian",
  "policy precursor": "kebijakan pendahulu",
};

function relationOf(text: string): string {
  const kinds = text.split(/ \(|;/)[0]!.split(" / ");
  return kinds
    .map((kind) => {
      const words = RELATION_WORDS[kind.trim()];
      if (!words) throw new Error(`Jenis hubungan crosswalk tidak dikenal: "${kind}"`);
      return words;
    })
    .join(", ");
}

/** pemdi-2026 -> spbe-2020: which SPBE indicators feed each Pemdi indicator (pemdi-2026-criteria.json). */
function pemdiToSpbeMapping(spbe: { nodes: unknown }) {
  const spbeCodes = new Map<number, string>();
  const visit = (nodes: unknown) => {
    for (const node of nodes as { kind: string; number?: number; code: string; children?: unknown }[]) {
      if (node.kind === "indicator") spbeCodes.set(node.number!, node.code);
      else visit(node.children);
    }
  };
  visit(spbe.nodes);
  const source = ZCrosswalkSource.parse(readSource("pemdi-2026-criteria.json"));
  return {
    framework: "spbe-2020",
    indicators: source.indicators.flatMap((indicator) =>
      indicator.spbe2020Crosswalk.map((link) => {
        const code = spbeCodes.get(link.spbe2020Indicator);
        if (!code) throw new Error(`Crosswalk ${indicator.code}: indikator spbe-2020 nomor ${link.spbe2020Indicator} tidak ada`);
        return { indicator: indicator.code, source: code, relation: relationOf(link.relation), sources: link.sources };
      }),
    ),
  };
}

function write(code: string, definition: unknown): void {
  const result = validateFramework(definition);
  if (!result.ok) {
    throw new Error(`Kerangka ${code} tidak valid:\n${formatFrameworkIssues(result.issues)}`);
  }
  mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, `${code}.json`);
  writeFileSync(file, JSON.stringify(definition, null, 2) + "\n");
  console.log(`wrote ${path.relative(repoRoot, file)}`);
}

const spbe2020 = buildSpbe2020() as { nodes: unknown };
write("spbe-2020", spbe2020);
write("pemdi-2026", { ...(buildPemdi2026() as object), mappings: [pemdiToSpbeMapping(spbe2020)] });
