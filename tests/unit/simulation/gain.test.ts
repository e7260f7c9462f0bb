import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/scoring";
import { formatGain, indexGain } from "@/lib/simulation/gain";

describe("index gain of one recommendation", () => {
  it("is weight x (target - current) / 100, from 0 when unanswered, and never negative", () => {
    expect(indexGain("1.3", "2", "4", "0").toString()).toBe("0.026");
    expect(indexGain("4.55", null, "3", "0").toString()).toBe("0.1365");
    expect(indexGain("2", "2.5", "3", "1").toString()).toBe("0.01");
    expect(indexGain("2", "4", "3", "0").isZero()).toBe(true);
    // pemdi-2026: an unanswered indicator already counts the floor 1.
    expect(indexGain("15", null, "3", "1").toString()).toBe("0.3");
    expect(indexGain("15", null, "1", "1").isZero()).toBe(true);
  });

  it("prints three decimals with a decimal comma, rounded half-up from the exact value", () => {
    expect(formatGain(Decimal.parse("0.0135"))).toBe("+0,014");
    expect(formatGain(Decimal.fraction(1n, 30n))).toBe("+0,033");
    expect(formatGain(Decimal.ZERO)).toBe("+0,000");
  });
});
