/**
 * Exact rational number on BigInt, used for every index computation.
 *
 * Why not `number`: published SPBE results round half-up from the exact weighted sum,
 * and binary floating point gets boundaries wrong (1.795 is stored as 1.79499999...,
 * so `toFixed(2)` prints 1.79 while the regulation says 1.80). Every input here is a
 * decimal (a string, or a JS number read through `String(n)`, i.e. the shortest text
 * that round-trips), and every result is an exact fraction num/den.
 *
 * The class is named Decimal because values enter and leave as decimal text; division
 * can produce fractions whose decimal expansion does not terminate (x/3), which stay
 * exact internally until printed.
 */

const PLAIN_DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
// What String(n) may produce for a finite number, e.g. "1e+21" or "1.5e-7".
const NUMBER_TEXT = /^([+-])?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** Decimal places printed when an exact value has no terminating decimal expansion. */
export const NON_TERMINATING_PLACES = 10;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** True when `text` is a plain decimal such as "3", "-1.25", "+0.5" (no exponent, no comma). */
export function isDecimalString(text: string): boolean {
  return PLAIN_DECIMAL.test(text);
}

/** Prints |scaled| / 10^places with exactly `places` decimals. */
function formatScaled(scaled: bigint, places: number, isNegative: boolean): string {
  const digits = scaled.toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const fraction = places > 0 ? "." + digits.slice(digits.length - places) : "";
  // "-0.00" would suggest a negative value that rounding made vanish.
  const sign = isNegative && scaled !== 0n ? "-" : "";
  return sign + whole + fraction;
}

export class Decimal {
  static readonly ZERO = new Decimal(0n, 1n);
  static readonly ONE = new Decimal(1n, 1n);

  /** Always reduced, with a positive denominator, so equal values have equal fields. */
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static fraction(num: bigint, den: bigint): Decimal {
    if (den === 0n) throw new RangeError("Pembagian dengan nol");
    const sign = den < 0n ? -1n : 1n;
    const divisor = gcd(num, den);
    return new Decimal((sign * num) / divisor, (sign * den) / divisor);
  }

  static fromInteger(value: bigint | number): Decimal {
    if (typeof value === "number" && !Number.isSafeInteger(value)) {
      throw new RangeError(`Bukan bilangan bulat aman: ${value}`);
    }
    return new Decimal(BigInt(value), 1n);
  }

  /** Parses a plain decimal string ("2.75"); throws on anything else. */
  static parse(text: string): Decimal {
    const match = PLAIN_DECIMAL.exec(text);
    if (!match) throw new SyntaxError(`Bukan bilangan desimal: "${text}"`);
    return Decimal.fromParts(match[1], match[2] ?? "0", match[3] ?? "", 0);
  }

  /** Reads a finite JS number through String(n), which is exactly the literal it came from. */
  static fromNumber(value: number): Decimal {
    if (!Number.isFinite(value)) throw new RangeError(`Bukan bilangan hingga: ${value}`);
    const match = NUMBER_TEXT.exec(String(value));
    if (!match) throw new SyntaxError(`Bukan bilangan: ${value}`);
    return Decimal.fromParts(match[1], match[2] ?? "0", match[3] ?? "", Number(match[4] ?? "0"));
  }

  static from(value: number | string | Decimal): Decimal {
    if (value instanceof Decimal) return value;
    return typeof value === "number" ? Decimal.fromNumber(value) : Decimal.parse(value);
  }

  /** Like `from`, but returns null instead of throwing for anything that is not a decimal. */
  static tryFrom(value: unknown): Decimal | null {
    if (value instanceof Decimal) return value;
    if (typeof value === "number") return Number.isFinite(value) ? Decimal.fromNumber(value) : null;
    if (typeof value === "string") return isDecimalString(value) ? Decimal.parse(value) : null;
    return null;
  }

  private static fromParts(
    sign: string | undefined,
    whole: string,
    fraction: string,
    exponent: number,
  ): Decimal {
    const magnitude = BigInt(whole + fraction);
    const num = sign === "-" ? -magnitude : magnitude;
    const scale = exponent - fraction.length;
    return scale >= 0 ? Decimal.fraction(num * pow10(scale), 1n) : Decimal.fraction(num, pow10(-scale));
  }

  add(other: Decimal): Decimal {
    if (this.den === other.den) return Decimal.fraction(this.num + other.num, this.den);
    return Decimal.fraction(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Decimal): Decimal {
    return this.add(other.neg());
  }

  mul(other: Decimal): Decimal {
    return Decimal.fraction(this.num * other.num, this.den * other.den);
  }

  div(other: Decimal): Decimal {
    if (other.num === 0n) throw new RangeError("Pembagian dengan nol");
    return Decimal.fraction(this.num * other.den, this.den * other.num);
  }

  neg(): Decimal {
    return new Decimal(-this.num, this.den);
  }

  /** -1, 0 or 1. */
  cmp(other: Decimal): number {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  eq(other: Decimal): boolean {
    return this.num === other.num && this.den === other.den;
  }
  lt(other: Decimal): boolean {
    return this.cmp(other) < 0;
  }
  lte(other: Decimal): boolean {
    return this.cmp(other) <= 0;
  }
  gt(other: Decimal): boolean {
    return this.cmp(other) > 0;
  }
  gte(other: Decimal): boolean {
    return this.cmp(other) >= 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }
  isNegative(): boolean {
    return this.num < 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }

  /** True when the decimal expansion ends (the denominator has no prime factor but 2 and 5). */
  isTerminating(): boolean {
    return this.terminatingPlaces() !== null;
  }

  /**
   * Rounds half-up (ties away from zero, as in the published tables) from the exact value,
   * e.g. 1.795 -> "1.80", 1.7949999 -> "1.79".
   */
  toFixed(places: number): string {
    const magnitude = this.num < 0n ? -this.num : this.num;
    const scaled = (magnitude * pow10(places) * 2n + this.den) / (2n * this.den);
    return formatScaled(scaled, places, this.num < 0n);
  }

  /**
   * The exact decimal text when the expansion terminates ("3.2825"). Otherwise the value
   * truncated (toward zero) to NON_TERMINATING_PLACES decimals ("1.6666666666"): that text
   * is an audit aid, not an input for further exact arithmetic.
   */
  toString(): string {
    const magnitude = this.num < 0n ? -this.num : this.num;
    const places = this.terminatingPlaces() ?? NON_TERMINATING_PLACES;
    const scaled = (magnitude * pow10(places)) / this.den;
    return formatScaled(scaled, places, this.num < 0n);
  }

  /** JSON.stringify would otherwise throw on the BigInt fields. */
  toJSON(): string {
    return this.toString();
  }

  /** The value rounded half-up to `places` decimals, as a JS number for display and JSON. */
  toRoundedNumber(places: number): number {
    return Number(this.toFixed(places));
  }

  private terminatingPlaces(): number | null {
    let rest = this.den;
    let twos = 0;
    let fives = 0;
    while (rest % 2n === 0n) {
      rest /= 2n;
      twos += 1;
    }
    while (rest % 5n === 0n) {
      rest /= 5n;
      fives += 1;
    }
    return rest === 1n ? Math.max(twos, fives) : null;
  }
}
