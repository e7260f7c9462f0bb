import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, isDecimalString } from "@/lib/decimal";

const d = (text: string) => Decimal.parse(text);

describe("Decimal parsing", () => {
  it("reads decimal strings exactly", () => {
    expect(d("2.75").num).toBe(11n);
    expect(d("2.75").den).toBe(4n);
    expect(d("-0.5").toString()).toBe("-0.5");
    expect(d("+13.0").toString()).toBe("13");
    expect(d("007.100").toString()).toBe("7.1");
  });

  it("rejects anything but a plain decimal with a dot", () => {
    for (const text of ["", "3,5", "1e3", ".5", "5.", "abc", " 1", "1 ", "--1"]) {
      expect(isDecimalString(text), text).toBe(false);
      expect(() => Decimal.parse(text), text).toThrow();
    }
  });

  it("reads a JS number as the literal it was written as, not its binary value", () => {
    // 0.1 is stored as 0.1000000000000000055511151231257827...; String(0.1) is "0.1".
    expect(Decimal.fromNumber(0.1).eq(Decimal.fraction(1n, 10n))).toBe(true);
    expect(Decimal.fromNumber(1.795).toString()).toBe("1.795");
    expect(Decimal.fromNumber(1e21).toString()).toBe("1000000000000000000000");
    expect(Decimal.fromNumber(1.5e-7).toString()).toBe("0.00000015");
    expect(Decimal.fromNumber(-0).isZero()).toBe(true);
    expect(() => Decimal.fromNumber(Number.NaN)).toThrow();
    expect(() => Decimal.fromNumber(Number.POSITIVE_INFINITY)).toThrow();
  });

  it("tryFrom returns null for non-decimals instead of throwing", () => {
    expect(Decimal.tryFrom("3,5")).toBeNull();
    expect(Decimal.tryFrom(Number.NaN)).toBeNull();
    expect(Decimal.tryFrom(true)).toBeNull();
    expect(Decimal.tryFrom(null)).toBeNull();
    expect(Decimal.tryFrom("4")?.toString()).toBe("4");
  });
});

describe("Decimal arithmetic", () => {
  it("is exact where floats are not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(d("0.1").add(d("0.2")).eq(d("0.3"))).toBe(true);
    expect(d("1.3").mul(d("10")).eq(d("13"))).toBe(true);
    expect(d("328.2").div(d("100")).toString()).toBe("3.282");
    expect(d("1").sub(d("0.9")).toString()).toBe("0.1");
  });

  it("keeps non-terminating quotients exact and prints them truncated to 10 places", () => {
    const third = d("1").div(d("3"));
    expect(third.isTerminating()).toBe(false);
    expect(third.toString()).toBe("0.3333333333");
    expect(d("2").div(d("3")).toString()).toBe("0.6666666666");
    expect(third.mul(d("3")).eq(Decimal.ONE)).toBe(true);
    expect(d("-2").div(d("3")).toString()).toBe("-0.6666666666");
  });

  it("refuses division by zero", () => {
    expect(() => d("1").div(Decimal.ZERO)).toThrow(RangeError);
    expect(() => Decimal.fraction(1n, 0n)).toThrow(RangeError);
  });

  it("compares exactly", () => {
    expect(d("1.7975").lt(d("1.8"))).toBe(true);
    expect(d("1.80").eq(d("1.8"))).toBe(true);
    expect(d("4.2").gte(d("4.20"))).toBe(true);
    expect(d("-1").cmp(d("1"))).toBe(-1);
  });

  it("serializes to JSON as its decimal text", () => {
    expect(JSON.stringify({ value: d("3.282") })).toBe('{"value":"3.282"}');
  });
});

describe("Decimal.toFixed rounds half-up from the exact value", () => {
  it.each([
    ["1.795", "1.80"],
    ["1.7949999", "1.79"],
    ["1.7975", "1.80"],
    ["1.7995", "1.80"],
    ["3.282", "3.28"],
    ["3.285", "3.29"],
    ["0.005", "0.01"],
    ["0.004999", "0.00"],
    ["5", "5.00"],
    ["0", "0.00"],
    ["-1.795", "-1.80"],
    ["-0.001", "0.00"],
  ])("%s -> %s", (input, expected) => {
    expect(d(input).toFixed(2)).toBe(expected);
  });

  it("differs from Number.prototype.toFixed exactly where floats misround", () => {
    expect((1.795).toFixed(2)).toBe("1.79");
    expect(Decimal.fromNumber(1.795).toFixed(2)).toBe("1.80");
  });

  it("rounds a third and two thirds from the exact fraction", () => {
    expect(d("1").div(d("3")).toFixed(2)).toBe("0.33");
    expect(d("2").div(d("3")).toFixed(2)).toBe("0.67");
    expect(d("2").div(d("3")).toFixed(0)).toBe("1");
  });
});

describe("Decimal properties", () => {
  // Thousandths as integers: the expected text is built with string operations only.
  const thousandths = fc.integer({ min: -10_000_000, max: 10_000_000 });
  const text = (milli: number) => {
    const sign = milli < 0 ? "-" : "";
    const abs = Math.abs(milli);
    return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, "0")}`;
  };

  it("toFixed(2) equals rounding the thousandths half-up with integer arithmetic", () => {
    fc.assert(
      fc.property(thousandths, (milli) => {
        const abs = Math.abs(milli);
        const hundredths = Math.floor(abs / 10) + (abs % 10 >= 5 ? 1 : 0);
        const sign = milli < 0 && hundredths !== 0 ? "-" : "";
        const expected = `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
        expect(d(text(milli)).toFixed(2)).toBe(expected);
      }),
    );
  });

  it("parse(toString()) round-trips terminating values", () => {
    fc.assert(
      fc.property(thousandths, thousandths, (a, b) => {
        const sum = d(text(a)).add(d(text(b)));
        expect(d(sum.toString()).eq(sum)).toBe(true);
      }),
    );
  });

  it("division undoes multiplication and subtraction undoes addition", () => {
    fc.assert(
      fc.property(thousandths, thousandths.filter((n) => n !== 0), (a, b) => {
        const x = d(text(a));
        const y = d(text(b));
        expect(x.mul(y).div(y).eq(x)).toBe(true);
        expect(x.add(y).sub(y).eq(x)).toBe(true);
        expect(x.div(y).mul(y).eq(x)).toBe(true);
      }),
    );
  });

  it("orders like the integers it scales", () => {
    fc.assert(
      fc.property(thousandths, thousandths, (a, b) => {
        expect(d(text(a)).cmp(d(text(b)))).toBe(Math.sign(a - b));
      }),
    );
  });
});
