// Correctly rounded binary128 multiplication. The 113×113-bit significand product is formed
// by schoolbook column sums of 24-bit limbs in float64 (each partial product < 2^48, a column
// of 5 stays < 2^51, so every sum is exact), then rounded once by roundPack.
import { FINITE, INF, NAN, ZERO, N, classify, unpackNormalized } from './unpack.js';
import { S, packInf, packNaN, packZero, propagateNaN, roundPack } from './round-pack.js';

const T24 = 16777216;
const INV24 = 1 / 16777216;

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
  // Normal operands are read straight from the lanes; subnormals are normalised first.
  let ea: number, n0: number, n1: number, n2: number, n3: number;
  if (ha !== 0) { ea = (ha >>> 16) - 1; n0 = a[ai]!; n1 = a[ai + 1]!; n2 = a[ai + 2]!; n3 = (a[ai + 3]! & 0xffff) | 0x10000; }
  else { ea = unpackNormalized(a, ai); n0 = N[0]!; n1 = N[1]!; n2 = N[2]!; n3 = N[3]!; }
  const x0 = n0 & 0xffffff, x1 = (n0 >>> 24) | ((n1 & 0xffff) << 8), x2 = (n1 >>> 16) | ((n2 & 0xff) << 16);
  const x3 = n2 >>> 8, x4 = n3;
  let eb: number;
  if (hb !== 0) { eb = (hb >>> 16) - 1; n0 = b[bi]!; n1 = b[bi + 1]!; n2 = b[bi + 2]!; n3 = (b[bi + 3]! & 0xffff) | 0x10000; }
  else { eb = unpackNormalized(b, bi); n0 = N[0]!; n1 = N[1]!; n2 = N[2]!; n3 = N[3]!; }
  const y0 = n0 & 0xffffff, y1 = (n0 >>> 24) | ((n1 & 0xffff) << 8), y2 = (n1 >>> 16) | ((n2 & 0xff) << 16);
  const y3 = n2 >>> 8, y4 = n3;
  // Column sums of the 24-bit-limb product (each term < 2^48, each column < 2^51: exact).
  let c = 0, s = 0;
  s = c + x0 * y0;
  c = Math.floor(s * INV24); const p0 = s - c * T24;
  s = c + x0 * y1 + x1 * y0;
  c = Math.floor(s * INV24); const p1 = s - c * T24;
  s = c + x0 * y2 + x1 * y1 + x2 * y0;
  c = Math.floor(s * INV24); const p2 = s - c * T24;
  s = c + x0 * y3 + x1 * y2 + x2 * y1 + x3 * y0;
  c = Math.floor(s * INV24); const p3 = s - c * T24;
  s = c + x0 * y4 + x1 * y3 + x2 * y2 + x3 * y1 + x4 * y0;
  c = Math.floor(s * INV24); const p4 = s - c * T24;
  s = c + x1 * y4 + x2 * y3 + x3 * y2 + x4 * y1;
  c = Math.floor(s * INV24); const p5 = s - c * T24;
  s = c + x2 * y4 + x3 * y3 + x4 * y2;
  c = Math.floor(s * INV24); const p6 = s - c * T24;
  s = c + x3 * y4 + x4 * y3;
  c = Math.floor(s * INV24); const p7 = s - c * T24;
  s = c + x4 * y4;
  c = Math.floor(s * INV24); const p8 = s - c * T24;
  const p9 = c;
  // Product has its top bit at 224 or 225; bits 112..225 are the significand, 80..111 extra.
  S[4] = (p8 >>> 16) | (p9 << 8);
  S[3] = (p7 >>> 8) | (p8 << 16);
  S[2] = p6 | (p7 << 24);
  S[1] = (p4 >>> 16) | (p5 << 8);
  S[0] = (p3 >>> 8) | (p4 << 16) | ((p0 + p1 + p2 + (p3 & 0xff)) !== 0 ? 1 : 0);
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
