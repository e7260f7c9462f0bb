// What a new framework file changes against the version in use: shown to the superadmin
// before an import is confirmed. Indicators are matched by code (their identity within a
// framework); every difference is listed, nothing is summarised away.
import { listIndicators } from "./catalog";
import type { FrameworkDefinition, IndicatorNode } from "./schema";

export type FrameworkDiff = {
  added: { code: string; name: string }[];
  removed: { code: string; name: string }[];
  renamed: { code: string; from: string; to: string }[];
  /** Any node (group or indicator) whose weight changed. */
  weights: { code: string; from: string; to: string }[];
  /** Indicators whose criterion text, kind or confidence changed, with the levels concerned. */
  criteria: { code: string; levels: number[] }[];
  bands: { name: string; from: string | null; to: string | null }[];
  /** Scale, floor rule, name, regulation or status. */
  other: { field: string; from: string; to: string }[];
  unchanged: boolean;
};

function nodeWeights(framework: FrameworkDefinition): Map<string, string> {
  const weights = new Map<string, string>();
  const visit = (nodes: FrameworkDefinition["nodes"]) => {
    for (const node of nodes) {
      weights.set(node.code, node.weight);
      if ("children" in node) visit(node.children);
    }
  };
  visit(framework.nodes);
  return weights;
}

function changedLevels(before: IndicatorNode, after: IndicatorNode): number[] {
  const levels = new Set([...Object.keys(before.criteria), ...Object.keys(after.criteria)].map(Number));
  for (const detail of [...(before.levels ?? []), ...(after.levels ?? [])]) levels.add(detail.level);
  const detailOf = (node: IndicatorNode, level: number) => JSON.stringify(node.levels?.find((detail) => detail.level === level) ?? null);
  return [...levels]
    .sort((a, b) => a - b)
    .filter((level) => before.criteria[String(level)] !== after.criteria[String(level)] || detailOf(before, level) !== detailOf(after, level));
}

const bandText = (band: FrameworkDefinition["predicates"][number]) => `${band.min}–${band.max}${band.maxInclusive ? " (inklusif)" : ""}`;

export function diffFrameworks(current: FrameworkDefinition | null, next: FrameworkDefinition): FrameworkDiff {
  const before = new Map((current ? listIndicators(current) : []).map(({ indicator }) => [indicator.code, indicator]));
  const after = new Map(listIndicators(next).map(({ indicator }) => [indicator.code, indicator]));
  const diff: FrameworkDiff = { added: [], removed: [], renamed: [], weights: [], criteria: [], bands: [], other: [], unchanged: false };
  for (const [code, indicator] of after) {
    const old = before.get(code);
    if (!old) {
      diff.added.push({ code, name: indicator.name });
      continue;
    }
    if (old.name !== indicator.name) diff.renamed.push({ code, from: old.name, to: indicator.name });
    const levels = changedLevels(old, indicator);
    if (levels.length > 0) diff.criteria.push({ code, levels });
  }
  for (const [code, indicator] of before) if (!after.has(code)) diff.removed.push({ code, name: indicator.name });

  const oldWeights = current ? nodeWeights(current) : new Map<string, string>();
  for (const [code, weight] of nodeWeights(next)) {
    const old = oldWeights.get(code);
    if (old !== undefined && old !== weight) diff.weights.push({ code, from: old, to: weight });
  }

  const oldBands = new Map((current?.predicates ?? []).map((band) => [band.name, bandText(band)]));
  const newBands = new Map(next.predicates.map((band) => [band.name, bandText(band)]));
  for (const [name, text] of newBands) if (oldBands.get(name) !== text) diff.bands.push({ name, from: oldBands.get(name) ?? null, to: text });
  for (const [name, text] of oldBands) if (!newBands.has(name)) diff.bands.push({ name, from: text, to: null });

  if (current) {
    const fields: [string, (framework: FrameworkDefinition) => string][] = [
      ["name", (framework) => framework.name],
      ["regulation", (framework) => framework.regulation],
      ["status", (framework) => framework.status],
      ["valueScale", (framework) => `${framework.valueScale.min}–${framework.valueScale.max}${framework.valueScale.integer ? " bulat" : " desimal"}`],
      ["scoring.unansweredValue", (framework) => framework.scoring?.unansweredValue ?? "0"],
      ["usedForYears", (framework) => framework.usedForYears.join(", ")],
    ];
    for (const [field, read] of fields) if (read(current) !== read(next)) diff.other.push({ field, from: read(current), to: read(next) });
  }
  diff.unchanged = [diff.added, diff.removed, diff.renamed, diff.weights, diff.criteria, diff.bands, diff.other].every((list) => list.length === 0);
  return diff;
}
