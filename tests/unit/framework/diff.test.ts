import { describe, expect, it } from "vitest";
import { getFramework } from "@/lib/framework/catalog";
import { diffFrameworks } from "@/lib/framework/diff";
import { parseFramework } from "./fixtures";

const pemdi = getFramework("pemdi-2026")!;

// The tests edit the file as raw JSON, including into shapes the schema refuses.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawFile = Record<string, any>;

/** pemdi-2026 with one change applied to a deep copy. */
function changed(edit: (raw: RawFile) => void) {
  const raw = structuredClone(pemdi) as unknown as RawFile;
  edit(raw);
  return parseFramework(raw);
}

describe("diffFrameworks", () => {
  it("finds nothing between a framework and itself", () => {
    expect(diffFrameworks(pemdi, pemdi).unchanged).toBe(true);
  });

  it("lists weights, criteria levels, bands and the floor rule that changed", () => {
    const next = changed((raw) => {
      raw.nodes[0].children[0].weight = "6";
      raw.nodes[0].children[1].weight = "4";
      raw.nodes[0].children[0].criteria["2"] = "Teks resmi tingkat 2.";
      raw.nodes[0].children[0].levels[1].criteriaKind = "module";
      raw.predicates[0].min = "4.2";
      raw.predicates[1].max = "4.2";
      raw.scoring.unansweredValue = "0";
      raw.predicates[4].min = "0";
    });
    const diff = diffFrameworks(pemdi, next);
    expect(diff.unchanged).toBe(false);
    expect(diff.weights).toEqual([{ code: "I1", from: "5", to: "6" }, { code: "I2", from: "5", to: "4" }]);
    expect(diff.criteria).toEqual([{ code: "I1", levels: [2] }]);
    expect(diff.bands.map((band) => band.name)).toEqual(["Memuaskan", "Sangat Baik", "Kurang"]);
    expect(diff.other).toEqual([{ field: "scoring.unansweredValue", from: "1", to: "0" }]);
  });

  it("matches indicators by code: added, removed and renamed", () => {
    const next = changed((raw) => {
      raw.nodes[6].children[1].code = "I21";
      raw.nodes[6].children[1].number = 21;
      raw.nodes[6].children[1].levels.forEach((level: { butir: { code: string }[] }) =>
        level.butir.forEach((butir) => (butir.code = butir.code.replace(/^I20-/, "I21-"))),
      );
      // The crosswalk names indicators by code too.
      for (const mapping of raw.mappings ?? []) {
        for (const entry of mapping.indicators) if (entry.indicator === "I20") entry.indicator = "I21";
      }
      raw.nodes[0].children[0].name = "Tata Kelola Pemdi";
    });
    const diff = diffFrameworks(pemdi, next);
    expect(diff.added).toEqual([{ code: "I21", name: "Pengelolaan Kepuasan Pengguna" }]);
    expect(diff.removed).toEqual([{ code: "I20", name: "Pengelolaan Kepuasan Pengguna" }]);
    expect(diff.renamed).toEqual([{ code: "I1", from: "Tata Kelola Pemerintah Digital", to: "Tata Kelola Pemdi" }]);
  });

  it("against no stored version lists every indicator as added", () => {
    expect(diffFrameworks(null, pemdi).added).toHaveLength(20);
  });
});
