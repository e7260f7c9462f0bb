// The superadmin's national view: every active agency with its latest period's indices,
// sortable; how the indices are distributed; and an anonymised comparison per kind of
// agency. A fixed number of queries whatever the number of agencies (one more per
// distinct framework version their periods use).
import { z } from "zod";
import type { DbClient } from "@/lib/db";
import type { InstansiKind } from "@/lib/generated/prisma/enums";
import { scorePeriodStages } from "@/lib/results/period-summary";
import { assertCan, type Actor } from "@/lib/policy";
import { Decimal, type AssessmentScore } from "@/lib/scoring";
import { headlineStage, HEADLINE_STAGES, type HeadlineStage } from "./headline-stage";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { frameworkWording, type FrameworkWording } from "@/lib/framework/wording";
import { fiveNumbers, histogram } from "./statistics";

export const KIND_ORDER: readonly InstansiKind[] = ["PROVINSI", "KABUPATEN", "KOTA", "KEMENTERIAN", "LEMBAGA"];

/** Sort keys as they appear in the address (?urut=mandiri&arah=turun). */
export const AGENCY_SORT_KEYS = ["nama", "jenis", "tahun", "mandiri", "terverifikasi", "indeks", "kelengkapan"] as const;
export type AgencySortKey = (typeof AGENCY_SORT_KEYS)[number];

/** GET parameters of the table; anything unexpected falls back to the default order. */
export const ZAgencySort = z.object({
  urut: z.enum(AGENCY_SORT_KEYS).catch("nama"),
  arah: z.enum(["naik", "turun"]).catch("naik"),
});
export type AgencySort = z.output<typeof ZAgencySort>;

type StageIndex = { indexExact: string; predicate: string; answeredCount: number; indicatorCount: number };

export type AgencyRow = {
  id: string;
  name: string;
  kind: InstansiKind;
  region: string | null;
  period: { year: number; phase: string } | null;
  stages: Partial<Record<HeadlineStage, StageIndex>>;
  /** The one number that stands for the period (see headlineStage). */
  headline: (StageIndex & { stage: HeadlineStage }) | null;
};

export type KindComparison = {
  kind: InstansiKind;
  /** Agencies of this kind with a period. */
  count: number;
  stats: { min: string; q1: string; median: string; q3: string; max: string } | null;
  /** The framework's latest published national average for this kind, or null. */
  national: string | null;
};

/**
 * Distribution and comparison of the agencies whose latest period uses one framework
 * version: an SPBE index and a Pemdi index measure different things and are never pooled.
 */
export type FrameworkComparison = {
  framework: { code: string; version: number; name: string; wording: FrameworkWording };
  agencies: number;
  /** Headline indices in bins of 0.5 over the 0-5 scale. */
  distribution: { from: string; to: string; count: number }[];
  comparison: KindComparison[];
  /** Year of the national averages by kind, null when the framework has none yet. */
  nationalYear: number | null;
};

export type AgenciesDashboard = {
  rows: AgencyRow[];
  withoutPeriod: number;
  /** One per framework version in use, newest framework first. */
  frameworks: FrameworkComparison[];
};

/** The newest national averages by kind of agency a framework carries. */
function nationalByKind(definition: FrameworkDefinition) {
  const latest = [...(definition.nationalAverages ?? [])].filter((average) => average.byAgencyKind).sort((a, b) => b.year - a.year)[0];
  return latest ? { year: latest.year, byKind: latest.byAgencyKind ?? {} } : null;
}

const BIN_WIDTH = Decimal.parse("0.5");
const SCALE_MAX = Decimal.fromInteger(5);

const brief = (score: AssessmentScore): StageIndex => ({
  indexExact: score.indexExact,
  predicate: score.predicate,
  answeredCount: score.answeredCount,
  indicatorCount: score.indicatorCount,
});

