import { z } from "zod";
import { Decimal } from "@/lib/decimal";

/**
 * Shape of a framework definition (spbe-2020, pemdi-2026, or an imported revision).
 * Only the structure is checked here; the arithmetic rules (weights summing up,
 * predicate bands tiling the scale...) live in validate.ts.
 *
 * Every weight and bound is accepted as a JSON number or a decimal string and comes out
 * as a canonical decimal string ("13.0" -> "13"), so nothing downstream can slip back
 * into binary floating point.
 */

/** Canonical decimal text, e.g. "2.75". Parse with Decimal.parse. */
export type DecimalText = string;

export interface ValueScale {
  readonly min: DecimalText;
  readonly max: DecimalText;
  /** When true only whole levels may be chosen (spbe-2020); pemdi-2026 allows decimals. */
  readonly integer: boolean;
}

/** A name another source gives a level or band, kept so a corrector sees the disagreement. */
export interface AlternativeName {
  readonly name: string;
  /** Which source uses it and how, e.g. "bahan asesor 2026". */
  readonly note?: string;
  readonly sources?: readonly string[];
}

export interface LevelDefinition {
  readonly level: number;
  readonly name: string;
  /** Fallback criterion text for indicators that have no criterion of their own. */
  readonly description: string | null;
  readonly alternativeNames?: readonly AlternativeName[];
}

export interface LevelScale {
  readonly code: string;
  readonly name: string;
  readonly levels: readonly LevelDefinition[];
}

export interface PredicateBand {
  readonly name: string;
  readonly alias?: string;
  /** Inclusive lower bound. */
  readonly min: DecimalText;
  /** Exclusive upper bound, unless maxInclusive (the top band). */
  readonly max: DecimalText;
  readonly maxInclusive: boolean;
  readonly sources?: readonly string[];
}

/** A differing set of predicate bounds found in some source; informational, never scored. */
export interface PredicateAlternative {
  readonly description: string;
  readonly note?: string;
  readonly sources?: readonly string[];
}

/**
 * How trustworthy the criterion text of a level is: "module" is the indicator module's own
 * wording, "fragment" a legible part of it, "summary" a secondary paraphrase that must never
 * be shown as the regulation's wording.
 */
export const CRITERIA_KINDS = ["module", "fragment", "summary"] as const;
export type CriteriaKind = (typeof CRITERIA_KINDS)[number];

