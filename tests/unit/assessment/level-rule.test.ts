import { describe, expect, it } from "vitest";
import { getFramework } from "@/lib/framework/catalog";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { checkLevel, levelScaleOf } from "@/lib/assessment/level-rule";
import { buildLevelPreview, previewAt } from "@/lib/assessment/level-preview";
import { parseLevel } from "@/lib/assessment/levels";
import { formatIndex, scoreAssessment } from "@/lib/scoring";
import { render } from "@/lib/i18n/render";

function shipped(code: string): FrameworkDefinition {
  const framework = getFramework(code);
  if (!framework) throw new Error(`missing ${code}`);
  return framework;
}

const spbe = shipped("spbe-2020");
const pemdi = shipped("pemdi-2026");

describe("the level rule", () => {
  it("takes whole levels on spbe-2020 and decimals with a comma or a dot on pemdi-2026", () => {
    expect(checkLevel(levelScaleOf(spbe), "3")).toEqual({ level: "3.00" });
    expect(checkLevel(levelScaleOf(spbe), " 4,0 ")).toEqual({ level: "4.00" });
    expect(checkLevel(levelScaleOf(pemdi), "2,75")).toEqual({ level: "2.75" });
    expect(checkLevel(levelScaleOf(pemdi), "1.5")).toEqual({ level: "1.50" });
    expect(checkLevel(levelScaleOf(pemdi), "2,750")).toEqual({ level: "2.75" });
    expect(checkLevel(levelScaleOf(pemdi), "")).toEqual({ level: null });
  });

  it("names each problem: not a number, outside the scale, not whole, too many places", () => {
    const code = (definition: FrameworkDefinition, text: string) => {
      const checked = checkLevel(levelScaleOf(definition), text);
      return "issue" in checked ? checked.issue.code : null;
    };
    expect(code(pemdi, "dua")).toBe("not_a_number");
    expect(code(pemdi, "2,5,1")).toBe("not_a_number");
    expect(code(pemdi, "-1")).toBe("not_a_number");
    expect(code(pemdi, "5,01")).toBe("out_of_scale");
    expect(code(pemdi, "0,99")).toBe("out_of_scale");
    expect(code(spbe, "0")).toBe("out_of_scale");
    expect(code(spbe, "2,5")).toBe("not_whole");
    expect(code(pemdi, "2,755")).toBe("too_many_places");
  });

  it("words the server's message with the value and the scale", () => {
    const issueOf = (parsed: ReturnType<typeof parseLevel>, locale: "id" | "en" = "id") => ("issue" in parsed ? render(parsed.issue, locale) : null);
    expect(issueOf(parseLevel(pemdi, "2,755"))).toBe("2,755 memiliki 3 angka desimal; skala ini paling banyak 2, mis. 2,75.");
    expect(issueOf(parseLevel(pemdi, "6"))).toBe("6 di luar skala: tingkat antara 1 dan 5.");
    expect(issueOf(parseLevel(spbe, "3,5"))).toBe("Kerangka ini hanya menerima tingkat bilangan bulat 1 sampai 5; 3,5 bukan bilangan bulat.");
    expect(issueOf(parseLevel(pemdi, "2,755"), "en")).toBe("2,755 has 3 decimal places; this scale allows at most 2, e.g. 2.75.");
  });
});

describe("the live index preview", () => {
  const others = { 1: "2.5", 2: "3.25", 5: "1", 13: "4.75" };
  const preview = buildLevelPreview(pemdi, others, 7, "exact");

  it("gives the engine's index and predicate at decimal levels, not only whole ones", () => {
    for (const level of ["1", "1.17", "2,5", "3.26", "4,99", "5"]) {
      const score = scoreAssessment(pemdi, { ...others, 7: level.replace(",", ".") });
      expect(previewAt(preview, level)).toEqual({ index: formatIndex(score.indexExact), predicate: score.predicate });
    }
    const unanswered = scoreAssessment(pemdi, others);
    expect(previewAt(preview, "")).toEqual({ index: formatIndex(unanswered.indexExact), predicate: unanswered.predicate });
  });

  it("shows nothing for a level the rule refuses", () => {
    expect(previewAt(preview, "2,755")).toBeNull();
    expect(previewAt(preview, "7")).toBeNull();
  });
});
