// The pure parts of the reports: text the PDF's standard font can print, which stage the
// strengths and weaknesses are read from, and how aspects are judged.
import { describe, expect, it } from "vitest";
import { getFramework, listIndicators } from "@/lib/framework/catalog";
import { ANSWER_STAGES } from "@/lib/results/period-summary";
import { scoreAssessment, type AssessmentScore } from "@/lib/scoring";
import { pdfSafe } from "@/lib/reports/pdf-text";
import { aspectFindings, referenceStage } from "@/lib/reports/strengths";
import type { AnswerStage } from "@/lib/generated/prisma/enums";

const spbe = getFramework("spbe-2020")!;
const indicators = listIndicators(spbe);

describe("pdfSafe", () => {
  it("keeps Indonesian text, Latin-1 and the Windows-1252 punctuation", () => {
    const text = "Perbup 12/2024 – “Arsitektur SPBE” · indeks 3,28 (Baik) é ü ©\nbaris dua";
    expect(pdfSafe(text)).toBe(text);
  });

  it("spells out what has a plain equivalent and marks the rest", () => {
    expect(pdfSafe("tingkat ≥ 3 → lulus")).toBe("tingkat >= 3 -> lulus");
    expect(pdfSafe("✅ 文档 ok")).toBe("? ?? ok");
    expect(pdfSafe("a\u0000b\u0007c\td")).toBe("abc    d");
  });
});

describe("referenceStage", () => {
  const scoreWith = (answered: Partial<Record<AnswerStage, number>>) =>
    Object.fromEntries(ANSWER_STAGES.map((stage) => [stage, { answeredCount: answered[stage] ?? 0 } as AssessmentScore])) as Record<AnswerStage, AssessmentScore>;

  it("is the self-assessment until an external stage has results", () => {
    expect(referenceStage(scoreWith({ SELF: 40, INTERNAL_VERIFICATION: 20 }))).toBe("SELF");
  });

  it("is the latest external stage with results", () => {
    expect(referenceStage(scoreWith({ SELF: 40, DOCUMENT: 47 }))).toBe("DOCUMENT");
    expect(referenceStage(scoreWith({ SELF: 40, DOCUMENT: 47, VISITATION: 10 }))).toBe("VISITATION");
    expect(referenceStage(scoreWith({ SELF: 40, DOCUMENT: 47, INTERVIEW: 47, FINAL: 47 }))).toBe("FINAL");
  });
});

describe("aspectFindings", () => {
  // Every indicator at 3, the first aspect's indicators at 4 but its last one unanswered,
  // the second aspect's at 2: the first is a strength, the second a weakness.
  const [first, second] = [...new Set(indicators.map((entry) => entry.ancestors[entry.ancestors.length - 1]!.code))];
  const inAspect = (code: string) => indicators.filter((entry) => entry.ancestors[entry.ancestors.length - 1]!.code === code).map((entry) => entry.indicator);
  const firstIndicators = inAspect(first!);
  const values: Record<string, string | null> = Object.fromEntries(indicators.map((entry) => [String(entry.indicator.number), "3"]));
  for (const indicator of firstIndicators) values[String(indicator.number)] = "4";
  values[String(firstIndicators[firstIndicators.length - 1]!.number)] = null;
  for (const indicator of inAspect(second!)) values[String(indicator.number)] = "2";
  const findings = aspectFindings(scoreAssessment(spbe, values));

  it("names one finding per aspect, highest index first", () => {
    const aspects = spbe.nodes.flatMap((domain) => ("children" in domain ? domain.children.map((aspect) => aspect.code) : []));
    expect(findings.map((finding) => finding.code).sort()).toEqual([...aspects].sort());
    const indices = findings.map((finding) => Number(finding.indexExact));
    expect(indices).toEqual([...indices].sort((a, b) => b - a));
  });

  it("judges aspects against the overall index and names their highest and lowest indicators", () => {
    const strong = findings.find((finding) => finding.code === first)!;
    const weak = findings.find((finding) => finding.code === second)!;
    expect(weak.isStrength).toBe(false);
    // At most three indicators are named per list, in questionnaire order among equals.
    const named = (list: { number: number; name: string }[], level: string) => list.slice(0, 3).map(({ number, name }) => ({ number, name, level }));
    expect(weak.weakest).toEqual([]);
    expect(weak.strongest).toHaveLength(3);
    expect(weak.strongest).toEqual(named(inAspect(second!), "2"));
    expect(strong.parentName).toBe(spbe.nodes[0]!.name);
    expect(strong.strongest).toHaveLength(3);
    expect(strong.strongest).toEqual(named(firstIndicators.slice(0, -1), "4"));
    expect(strong.weakest).toEqual([{ number: firstIndicators[firstIndicators.length - 1]!.number, name: firstIndicators[firstIndicators.length - 1]!.name, level: null }]);
  });

  it("marks an aspect at exactly the overall index as a strength", () => {
    const flat = aspectFindings(scoreAssessment(spbe, Object.fromEntries(indicators.map((entry) => [String(entry.indicator.number), "3"]))));
    expect(flat.length).toBeGreaterThan(0);
    expect(flat.filter((finding) => !finding.isStrength || finding.weakest.length > 0)).toEqual([]);
  });
});
