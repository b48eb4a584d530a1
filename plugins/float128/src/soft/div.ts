// Correctly rounded binary128 division: schoolbook long division in base 2^24 with float64
// limbs (unrolled, redundant signed remainder limbs). Each quotient digit is estimated from a float64 quotient of the leading
// parts and biased downwards so it is exact or one too small; the remainder then stays in
// [0, 2B) and the next digit absorbs the shortfall. One final correction makes the remainder
// exact (it gives the sticky bit). Every limb product is < 2^50, so all float64 steps are exact.
import { FINITE, INF, NAN, ZERO, N, classify, unpackNormalized } from './unpack.js';
import { S, packInf, packNaN, packZero, propagateNaN, roundPack, roundPackParts } from './round-pack.js';

const T24 = 16777216;
const INV24 = 1 / 16777216;
const T48 = 2 ** 48;
const T72 = 2 ** 72;
/** 2^-10: larger than the float64 estimate error (< 2^-18 with redundant limbs), so digits are never too big. */
const BIAS_DOWN = 2 ** -10;

function divSpecial(
  a: Uint32Array, ai: number, b: Uint32Array, bi: number, sign: number, out: Uint32Array, oi: number,
): boolean {
  const ca = classify(a, ai), cb = classify(b, bi);
  if (ca === FINITE && cb === FINITE) return false;
  if (ca === NAN) propagateNaN(a, ai, out, oi);
  else if (cb === NAN) propagateNaN(b, bi, out, oi);
  else if ((ca === INF && cb === INF) || (ca === ZERO && cb === ZERO)) packNaN(out, oi);
  else if (ca === INF || cb === ZERO) packInf(sign, out, oi);
  else packZero(sign, out, oi);
  return true;
}

