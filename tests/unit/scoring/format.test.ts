import { describe, expect, it } from "vitest";
import { formatIndex } from "@/lib/scoring";

describe("formatIndex", () => {
  it.each([
    [3.282, "3,28"],
    ["3.282", "3,28"],
    [1.795, "1,80"], // a float toFixed(2) would print 1.79
    ["1.7975", "1,80"],
    ["1.7949", "1,79"],
    [0, "0,00"],
    [5, "5,00"],
    ["4.2", "4,20"],
    [2.005, "2,01"],
  ])("%s -> %s", (input, expected) => {
    expect(formatIndex(input)).toBe(expected);
  });

  it("refuses text that is not a decimal", () => {
    expect(() => formatIndex("3,28")).toThrow();
    expect(() => formatIndex(Number.NaN)).toThrow();
  });
});
