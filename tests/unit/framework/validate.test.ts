import { describe, expect, it } from "vitest";
import pemdi2026Data from "@/lib/framework/data/pemdi-2026.json";
import spbe2020Data from "@/lib/framework/data/spbe-2020.json";
import { validateFramework, type FrameworkIssue } from "@/lib/framework/validate";
import { buildRawFramework, type RawNode } from "./fixtures";

/** Two domains of weights 40 and 60, each with indicators; valid as built. */
function validRaw() {
  return buildRawFramework({
    kinds: ["domain", "aspect", "indicator"],
    tree: [
      { weight: 40, children: [{ weight: 40, children: [{ weight: 15 }, { weight: 25 }] }] },
      {
        weight: 60,
        children: [
          { weight: "30.5", children: [{ weight: "10.25" }, { weight: "20.25" }] },
          { weight: "29.5", children: [{ weight: "29.5" }] },
        ],
      },
    ],
  });
}

function child(node: RawNode | undefined, index: number): RawNode {
  const found = node?.children?.[index];
  if (!found) throw new Error(`no child ${index}`);
  return found;
}

function issuesOf(input: unknown): FrameworkIssue[] {
  const result = validateFramework(input);
  if (result.ok) throw new Error("expected the definition to be rejected");
  return result.issues;
}

const paths = (issues: FrameworkIssue[]) => issues.map((issue) => issue.path);

describe("validateFramework accepts", () => {
  it("the fixture", () => {
    expect(validateFramework(validRaw()).ok).toBe(true);
  });

  it("both shipped frameworks", () => {
    for (const data of [spbe2020Data, pemdi2026Data]) {
      const result = validateFramework(data);
      expect(result.ok ? [] : result.issues).toEqual([]);
    }
  });

  it("weights as decimal strings and normalizes every weight to canonical text", () => {
    const raw = validRaw();
    raw.nodes[0]!.weight = "40.00";
    const result = validateFramework(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.framework.nodes[0]?.weight).toBe("40");
    expect(child(result.framework.nodes[1] as RawNode, 0).weight).toBe("30.5");
    expect(result.framework.predicates[0]).toMatchObject({ min: "4.2", max: "5", maxInclusive: true });
    expect(result.framework.predicates[1]?.maxInclusive).toBe(false);
  });

  it("sums that only add up exactly (0.1 + 0.2 = 0.3, which floats get wrong)", () => {
    const raw = buildRawFramework({
      tree: [
        { weight: "0.3", children: [{ weight: 0.1 }, { weight: 0.2 }] },
        { weight: "99.7", children: [{ weight: "99.7" }] },
      ],
    });
    expect(validateFramework(raw).ok).toBe(true);
  });
});

