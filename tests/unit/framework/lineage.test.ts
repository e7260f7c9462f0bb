import { describe, expect, it } from "vitest";
import { getFramework } from "@/lib/framework/catalog";
import { counterpartOf } from "@/lib/framework/lineage";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { checkMappingTargets, validateFramework } from "@/lib/framework/validate";

const spbe = getFramework("spbe-2020")!;
const pemdi = getFramework("pemdi-2026")!;

describe("counterpartOf", () => {
  it("within a framework, the same code is the same indicator", () => {
    const counterpart = counterpartOf(spbe, spbe, "I11");
    expect(counterpart.kind).toBe("same");
    expect(counterpart.kind === "same" && counterpart.indicator.name).toBe("Tingkat Kematangan Arsitektur SPBE Instansi Pusat/Pemerintah Daerah");
  });

  it("across frameworks only the declared crosswalk counts, never the equal code", () => {
    const counterpart = counterpartOf(pemdi, spbe, "I7");
    expect(counterpart).toEqual({ kind: "none" });
    const i3 = counterpartOf(pemdi, spbe, "I3");
    expect(i3.kind === "mapped" && i3.indicators.map((link) => [link.indicator.code, link.relation])).toEqual([["I25", "sumber bukti, cakupan serupa"]]);
  });

  it("reads a mapping declared by the other framework backwards", () => {
    const fromSpbe = counterpartOf(spbe, pemdi, "I25");
    expect(fromSpbe.kind === "mapped" && fromSpbe.indicators.map((link) => link.indicator.code)).toEqual(["I3"]);
  });
});

describe("framework mappings", () => {
  const withMapping = (mappings: unknown) => ({ ...JSON.parse(JSON.stringify(pemdi)), mappings }) as FrameworkDefinition;

  it("refuses a mapping to the framework itself, an unknown own indicator and a repeated pair, field by field", () => {
    const result = validateFramework(
      withMapping([
        { framework: "pemdi-2026", indicators: [{ indicator: "I1", source: "I2", relation: "sebagian" }] },
        {
          framework: "spbe-2020",
          indicators: [
            { indicator: "I99", source: "I11", relation: "sebagian" },
            { indicator: "I1", source: "I11", relation: "sebagian" },
            { indicator: "I1", source: "I11", relation: "sumber bukti" },
          ],
        },
      ]),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual(["mappings[0].framework", "mappings[1].indicators[0].indicator", "mappings[1].indicators[2]"]);
  });

  it("refuses an unknown framework or an indicator the other framework does not have", () => {
    const framework = withMapping([
      { framework: "spbe-2020", indicators: [{ indicator: "I1", source: "I48", relation: "sebagian" }] },
      { framework: "spbe-2014", indicators: [{ indicator: "I1", source: "I1", relation: "sebagian" }] },
    ]);
    expect(checkMappingTargets(framework, (code) => (code === "spbe-2020" ? spbe : undefined))).toEqual([
      { path: "mappings[0].indicators[0].source", message: 'Indikator "I48" tidak ada pada kerangka spbe-2020' },
      { path: "mappings[1].framework", message: 'Kerangka "spbe-2014" tidak dikenal' },
    ]);
  });

  it("the shipped pemdi-2026 declares the crosswalk to spbe-2020 for 19 of its 20 indicators", () => {
    const crosswalk = pemdi.mappings!.find((mapping) => mapping.framework === "spbe-2020")!;
    expect(new Set(crosswalk.indicators.map((link) => link.indicator)).size).toBe(19);
    expect(checkMappingTargets(pemdi, getFramework)).toEqual([]);
  });
});
