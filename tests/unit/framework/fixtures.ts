import { formatFrameworkIssues, validateFramework } from "@/lib/framework/validate";
import type { FrameworkDefinition } from "@/lib/framework/schema";

/** Test-only builders for small framework definitions in the normalized JSON format. */

export interface TreeSpec {
  weight: number | string;
  children?: TreeSpec[];
}

export interface RawNode {
  kind: string;
  code: string;
  name: string;
  weight: number | string;
  number?: number;
  levelScale?: string;
  question?: string | null;
  criteria?: Record<string, string>;
  children?: RawNode[];
}

export interface RawBand {
  name: string;
  alias?: string;
  min: number | string;
  max: number | string;
  maxInclusive?: boolean;
}

/** The spbe-2020 bands (PermenPANRB 59/2020 Tabel 13), as in spbe-domain.md. */
export const SPBE_BANDS: RawBand[] = [
  { name: "Memuaskan", min: 4.2, max: 5, maxInclusive: true },
  { name: "Sangat Baik", min: 3.5, max: 4.2 },
  { name: "Baik", min: 2.6, max: 3.5 },
  { name: "Cukup", min: 1.8, max: 2.6 },
  { name: "Kurang", min: 0, max: 1.8 },
];

const LEVEL_NAMES = ["Satu", "Dua", "Tiga", "Empat", "Lima"];

/**
 * A definition whose tree follows `tree`: group codes G1, G2... and indicator codes I1,
 * I2... numbered in pre-order. Every level has a scale description, so criteria may be
 * left empty. All leaves must sit at the same depth (kinds.length - 1).
 */
export function buildRawFramework(options: {
  tree: TreeSpec[];
  kinds?: string[];
  integer?: boolean;
  predicates?: RawBand[];
}) {
  let groupCount = 0;
  let indicatorCount = 0;
  const kinds = options.kinds ?? ["domain", "indicator"];
  const toNode = (spec: TreeSpec, depth: number): RawNode => {
    if (!spec.children) {
      indicatorCount += 1;
      return {
        kind: "indicator",
        number: indicatorCount,
        code: `I${indicatorCount}`,
        name: `Indikator ${indicatorCount}`,
        weight: spec.weight,
        levelScale: "uji",
        question: null,
        criteria: {},
      };
    }
    groupCount += 1;
    const code = `G${groupCount}`;
    return {
      kind: kinds[depth] ?? "unknown",
      code,
      name: `Kelompok ${code}`,
      weight: spec.weight,
      children: spec.children.map((child) => toNode(child, depth + 1)),
    };
  };
  return {
    code: "uji",
    name: "Kerangka uji",
    regulation: "Tidak ada (uji)",
    status: "provisional" as const,
    usedForYears: [2024],
    valueScale: { min: 1, max: 5, integer: options.integer ?? true },
    nodeKinds: kinds,
    levelScales: [
      {
        code: "uji",
        name: "Skala uji",
        levels: LEVEL_NAMES.map((name, index) => ({ level: index + 1, name, description: `Deskripsi ${name}` })),
      },
    ],
    predicates: structuredClone(options.predicates ?? SPBE_BANDS),
    nodes: options.tree.map((spec) => toNode(spec, 0)),
  };
}

export function parseFramework(raw: unknown): FrameworkDefinition {
  const result = validateFramework(raw);
  if (!result.ok) throw new Error(formatFrameworkIssues(result.issues));
  return result.framework;
}

export function buildFramework(options: Parameters<typeof buildRawFramework>[0]): FrameworkDefinition {
  return parseFramework(buildRawFramework(options));
}