describe("validateFramework rejects, naming the field path", () => {
  it("children weights that do not sum to their parent's weight", () => {
    const raw = validRaw();
    child(raw.nodes[1], 0).children![1]!.weight = "20.2";
    const issues = issuesOf(raw);
    expect(paths(issues)).toEqual(["nodes[1].children[0].children"]);
    expect(issues[0]?.message).toContain("30.45");
    expect(issues[0]?.message).toContain("30.5");
    expect(issues[0]?.message).toMatch(/bobot/i);
  });

  it("top-level weights not summing to 100", () => {
    const raw = validRaw();
    raw.nodes[0]!.weight = 39;
    child(raw.nodes[0], 0).weight = 39;
    child(child(raw.nodes[0], 0), 1).weight = 24;
    const issues = issuesOf(raw);
    expect(paths(issues)).toEqual(["nodes"]);
    expect(issues[0]?.message).toContain("99");
  });

  it("duplicate indicator numbers", () => {
    const raw = validRaw();
    child(child(raw.nodes[1], 1), 0).number = 2;
    const issues = issuesOf(raw);
    expect(paths(issues)).toEqual(["nodes[1].children[1].children[0].number"]);
    expect(issues[0]?.message).toContain("nodes[0].children[0].children[1]");
  });

  it("duplicate node codes, across levels", () => {
    const raw = validRaw();
    child(raw.nodes[1], 1).code = "I1";
    expect(paths(issuesOf(raw))).toEqual(["nodes[1].children[1].code"]);
  });

  it("an unknown level scale", () => {
    const raw = validRaw();
    child(child(raw.nodes[0], 0), 0).levelScale = "tidak-ada";
    const issues = issuesOf(raw);
    expect(paths(issues)).toEqual(["nodes[0].children[0].children[0].levelScale"]);
    expect(issues[0]?.message).toContain("tidak-ada");
  });

  it("a level with neither an indicator criterion nor a scale description", () => {
    const raw = validRaw();
    raw.levelScales[0]!.levels[2]!.description = "";
    const indicator = child(child(raw.nodes[0], 0), 1);
    indicator.criteria = { "1": "a", "2": "b", "3": "c", "4": "d", "5": "e" };
    const issues = issuesOf(raw);
    // Every indicator except the one that brings its own criterion for level 3.
    expect(paths(issues)).toEqual([
      "nodes[0].children[0].children[0].criteria",
      "nodes[1].children[0].children[0].criteria",
      "nodes[1].children[0].children[1].criteria",
      "nodes[1].children[1].children[0].criteria",
    ]);
    expect(issues[0]?.message).toContain("tingkat 3");
  });

  it("criteria for a level the scale does not have", () => {
    const raw = validRaw();
    child(child(raw.nodes[0], 0), 0).criteria = { "6": "di luar skala" };
    expect(paths(issuesOf(raw))).toEqual(["nodes[0].children[0].children[0].criteria.6"]);
  });

  it("a node of the wrong kind for its depth", () => {
    const raw = validRaw();
    child(raw.nodes[0], 0).kind = "domain";
    expect(paths(issuesOf(raw))).toEqual(["nodes[0].children[0].kind"]);
  });

  it("a group without children and an indicator without number", () => {
    const raw = validRaw();
    delete child(child(raw.nodes[0], 0), 0).number;
    child(raw.nodes[1], 1).children = [];
    expect(paths(issuesOf(raw)).sort()).toEqual(
      ["nodes[0].children[0].children[0].number", "nodes[1].children[1].children"].sort(),
    );
  });

  it("weights that are not decimals, zero or negative", () => {
    const raw = validRaw();
    raw.nodes[0]!.weight = "13,5";
    child(raw.nodes[1], 0).weight = 0;
    child(raw.nodes[1], 1).weight = -1;
    expect(paths(issuesOf(raw))).toEqual([
      "nodes[0].weight",
      "nodes[1].children[0].weight",
      "nodes[1].children[1].weight",
    ]);
  });

  it("a predicate gap", () => {
    const raw = validRaw();
    raw.predicates[2]!.min = "2.7"; // Baik from 2.7 while Cukup ends at 2.6
    const issues = issuesOf(raw);
    expect(paths(issues)).toEqual(["predicates[2].min"]);
    expect(issues[0]?.message).toMatch(/celah/);
  });

  it("a predicate overlap", () => {
    const raw = validRaw();
    raw.predicates[1]!.min = 3.4; // Sangat Baik from 3.4 while Baik runs to 3.5
    const issues = issuesOf(raw);
    expect(paths(issues)).toEqual(["predicates[1].min"]);
    expect(issues[0]?.message).toMatch(/tumpang tindih/);
  });

  it("a shared bound claimed by two bands", () => {
    const raw = validRaw();
    raw.predicates[3]!.maxInclusive = true; // Cukup would include 2.6, which is Baik
    expect(paths(issuesOf(raw))).toEqual(["predicates[3].maxInclusive"]);
  });

  it("bands that do not start at 0", () => {
    const raw = validRaw();
    raw.predicates[4]!.min = "0.5";
    expect(paths(issuesOf(raw))).toEqual(["predicates[4].min"]);
  });

  it("a top band that stops short of or excludes the scale maximum", () => {
    const short = validRaw();
    short.predicates[0]!.max = "4.9";
    expect(paths(issuesOf(short))).toEqual(["predicates[0].max"]);
    const exclusive = validRaw();
    exclusive.predicates[0]!.maxInclusive = false;
    expect(paths(issuesOf(exclusive))).toEqual(["predicates[0].maxInclusive"]);
  });

  it("a band with min >= max", () => {
    const raw = validRaw();
    raw.predicates[2]!.max = "2.6"; // Baik 2.6-2.6
    const issues = issuesOf(raw);
    expect(paths(issues)).toContain("predicates[2].max");
    expect(issues.find((issue) => issue.path === "predicates[2].max")?.message).toMatch(/batas atas/i);
  });

  it("a value scale that is empty or absurdly wide", () => {
    const empty = validRaw();
    empty.valueScale.min = 5;
    expect(paths(issuesOf(empty))).toContain("valueScale.max");
    const wide = validRaw();
    wide.valueScale.max = 1e12;
    expect(paths(issuesOf(wide))).toContain("valueScale.max");
  });

  it("a level scale that misses a whole level of the value scale", () => {
    const raw = validRaw();
    raw.levelScales[0]!.levels.splice(3, 1);
    expect(paths(issuesOf(raw))).toEqual(["levelScales[0].levels"]);
  });

  it("a nodeKinds list whose last label is not indicator", () => {
    const raw = validRaw();
    raw.nodeKinds = ["domain", "aspect", "indikator"];
    expect(paths(issuesOf(raw))).toEqual(["nodeKinds"]);
  });

  it("non-objects, with Indonesian messages", () => {
    const issues = issuesOf("bukan kerangka");
    expect(issues[0]?.path).toBe("");
    expect(issues[0]?.message).toMatch(/tidak valid/);
    const missing = issuesOf({ ...validRaw(), nodes: undefined });
    expect(paths(missing)).toEqual(["nodes"]);
    expect(missing[0]?.message).toMatch(/diharapkan/);
  });
});