export async function agenciesDashboard(db: DbClient, actor: Actor, sort: AgencySort): Promise<AgenciesDashboard> {
  assertCan(actor, "results.read-all");
  const agencies = await db.instansi.findMany({
    where: { isActive: true },
    select: {
      id: true,
      name: true,
      kind: true,
      region: true,
      periods: { orderBy: { year: "desc" }, take: 1, select: { id: true, year: true, phase: true, predicateBasis: true, frameworkVersionId: true } },
    },
  });
  const latest = agencies.flatMap((agency) => agency.periods.slice(0, 1));
  const scored = await scorePeriodStages(db, latest, HEADLINE_STAGES);

  const rows: AgencyRow[] = agencies.map((agency) => {
    const period = agency.periods[0];
    const scores = period ? scored.get(period.id)?.scores : undefined;
    const base = { id: agency.id, name: agency.name, kind: agency.kind, region: agency.region };
    if (!period || !scores) return { ...base, period: null, stages: {}, headline: null };
    const stage = headlineStage(scores);
    return {
      ...base,
      period: { year: period.year, phase: period.phase },
      stages: Object.fromEntries(HEADLINE_STAGES.filter((key) => scores[key].answeredCount > 0 || key === "SELF").map((key) => [key, brief(scores[key])])),
      headline: { stage, ...brief(scores[stage]) },
    };
  });

  const headlines = agencies.flatMap((agency, position) => {
    const row = rows[position]!;
    const period = agency.periods[0];
    const framework = period ? scored.get(period.id)?.framework : undefined;
    return row.headline && framework ? [{ kind: row.kind, index: Decimal.parse(row.headline.indexExact), framework }] : [];
  });
  const versions = [...new Map(headlines.map((entry) => [entry.framework.id, entry.framework])).values()].sort(
    (a, b) => Math.max(...b.definition.usedForYears, 0) - Math.max(...a.definition.usedForYears, 0) || b.version - a.version,
  );
  return {
    rows: sortAgencies(rows, sort),
    withoutPeriod: rows.length - headlines.length,
    frameworks: versions.map((version) => {
      const own = headlines.filter((entry) => entry.framework.id === version.id);
      const national = nationalByKind(version.definition);
      return {
        framework: { code: version.code, version: version.version, name: version.definition.name, wording: frameworkWording(version.definition) },
        agencies: own.length,
        distribution: histogram(
          own.map((entry) => entry.index),
          BIN_WIDTH,
          SCALE_MAX,
        ).map((bin) => ({ from: bin.from.toString(), to: bin.to.toString(), count: bin.count })),
        comparison: KIND_ORDER.map((kind) => {
          const values = own.filter((entry) => entry.kind === kind).map((entry) => entry.index);
          const stats = fiveNumbers(values);
          return {
            kind,
            count: values.length,
            stats: stats && {
              min: stats.min.toString(),
              q1: stats.q1.toString(),
              median: stats.median.toString(),
              q3: stats.q3.toString(),
              max: stats.max.toString(),
            },
            national: national?.byKind[kind] ?? null,
          };
        }),
        nationalYear: national?.year ?? null,
      };
    }),
  };
}

type SortValue = string | number | Decimal | null;

const SORT_VALUE: Record<AgencySortKey, (row: AgencyRow) => SortValue> = {
  nama: (row) => row.name,
  jenis: (row) => KIND_ORDER.indexOf(row.kind),
  tahun: (row) => row.period?.year ?? null,
  mandiri: (row) => decimalOrNull(row.stages.SELF?.indexExact),
  terverifikasi: (row) => decimalOrNull(row.stages.INTERNAL_VERIFICATION?.indexExact),
  indeks: (row) => decimalOrNull(row.headline?.indexExact),
  kelengkapan: (row) => (row.stages.SELF ? row.stages.SELF.answeredCount / row.stages.SELF.indicatorCount : null),
};

const decimalOrNull = (text: string | undefined) => (text === undefined ? null : Decimal.parse(text));

function compare(a: Exclude<SortValue, null>, b: Exclude<SortValue, null>): number {
  if (a instanceof Decimal && b instanceof Decimal) return a.cmp(b);
  if (typeof a === "string" && typeof b === "string") return a.localeCompare(b, "id");
  return Number(a) - Number(b);
}

/** Rows without a value (no period yet) stay at the bottom in both directions; ties go by name. */
export function sortAgencies(rows: readonly AgencyRow[], sort: AgencySort): AgencyRow[] {
  const valueOf = SORT_VALUE[sort.urut];
  const direction = sort.arah === "turun" ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [left, right] = [valueOf(a), valueOf(b)];
    if (left === null || right === null) return left === right ? a.name.localeCompare(b.name, "id") : left === null ? 1 : -1;
    return direction * compare(left, right) || a.name.localeCompare(b.name, "id");
  });
}
