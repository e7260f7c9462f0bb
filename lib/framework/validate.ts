import { z } from "zod";
import { Decimal } from "@/lib/decimal";
import {
  isIndicatorNode,
  ZFrameworkDefinition,
  type FrameworkDefinition,
  type FrameworkNode,
  type IndicatorNode,
  type LevelScale,
  unansweredValueOf,
} from "./schema";
import { walkNodes } from "./tree";

export interface FrameworkIssue {
  /** Field path in the submitted definition, e.g. "nodes[1].children[0].weight". */
  readonly path: string;
  /** Bahasa Indonesia, shown to the Koordinator importing a framework. */
  readonly message: string;
}

export type FrameworkValidation =
  | { ok: true; framework: FrameworkDefinition }
  | { ok: false; issues: FrameworkIssue[] };

/** Indicator weights are percentages of the total index. */
const TOTAL_WEIGHT = Decimal.fromInteger(100);

/**
 * Structural check (zod) first; the arithmetic and cross-reference rules only run on a
 * well-formed definition, because they need the typed tree. All sums and comparisons
 * use exact decimals: 1.3 x 10 must equal 13, which floats do not promise.
 */
export function validateFramework(input: unknown): FrameworkValidation {
  const parsed = ZFrameworkDefinition.safeParse(input, { error: z.locales.id().localeError });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const framework = parsed.data;
  const scaleIssues = checkValueScale(framework);
  const issues = [
    ...scaleIssues,
    // The level check walks every whole value of the scale, so it needs a sane scale.
    ...(scaleIssues.length === 0 ? checkLevelScales(framework) : []),
    ...(scaleIssues.length === 0 ? checkScoringRules(framework) : []),
    ...checkTree(framework),
    ...checkPredicates(framework),
    ...checkNationalAverages(framework),
    ...checkMappings(framework),
  ];
  return issues.length === 0 ? { ok: true, framework } : { ok: false, issues };
}

/** One line per issue, for logs and thrown errors. */
export function formatFrameworkIssues(issues: readonly FrameworkIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n");
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    const name = String(key);
    return text === "" ? name : `${text}.${name}`;
  }, "");
}

/** Maturity scales are small (1-5); the cap keeps a mistyped import from meaning 1-1e12. */
const MAX_SCALE_VALUE = Decimal.fromInteger(100);

function checkValueScale(framework: FrameworkDefinition): FrameworkIssue[] {
  const { min, max } = framework.valueScale;
  if (Decimal.parse(min).gte(Decimal.parse(max))) {
    return [{ path: "valueScale.max", message: `Nilai maksimum (${max}) harus lebih besar dari minimum (${min})` }];
  }
  if (Decimal.parse(max).gt(MAX_SCALE_VALUE)) {
    return [{ path: "valueScale.max", message: `Nilai maksimum (${max}) tidak boleh lebih dari 100` }];
  }
  return [];
}

function checkScoringRules(framework: FrameworkDefinition): FrameworkIssue[] {
  const floor = unansweredValueOf(framework);
  if (Decimal.parse(floor).gt(Decimal.parse(framework.valueScale.min))) {
    return [
      {
        path: "scoring.unansweredValue",
        message: `Nilai lantai (${floor}) untuk indikator yang belum diisi tidak boleh di atas nilai minimum skala (${framework.valueScale.min})`,
      },
    ];
  }
  return [];
}

function checkLevelScales(framework: FrameworkDefinition): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const min = Decimal.parse(framework.valueScale.min);
  const max = Decimal.parse(framework.valueScale.max);
  const seenCodes = new Set<string>();
  framework.levelScales.forEach((scale, scaleIndex) => {
    const path = `levelScales[${scaleIndex}]`;
    if (seenCodes.has(scale.code)) {
      issues.push({ path: `${path}.code`, message: `Kode skala tingkat "${scale.code}" sudah dipakai` });
    }
    seenCodes.add(scale.code);
    const seenLevels = new Set<number>();
    scale.levels.forEach((definition, levelIndex) => {
      const levelPath = `${path}.levels[${levelIndex}].level`;
      const level = Decimal.fromInteger(definition.level);
      if (seenLevels.has(definition.level)) {
        issues.push({ path: levelPath, message: `Tingkat ${definition.level} tercantum lebih dari sekali` });
      } else if (level.lt(min) || level.gt(max)) {
        issues.push({
          path: levelPath,
          message: `Tingkat ${definition.level} di luar skala nilai ${framework.valueScale.min}-${framework.valueScale.max}`,
        });
      }
      seenLevels.add(definition.level);
    });
    // Every whole value a user can pick must have a named level to show.
    for (let level = Number(min.toFixed(0)); Decimal.fromInteger(level).lte(max); level += 1) {
      if (Decimal.fromInteger(level).gte(min) && !seenLevels.has(level)) {
        issues.push({ path: `${path}.levels`, message: `Tingkat ${level} belum didefinisikan` });
      }
    }
  });
  return issues;
}

