/** The JS scalar of the rational dtype: what `getItem` returns and what `setItem` accepts. */
import { INT32_MAX, INT32_MIN, normalise, result, zeroDivision } from './arith.js';
import { RationalError } from './errors.js';

function invalid(value: unknown, why: string): never {
  const shown = typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? `'${value}'` : String(value);
  throw new RationalError('RATIONAL_INVALID', `cannot convert ${shown} to a rational: ${why}`);
}

/** An exact integer from a number or bigint; rejects fractions, NaN, ±Infinity and non-numbers. */
function integerPart(value: unknown, role: string): number {
  if (typeof value === 'bigint') {
    if (value < BigInt(INT32_MIN) || value > BigInt(INT32_MAX)) {
      throw new RationalError('RATIONAL_OVERFLOW', `rational overflow: ${role} ${value}n does not fit in int32`);
    }
    return Number(value);
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) invalid(value, `the ${role} must be an integral number or a bigint`);
  if (value < INT32_MIN || value > INT32_MAX) {
    throw new RationalError('RATIONAL_OVERFLOW', `rational overflow: ${role} ${value} does not fit in int32`);
  }
  return value;
}

/**
 * An exact fraction n/d with int32 parts, always normalised: d > 0 and gcd(|n|, d) = 1, so
 * equal values have equal fields. `new Rational(6, -4)` is -3/2.
 */
export class Rational {
  readonly numerator: number;
  readonly denominator: number;

  constructor(numerator: number | bigint, denominator: number | bigint = 1) {
    const n = integerPart(numerator, 'numerator');
    const d = integerPart(denominator, 'denominator');
    if (d === 0) zeroDivision();
    normalise(n, d); // may overflow: -2^31 / -1 is 2^31
    this.numerator = result.n;
    this.denominator = result.d;
  }

  /** A Rational from a Rational, an integral number, a bigint, a boolean or a string '3/4' / '-2'. */
  static from(value: unknown): Rational {
    if (value instanceof Rational) return value;
    if (typeof value === 'boolean') return new Rational(value ? 1 : 0);
    if (typeof value === 'string') {
      const m = /^\s*([+-]?\d+)\s*(?:\/\s*([+-]?\d+)\s*)?$/.exec(value);
      if (m === null) invalid(value, "expected 'n' or 'n/d'");
      return new Rational(BigInt(m[1]!), m[2] === undefined ? 1n : BigInt(m[2]));
    }
    if (typeof value === 'number' || typeof value === 'bigint') return new Rational(value);
    return invalid(value, 'expected a Rational, an integral number, a bigint or an \'n/d\' string');
  }

  /** '3/4'; integers print without a denominator ('2', '-5'), as NumPy's rational does. */
  toString(): string {
    return this.denominator === 1 ? String(this.numerator) : `${this.numerator}/${this.denominator}`;
  }

  /** The nearest float64 (so `r < 0.5`, `Math.max(r, ...)` and `Number(r)` work). */
  valueOf(): number {
    return this.numerator / this.denominator;
  }

  /** Same as valueOf; builtin float dtypes' setItem accepts objects with `toNumber()`. */
  toNumber(): number {
    return this.numerator / this.denominator;
  }

  equals(other: Rational): boolean {
    return this.numerator === other.numerator && this.denominator === other.denominator;
  }

  toJSON(): string {
    return this.toString();
  }
}