/** out = a ÷ b (RNE). */
export function div128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  const sign = (a[ai + 3]! ^ b[bi + 3]!) & 0x80000000;
  const ha = a[ai + 3]! & 0x7fff0000, hb = b[bi + 3]! & 0x7fff0000;
  if ((ha === 0 || ha === 0x7fff0000 || hb === 0 || hb === 0x7fff0000) && divSpecial(a, ai, b, bi, sign, out, oi)) {
    return;
  }
  let ea: number, eb: number, n0: number, n1: number, n2: number, n3: number;
  if (hb !== 0) { eb = (hb >>> 16) - 1; n0 = b[bi]!; n1 = b[bi + 1]!; n2 = b[bi + 2]!; n3 = (b[bi + 3]! & 0xffff) | 0x10000; }
  else { eb = unpackNormalized(b, bi); n0 = N[0]!; n1 = N[1]!; n2 = N[2]!; n3 = N[3]!; }
  const d0 = n0 & 0xffffff, d1 = (n0 >>> 24) | ((n1 & 0xffff) << 8), d2 = (n1 >>> 16) | ((n2 & 0xff) << 16);
  const d3 = n2 >>> 8, d4 = n3;
  if (ha !== 0) { ea = (ha >>> 16) - 1; n0 = a[ai]!; n1 = a[ai + 1]!; n2 = a[ai + 2]!; n3 = (a[ai + 3]! & 0xffff) | 0x10000; }
  else { ea = unpackNormalized(a, ai); n0 = N[0]!; n1 = N[1]!; n2 = N[2]!; n3 = N[3]!; }
  let r0 = n0 & 0xffffff, r1 = (n0 >>> 24) | ((n1 & 0xffff) << 8), r2 = (n1 >>> 16) | ((n2 & 0xff) << 16);
  let r3 = n2 >>> 8, r4 = n3, r5 = 0;
  let exp = ea - eb + 16382;
  // Make A ≥ B so that A/B ∈ [1, 2) and the leading quotient digit is 1.
  const less = r4 !== d4 ? r4 < d4 : r3 !== d3 ? r3 < d3 : r2 !== d2 ? r2 < d2 : r1 !== d1 ? r1 < d1 : r0 < d0;
  if (less) {
    r0 *= 2; r1 *= 2; r2 *= 2; r3 *= 2; r4 *= 2; // redundant limbs < 2^25 are fine
    exp -= 1;
  }
  // Leading digit 1: R ← A − B. Limbs are kept redundant (signed, |limb| < 2^26) between steps;
  // carries are resolved in parallel, not in a serial chain, which is what makes this fast.
  r0 -= d0; r1 -= d1; r2 -= d2; r3 -= d3; r4 -= d4;
  const inv72 = T72 / ((((d4 * T24 + d3) * T24 + d2) * T24 + d1) * T24 + d0);
  const k5 = inv72 * T48, k4 = inv72 * T24; // independent products shorten the dependency chain
  let q = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, u0 = 0, u1 = 0, u2 = 0, u3 = 0, u4 = 0;
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, v = 0, c = 0;
  // digit 1: R ← R·2^24 − q·B (limb 5 folds the old top limb in).
  t5 = r4 + r5 * T24; t4 = r3; t3 = r2; t2 = r1; t1 = r0;
  q = Math.floor(t5 * k5 + t4 * k4 + (t3 * inv72 - BIAS_DOWN));
  if (q < 0) q = 0;
  u0 = -q * d0; u1 = t1 - q * d1; u2 = t2 - q * d2; u3 = t3 - q * d3; u4 = t4 - q * d4;
  c0 = Math.floor(u0 * INV24); c1 = Math.floor(u1 * INV24); c2 = Math.floor(u2 * INV24);
  c3 = Math.floor(u3 * INV24); c4 = Math.floor(u4 * INV24);
  r0 = u0 - c0 * T24; r1 = u1 - c1 * T24 + c0; r2 = u2 - c2 * T24 + c1;
  r3 = u3 - c3 * T24 + c2; r4 = u4 - c4 * T24 + c3; r5 = t5 + c4;
  const q1 = q;
  // digit 2: R ← R·2^24 − q·B (limb 5 folds the old top limb in).
  t5 = r4 + r5 * T24; t4 = r3; t3 = r2; t2 = r1; t1 = r0;
  q = Math.floor(t5 * k5 + t4 * k4 + (t3 * inv72 - BIAS_DOWN));
  if (q < 0) q = 0;
  u0 = -q * d0; u1 = t1 - q * d1; u2 = t2 - q * d2; u3 = t3 - q * d3; u4 = t4 - q * d4;
  c0 = Math.floor(u0 * INV24); c1 = Math.floor(u1 * INV24); c2 = Math.floor(u2 * INV24);
  c3 = Math.floor(u3 * INV24); c4 = Math.floor(u4 * INV24);
  r0 = u0 - c0 * T24; r1 = u1 - c1 * T24 + c0; r2 = u2 - c2 * T24 + c1;
  r3 = u3 - c3 * T24 + c2; r4 = u4 - c4 * T24 + c3; r5 = t5 + c4;
  const q2 = q;
  // digit 3: R ← R·2^24 − q·B (limb 5 folds the old top limb in).
  t5 = r4 + r5 * T24; t4 = r3; t3 = r2; t2 = r1; t1 = r0;
  q = Math.floor(t5 * k5 + t4 * k4 + (t3 * inv72 - BIAS_DOWN));
  if (q < 0) q = 0;
  u0 = -q * d0; u1 = t1 - q * d1; u2 = t2 - q * d2; u3 = t3 - q * d3; u4 = t4 - q * d4;
  c0 = Math.floor(u0 * INV24); c1 = Math.floor(u1 * INV24); c2 = Math.floor(u2 * INV24);
  c3 = Math.floor(u3 * INV24); c4 = Math.floor(u4 * INV24);
  r0 = u0 - c0 * T24; r1 = u1 - c1 * T24 + c0; r2 = u2 - c2 * T24 + c1;
  r3 = u3 - c3 * T24 + c2; r4 = u4 - c4 * T24 + c3; r5 = t5 + c4;
  const q3 = q;
  // digit 4: R ← R·2^24 − q·B (limb 5 folds the old top limb in).
  t5 = r4 + r5 * T24; t4 = r3; t3 = r2; t2 = r1; t1 = r0;
  q = Math.floor(t5 * k5 + t4 * k4 + (t3 * inv72 - BIAS_DOWN));
  if (q < 0) q = 0;
  u0 = -q * d0; u1 = t1 - q * d1; u2 = t2 - q * d2; u3 = t3 - q * d3; u4 = t4 - q * d4;
  c0 = Math.floor(u0 * INV24); c1 = Math.floor(u1 * INV24); c2 = Math.floor(u2 * INV24);
  c3 = Math.floor(u3 * INV24); c4 = Math.floor(u4 * INV24);
  r0 = u0 - c0 * T24; r1 = u1 - c1 * T24 + c0; r2 = u2 - c2 * T24 + c1;
  r3 = u3 - c3 * T24 + c2; r4 = u4 - c4 * T24 + c3; r5 = t5 + c4;
  const q4 = q;
  // Digit 5 only feeds the round bit (bit 7 of the digit) and the sticky bit: when its float64
  // estimate is not within 2^-8 of a multiple of 128, both are known without the exact
  // remainder (the estimate error is < 2^-17), which saves the last multiply-subtract.
  let q5f = 0, sticky = 1;
  const v5 = (r4 + r5 * T24) * k5 + r3 * k4 + r2 * inv72;
  const low = v5 - 128 * Math.floor(v5 * 0.0078125);
  if (low > 0.00390625 && low < 127.99609375) {
    q5f = Math.floor(v5);
  } else {
    // digit 5: R ← R·2^24 − q·B (limb 5 folds the old top limb in).
    t5 = r4 + r5 * T24; t4 = r3; t3 = r2; t2 = r1; t1 = r0;
    q = Math.floor(t5 * k5 + t4 * k4 + (t3 * inv72 - BIAS_DOWN));
    if (q < 0) q = 0;
    u0 = -q * d0; u1 = t1 - q * d1; u2 = t2 - q * d2; u3 = t3 - q * d3; u4 = t4 - q * d4;
    c0 = Math.floor(u0 * INV24); c1 = Math.floor(u1 * INV24); c2 = Math.floor(u2 * INV24);
    c3 = Math.floor(u3 * INV24); c4 = Math.floor(u4 * INV24);
    r0 = u0 - c0 * T24; r1 = u1 - c1 * T24 + c0; r2 = u2 - c2 * T24 + c1;
    r3 = u3 - c3 * T24 + c2; r4 = u4 - c4 * T24 + c3; r5 = t5 + c4;
    const q5 = q;
    // Normalise the remainder (serial carry, once), then remainder ∈ [0, 2B) → [0, B).
    c = Math.floor(r0 * INV24); r0 -= c * T24; r1 += c;
    c = Math.floor(r1 * INV24); r1 -= c * T24; r2 += c;
    c = Math.floor(r2 * INV24); r2 -= c * T24; r3 += c;
    c = Math.floor(r3 * INV24); r3 -= c * T24; r4 += c;
    c = Math.floor(r4 * INV24); r4 -= c * T24; r5 += c;
    r4 += r5 * T24; // r5 is 0 or 1 here; fold it so r4 may exceed 2^24 by one unit
    q5f = q5;
    while (r4 !== d4 ? r4 > d4 : r3 !== d3 ? r3 > d3 : r2 !== d2 ? r2 > d2 : r1 !== d1 ? r1 > d1 : r0 >= d0) {
      v = r0 - d0; c = Math.floor(v * INV24); r0 = v - c * T24;
      v = r1 - d1 + c; c = Math.floor(v * INV24); r1 = v - c * T24;
      v = r2 - d2 + c; c = Math.floor(v * INV24); r2 = v - c * T24;
      v = r3 - d3 + c; c = Math.floor(v * INV24); r3 = v - c * T24;
      r4 = r4 - d4 + c;
      q5f += 1;
    }
    sticky = r0 + r1 + r2 + r3 + r4 !== 0 ? 1 : 0;
  }
  // Normalise quotient digits (they may exceed 2^24 a little): quotient = 2^120 + Σ q_k·2^(24(5−k)).
  c = Math.floor(q5f * INV24); const g5 = q5f - c * T24;
  v = q4 + c; c = Math.floor(v * INV24); const g4 = v - c * T24;
  v = q3 + c; c = Math.floor(v * INV24); const g3 = v - c * T24;
  v = q2 + c; c = Math.floor(v * INV24); const g2 = v - c * T24;
  v = q1 + c; c = Math.floor(v * INV24); const g1 = v - c * T24;
  const g0 = 1 + c;
  // Significand = quotient >> 8; the low 8 bits become the top of the extra word.
  const x = (((g5 & 0xff) << 24) | sticky) >>> 0;
  const m0 = ((g5 >>> 8) | ((g4 & 0xffff) << 16)) >>> 0;
  const m1 = ((g4 >>> 16) | (g3 << 8)) >>> 0;
  const m2 = (g2 | ((g1 & 0xff) << 24)) >>> 0;
  const m3 = (g1 >>> 8) | (g0 << 16);
  if (exp >= 0) { roundPackParts(sign, exp, x, m0, m1, m2, m3, out, oi); return; }
  S[0] = x; S[1] = m0; S[2] = m1; S[3] = m2; S[4] = m3;
  roundPack(sign, exp, out, oi);
}