function checkTree(framework: FrameworkDefinition): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const scales = new Map(framework.levelScales.map((scale) => [scale.code, scale]));
  const codePaths = new Map<string, string>();
  const numberPaths = new Map<number, string>();
  const butirPaths = new Map<string, string>();

  issues.push(...checkWeightSum(framework.nodes, TOTAL_WEIGHT, "nodes", "bobot total (100)"));

  walkNodes(framework.nodes, (node, at) => {
    const expectedKind = framework.nodeKinds[at.depth];
    if (node.kind !== expectedKind) {
      issues.push({
        path: `${at.path}.kind`,
        message:
          expectedKind === undefined
            ? `Kedalaman pohon melebihi nodeKinds (${framework.nodeKinds.join(", ")})`
            : `Jenis node pada kedalaman ini harus "${expectedKind}", bukan "${node.kind}"`,
      });
    }
    const firstCodePath = codePaths.get(node.code);
    if (firstCodePath !== undefined) {
      issues.push({ path: `${at.path}.code`, message: `Kode "${node.code}" sudah dipakai di ${firstCodePath}` });
    } else {
      codePaths.set(node.code, at.path);
    }

    if (!isIndicatorNode(node)) {
      issues.push(...checkWeightSum(node.children, Decimal.parse(node.weight), `${at.path}.children`, `bobot induk (${at.path}.weight)`));
      return;
    }
    const firstNumberPath = numberPaths.get(node.number);
    if (firstNumberPath !== undefined) {
      issues.push({
        path: `${at.path}.number`,
        message: `Nomor indikator ${node.number} sudah dipakai di ${firstNumberPath}`,
      });
    } else {
      numberPaths.set(node.number, at.path);
    }
    const scale = scales.get(node.levelScale);
    if (!scale) {
      issues.push({ path: `${at.path}.levelScale`, message: `Skala tingkat "${node.levelScale}" tidak dikenal` });
      return;
    }
    issues.push(...checkCriteria(node.criteria, scale, `${at.path}.criteria`));
    issues.push(...checkLevelDetails(node, scale, at.path, butirPaths));
    issues.push(...checkExternalIndex(framework, node, scale, at.path));
  });
  return issues;
}

function checkLevelDetails(
  indicator: IndicatorNode,
  scale: LevelScale,
  path: string,
  butirPaths: Map<string, string>,
): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const levels = new Set(scale.levels.map((definition) => definition.level));
  const seen = new Set<number>();
  (indicator.levels ?? []).forEach((detail, levelIndex) => {
    const levelPath = `${path}.levels[${levelIndex}]`;
    if (!levels.has(detail.level)) {
      issues.push({ path: `${levelPath}.level`, message: `Tingkat ${detail.level} tidak ada pada skala "${scale.code}"` });
    } else if (seen.has(detail.level)) {
      issues.push({ path: `${levelPath}.level`, message: `Rincian tingkat ${detail.level} tercantum lebih dari sekali` });
    }
    seen.add(detail.level);
    const prefix = `${indicator.code}-L${detail.level}-`;
    detail.butir.forEach((butir, butirIndex) => {
      const butirPath = `${levelPath}.butir[${butirIndex}].code`;
      if (!butir.code.startsWith(prefix)) {
        issues.push({ path: butirPath, message: `Kode butir "${butir.code}" harus diawali "${prefix}" (indikator dan tingkatnya)` });
      }
      const first = butirPaths.get(butir.code);
      if (first !== undefined) {
        issues.push({ path: butirPath, message: `Kode butir "${butir.code}" sudah dipakai di ${first}` });
      } else {
        butirPaths.set(butir.code, butirPath);
      }
    });
  });
  return issues;
}