describe("validateFramework: scoring rules, level details, external indices", () => {
  /** The pemdi-2026 shipped file, deep-copied so a test can break one field. */
  const pemdi = () => structuredClone(pemdi2026Data) as unknown as {
    scoring: { unansweredValue: string | number };
    predicates: { min: string | number }[];
    nodes: { children: Record<string, unknown>[] }[] & Record<string, unknown>[];
  };
  const firstIndicator = (raw: ReturnType<typeof pemdi>) =>
    raw.nodes[0]!.children[0] as {
      levels: { level: number; butir: { code: string }[]; criteriaKind: string }[];
    };

  it("refuses a floor (unanswered value) above the scale minimum", () => {
    const raw = pemdi();
    raw.scoring.unansweredValue = "1.5";
    const issues = issuesOf(raw);
    expect(paths(issues)).toContain("scoring.unansweredValue");
    expect(issues.find((issue) => issue.path === "scoring.unansweredValue")?.message).toMatch(
      /lantai \(1\.5\).*minimum skala \(1\)/,
    );
  });

  it("accepts the spbe-2020 rule: unanswered counts 0, predicates from 0", () => {
    const raw = validRaw() as Record<string, unknown>;
    raw.scoring = { unansweredValue: 0 };
    expect(validateFramework(raw).ok).toBe(true);
  });

  it("asks predicates to cover from the lowest index possible: the floor when it is below the scale", () => {
    const raw = pemdi();
    raw.scoring.unansweredValue = 0; // now an empty assessment scores 0, and Kurang starts at 1
    expect(paths(issuesOf(raw))).toEqual(["predicates[4].min"]);
  });

  it("refuses a duplicate butir code and a code of another indicator or level", () => {
    const raw = pemdi();
    const levels = firstIndicator(raw).levels;
    levels[1]!.butir[1]!.code = "I1-L2-01";
    levels[2]!.butir[0]!.code = "I2-L3-09";
    const issues = issuesOf(raw);
    expect(paths(issues)).toEqual(["nodes[0].children[0].levels[1].butir[1].code", "nodes[0].children[0].levels[2].butir[0].code"]);
    expect(issues[0]?.message).toMatch(/sudah dipakai di nodes\[0\]\.children\[0\]\.levels\[1\]\.butir\[0\]\.code/);
    expect(issues[1]?.message).toMatch(/harus diawali "I1-L3-"/);
  });

  it("refuses a malformed butir code, an unknown criteria kind and a level twice", () => {
    const raw = pemdi();
    const levels = firstIndicator(raw).levels;
    levels[0]!.butir[0]!.code = "GT.I1_L1_1";
    levels[1]!.criteriaKind = "ocr";
    const detailsValid = pemdi();
    firstIndicator(detailsValid).levels[4]!.level = 4;
    expect(paths(issuesOf(raw))).toEqual([
      "nodes[0].children[0].levels[0].butir[0].code",
      "nodes[0].children[0].levels[1].criteriaKind",
    ]);
    expect(issuesOf(detailsValid).map((issue) => issue.message)).toContainEqual(expect.stringMatching(/tingkat 4 tercantum lebih dari sekali/));
  });

  it("refuses an external index band outside the value scale or with bounds reversed", () => {
    const raw = pemdi();
    const i5 = raw.nodes[2]!.children[0] as { externalIndex: { bands: Record<string, unknown>[] } };
    i5.externalIndex.bands[0]!.valueMin = 0;
    i5.externalIndex.bands[1]!.indexMin = 40;
    expect(paths(issuesOf(raw))).toEqual([
      "nodes[2].children[0].externalIndex.bands[0].valueMin",
      "nodes[2].children[0].externalIndex.bands[1].indexMax",
    ]);
  });

  it("refuses level details on a group node", () => {
    const raw = pemdi();
    (raw.nodes[0] as Record<string, unknown>).levels = [];
    expect(paths(issuesOf(raw))).toEqual(["nodes[0].levels"]);
  });
});
