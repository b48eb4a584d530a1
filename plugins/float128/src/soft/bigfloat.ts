// Minimal arbitrary-precision binary floating point on BigInt, used only by the transcendental
// functions: value = m · 2^e with |m| kept to about PREC bits (truncated). With PREC = 256 the
// results carry far more than the 113 + a few bits needed for ≤ 1 ulp after one final rounding.
import { bitLength, roundFromBig, toParts } from './bigint-bridge.js';

export const PREC = 256;

export interface BF {
  m: bigint;
  e: number;
}

const abs = (v: bigint): bigint => (v < 0n ? -v : v);

export function bf(m: bigint, e = 0): BF {
  const len = bitLength(abs(m));
  if (len <= PREC) return { m, e };
  const sh = len - PREC;
  return { m: m < 0n ? -(-m >> BigInt(sh)) : m >> BigInt(sh), e: e + sh };
}

export const ZERO: BF = { m: 0n, e: 0 };
export const ONE: BF = { m: 1n, e: 0 };

/** Exact BF of a finite float128 element. */
export function bfFromLanes(u: Uint32Array, i: number): BF {
  const p = toParts(u, i);
  return { m: p.neg ? -p.mant : p.mant, e: p.exp };
}

/** Exponent of the leading bit (value ∈ [2^k, 2^(k+1))); −Infinity for zero. */
export function magnitude(a: BF): number {
  return a.m === 0n ? -Infinity : a.e + bitLength(abs(a.m)) - 1;
}

export function add(a: BF, b: BF): BF {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  // An addend far below the other's last kept bit cannot matter (beyond a truncation ulp).
  const ma = magnitude(a), mb = magnitude(b);
  if (ma - mb > PREC + 8) return a;
  if (mb - ma > PREC + 8) return b;
  if (a.e >= b.e) return bf((a.m << BigInt(a.e - b.e)) + b.m, b.e);
  return bf(a.m + (b.m << BigInt(b.e - a.e)), a.e);
}
export const neg = (a: BF): BF => ({ m: -a.m, e: a.e });
export const sub = (a: BF, b: BF): BF => add(a, neg(b));
export const mul = (a: BF, b: BF): BF => bf(a.m * b.m, a.e + b.e);
export const mulPow2 = (a: BF, k: number): BF => ({ m: a.m, e: a.e + k });
export const fromInt = (n: number | bigint): BF => bf(BigInt(n));

export function div(a: BF, b: BF): BF {
  if (b.m === 0n) throw new RangeError('BF division by zero');
  const s = Math.max(0, PREC + bitLength(abs(b.m)) - bitLength(abs(a.m)) + 2);
  return bf((a.m << BigInt(s)) / b.m, a.e - b.e - s);
}

/** Integer square root floor(√n), n ≥ 0 (Newton's method from a float64 estimate). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  const len = bitLength(n);
  const sh = Math.max(0, len - 100) & ~1;
  // Start above √n (estimate + 2 covers the float64 error) so Newton decreases monotonically.
  let x = (BigInt(Math.floor(Math.sqrt(Number(n >> BigInt(sh))))) + 2n) << BigInt(sh / 2);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

export function sqrt(a: BF): BF {
  if (a.m <= 0n) return ZERO;
  let s = Math.max(0, 2 * PREC + 4 - bitLength(a.m));
  if (((a.e - s) & 1) !== 0) s += 1;
  return bf(isqrt(a.m << BigInt(s)), (a.e - s) / 2);
}

export function cmp(a: BF, b: BF): number {
  const d = sub(a, b).m;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Rounds to float128 (RNE); the value is treated as inexact (sticky) unless `exact`. */
export function bfToLanes(a: BF, out: Uint32Array, oi: number, exact = false): void {
  const neg = a.m < 0n;
  const m = abs(a.m);
  if (m === 0n) { roundFromBig(neg, 0n, 0, false, out, oi); return; }
  // Ensure enough bits below the rounding point for the sticky flag to be meaningful.
  const pad = Math.max(0, 160 - bitLength(m));
  roundFromBig(neg, m << BigInt(pad), a.e - pad, !exact, out, oi);
}

// ---- constants (cached) ----
let ln2Cache: BF | null = null;
/** ln 2 = 2·atanh(1/3). */
export function LN2(): BF {
  if (ln2Cache === null) ln2Cache = mulPow2(atanhSeries(div(ONE, fromInt(3))), 1);
  return ln2Cache;
}
let ln10Cache: BF | null = null;
export function LN10(): BF {
  // ln 10 = 3·ln2 + ln(1.25) = 3 ln2 + 2 atanh(1/9)
  if (ln10Cache === null) ln10Cache = add(mul(fromInt(3), LN2()), mulPow2(atanhSeries(div(ONE, fromInt(9))), 1));
  return ln10Cache;
}

/** atanh(z) = z + z³/3 + z⁵/5 + … for |z| ≤ ~0.2. */
export function atanhSeries(z: BF): BF {
  const z2 = mul(z, z);
  let term = z;
  let sum = z;
  const stop = magnitude(z) - PREC - 8;
  for (let k = 3; ; k += 2) {
    term = mul(term, z2);
    const t = div(term, fromInt(k));
    if (t.m === 0n || magnitude(t) < stop) break;
    sum = add(sum, t);
  }
  return sum;
}

let piBits = 0;
let piFixed = 0n;
/** π·2^bits as a BigInt (Machin: π = 16·atan(1/5) − 4·atan(1/239)), cached at the largest size asked. */
export function piScaled(bits: number): bigint {
  if (bits > piBits) {
    const w = bits + 32;
    const one = 1n << BigInt(w);
    const atanInv = (n: bigint): bigint => {
      const n2 = n * n;
      let term = one / n;
      let sum = term;
      for (let k = 3n, sign = -1n; term !== 0n; k += 2n, sign = -sign) {
        term /= n2;
        sum += (sign * term) / k;
      }
      return sum;
    };
    piFixed = (16n * atanInv(5n) - 4n * atanInv(239n)) >> 32n;
    piBits = bits;
    return piFixed;
  }
  return piFixed >> BigInt(piBits - bits);
}

export function PI(): BF {
  return bf(piScaled(PREC + 16), -(PREC + 16));
}
