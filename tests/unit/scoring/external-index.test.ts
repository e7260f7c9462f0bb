import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { convertIndex, indexScaleOf } from "@/lib/scoring/external-index";
import { findIndicator, getFramework } from "@/lib/framework/catalog";
import type { ExternalIndex } from "@/lib/framework/schema";

function indexOf(code: string): ExternalIndex {
  const found = findIndicator(getFramework("pemdi-2026")!, Number(code.slice(1)))?.externalIndex;
  if (!found) throw new Error(`${code} has no external index`);
  return found;
}

describe("external index conversion with the framework's bands", () => {
  const sdi = indexOf("I5");

  it("reproduces the SDI module's worked examples and every example in the data", () => {
    expect(convertIndex(sdi, "25")).toEqual({ kind: "value", level: 2, value: "2.00", provisional: true });
    expect(convertIndex(sdi, "68.75")).toEqual({ kind: "value", level: 4, value: "3.75", provisional: true });
    for (const example of sdi.examples) {
      const converted = convertIndex(sdi, example.index);
      expect(converted.kind === "value" && Number(converted.value)).toBe(Number(example.value));
    }
  });

  it("puts a band's bounds in the band above, and the scale top in the top band", () => {
    expect(convertIndex(sdi, "12.5")).toMatchObject({ level: 2, value: "1.50" });
    expect(convertIndex(sdi, "0")).toMatchObject({ level: 1, value: "1.00" });
    expect(convertIndex(sdi, "100")).toMatchObject({ level: 5, value: "5.00" });
  });

  it("refuses a value outside the index scale", () => {
    expect(convertIndex(sdi, "100.01")).toEqual({ kind: "outside_scale", scale: { min: "0", max: "100" } });
    expect(convertIndex(indexOf("I6"), "0.5")).toEqual({ kind: "outside_scale", scale: { min: "1", max: "5" } });
  });

  it("gives only the level where the source documents no value range (IPS, SDI interoperabilitas)", () => {
    expect(convertIndex(indexOf("I7"), "1.2")).toEqual({ kind: "level", level: 1, provisional: true });
    expect(convertIndex(indexOf("I7"), "4.2")).toEqual({ kind: "level", level: 5, provisional: true });
    expect(convertIndex(indexOf("I18"), "50")).toEqual({ kind: "level", level: 3, provisional: true });
  });

  it("says when a value falls in no documented band (IKASANDI persandian below 4)", () => {
    expect(indexScaleOf(indexOf("I11"))).toEqual({ min: "0", max: "5" });
    expect(convertIndex(indexOf("I11"), "3")).toEqual({ kind: "undocumented", provisional: false });
    expect(convertIndex(indexOf("I11"), "4.5")).toEqual({ kind: "level", level: 5, provisional: false });
  });

  it("keeps provisional bands marked", () => {
    expect(sdi.provisional).toBe(true);
    expect(convertIndex(indexOf("I10"), "2")).toEqual({ kind: "level", level: 2, provisional: false });
  });

  it("never lowers the value when the index rises, and stays on the value scale (property)", () => {
    const scaled = fc.integer({ min: 0, max: 10000 }).map((hundredths) => (hundredths / 100).toFixed(2));
    fc.assert(
      fc.property(scaled, scaled, (left, right) => {
        const [low, high] = Number(left) <= Number(right) ? [left, right] : [right, left];
        const lowValue = convertIndex(sdi, low);
        const highValue = convertIndex(sdi, high);
        if (lowValue.kind !== "value" || highValue.kind !== "value") throw new Error("SDI converts every value on its scale");
        expect(Number(lowValue.value)).toBeLessThanOrEqual(Number(highValue.value));
        expect(Number(highValue.value)).toBeGreaterThanOrEqual(1);
        expect(Number(highValue.value)).toBeLessThanOrEqual(5);
        expect(lowValue.level).toBeLessThanOrEqual(highValue.level);
      }),
    );
  });
});