export const CONFIDENCES = ["high", "medium", "low"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** A sub-item of a level: one document the national application asks for, under its code. */
export interface Butir {
  /** National code I{n}-L{l}-{NN}, e.g. "I1-L2-02". */
  readonly code: string;
  readonly text: string;
  readonly sources?: readonly string[];
}

export interface SecondarySummary {
  readonly text: string;
  readonly sources?: readonly string[];
}

/** Everything known about one level of one indicator besides its criterion text. */
export interface IndicatorLevelDetail {
  readonly level: number;
  readonly criteriaKind: CriteriaKind;
  readonly confidence: Confidence;
  /** "Kondisi" of the module where legible. */
  readonly condition: string | null;
  readonly expectedEvidence: readonly string[];
  readonly butir: readonly Butir[];
  readonly secondarySummary: SecondarySummary | null;
  readonly sources: readonly string[];
  /** The curator's note on gaps and re-placed text, in the language of the research file. */
  readonly curatorNote: string | null;
}

/** One band of an external national index and the indicator values it converts to. */
export interface ExternalIndexBand {
  readonly level: number;
  /** Null when the source gives no lower bound ("< 1,8"). */
  readonly indexMin: DecimalText | null;
  readonly indexMax: DecimalText;
  /** Indicator value range the band converts to; absent when the source documents none. */
  readonly valueMin?: DecimalText;
  readonly valueMax?: DecimalText;
}

export interface ExternalIndex {
  readonly name: string;
  readonly owner: string;
  /**
   * "converted": the value follows from the index through the bands; "evidence": the
   * result is uploaded as evidence and the assessor judges the level.
   */
  readonly use: "converted" | "evidence";
  /** True when the conversion is the curator's inference, not text legible in the source. */
  readonly provisional: boolean;
  /** What the indicator counts while no index value exists (null: the framework's unanswered rule). */
  readonly valueWhileMissing: DecimalText | null;
  readonly bands: readonly ExternalIndexBand[];
  readonly examples: readonly { readonly index: DecimalText; readonly value: DecimalText }[];
  readonly note: string;
  readonly sources?: readonly string[];
}

export interface IndicatorNode {
  readonly kind: "indicator";
  readonly number: number;
  readonly code: string;
  readonly name: string;
  readonly weight: DecimalText;
  readonly levelScale: string;
  readonly question: string | null;
  /** Level number ("1".."5") -> criterion text; missing levels fall back to the scale. */
  readonly criteria: Readonly<Record<string, string>>;
  readonly description?: string;
  readonly descriptionSources?: readonly string[];
  /** Title of the indicator module, when it differs from the name. */
  readonly moduleTitle?: string;
  readonly alternativeNames?: readonly AlternativeName[];
  /** Per level: kind and confidence of the criterion, condition, expected evidence, butir. */
  readonly levels?: readonly IndicatorLevelDetail[];
  readonly externalIndex?: ExternalIndex;
  readonly curatorNote?: string;
}

export interface GroupNode {
  /** One of the framework's nodeKinds except "indicator", e.g. "domain" or "aspect". */
  readonly kind: string;
  readonly code: string;
  readonly name: string;
  readonly weight: DecimalText;
  readonly children: readonly FrameworkNode[];
}

export type FrameworkNode = GroupNode | IndicatorNode;

export interface ScoringRules {
  /**
   * What an unanswered indicator counts in the index: 0 in spbe-2020, 1 (the floor) in
   * pemdi-2026. Never above the scale minimum. Completeness is reported either way.
   */
  readonly unansweredValue: DecimalText;
  /** The rules as the source states them, in Bahasa Indonesia, for people deciding a value. */
  readonly rules?: readonly string[];
  readonly sources?: readonly string[];
}

export interface EvaluationStage {
  readonly name: string;
  readonly description: string;
  readonly sources?: readonly string[];
}

/** A status the national application gives a butir. */
export interface ApplicationStatus {
  readonly status: string;
  /** Kind of revision, e.g. "tidak_tepat"; absent for a plain status. */
  readonly kind?: string;
  readonly label: string;
  readonly meaning: string;
  readonly sources?: readonly string[];
}

/** A national average published for one year of this framework's evaluation. */
export interface NationalAverage {
  readonly year: number;
  readonly index: DecimalText;
  /** Top-level node code (domain or aspect) -> its national average, where published. */
  readonly nodes?: Readonly<Record<string, DecimalText>>;
  /** Kind of agency (KEMENTERIAN, LEMBAGA, PROVINSI, KOTA, KABUPATEN) -> its average. */
  readonly byAgencyKind?: Readonly<Record<string, DecimalText>>;
  /** Agencies evaluated that year, where the report states it. */
  readonly agencies?: number;
  readonly source?: string;
}

/** One entry of the research file's source list, so ids like "S3" can be looked up. */
export interface SourceReference {
  readonly id: string;
  readonly location: string;
  readonly description?: string;
}

/**
 * Lineage across frameworks: which indicators of another framework feed one of this
 * framework's indicators (pemdi-2026's I1 Tata Kelola Pemerintah Digital draws on
 * spbe-2020's I11 Arsitektur SPBE and I12 Peta Rencana SPBE). Within one framework an
 * indicator's identity is its code, kept across versions; across frameworks only a
 * declared mapping relates indicators, never an equal number or code.
 */
export interface IndicatorMapping {
  /** This framework's indicator code. */
  readonly indicator: string;
  /** The other framework's indicator code. */
  readonly source: string;
  /** How they relate, in words for people: "sumber bukti", "cakupan serupa", "sebagian", "kebijakan pendahulu". */
  readonly relation: string;
  /** Ids of the sourceReferences the link comes from, e.g. ["S3", "S9"]. */
  readonly sources?: readonly string[];
}

export interface FrameworkMapping {
  /** Code of the other framework, e.g. "spbe-2020". */
  readonly framework: string;
  readonly indicators: readonly IndicatorMapping[];
}

export interface FrameworkDefinition {
  readonly code: string;
  readonly name: string;
  readonly regulation: string;
  readonly status: "official" | "provisional";
  readonly statusNote?: string;
  /** Words the portal uses for it: "Indeks SPBE" or "Indeks Pemerintah Digital". */
  readonly wording?: "spbe" | "pemdi";
  readonly usedForYears: readonly number[];
  readonly valueScale: ValueScale;
  /** Label of each depth level, root first; the last one is always "indicator". */
  readonly nodeKinds: readonly string[];
  readonly levelScales: readonly LevelScale[];
  readonly predicates: readonly PredicateBand[];
  readonly nodes: readonly FrameworkNode[];
  readonly sources?: readonly string[];
  readonly notes?: readonly string[];
  /** Absent in versions stored before scoring rules were data: they count unanswered as 0. */
  readonly scoring?: ScoringRules;
  readonly predicateAlternatives?: readonly PredicateAlternative[];
  readonly stages?: readonly EvaluationStage[];
  readonly applicationStatuses?: readonly ApplicationStatus[];
  readonly nationalAverages?: readonly NationalAverage[];
  readonly sourceReferences?: readonly SourceReference[];
  readonly mappings?: readonly FrameworkMapping[];
}

/** The value an unanswered indicator counts, as canonical decimal text. */
export function unansweredValueOf(framework: FrameworkDefinition): DecimalText {
  return framework.scoring?.unansweredValue ?? "0";
}

export const INDICATOR_KIND = "indicator";

export function isIndicatorNode(node: FrameworkNode): node is IndicatorNode {
  return node.kind === INDICATOR_KIND;
}

const ZDecimalValue = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const parsed = Decimal.tryFrom(value);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: "Harus berupa angka atau teks desimal, mis. 2.75" });
    return z.NEVER;
  }
  return parsed;
});

