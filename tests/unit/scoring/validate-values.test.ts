import { describe, expect, it } from "vitest";
import { getFramework } from "@/lib/framework/catalog";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { render } from "@/lib/i18n/render";
import { validateValues } from "@/lib/scoring";

function shipped(code: string): FrameworkDefinition {
  const framework = getFramework(code);
  if (!framework) throw new Error(`missing ${code}`);
  return framework;
}

const spbe = shipped("spbe-2020");
const pemdi = shipped("pemdi-2026");

const codes = (framework: FrameworkDefinition, values: Record<string, unknown>) =>
  validateValues(framework, values).map((issue) => [issue.field, issue.code]);

describe("validateValues", () => {
  it("accepts levels on the scale, decimal strings and unanswered entries", () => {
    expect(validateValues(spbe, { 1: 1, 2: "5", 3: null, 4: undefined, 47: 3, 10: "3.0" })).toEqual([]);
    expect(validateValues(pemdi, { 1: 2.75, 2: "4.5", 20: 5, 19: "1" })).toEqual([]);
    expect(validateValues(spbe, {})).toEqual([]);
  });

  it("flags unknown indicator numbers", () => {
    expect(codes(spbe, { 48: 3, 0: 3, abc: 3, "01": 3 })).toEqual([
      ["values.0", "unknown_indicator"],
      ["values.48", "unknown_indicator"],
      ["values.abc", "unknown_indicator"],
      ["values.01", "unknown_indicator"],
    ]);
    expect(codes(pemdi, { 21: 3 })).toEqual([["values.21", "unknown_indicator"]]);
  });

  it("flags values outside the scale", () => {
    expect(codes(spbe, { 1: 0, 2: 6, 3: "-1" })).toEqual([
      ["values.1", "out_of_scale"],
      ["values.2", "out_of_scale"],
      ["values.3", "out_of_scale"],
    ]);
    expect(codes(pemdi, { 1: "5.01", 2: 0.99 })).toEqual([
      ["values.1", "out_of_scale"],
      ["values.2", "out_of_scale"],
    ]);
  });

  it("flags non-integers only where the scale is integer", () => {
    expect(codes(spbe, { 1: 2.5, 2: "3.25" })).toEqual([
      ["values.1", "not_integer"],
      ["values.2", "not_integer"],
    ]);
    expect(codes(pemdi, { 1: 2.5, 2: "3.25" })).toEqual([]);
  });

  it("flags non-numeric values, including a decimal comma", () => {
    const values = { 1: "3,5", 2: "", 3: true, 4: Number.NaN, 5: Number.POSITIVE_INFINITY, 6: {}, 7: [3], 8: "tiga" };
    expect(codes(spbe, values)).toEqual(Object.keys(values).map((key) => [`values.${key}`, "not_a_number"]));
  });

  it("reports one issue per field, the most basic first", () => {
    expect(codes(spbe, { 1: 7.5 })).toEqual([["values.1", "out_of_scale"]]);
  });

  it("writes messages in Bahasa Indonesia that name the indicator and the scale", () => {
    const [outOfScale] = validateValues(spbe, { 12: 9 });
    expect(render(outOfScale!.message)).toBe("Nilai indikator 12 harus antara 1 dan 5");
    expect(render(outOfScale!.message, "en")).toBe("The value of indicator 12 must be between 1 and 5");
    const [notInteger] = validateValues(spbe, { 12: 2.5 });
    expect(render(notInteger!.message)).toMatch(/bilangan bulat/);
    const [unknown] = validateValues(spbe, { 99: 1 });
    expect(render(unknown!.message)).toMatch(/tidak ada pada kerangka spbe-2020/);
  });
});
