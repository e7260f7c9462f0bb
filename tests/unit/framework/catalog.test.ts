import { describe, expect, it } from "vitest";
import {
  findIndicator,
  getFramework,
  levelCriteria,
  listFrameworks,
  listIndicators,
} from "@/lib/framework/catalog";
import { isIndicatorNode, type FrameworkDefinition } from "@/lib/framework/schema";
import { Decimal } from "@/lib/decimal";

function shipped(code: string): FrameworkDefinition {
  const framework = getFramework(code);
  if (!framework) throw new Error(`missing ${code}`);
  return framework;
}

const sum = (weights: readonly string[]) =>
  weights.reduce((total, weight) => total.add(Decimal.parse(weight)), Decimal.ZERO).toString();

describe("catalog", () => {
  it("ships spbe-2020 and pemdi-2026", () => {
    expect(listFrameworks().map((framework) => framework.code)).toEqual(["spbe-2020", "pemdi-2026"]);
    expect(getFramework("tidak-ada")).toBeUndefined();
  });

  it("hands out frozen definitions, so one caller cannot change another's framework", () => {
    const framework = shipped("spbe-2020");
    expect(Object.isFrozen(framework)).toBe(true);
    expect(Object.isFrozen(framework.nodes[0])).toBe(true);
    const band = framework.predicates[0] as { name: string } | undefined;
    expect(() => {
      if (band) band.name = "x";
    }).toThrow(TypeError);
    expect(framework.predicates[0]?.name).toBe("Memuaskan");
  });
});

