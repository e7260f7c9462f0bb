import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gateButir, valueAboveButir } from "@/lib/assessment/butir-gating";
import { findIndicator, getFramework } from "@/lib/framework/catalog";
import type { IndicatorNode } from "@/lib/framework/schema";

function indicator(code: string): IndicatorNode {
  const found = findIndicator(getFramework("pemdi-2026")!, Number(code.slice(1)));
  if (!found?.levels) throw new Error(`${code} has no levels`);
  return found;
}

const levelsOf = (node: IndicatorNode) => node.levels ?? [];

describe("level gating of butir", () => {
  const i1 = indicator("I1");
  const codes = (level: number) => levelsOf(i1).find((item) => item.level === level)?.butir.map((item) => item.code) ?? [];

  it("counts accepted butir per level and makes level 3 wait while level 2 is incomplete", () => {
    const accepted = new Set([...codes(1), ...codes(2).slice(0, 3), ...codes(3)]);
    const gating = gateButir(levelsOf(i1), (code) => accepted.has(code));
    const level2 = gating.levels.find((level) => level.level === 2);
    const level3 = gating.levels.find((level) => level.level === 3);
    expect(level2).toMatchObject({ total: 4, accepted: 3, complete: false, waitingForLowerLevel: false });
    // Level 3's butir carry "accepted" in storage, but the national app rejects them automatically.
    expect(level3).toMatchObject({ accepted: 0, complete: false, waitingForLowerLevel: true });
    expect(level3?.butir.every((item) => item.state === "waiting_for_lower_level")).toBe(true);
    expect(gating.highestCompleteLevel).toBe(1);
  });

  it("gives the highest level whose butir, and those of every level below, are all accepted", () => {
    const accepted = new Set([...codes(1), ...codes(2), ...codes(3)]);
    expect(gateButir(levelsOf(i1), (code) => accepted.has(code)).highestCompleteLevel).toBe(3);
    expect(gateButir(levelsOf(i1), () => false).highestCompleteLevel).toBeNull();
    expect(gateButir(levelsOf(i1), () => true).highestCompleteLevel).toBe(5);
  });

  it("stops at a level whose butir the data does not know (I9 level 3)", () => {
    const gating = gateButir(levelsOf(indicator("I9")), () => true);
    expect(gating.levels.find((level) => level.level === 3)).toMatchObject({ butirUnknown: true, complete: false });
    expect(gating.levels.find((level) => level.level === 4)?.waitingForLowerLevel).toBe(true);
    expect(gating.highestCompleteLevel).toBe(2);
  });

  it("never counts a level complete unless all lower ones are (property)", () => {
    const shape = fc.array(fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(shape, (acceptance) => {
        const levels = acceptance.map((flags, index) => ({ level: index + 1, butir: flags.map((_, item) => ({ code: `I1-L${index + 1}-${item}` })) }));
        const accepted = new Set(acceptance.flatMap((flags, index) => flags.flatMap((flag, item) => (flag ? [`I1-L${index + 1}-${item}`] : []))));
        const gating = gateButir(levels, (code) => accepted.has(code));
        const firstIncomplete = acceptance.findIndex((flags) => flags.some((flag) => !flag));
        const expected = firstIncomplete === -1 ? acceptance.length : firstIncomplete === 0 ? null : firstIncomplete;
        expect(gating.highestCompleteLevel).toBe(expected);
        gating.levels.forEach((level, index) => {
          expect(level.waitingForLowerLevel).toBe(firstIncomplete !== -1 && index > firstIncomplete);
          expect(level.accepted).toBeLessThanOrEqual(level.total);
        });
      }),
    );
  });
});

describe("a value above what the butir support", () => {
  const gatingAt = (highest: number | null) => ({ levels: [], highestCompleteLevel: highest });

  it("warns from the first level that is not complete, leaving decimals below it to the person", () => {
    expect(valueAboveButir("2.75", gatingAt(2), "1")).toBe(false);
    expect(valueAboveButir("3.00", gatingAt(2), "1")).toBe(true);
    expect(valueAboveButir("1.00", gatingAt(null), "1")).toBe(false);
    expect(valueAboveButir("2.00", gatingAt(null), "1")).toBe(true);
    expect(valueAboveButir("5.00", gatingAt(5), "1")).toBe(false);
    expect(valueAboveButir(null, gatingAt(null), "1")).toBe(false);
  });
});
