/**
 * Converts the research data in ../shared/framework/*.json into the normalized framework
 * format (lib/framework/schema.ts) and writes lib/framework/data/*.json.
 *
 *   npx tsx scripts/build-framework-data.ts
 *
 * The outputs are committed: the running app must never read ../shared. Texts (questions,
 * per-level criteria) are copied verbatim, including the source's double spaces, so the
 * portal shows exactly what the regulation says. Each output is validated before writing.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { validateFramework, formatFrameworkIssues } from "@/lib/framework/validate";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sourceDir = path.resolve(repoRoot, "../shared/framework");
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

const PEMDI_SCALE_CODE = "umum";

// The source has no per-level criteria for PermenPANRB 8/2026. These texts say so and
// stay generic (the usual cumulative maturity ladder) until the official salinan is imported.
const PEMDI_GENERAL_LEVELS = [
  "Deskripsi umum sementara, menunggu salinan resmi PermenPANRB 8/2026: praktik masih bersifat awal, belum terencana dan dilakukan sewaktu-waktu.",
  "Deskripsi umum sementara, menunggu salinan resmi PermenPANRB 8/2026: praktik sudah ditetapkan dan dikelola, tetapi baru diterapkan pada sebagian unit kerja.",
  "Deskripsi umum sementara, menunggu salinan resmi PermenPANRB 8/2026: praktik diterapkan pada seluruh unit kerja sesuai pedoman atau standar.",
  "Deskripsi umum sementara, menunggu salinan resmi PermenPANRB 8/2026: praktik terpadu dan kinerjanya diukur melalui reviu dan evaluasi berkala.",
  "Deskripsi umum sementara, menunggu salinan resmi PermenPANRB 8/2026: praktik ditingkatkan secara berkelanjutan berdasarkan hasil reviu dan evaluasi.",
];

const PEMDI_STATUS_NOTE =
  "Sementara: struktur dan bobot diambil dari tiga transkripsi sekunder yang saling sesuai; " +
  "teks resmi PermenPANRB 8/2026 belum tersedia. Batas predikat dan nama tingkat berbeda antarsumber. " +
  "Semua angka dapat dikoreksi Koordinator SPBE melalui impor kerangka dari salinan resmi.";

function readSource(fileName: string): unknown {
  return JSON.parse(readFileSync(path.join(sourceDir, fileName), "utf8"));
}

function commonFields(source: SourceCommon, statusNote?: string) {
  return {
    code: source.code,
    name: source.name,
    regulation: source.regulation,
    status: source.status,
    ...(statusNote ? { statusNote } : {}),
    usedForYears: source.usedForYears,
    valueScale: { min: source.valueScale.min, max: source.valueScale.max, integer: source.valueScale.integer },
  };
}

function predicates(source: SourceCommon) {
  return source.predicates.map((band) => ({
    name: band.name,
    ...(band.alias ? { alias: band.alias } : {}),
    min: band.min,
    max: band.max,
    maxInclusive: band.maxInclusive ?? false,
  }));
}

function notes(source: SourceCommon, extra: string[] = []): string[] {
  return [
    ...(source.predicateNote ? [`Predikat: ${source.predicateNote}`] : []),
    ...(source.valueScale.note ? [`Skala nilai: ${source.valueScale.note}`] : []),
    ...(source.dataNotes ?? []),
    ...extra,
  ];
}

function indicatorNode(
  indicator: SourceAspect["indicators"][number],
  levelScale: string,
  keepTexts: boolean,
) {
  return {
    kind: "indicator",
    number: indicator.number,
    code: indicator.code,
    name: indicator.name,
    weight: indicator.weight,
    levelScale,
    question: keepTexts ? (indicator.question ?? null) : null,
    criteria: keepTexts ? (indicator.criteria ?? {}) : {},
  };
}

function buildSpbe2020(): unknown {
  const source = ZSpbe2020Source.parse(readSource("spbe-2020.json"));
  return {
    ...commonFields(source),
    nodeKinds: ["domain", "aspect", "indicator"],
    levelScales: Object.entries(source.levelScales).map(([code, scale]) => ({
      code,
      name: SPBE_SCALE_NAMES[code] ?? code,
      levels: scale.levels,
    })),
    predicates: predicates(source),
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
          return indicatorNode(indicator, indicator.levelScale, true);
        }),
      })),
    })),
    sources: source.sources ?? [],
    notes: notes(source),
  };
}

function buildPemdi2026(): unknown {
  const source = ZPemdi2026Source.parse(readSource("pemdi-2026.json"));
  return {
    ...commonFields(source, PEMDI_STATUS_NOTE),
    nodeKinds: ["aspect", "indicator"],
    levelScales: [
      {
        code: PEMDI_SCALE_CODE,
        name: "Tingkat kematangan umum",
        levels: PEMDI_GENERAL_LEVELS.map((description, index) => ({
          level: index + 1,
          name: `Tingkat ${index + 1}`,
          description,
        })),
      },
    ],
    predicates: predicates(source),
    nodes: source.aspects.map((aspect) => ({
      kind: "aspect",
      code: aspect.code,
      name: aspect.name,
      weight: aspect.weight,
      children: aspect.indicators.map((indicator) => indicatorNode(indicator, PEMDI_SCALE_CODE, false)),
    })),
    sources: source.sources ?? [],
    notes: notes(source, source.statusNote ? [`Catatan sumber: ${source.statusNote}`] : []),
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

write("spbe-2020", buildSpbe2020());
write("pemdi-2026", buildPemdi2026());