const ZNonNegativeDecimal = ZDecimalValue.refine((value) => !value.isNegative(), {
  message: "Tidak boleh negatif",
}).transform((value) => value.toString());

const ZWeight = ZDecimalValue.refine((value) => value.gt(Decimal.ZERO), {
  message: "Bobot harus lebih besar dari 0",
}).transform((value) => value.toString());

const ZText = z.string().trim().min(1, "Wajib diisi");

const ZLevelKey = z.string().regex(/^\d+$/, 'Kunci kriteria harus nomor tingkat, mis. "1"');

const ZSourceIds = z.array(ZText);

const ZOptionalText = z
  .string()
  .nullable()
  .optional()
  .transform((text) => (text?.trim() ? text : null));

const ZAlternativeName = z.object({ name: ZText, note: ZText.optional(), sources: ZSourceIds.optional() });

const ZButir = z.object({
  code: z.string().regex(/^I\d+-L\d+-\d{2}$/, 'Kode butir harus berbentuk I{n}-L{l}-{NN}, mis. "I1-L2-02"'),
  text: ZText,
  sources: ZSourceIds.optional(),
});

const ZIndicatorLevelDetail = z.object({
  level: z.number().int().nonnegative(),
  criteriaKind: z.enum(CRITERIA_KINDS, 'Jenis kriteria harus "module", "fragment" atau "summary"'),
  confidence: z.enum(CONFIDENCES, 'Keyakinan harus "high", "medium" atau "low"'),
  condition: ZOptionalText,
  expectedEvidence: z.array(ZText).default([]),
  butir: z.array(ZButir).default([]),
  secondarySummary: z
    .object({ text: ZText, sources: ZSourceIds.optional() })
    .nullable()
    .default(null),
  sources: ZSourceIds.default([]),
  curatorNote: ZOptionalText,
});

