// Public API contract for frameworks and scoring. Handlers parse with these schemas and the
// OpenAPI document is generated from them, so the two cannot drift apart.
import { z } from "zod";
import { messageKey } from "@/lib/i18n/message";

export const ZPredicateBasis = z.enum(["exact", "rounded"]);

export const ZScoreRequest = z
  .object({
    values: z
      // A public API refuses wrong types: "3" is text, not a level (JSON numbers are exact
      // enough: 2.975 arrives as the shortest decimal that names it).
      .record(z.string(), z.number({ error: messageKey("calculator.apiValueNotNumber") }).nullable())
      .describe("Indicator number -> value (a JSON number; level or decimal value). Null or absent = not answered, counts as 0."),
    predicateBasis: ZPredicateBasis.default("exact").describe("Apply the predicate band to the exact or the 2-decimal rounded index."),
  })
  .strict();

const ZIndexFields = {
  index: z.number().describe("Rounded half-up to 2 decimals from the exact value."),
  indexExact: z.string().describe("Exact decimal (10 places, truncated, when it does not terminate)."),
  predicate: z.string(),
};

export const ZNodeScore = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parentCode: z.string().nullable(),
  weight: z.string(),
  ...ZIndexFields,
  answeredCount: z.number().int(),
  indicatorCount: z.number().int(),
});

export const ZScoreResponse = z.object({
  framework: z.object({ code: z.string(), version: z.number().int() }),
  predicateBasis: ZPredicateBasis,
  ...ZIndexFields,
  completeness: z.number().min(0).max(1),
  answeredCount: z.number().int(),
  indicatorCount: z.number().int(),
  nodes: z.array(ZNodeScore),
});

export const ZFrameworkSummary = z.object({
  code: z.string(),
  name: z.string(),
  regulation: z.string(),
  status: z.enum(["official", "provisional"]),
  version: z.number().int(),
  usedForYears: z.array(z.number().int()),
  indicatorCount: z.number().int(),
});

export const ZFrameworkList = z.object({ frameworks: z.array(ZFrameworkSummary) });

const ZLevel = z.object({ level: z.number().int(), name: z.string(), description: z.string().nullable() });
const ZTreeNode: z.ZodType<unknown> = z.lazy(() =>
  z.object({
    kind: z.string(),
    code: z.string(),
    name: z.string(),
    weight: z.string(),
    number: z.number().int().optional(),
    levelScale: z.string().optional(),
    question: z.string().nullable().optional(),
    criteria: z.record(z.string(), z.string()).optional(),
    children: z.array(ZTreeNode).optional(),
  }),
);

export const ZFrameworkDetail = ZFrameworkSummary.extend({
  statusNote: z.string().optional(),
  valueScale: z.object({ min: z.string(), max: z.string(), integer: z.boolean() }),
  nodeKinds: z.array(z.string()),
  levelScales: z.array(z.object({ code: z.string(), name: z.string(), levels: z.array(ZLevel) })),
  predicates: z.array(
    z.object({ name: z.string(), alias: z.string().optional(), min: z.string(), max: z.string(), maxInclusive: z.boolean() }),
  ),
  nodes: z.array(ZTreeNode),
});

export const ZHealth = z.object({
  status: z.enum(["ok", "error"]),
  db: z.enum(["ok", "unreachable"]),
  storage: z.enum(["ok", "unreachable"]),
  reason: z.string().optional(),
});

export const ZErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
    retryAfterSeconds: z.number().int().optional(),
  }),
});