function checkExternalIndex(
  framework: FrameworkDefinition,
  indicator: IndicatorNode,
  scale: LevelScale,
  path: string,
): FrameworkIssue[] {
  const external = indicator.externalIndex;
  if (!external) return [];
  const issues: FrameworkIssue[] = [];
  const levels = new Set(scale.levels.map((definition) => definition.level));
  const scaleMin = Decimal.parse(framework.valueScale.min);
  const scaleMax = Decimal.parse(framework.valueScale.max);
  const outsideScale = (value: string | undefined | null) =>
    value !== undefined && value !== null && (Decimal.parse(value).lt(scaleMin) || Decimal.parse(value).gt(scaleMax));
  external.bands.forEach((band, bandIndex) => {
    const bandPath = `${path}.externalIndex.bands[${bandIndex}]`;
    if (!levels.has(band.level)) {
      issues.push({ path: `${bandPath}.level`, message: `Tingkat ${band.level} tidak ada pada skala "${scale.code}"` });
    }
    if (band.indexMin !== null && Decimal.parse(band.indexMin).gte(Decimal.parse(band.indexMax))) {
      issues.push({
        path: `${bandPath}.indexMax`,
        message: `Batas atas indeks (${band.indexMax}) harus lebih besar dari batas bawahnya (${band.indexMin})`,
      });
    }
    if ((band.valueMin === undefined) !== (band.valueMax === undefined)) {
      issues.push({ path: `${bandPath}.valueMax`, message: "Rentang nilai konversi harus punya batas bawah dan batas atas" });
    }
    for (const field of ["valueMin", "valueMax"] as const) {
      if (outsideScale(band[field])) {
        issues.push({
          path: `${bandPath}.${field}`,
          message: `Nilai konversi ${band[field]} di luar skala nilai ${framework.valueScale.min}-${framework.valueScale.max}`,
        });
      }
    }
  });
  if (outsideScale(external.valueWhileMissing)) {
    issues.push({
      path: `${path}.externalIndex.valueWhileMissing`,
      message: `Nilai selama indeks belum ada (${external.valueWhileMissing}) di luar skala nilai ${framework.valueScale.min}-${framework.valueScale.max}`,
    });
  }
  return issues;
}

function checkNationalAverages(framework: FrameworkDefinition): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const topCodes = new Set(framework.nodes.map((node) => node.code));
  const years = new Set<number>();
  (framework.nationalAverages ?? []).forEach((average, position) => {
    const path = `nationalAverages[${position}]`;
    if (years.has(average.year)) {
      issues.push({ path: `${path}.year`, message: `Rata-rata nasional tahun ${average.year} tercantum lebih dari sekali` });
    }
    years.add(average.year);
    for (const code of Object.keys(average.nodes ?? {})) {
      if (!topCodes.has(code)) {
        issues.push({ path: `${path}.nodes.${code}`, message: `Kode "${code}" bukan node teratas kerangka ini` });
      }
    }
  });
  return issues;
}

function checkWeightSum(
  children: readonly FrameworkNode[],
  expected: Decimal,
  path: string,
  expectedLabel: string,
): FrameworkIssue[] {
  const sum = children.reduce((total, child) => total.add(Decimal.parse(child.weight)), Decimal.ZERO);
  if (sum.eq(expected)) return [];
  return [
    {
      path,
      message: `Jumlah bobot (${sum.toString()}) tidak sama dengan ${expectedLabel}: ${expected.toString()}`,
    },
  ];
}

function checkCriteria(
  criteria: Readonly<Record<string, string>>,
  scale: LevelScale,
  path: string,
): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const levels = new Set(scale.levels.map((definition) => String(definition.level)));
  for (const key of Object.keys(criteria)) {
    if (!levels.has(key)) {
      issues.push({ path: `${path}.${key}`, message: `Tingkat ${key} tidak ada pada skala "${scale.code}"` });
    }
  }
  for (const definition of scale.levels) {
    const criterion = criteria[String(definition.level)];
    if (!criterion?.trim() && !definition.description) {
      issues.push({
        path,
        message: `Kriteria tingkat ${definition.level} kosong dan skala "${scale.code}" tidak memberi deskripsinya`,
      });
    }
  }
  return issues;
}

