/**
 * A unit: a product of named factors with rational exponents (its canonical spelling), the
 * SI dimension vector, the exact factor to the coherent SI unit, and, for offset temperatures,
 * the offset. `value_SI = value * factor + offset`.
 */
import { ONE, ZERO, isOne, isZero, mul, powInt, rat, rootRational, toNumber, type Rational } from './rational.js';
import { UnitError } from './errors.js';

/** SI base dimensions in this order: length, mass, time, current, temperature, amount, luminous intensity. */
export const DIMENSION_NAMES = ['length', 'mass', 'time', 'current', 'temperature', 'substance', 'luminosity'] as const;
export type Dimensions = readonly number[];

/** A unit's magnitude: an exact rational times an irrational part (π for angles) kept as a double. */
export interface Factor {
  readonly q: Rational;
  readonly f: number;
}

export interface Unit {
  /** Canonical string: numerator factors `*`-joined, then `/` and the denominator; `1` when empty. */
  readonly name: string;
  /** Factors with their exponents, sorted by symbol. */
  readonly terms: readonly Term[];
  readonly dims: Dimensions;
  readonly factor: Factor;
  /** Offset units only (degC, degF): offset in kelvin, and the matching delta unit's name. */
  readonly offset?: Rational;
  readonly delta?: string;
}

/** One factor: a unit symbol (`km`, `s`) or a pure number, raised to `num/den`. */
export interface Term {
  readonly symbol: string;
  readonly num: number;
  readonly den: number;
}

export const NO_DIMS: Dimensions = [0, 0, 0, 0, 0, 0, 0];

const EPS = 1e-9;

export function sameDims(a: Dimensions, b: Dimensions): boolean {
  for (let i = 0; i < 7; i++) if (Math.abs(a[i]! - b[i]!) > EPS) return false;
  return true;
}

export const isDimensionless = (u: Unit): boolean => sameDims(u.dims, NO_DIMS);

/** `[length] / [time]` style, for messages. */
export function dimsToString(d: Dimensions): string {
  const up: string[] = [];
  const down: string[] = [];
  d.forEach((e, i) => {
    if (Math.abs(e) < EPS) return;
    const s = `[${DIMENSION_NAMES[i]}]` + (Math.abs(Math.abs(e) - 1) < EPS ? '' : `^${fmtExp(Math.abs(e))}`);
    (e > 0 ? up : down).push(s);
  });
  if (up.length === 0 && down.length === 0) return 'dimensionless';
  return (up.length ? up.join('*') : '1') + (down.length ? '/' + down.join('/') : '');
}

function fmtExp(e: number): string {
  return Number.isInteger(e) ? String(e) : String(Math.round(e * 1e9) / 1e9);
}

