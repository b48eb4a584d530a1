// Operations whose results are exact or need one simple rounding: integer rounding (IEEE
// 754-2019 §5.3.1 roundToIntegral*), fmod, remainder (§5.3.1), nextafter (§5.3.1 nextUp/Down),
// ldexp (scaleB, §5.3.3) and frexp (logB-based). BigInt based; no speed targets.
import { packNaN, packZero, propagateNaN } from './round-pack.js';
import { bitsToLanes, bitLength, lanesToBits, roundFromBig, toParts } from './bigint-bridge.js';
import { isFinite128, isInf128, isNaN128, isZero128 } from './compare.js';

function copy(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void {
  out[oi] = a[ai]!; out[oi + 1] = a[ai + 1]!; out[oi + 2] = a[ai + 2]!; out[oi + 3] = a[ai + 3]!;
}

/** Rounding directions for roundToIntegral: 0 = ties-even (rint), 1 = floor, 2 = ceil, 3 = trunc, 4 = ties-away. */
export type IntegralMode = 0 | 1 | 2 | 3 | 4;

export function roundIntegral128(a: Uint32Array, ai: number, mode: IntegralMode, out: Uint32Array, oi: number): void {
  if (isNaN128(a, ai)) { propagateNaN(a, ai, out, oi); return; }
  const e = (a[ai + 3]! >>> 16) & 0x7fff;
  if (e >= 16383 + 112 || isZero128(a, ai)) { copy(a, ai, out, oi); return; } // already integral (or inf)
  const { neg, mant, exp } = toParts(a, ai);
  const sh = BigInt(-exp);
  let q = mant >> sh;
  const rem = mant - (q << sh);
  if (rem !== 0n) {
    const half = 1n << (sh - 1n);
    let up: boolean;
    if (mode === 0) up = rem > half || (rem === half && (q & 1n) === 1n);
    else if (mode === 4) up = rem >= half;
    else if (mode === 3) up = false;
    else up = mode === 1 ? neg : !neg; // floor rounds magnitude up for negatives
    if (up) q += 1n;
  }
  if (q === 0n) { packZero(neg ? 0x80000000 : 0, out, oi); return; }
  roundFromBig(neg, q, 0, false, out, oi);
}

export function floor128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void { roundIntegral128(a, ai, 1, out, oi); }
export function ceil128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void { roundIntegral128(a, ai, 2, out, oi); }
export function trunc128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void { roundIntegral128(a, ai, 3, out, oi); }
/** Round to nearest integer, ties to even. */
export function rint128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void { roundIntegral128(a, ai, 0, out, oi); }
/** Round to nearest integer, ties away from zero (C round()). */
export function round128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void { roundIntegral128(a, ai, 4, out, oi); }

/** Shared by fmod/remainder: handles specials; returns aligned integers or null when written. */
function remSetup(
  a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number,
): { neg: boolean; A: bigint; B: bigint; e: number } | null {
  if (isNaN128(a, ai)) { propagateNaN(a, ai, out, oi); return null; }
  if (isNaN128(b, bi)) { propagateNaN(b, bi, out, oi); return null; }
  if (isInf128(a, ai) || isZero128(b, bi)) { packNaN(out, oi); return null; }
  if (isInf128(b, bi) || isZero128(a, ai)) { copy(a, ai, out, oi); return null; }
  const pa = toParts(a, ai), pb = toParts(b, bi);
  const e = Math.min(pa.exp, pb.exp);
  return { neg: pa.neg, A: pa.mant << BigInt(pa.exp - e), B: pb.mant << BigInt(pb.exp - e), e };
}

/** C fmod: a − trunc(a/b)·b, exact, sign of a. */
export function fmod128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  const s = remSetup(a, ai, b, bi, out, oi);
  if (s === null) return;
  const r = s.A % s.B;
  if (r === 0n) { packZero(s.neg ? 0x80000000 : 0, out, oi); return; }
  roundFromBig(s.neg, r, s.e, false, out, oi);
}

/** IEEE remainder: a − n·b with n = a/b rounded to nearest, ties even; exact. */
export function remainder128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  const s = remSetup(a, ai, b, bi, out, oi);
  if (s === null) return;
  const q = s.A / s.B;
  let r = s.A - q * s.B;
  if (2n * r > s.B || (2n * r === s.B && (q & 1n) === 1n)) r -= s.B;
  if (r === 0n) { packZero(s.neg ? 0x80000000 : 0, out, oi); return; }
  const neg = r < 0n ? !s.neg : s.neg;
  roundFromBig(neg, r < 0n ? -r : r, s.e, false, out, oi);
}

/** Next representable value after a in the direction of b (C nextafter). */
export function nextafter128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  if (isNaN128(a, ai)) { propagateNaN(a, ai, out, oi); return; }
  if (isNaN128(b, bi)) { propagateNaN(b, bi, out, oi); return; }
  const va = lanesToBits(a, ai), vb = lanesToBits(b, bi);
  const SIGN = 1n << 127n;
  const key = (v: bigint): bigint => ((v & SIGN) !== 0n ? -(v & (SIGN - 1n)) : v);
  const ka = key(va), kb = key(vb);
  if (ka === kb) { copy(b, bi, out, oi); return; }
  // Ordered-integer view: ±magnitude; moving by one step is ±1 on it (−0 and +0 are both 0).
  const k = ka < kb ? ka + 1n : ka - 1n;
  if (k === 0n) { bitsToLanes(ka < 0n ? SIGN : 0n, out, oi); return; }
  bitsToLanes(k < 0n ? SIGN | -k : k, out, oi);
}

/** a · 2^n, correctly rounded (overflow → ±inf, gradual underflow). */
export function ldexp128(a: Uint32Array, ai: number, n: number, out: Uint32Array, oi: number): void {
  if (isNaN128(a, ai)) { propagateNaN(a, ai, out, oi); return; }
  if (!isFinite128(a, ai) || isZero128(a, ai)) { copy(a, ai, out, oi); return; }
  const { neg, mant, exp } = toParts(a, ai);
  const e = Math.max(-40000, Math.min(40000, exp + Math.trunc(n)));
  roundFromBig(neg, mant, e, false, out, oi);
}

/** Writes m with |m| ∈ [0.5, 1) and returns e such that a = m · 2^e (e = 0 for 0/inf/nan). */
export function frexp128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): number {
  if (isNaN128(a, ai)) { propagateNaN(a, ai, out, oi); return 0; }
  if (!isFinite128(a, ai) || isZero128(a, ai)) { copy(a, ai, out, oi); return 0; }
  const { neg, mant, exp } = toParts(a, ai);
  const len = bitLength(mant);
  roundFromBig(neg, mant, -len, false, out, oi);
  return exp + len;
}