function checkPredicates(framework: FrameworkDefinition): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const bands = framework.predicates.map((band, position) => ({
    band,
    position,
    min: Decimal.parse(band.min),
    max: Decimal.parse(band.max),
  }));
  const seenNames = new Set<string>();
  for (const { band, position, min, max } of bands) {
    if (seenNames.has(band.name)) {
      issues.push({ path: `predicates[${position}].name`, message: `Predikat "${band.name}" tercantum lebih dari sekali` });
    }
    seenNames.add(band.name);
    if (min.gte(max)) {
      issues.push({
        path: `predicates[${position}].max`,
        message: `Batas atas (${band.max}) harus lebih besar dari batas bawah (${band.min})`,
      });
    }
  }
  // Tiling is only meaningful once every band is a proper interval.
  if (issues.length > 0) return issues;

  const sorted = [...bands].sort((a, b) => a.min.cmp(b.min) || a.max.cmp(b.max));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return issues;
  // The lowest index possible: every indicator unanswered, or every one at the scale minimum.
  const floor = Decimal.parse(unansweredValueOf(framework));
  const scaleMin = Decimal.parse(framework.valueScale.min);
  const lowestIndex = floor.lt(scaleMin) ? floor : scaleMin;
  if (first.min.gt(lowestIndex)) {
    issues.push({
      path: `predicates[${first.position}].min`,
      message: `Rentang ${lowestIndex.toString()} sampai ${first.band.min} tidak tercakup predikat mana pun`,
    });
  }
  for (let index = 1; index < sorted.length; index += 1) {
    const lower = sorted[index - 1];
    const upper = sorted[index];
    if (!lower || !upper) continue;
    const where = `predicates[${upper.position}].min`;
    const order = upper.min.cmp(lower.max);
    if (order > 0) {
      issues.push({
        path: where,
        message: `Ada celah antara ${lower.band.max} ("${lower.band.name}") dan ${upper.band.min} ("${upper.band.name}")`,
      });
    } else if (order < 0) {
      issues.push({
        path: where,
        message: `Rentang "${upper.band.name}" tumpang tindih dengan "${lower.band.name}" (${upper.band.min} < ${lower.band.max})`,
      });
    } else if (lower.band.maxInclusive) {
      issues.push({
        path: `predicates[${lower.position}].maxInclusive`,
        message: `Nilai ${lower.band.max} masuk ke "${lower.band.name}" dan "${upper.band.name}" sekaligus; batas atas harus eksklusif`,
      });
    }
  }
  const scaleMax = Decimal.parse(framework.valueScale.max);
  const lastCmp = last.max.cmp(scaleMax);
  if (lastCmp < 0) {
    issues.push({
      path: `predicates[${last.position}].max`,
      message: `Rentang ${last.band.max} sampai ${framework.valueScale.max} tidak tercakup predikat mana pun`,
    });
  } else if (lastCmp === 0 && !last.band.maxInclusive) {
    issues.push({
      path: `predicates[${last.position}].maxInclusive`,
      message: `Predikat teratas "${last.band.name}" harus mencakup nilai maksimum ${framework.valueScale.max} (maxInclusive: true)`,
    });
  }
  return issues;
}

/** A mapping names this framework's own indicators, another framework, and each pair once. */
function checkMappings(framework: FrameworkDefinition): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const codes = new Set<string>();
  walkNodes(framework.nodes, (node) => {
    if (isIndicatorNode(node)) codes.add(node.code);
  });
  const seenFrameworks = new Set<string>();
  (framework.mappings ?? []).forEach((mapping, position) => {
    const path = `mappings[${position}]`;
    if (mapping.framework === framework.code) issues.push({ path: `${path}.framework`, message: `Pemetaan harus ke kerangka lain, bukan ke ${framework.code} sendiri` });
    if (seenFrameworks.has(mapping.framework)) issues.push({ path: `${path}.framework`, message: `Pemetaan ke ${mapping.framework} tercantum lebih dari sekali` });
    seenFrameworks.add(mapping.framework);
    const pairs = new Set<string>();
    mapping.indicators.forEach((link, at) => {
      if (!codes.has(link.indicator)) issues.push({ path: `${path}.indicators[${at}].indicator`, message: `Indikator "${link.indicator}" tidak ada pada kerangka ini` });
      const pair = `${link.indicator}→${link.source}`;
      if (pairs.has(pair)) issues.push({ path: `${path}.indicators[${at}]`, message: `Pasangan ${link.indicator} ← ${mapping.framework} ${link.source} tercantum lebih dari sekali` });
      pairs.add(pair);
    });
  });
  return issues;
}

/**
 * The other side of each mapping: the mapped framework must be known and have every
 * source indicator. Needs the other frameworks, so it runs where they are at hand (the
 * shipped catalog, the import).
 */
export function checkMappingTargets(framework: FrameworkDefinition, frameworkOf: (code: string) => FrameworkDefinition | undefined): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  (framework.mappings ?? []).forEach((mapping, position) => {
    const target = frameworkOf(mapping.framework);
    if (!target) {
      issues.push({ path: `mappings[${position}].framework`, message: `Kerangka "${mapping.framework}" tidak dikenal` });
      return;
    }
    const codes = new Set<string>();
    walkNodes(target.nodes, (node) => {
      if (isIndicatorNode(node)) codes.add(node.code);
    });
    mapping.indicators.forEach((link, at) => {
      if (!codes.has(link.source)) issues.push({ path: `mappings[${position}].indicators[${at}].source`, message: `Indikator "${link.source}" tidak ada pada kerangka ${mapping.framework}` });
    });
  });
  return issues;
}