function gcdInt(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

function term(symbol: string, num: number, den: number): Term {
  const g = gcdInt(num, den) || 1;
  const s = den < 0 ? -1 : 1;
  return { symbol, num: (s * num) / g, den: (s * den) / g };
}

function termString(t: Term, positive: boolean): string {
  const num = positive ? t.num : -t.num;
  if (t.den === 1) return num === 1 ? t.symbol : `${t.symbol}^${num}`;
  return `${t.symbol}^(${num}/${t.den})`;
}

/** Canonical name of a list of terms (sorted by symbol; numbers first). */
export function nameOf(terms: readonly Term[]): string {
  const up = terms.filter((t) => t.num > 0).map((t) => termString(t, true));
  const down = terms.filter((t) => t.num < 0).map((t) => termString(t, false));
  if (up.length === 0 && down.length === 0) return '1';
  return (up.length ? up.join('*') : '1') + (down.length ? '/' + down.join('/') : '');
}

const compareSymbols = (a: Term, b: Term): number => {
  const an = /^[\d.]/.test(a.symbol), bn = /^[\d.]/.test(b.symbol);
  if (an !== bn) return an ? -1 : 1;
  return a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0;
};

/**
 * Largest |exponent| numerator and denominator a unit may carry. Exact factors are rationals, so
 * ft^n costs O(n²) bigint work: a bound keeps every unit string linear to resolve (hostile input
 * such as 'ft/' × 16000 took 19 s) and is far beyond physical use (pint's largest: m^-4).
 */
export const MAX_UNIT_EXPONENT = 64;

function checkExponent(t: Term): void {
  if (Math.abs(t.num) > MAX_UNIT_EXPONENT || t.den > MAX_UNIT_EXPONENT || !Number.isInteger(t.num) || !Number.isInteger(t.den)) {
    throw new UnitError(`unit '${t.symbol}' has exponent ${t.num}/${t.den}: exponents are limited to ±${MAX_UNIT_EXPONENT} (denominators to ${MAX_UNIT_EXPONENT})`, 'UNIT_EXPONENT');
  }
}

/** Builds a unit from terms; `lookup` gives each symbol's base unit (one term, exponent 1). */
export function fromTerms(raw: readonly Term[], lookup: (symbol: string) => Unit): Unit {
  const merged = new Map<string, Term>();
  for (const t of raw) {
    if (t.symbol === '1') continue; // the 1 of `1/s`
    const prev = merged.get(t.symbol);
    merged.set(t.symbol, prev === undefined ? term(t.symbol, t.num, t.den) : term(t.symbol, prev.num * t.den + t.num * prev.den, prev.den * t.den));
  }
  const terms = [...merged.values()].filter((t) => t.num !== 0).sort(compareSymbols);
  for (const t of terms) checkExponent(t);
  let dims = NO_DIMS;
  let factor: Factor = { q: ONE, f: 1 };
  for (const t of terms) {
    const u = lookup(t.symbol);
    dims = dims.map((d, i) => d + (u.dims[i]! * t.num) / t.den);
    factor = mulFactor(factor, powFactor(u.factor, t.num, t.den));
  }
  return { name: nameOf(terms), terms, dims, factor };
}

export function mulFactor(a: Factor, b: Factor): Factor {
  return { q: mul(a.q, b.q), f: a.f * b.f };
}

/** factor^(num/den): exact when the rational root is exact, else folded into the double part. */
export function powFactor(a: Factor, num: number, den: number): Factor {
  const p = powInt(a.q, num);
  const f = a.f ** (num / den);
  if (den === 1) return { q: p, f };
  const root = rootRational(p, den);
  return root !== undefined ? { q: root, f } : { q: ONE, f: f * toNumber(p) ** (1 / den) };
}

export function factorValue(a: Factor): number {
  return toNumber(a.q) * a.f;
}

/** Terms of `u` raised to num/den. */
export function powTerms(u: Unit, num: number, den: number): Term[] {
  return u.terms.map((t) => term(t.symbol, t.num * num, t.den * den));
}

export function invTerms(u: Unit): Term[] {
  return u.terms.map((t) => term(t.symbol, -t.num, t.den));
}

/**
 * The linear map from `from` to `to` (same dimensions): `to = from * scale + shift`, computed
 * exactly in rationals (and the irrational parts as one double ratio), rounded once each.
 */
export function conversion(from: Unit, to: Unit): { scale: number; shift: number; identity: boolean } {
  const ratio = rat(from.factor.q.n * to.factor.q.d, from.factor.q.d * to.factor.q.n);
  const fr = from.factor.f / to.factor.f;
  const o1 = from.offset ?? ZERO;
  const o2 = to.offset ?? ZERO;
  // shift = (o1 - o2) / factor(to)
  const shiftQ = rat((o1.n * o2.d - o2.n * o1.d) * to.factor.q.d, o1.d * o2.d * to.factor.q.n);
  const scale = toNumber(ratio) * fr;
  const shift = isZero(shiftQ) ? 0 : toNumber(shiftQ) / to.factor.f;
  return { scale, shift, identity: isOne(ratio) && fr === 1 && shift === 0 };
}
