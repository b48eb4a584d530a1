/**
 * Exact rationals on bigint, so unit factors defined exactly (1 in = 0.0254 m, 1 lb =
 * 0.45359237 kg, 1 eV = 1.602176634e-19 J) combine without rounding and a conversion factor is
 * rounded to a double once.
 */
export interface Rational {
  readonly n: bigint;
  /** Always > 0; gcd(n, d) = 1. */
  readonly d: bigint;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function rat(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) { n = -n; d = -d; }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ONE: Rational = { n: 1n, d: 1n };
export const ZERO: Rational = { n: 0n, d: 1n };

export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const isOne = (a: Rational): boolean => a.n === 1n && a.d === 1n;
export const isZero = (a: Rational): boolean => a.n === 0n;

/** a^k for an integer k. */
export function powInt(a: Rational, k: number): Rational {
  if (k === 0) return ONE;
  const e = BigInt(Math.abs(k));
  const r = rat(a.n ** e, a.d ** e);
  return k < 0 ? div(ONE, r) : r;
}

/** The exact integer k-th root of a non-negative bigint, if there is one. */
function rootExact(x: bigint, k: number): bigint | undefined {
  if (x < 0n) return undefined;
  if (x < 2n) return x;
  let r = BigInt(Math.round(Number(x) ** (1 / k)));
  for (const c of [r - 1n, r, r + 1n]) if (c >= 0n && c ** BigInt(k) === x) return c;
  r = 0n;
  return undefined;
}

/** a^(1/k), when exact (4/9 → 2/3); else undefined. */
export function rootRational(a: Rational, k: number): Rational | undefined {
  const n = rootExact(a.n, k);
  const d = rootExact(a.d, k);
  return n === undefined || d === undefined ? undefined : { n, d };
}

/** A decimal literal (`0.0254`, `1.602176634e-19`, `1852`) exactly. */
export function parseDecimal(s: string): Rational | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = m[3] ?? '';
  let n = BigInt((m[2] || '0') + frac);
  if (m[1] === '-') n = -n;
  const e = Number(m[4] ?? '0') - frac.length;
  return e >= 0 ? rat(n * 10n ** BigInt(e), 1n) : rat(n, 10n ** BigInt(-e));
}

/** The exact rational value of a finite double (every double is a dyadic rational). */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x)) return rat(BigInt(x));
  let d = 1n;
  let v = x;
  while (!Number.isInteger(v)) { v *= 2; d *= 2n; }
  return rat(BigInt(v), d);
}

/** Nearest double (correctly rounded for |n|, d < 2^1023; good to 1 ulp beyond). */
export function toNumber(a: Rational): number {
  const an = abs(a.n);
  const bits = an.toString(2).length - a.d.toString(2).length;
  // Scale so the quotient has 64+ significant bits, divide in bigint, then one rounding.
  const shift = 64 - bits;
  const q = shift >= 0 ? (an << BigInt(shift)) / a.d : an / (a.d << BigInt(-shift));
  const r = Number(q) * 2 ** -shift; // q has ≥ 64 bits: Number(q) rounds once (sticky bit below is lost only past 2^-64 relative)
  return a.n < 0n ? -r : r;
}
