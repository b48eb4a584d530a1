/**
 * Exact arithmetic on int32 numerator / denominator pairs (denominator > 0, gcd 1).
 *
 * Results land in the `result` registers instead of a new object, so the inner loops never
 * allocate per element. Products of two int32 values can reach 2^62, beyond the 2^53 a JS
 * number holds exactly; each operation takes a fast path when its intermediates are provably
 * exact and falls back to BigInt otherwise. Every result is range-checked: one that does not fit
 * in int32 throws RATIONAL_OVERFLOW instead of wrapping silently.
 */
import { RationalError } from './errors.js';

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
/** Below this magnitude a computed product is exact (rounding is monotonic, 2^53 is representable). */
const EXACT = 2 ** 53;

/** The result of the last operation (numerator, denominator). */
export const result = { n: 0, d: 1 };

/** gcd of two non-negative exact integers (Euclid). */
export function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function overflow(what: string): never {
  throw new RationalError('RATIONAL_OVERFLOW', `rational overflow: ${what} does not fit in int32`);
}

/** Stores an already normalised pair after checking it fits in int32 (zero is always 0/1). */
function store(n: number, d: number): void {
  if (n === 0) { result.n = 0; result.d = 1; return; }
  if (n < INT32_MIN || n > INT32_MAX) overflow(`numerator ${n}`);
  if (d > INT32_MAX) overflow(`denominator ${d}`);
  result.n = n;
  result.d = d;
}

/** Normalises any exact pair (d ≠ 0) into `result`. */
export function normalise(n: number, d: number): void {
  if (d < 0) { n = -n; d = -d; }
  const g = gcd(Math.abs(n), d);
  store(n / g, d / g);
}

/** BigInt fallback for sums whose cross products exceed 2^53. */
function normaliseBig(n: bigint, d: bigint): void {
  const g = gcdBig(n, d);
  const nn = n / g;
  const dd = d / g;
  if (nn < BigInt(INT32_MIN) || nn > BigInt(INT32_MAX)) overflow(`numerator ${nn}`);
  if (dd > BigInt(INT32_MAX)) overflow(`denominator ${dd}`);
  store(Number(nn), Number(dd));
}

/** n1/d1 + n2/d2 (Knuth 4.5.1: divide by gcd(d1, d2) first, so the result is already reduced). */
export function add(n1: number, d1: number, n2: number, d2: number): void {
  const g = gcd(d1, d2);
  const a = d1 / g;
  const p = n1 * (d2 / g);
  const q = n2 * a;
  if (Math.abs(p) < EXACT / 2 && Math.abs(q) < EXACT / 2) {
    const t = p + q;
    const g2 = gcd(Math.abs(t), g);
    store(t / g2, a * (d2 / g2));
    return;
  }
  normaliseBig(BigInt(n1) * BigInt(d2) + BigInt(n2) * BigInt(d1), BigInt(d1) * BigInt(d2));
}

export function subtract(n1: number, d1: number, n2: number, d2: number): void {
  add(n1, d1, -n2, d2);
}

/** n1/d1 × n2/d2, cross-cancelling first; the result is reduced and any product beyond int32 fails the range check. */
export function multiply(n1: number, d1: number, n2: number, d2: number): void {
  const g1 = gcd(Math.abs(n1), d2);
  const g2 = gcd(Math.abs(n2), d1);
  if (n1 === 0 || n2 === 0) { store(0, 1); return; }
  store((n1 / g1) * (n2 / g2), (d1 / g2) * (d2 / g1));
}

export function zeroDivision(): never {
  throw new RationalError('RATIONAL_ZERO_DIVISION', 'rational division by zero');
}

/** n1/d1 ÷ n2/d2 = n1/d1 × d2/n2 (sign moved to the numerator). */
export function divide(n1: number, d1: number, n2: number, d2: number): void {
  if (n2 === 0) zeroDivision();
  if (n2 < 0) multiply(n1, d1, -d2, -n2);
  else multiply(n1, d1, d2, n2);
}

export function negative(n: number, d: number): void {
  store(-n, d);
}

export function absolute(n: number, d: number): void {
  store(Math.abs(n), d);
}

/** Sign of n1/d1 − n2/d2: -1, 0 or 1 (exact). */
export function compare(n1: number, d1: number, n2: number, d2: number): number {
  if (d1 === d2) return n1 < n2 ? -1 : n1 > n2 ? 1 : 0;
  const p = n1 * d2;
  const q = n2 * d1;
  if (Math.abs(p) < EXACT && Math.abs(q) < EXACT) return p < q ? -1 : p > q ? 1 : 0;
  const bp = BigInt(n1) * BigInt(d2);
  const bq = BigInt(n2) * BigInt(d1);
  return bp < bq ? -1 : bp > bq ? 1 : 0;
}

/** ⌊n/d⌋ as an exact integer (d > 0; `%` truncates toward zero, so shift negatives down). */
export function floorInt(n: number, d: number): number {
  const r = n % d;
  return (n - r) / d - (r < 0 ? 1 : 0);
}

export function floor(n: number, d: number): void {
  store(floorInt(n, d), 1);
}

export function ceil(n: number, d: number): void {
  store(-floorInt(-n, d), 1);
}

export function trunc(n: number, d: number): void {
  store((n - (n % d)) / d, 1);
}

/** Round half to even, as NumPy's rint. */
export function rint(n: number, d: number): void {
  const f = floorInt(n, d);
  const twice = 2 * (n - f * d); // 2 × remainder, in [0, 2d)
  store(twice < d || (twice === d && f % 2 === 0) ? f : f + 1, 1);
}

/** ⌊a/b⌋ (Python's //): an integer-valued rational. */
export function floorDivide(n1: number, d1: number, n2: number, d2: number): void {
  divide(n1, d1, n2, d2);
  floor(result.n, result.d);
}

/** a − b·⌊a/b⌋: takes the sign of b, as NumPy's remainder. */
export function remainder(n1: number, d1: number, n2: number, d2: number): void {
  floorDivide(n1, d1, n2, d2);
  multiply(n2, d2, result.n, 1);
  subtract(n1, d1, result.n, result.d);
}