describe("spbe-2020 data", () => {
  const framework = shipped("spbe-2020");
  const indicators = listIndicators(framework);

  it("has 4 domains, 8 aspects, 47 indicators numbered 1-47 in order", () => {
    expect(framework.nodeKinds).toEqual(["domain", "aspect", "indicator"]);
    expect(framework.nodes.map((node) => node.code)).toEqual(["D1", "D2", "D3", "D4"]);
    const aspects = framework.nodes.flatMap((node) => ("children" in node ? node.children : []));
    expect(aspects.map((node) => node.code)).toEqual(["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"]);
    expect(indicators.map(({ indicator }) => indicator.number)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    expect(framework.status).toBe("official");
    expect(framework.valueScale).toEqual({ min: "1", max: "5", integer: true });
  });

  it("keeps the regulation's weights", () => {
    expect(framework.nodes.map((node) => node.weight)).toEqual(["13", "25", "16.5", "45.5"]);
    const aspects = framework.nodes.flatMap((node) => ("children" in node ? node.children : []));
    expect(aspects.map((node) => node.weight)).toEqual(["13", "10", "10", "5", "12", "4.5", "27.5", "18"]);
    const weightOf = (number: number) => findIndicator(framework, number)?.weight;
    expect([1, 11, 19, 21, 29, 32, 42].map(weightOf)).toEqual(["1.3", "2.5", "2.5", "1.5", "1.5", "2.75", "3"]);
    expect(sum(indicators.map(({ indicator }) => indicator.weight))).toBe("100");
  });

  it("puts indicators 1-31 on the process scale and 32-47 on the service scale", () => {
    for (const { indicator } of indicators) {
      expect(indicator.levelScale, `I${indicator.number}`).toBe(indicator.number <= 31 ? "process" : "service");
    }
  });

  it("has five criteria texts and a question for every indicator (indicator 18's question is missing in the source)", () => {
    for (const { indicator } of indicators) {
      expect(Object.keys(indicator.criteria).sort(), `I${indicator.number}`).toEqual(["1", "2", "3", "4", "5"]);
      for (const text of Object.values(indicator.criteria)) expect(text.trim().length).toBeGreaterThan(20);
      if (indicator.number !== 18) expect(indicator.question?.trim().length ?? 0, `I${indicator.number}`).toBeGreaterThan(10);
    }
    expect(findIndicator(framework, 18)?.question).toBeNull();
  });

  it("uses the predicate bands of Tabel 13", () => {
    expect(framework.predicates.map((band) => [band.name, band.min, band.max, band.maxInclusive])).toEqual([
      ["Memuaskan", "4.2", "5", true],
      ["Sangat Baik", "3.5", "4.2", false],
      ["Baik", "2.6", "3.5", false],
      ["Cukup", "1.8", "2.6", false],
      ["Kurang", "0", "1.8", false],
    ]);
  });

  it("lists indicators with their ancestors", () => {
    const entry = indicators[31];
    expect(entry?.indicator.code).toBe("I32");
    expect(entry?.ancestors.map((node) => node.code)).toEqual(["D4", "A7"]);
  });

  it("returns each level's indicator criterion with the scale's level name", () => {
    const indicator = findIndicator(framework, 1);
    if (!indicator) throw new Error("I1 missing");
    const criteria = levelCriteria(framework, indicator);
    expect(criteria.map((level) => level.name)).toEqual([
      "Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan Terukur", "Optimum",
    ]);
    expect(criteria.every((level) => level.source === "indicator")).toBe(true);
    expect(criteria[2]?.text).toBe(indicator.criteria["3"]);
    const service = findIndicator(framework, 47);
    if (!service) throw new Error("I47 missing");
    expect(levelCriteria(framework, service).map((level) => level.name)).toEqual([
      "Informasi", "Interaksi", "Transaksi", "Kolaborasi", "Optimum",
    ]);
  });

  it("finds nothing for an unknown number", () => {
    expect(findIndicator(framework, 48)).toBeUndefined();
  });
});

describe("pemdi-2026 data", () => {
  const framework = shipped("pemdi-2026");
  const indicators = listIndicators(framework);

  it("has 7 aspects directly under the root and 20 indicators, decimal values allowed", () => {
    expect(framework.nodeKinds).toEqual(["aspect", "indicator"]);
    expect(framework.nodes).toHaveLength(7);
    expect(framework.nodes.every((node) => node.kind === "aspect")).toBe(true);
    expect(indicators).toHaveLength(20);
    expect(framework.valueScale.integer).toBe(false);
    expect(framework.status).toBe("provisional");
    expect(framework.statusNote).toMatch(/sementara/i);
  });

  it("keeps the transcribed weights", () => {
    expect(framework.nodes.map((node) => node.weight)).toEqual(["10", "10", "15", "15", "10", "15", "25"]);
    expect(sum(indicators.map(({ indicator }) => indicator.weight))).toBe("100");
    expect(findIndicator(framework, 20)?.weight).toBe("15");
  });

  it("has real criteria for every level, each with its kind, confidence and expected evidence", () => {
    for (const { indicator } of indicators) {
      expect(indicator.question).toBeNull();
      expect(indicator.levelScale).toBe("umum");
      expect(Object.keys(indicator.criteria)).toEqual(["1", "2", "3", "4", "5"]);
      expect(indicator.levels?.map((detail) => detail.level)).toEqual([1, 2, 3, 4, 5]);
    }
    const first = indicators[0]?.indicator;
    if (!first || !isIndicatorNode(first)) throw new Error("no indicator");
    expect(first.description).toMatch(/^Tata kelola Pemdi adalah kerangka kerja/);
    const criteria = levelCriteria(framework, first);
    expect(criteria.map((level) => `${level.level} ${level.name}`)).toEqual([
      "1 Merintis", "2 Membangun", "3 Berkembang", "4 Melembaga", "5 Unggul",
    ]);
    expect(criteria.every((level) => level.source === "indicator" && !/sementara/.test(level.text))).toBe(true);
    expect(first.levels?.[0]).toMatchObject({ criteriaKind: "module", confidence: "high" });
    expect(first.levels?.[1]).toMatchObject({ criteriaKind: "summary", confidence: "low" });
    expect(first.levels?.[1]?.butir.map((butir) => butir.code)).toEqual(["I1-L2-01", "I1-L2-02", "I1-L2-03", "I1-L2-04"]);
  });

  it("counts the provenance totals of the research file: 42 summaries, 231 butir", () => {
    const details = indicators.flatMap(({ indicator }) => indicator.levels ?? []);
    expect(details).toHaveLength(100);
    expect(details.filter((detail) => detail.criteriaKind === "summary")).toHaveLength(42);
    expect(details.reduce((total, detail) => total + detail.butir.length, 0)).toBe(231);
  });

  it("keeps the external indices with their bands, the I5 conversion marked provisional", () => {
    const i5 = findIndicator(framework, 5)?.externalIndex;
    expect(i5).toMatchObject({ use: "converted", provisional: true, valueWhileMissing: "1" });
    expect(i5?.bands[1]).toEqual({ level: 2, indexMin: "12.5", indexMax: "37.5", valueMin: "1.5", valueMax: "2.5" });
    expect(i5?.examples).toEqual([{ index: "25", value: "2" }, { index: "68.75", value: "3.75" }]);
    expect(findIndicator(framework, 7)?.externalIndex?.bands[0]).toMatchObject({ indexMin: null, indexMax: "1.8" });
    expect(findIndicator(framework, 10)?.externalIndex).toMatchObject({ use: "evidence", valueWhileMissing: null });
    const external = indicators.filter(({ indicator }) => indicator.externalIndex).map(({ indicator }) => indicator.code);
    expect(external).toEqual(["I5", "I6", "I7", "I10", "I11", "I12", "I18"]);
  });

  it("states the floor rule as data, with stages and the national application's statuses", () => {
    expect(framework.scoring?.unansweredValue).toBe("1");
    expect(framework.stages?.map((stage) => stage.name)[0]).toBe("Persiapan");
    expect(framework.applicationStatuses?.map((status) => status.kind ?? status.status)).toEqual([
      "diterima", "tidak_tepat", "belum_diunggah", "otomatis_ditolak",
    ]);
  });

  it("holds no English in the regulation and status texts", () => {
    expect(framework.regulation).toMatch(/^Peraturan Menteri PANRB Nomor 8 Tahun 2026 .*ditetapkan 1 Juni 2026.*mencabut/);
    for (const text of [framework.regulation, framework.statusNote ?? "", ...(framework.notes ?? []), ...(framework.sources ?? [])]) {
      expect(text).not.toMatch(/\b(reported|revokes|the|and|sources?)\b/i);
    }
    expect(shipped("spbe-2020").regulation).not.toMatch(/technical guidance/);
  });

  it("uses the provisional bands with their aliases", () => {
    expect(framework.predicates.map((band) => `${band.name}/${band.alias}:${band.min}`)).toEqual([
      "Memuaskan/Unggul / Leading:4",
      "Sangat Baik/Melembaga / Embedded:3.5",
      "Baik/Berkembang / Developing:2.5",
      "Cukup/Membangun / Emerging:1.5",
      "Kurang/Merintis / Initiate:1",
    ]);
  });
});
