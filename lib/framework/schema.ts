import { z } from "zod";
import { Decimal } from "@/lib/scoring/decimal";

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

export interface LevelDefinition {
  readonly level: number;
  readonly name: string;
  /** Fallback criterion text for indicators that have no criterion of their own. */
  readonly description: string | null;
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

export interface FrameworkDefinition {
  readonly code: string;
  readonly name: string;
  readonly regulation: string;
  readonly status: "official" | "provisional";
  readonly statusNote?: string;
  readonly usedForYears: readonly number[];
  readonly valueScale: ValueScale;
  /** Label of each depth level, root first; the last one is always "indicator". */
  readonly nodeKinds: readonly string[];
  readonly levelScales: readonly LevelScale[];
  readonly predicates: readonly PredicateBand[];
  readonly nodes: readonly FrameworkNode[];
  readonly sources?: readonly string[];
  readonly notes?: readonly string[];
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

const ZRawNode = z.object({
  kind: ZText,
  code: ZText,
  name: ZText,
  weight: ZWeight,
  number: z.number().int().positive().optional(),
  levelScale: ZText.optional(),
  question: z.string().nullable().optional(),
  criteria: z.record(ZLevelKey, z.string()).optional(),
  children: z.array(z.lazy(() => ZFrameworkNode)).optional(),
});

type RawNode = z.output<typeof ZRawNode>;

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
  } else if (!node.children || node.children.length === 0) {
    ctx.addIssue({ code: "custom", path: ["children"], message: `Node "${node.kind}" wajib memiliki anak` });
  }
}).transform(toFrameworkNode);

const ZLevelDefinition = z.object({
  level: z.number().int().nonnegative(),
  name: ZText,
  description: z
    .string()
    .nullable()
    .optional()
    .transform((text) => (text?.trim() ? text : null)),
});

const ZPredicateBand = z.object({
  name: ZText,
  alias: ZText.optional(),
  min: ZNonNegativeDecimal,
  max: ZNonNegativeDecimal,
  maxInclusive: z.boolean().default(false),
});

export const ZFrameworkDefinition: z.ZodType<FrameworkDefinition> = z.object({
  code: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Kode hanya huruf kecil, angka dan tanda hubung"),
  name: ZText,
  regulation: ZText,
  status: z.enum(["official", "provisional"]),
  statusNote: ZText.optional(),
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
});
