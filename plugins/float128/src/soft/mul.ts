// Correctly rounded binary128 multiplication. The 113×113-bit significand product is formed
// by schoolbook column sums of 16-bit limbs in float64 (each partial product < 2^32, a column
// of 8 stays < 2^36, so every sum is exact), then rounded once by roundPack.
import { FINITE, INF, NAN, ZERO, N, classify, unpackNormalized } from './unpack.js';
import { S, packInf, packNaN, packZero, propagateNaN, roundPack } from './round-pack.js';

const X = new Float64Array(8); // 16-bit limbs of a
const Y = new Float64Array(8); // 16-bit limbs of b
const P = new Float64Array(16); // product limbs

function split16(dst: Float64Array): void {
  const n0 = N[0]!, n1 = N[1]!, n2 = N[2]!, n3 = N[3]!;
  dst[0] = n0 & 0xffff; dst[1] = n0 >>> 16; dst[2] = n1 & 0xffff; dst[3] = n1 >>> 16;
  dst[4] = n2 & 0xffff; dst[5] = n2 >>> 16; dst[6] = n3 & 0xffff; dst[7] = n3 >>> 16;
}

/** Handles NaN/inf/zero operands; returns true when the result has been written. */
export function mulSpecial(
  a: Uint32Array, ai: number, b: Uint32Array, bi: number, sign: number, out: Uint32Array, oi: number,
): boolean {
  const ca = classify(a, ai), cb = classify(b, bi);
  if (ca === FINITE && cb === FINITE) return false;
  if (ca === NAN) propagateNaN(a, ai, out, oi);
  else if (cb === NAN) propagateNaN(b, bi, out, oi);
  else if ((ca === INF && cb === ZERO) || (ca === ZERO && cb === INF)) packNaN(out, oi);
  else if (ca === INF || cb === INF) packInf(sign, out, oi);
  else packZero(sign, out, oi);
  return true;
}

/** out = a × b (RNE). */
export function mul128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  const sign = (a[ai + 3]! ^ b[bi + 3]!) & 0x80000000;
  const ha = a[ai + 3]! & 0x7fff0000, hb = b[bi + 3]! & 0x7fff0000;
  // Fast check: both normal (neither exponent 0 nor 0x7fff) skips classification.
  if ((ha === 0 || ha === 0x7fff0000 || hb === 0 || hb === 0x7fff0000) && mulSpecial(a, ai, b, bi, sign, out, oi)) {
    return;
  }
  const ea = unpackNormalized(a, ai);
  split16(X);
  const eb = unpackNormalized(b, bi);
  split16(Y);
  // Column sums with carry propagation into 16-bit limbs.
  let carry = 0;
  for (let k = 0; k < 15; k++) {
    let s = carry;
    const lo = k < 8 ? 0 : k - 7;
    const hi = k < 8 ? k : 7;
    for (let i = lo; i <= hi; i++) s += X[i]! * Y[k - i]!;
    carry = Math.floor(s / 65536);
    P[k] = s - carry * 65536;
  }
  P[15] = carry;
  // Product has its top bit at 224 or 225; take bits 112.. as significand, next 32 as extra.
  S[4] = P[14]! * 65536 + P[13]!;
  S[3] = P[12]! * 65536 + P[11]!;
  S[2] = P[10]! * 65536 + P[9]!;
  S[1] = P[8]! * 65536 + P[7]!;
  S[0] = P[6]! * 65536 + P[5]!;
  if ((P[4]! + P[3]! + P[2]! + P[1]! + P[0]!) !== 0) S[0] = S[0]! | 1;
  let exp = ea + eb - 16382;
  if (S[4]! >= 0x20000) {
    const sticky = S[0]! & 1;
    S[0] = (S[0]! >>> 1) | (S[1]! << 31) | sticky;
    S[1] = (S[1]! >>> 1) | (S[2]! << 31);
    S[2] = (S[2]! >>> 1) | (S[3]! << 31);
    S[3] = (S[3]! >>> 1) | (S[4]! << 31);
    S[4] = S[4]! >>> 1;
    exp += 1;
  }
  roundPack(sign, exp, out, oi);
}