const ZExternalIndexBand = z.object({
  level: z.number().int().nonnegative(),
  indexMin: ZNonNegativeDecimal.nullable(),
  indexMax: ZNonNegativeDecimal,
  valueMin: ZNonNegativeDecimal.optional(),
  valueMax: ZNonNegativeDecimal.optional(),
});

const ZExternalIndex = z.object({
  name: ZText,
  owner: ZText,
  use: z.enum(["converted", "evidence"], 'Penggunaan indeks harus "converted" atau "evidence"'),
  provisional: z.boolean(),
  valueWhileMissing: ZNonNegativeDecimal.nullable().default(null),
  bands: z.array(ZExternalIndexBand).min(1),
  examples: z.array(z.object({ index: ZNonNegativeDecimal, value: ZNonNegativeDecimal })).default([]),
  note: ZText,
  sources: ZSourceIds.optional(),
});

const ZRawNode = z.object({
  kind: ZText,
  code: ZText,
  name: ZText,
  weight: ZWeight,
  number: z.number().int().positive().optional(),
  levelScale: ZText.optional(),
  question: z.string().nullable().optional(),
  criteria: z.record(ZLevelKey, z.string()).optional(),
  description: ZText.optional(),
  descriptionSources: ZSourceIds.optional(),
  moduleTitle: ZText.optional(),
  alternativeNames: z.array(ZAlternativeName).optional(),
  levels: z.array(ZIndicatorLevelDetail).optional(),
  externalIndex: ZExternalIndex.optional(),
  curatorNote: ZText.optional(),
  children: z.array(z.lazy(() => ZFrameworkNode)).optional(),
});

type RawNode = z.output<typeof ZRawNode>;

const INDICATOR_ONLY_FIELDS = ["levels", "externalIndex", "description"] as const;

function toFrameworkNode(raw: RawNode): FrameworkNode {
  if (raw.kind === INDICATOR_KIND) {
    const indicator: IndicatorNode = {
      kind: INDICATOR_KIND,
      number: raw.number ?? 0,
      code: raw.code,
      name: raw.name,
      weight: raw.weight,
      levelScale: raw.levelScale ?? "",
      question: raw.question?.trim() ? raw.question : null,
      criteria: raw.criteria ?? {},
      // Optional fields stay absent when not given, so a definition without them keeps
      // its checksum (and its stored version) unchanged.
      ...(raw.description !== undefined ? { description: raw.description } : {}),
      ...(raw.descriptionSources !== undefined ? { descriptionSources: raw.descriptionSources } : {}),
      ...(raw.moduleTitle !== undefined ? { moduleTitle: raw.moduleTitle } : {}),
      ...(raw.alternativeNames !== undefined ? { alternativeNames: raw.alternativeNames } : {}),
      ...(raw.levels !== undefined ? { levels: raw.levels } : {}),
      ...(raw.externalIndex !== undefined ? { externalIndex: raw.externalIndex } : {}),
      ...(raw.curatorNote !== undefined ? { curatorNote: raw.curatorNote } : {}),
    };
    return indicator;
  }
  return { kind: raw.kind, code: raw.code, name: raw.name, weight: raw.weight, children: raw.children ?? [] };
}

export const ZFrameworkNode: z.ZodType<FrameworkNode> = ZRawNode.superRefine((node, ctx) => {
  if (node.kind === INDICATOR_KIND) {
    if (node.number === undefined) {
      ctx.addIssue({ code: "custom", path: ["number"], message: "Indikator wajib memiliki nomor" });
    }
    if (node.levelScale === undefined) {
      ctx.addIssue({ code: "custom", path: ["levelScale"], message: "Indikator wajib menyebut skala tingkat" });
    }
    if (node.children !== undefined) {
      ctx.addIssue({ code: "custom", path: ["children"], message: "Indikator tidak boleh memiliki anak" });
    }
  } else if (INDICATOR_ONLY_FIELDS.some((field) => node[field] !== undefined)) {
    const field = INDICATOR_ONLY_FIELDS.find((candidate) => node[candidate] !== undefined) ?? "levels";
    ctx.addIssue({ code: "custom", path: [field], message: `Hanya indikator yang boleh memiliki "${field}"` });
  } else if (!node.children || node.children.length === 0) {
    ctx.addIssue({ code: "custom", path: ["children"], message: `Node "${node.kind}" wajib memiliki anak` });
  }
}).transform(toFrameworkNode);

const ZLevelDefinition = z.object({
  level: z.number().int().nonnegative(),
  name: ZText,
  description: ZOptionalText,
  alternativeNames: z.array(ZAlternativeName).optional(),
});

const ZPredicateBand = z.object({
  name: ZText,
  alias: ZText.optional(),
  min: ZNonNegativeDecimal,
  max: ZNonNegativeDecimal,
  maxInclusive: z.boolean().default(false),
  sources: ZSourceIds.optional(),
});

export const ZFrameworkDefinition: z.ZodType<FrameworkDefinition> = z.object({
  code: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Kode hanya huruf kecil, angka dan tanda hubung"),
  name: ZText,
  regulation: ZText,
  status: z.enum(["official", "provisional"]),
  statusNote: ZText.optional(),
  wording: z.enum(["spbe", "pemdi"], 'Istilah kerangka harus "spbe" atau "pemdi"').optional(),
  usedForYears: z.array(z.number().int().min(2000).max(2100)),
  valueScale: z.object({
    min: ZNonNegativeDecimal,
    max: ZNonNegativeDecimal,
    integer: z.boolean(),
  }),
  nodeKinds: z
    .array(ZText)
    .min(1)
    .refine((kinds) => kinds[kinds.length - 1] === INDICATOR_KIND, {
      message: `Label tingkat terakhir harus "${INDICATOR_KIND}"`,
    }),
  levelScales: z.array(
    z.object({ code: ZText, name: ZText, levels: z.array(ZLevelDefinition).min(1) }),
  ).min(1),
  predicates: z.array(ZPredicateBand).min(1),
  nodes: z.array(ZFrameworkNode).min(1),
  sources: z.array(ZText).optional(),
  notes: z.array(ZText).optional(),
  scoring: z
    .object({ unansweredValue: ZNonNegativeDecimal, rules: z.array(ZText).optional(), sources: ZSourceIds.optional() })
    .optional(),
  predicateAlternatives: z
    .array(z.object({ description: ZText, note: ZText.optional(), sources: ZSourceIds.optional() }))
    .optional(),
  stages: z.array(z.object({ name: ZText, description: ZText, sources: ZSourceIds.optional() })).optional(),
  applicationStatuses: z
    .array(
      z.object({ status: ZText, kind: ZText.optional(), label: ZText, meaning: ZText, sources: ZSourceIds.optional() }),
    )
    .optional(),
  nationalAverages: z
    .array(
      z.object({
        year: z.number().int().min(2000).max(2100),
        index: ZNonNegativeDecimal,
        nodes: z.record(ZText, ZNonNegativeDecimal).optional(),
        byAgencyKind: z.record(ZText, ZNonNegativeDecimal).optional(),
        agencies: z.number().int().positive().optional(),
        source: ZText.optional(),
      }),
    )
    .optional(),
  sourceReferences: z
    .array(z.object({ id: ZText, location: ZText, description: ZText.optional() }))
    .optional(),
  mappings: z
    .array(
      z.object({
        framework: ZText,
        indicators: z.array(z.object({ indicator: ZText, source: ZText, relation: ZText, sources: ZSourceIds.optional() })).min(1),
      }),
    )
    .optional(),
});
