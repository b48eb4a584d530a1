// Correctly rounded binary128 addition and subtraction on 32-bit limbs
// (magnitude add / magnitude subtract split as in SoftFloat's softfloat_addMagsF128 / subMagsF128).
import {
  S, leadingZeros145, packInf, packNaN, packZero, propagateNaN, roundPack, shiftLeft, shiftRightJam,
} from './round-pack.js';

/** out = a + b (RNE). */
export function add128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  addSigned(a, ai, b, bi, 0, out, oi);
}

/** out = a − b (RNE). */
export function sub128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  addSigned(a, ai, b, bi, 0x80000000, out, oi);
}

function addSigned(
  a: Uint32Array, ai: number, b: Uint32Array, bi: number, flip: number, out: Uint32Array, oi: number,
): void {
  const a3 = a[ai + 3]!;
  const b3 = (b[bi + 3]! ^ flip) >>> 0;
  const ea = (a3 >>> 16) & 0x7fff;
  const eb = (b3 >>> 16) & 0x7fff;
  if (ea === 0x7fff || eb === 0x7fff) {
    special(a, ai, a3, ea, b, bi, b3, eb, out, oi);
    return;
  }
  const sa = a3 & 0x80000000;
  const sb = b3 & 0x80000000;
  // Order operands by magnitude (biased exponent, then significand) so that |big| ≥ |small|.
  let aBig = ea > eb;
  if (ea === eb) {
    const h0 = a3 & 0xffff, h1 = b3 & 0xffff;
    if (h0 !== h1) aBig = h0 > h1;
    else if (a[ai + 2] !== b[bi + 2]) aBig = a[ai + 2]! > b[bi + 2]!;
    else if (a[ai + 1] !== b[bi + 1]) aBig = a[ai + 1]! > b[bi + 1]!;
    else aBig = a[ai]! >= b[bi]!;
  }
  let B0: number, B1: number, B2: number, B3: number, eB: number, eS: number, sign: number;
  if (aBig) {
    B0 = a[ai]!; B1 = a[ai + 1]!; B2 = a[ai + 2]!; B3 = a3 & 0xffff; eB = ea; eS = eb; sign = sa;
    S[1] = b[bi]!; S[2] = b[bi + 1]!; S[3] = b[bi + 2]!; S[4] = b3 & 0xffff;
  } else {
    B0 = b[bi]!; B1 = b[bi + 1]!; B2 = b[bi + 2]!; B3 = b3 & 0xffff; eB = eb; eS = ea; sign = sb;
    S[1] = a[ai]!; S[2] = a[ai + 1]!; S[3] = a[ai + 2]!; S[4] = a3 & 0xffff;
  }
  S[0] = 0;
  // Hidden bits, and exponent in the roundPack convention (biased − 1; subnormals share exp 0).
  if (eB !== 0) { B3 |= 0x10000; eB -= 1; }
  if (eS !== 0) { S[4] = S[4]! | 0x10000; eS -= 1; }
  shiftRightJam(eB - eS);
  if (sa === sb) {
    let s = S[1]! + B0; S[1] = s; let c = s > 0xffffffff ? 1 : 0;
    s = S[2]! + B1 + c; S[2] = s; c = s > 0xffffffff ? 1 : 0;
    s = S[3]! + B2 + c; S[3] = s; c = s > 0xffffffff ? 1 : 0;
    S[4] = S[4]! + B3 + c;
    if (S[4]! >= 0x20000) { shiftRightJam(1); eB += 1; }
    roundPack(sign, eB, out, oi);
    return;
  }
  // Magnitude subtraction big − small (the 32 extra bits of big are zero).
  let d = 0 - S[0]!; S[0] = d; let br = d < 0 ? 1 : 0;
  d = B0 - S[1]! - br; S[1] = d; br = d < 0 ? 1 : 0;
  d = B1 - S[2]! - br; S[2] = d; br = d < 0 ? 1 : 0;
  d = B2 - S[3]! - br; S[3] = d; br = d < 0 ? 1 : 0;
  S[4] = B3 - S[4]! - br;
  const lz = leadingZeros145();
  if (lz === 145) { packZero(0, out, oi); return; } // exact cancellation gives +0 under RNE (§6.3)
  // Normalise, but never below exp 0 (subnormal results are exact here).
  const sh = lz < eB ? lz : eB;
  shiftLeft(sh);
  roundPack(sign, eB - sh, out, oi);
}

function special(
  a: Uint32Array, ai: number, a3: number, ea: number,
  b: Uint32Array, bi: number, b3: number, eb: number, out: Uint32Array, oi: number,
): void {
  const aNaN = ea === 0x7fff && ((a3 & 0xffff) | a[ai + 2]! | a[ai + 1]! | a[ai]!) !== 0;
  if (aNaN) { propagateNaN(a, ai, out, oi); return; }
  const bNaN = eb === 0x7fff && ((b3 & 0xffff) | b[bi + 2]! | b[bi + 1]! | b[bi]!) !== 0;
  if (bNaN) { propagateNaN(b, bi, out, oi); return; }
  if (ea === 0x7fff && eb === 0x7fff) {
    if (((a3 ^ b3) & 0x80000000) !== 0) packNaN(out, oi); // inf − inf is invalid
    else packInf(a3 & 0x80000000, out, oi);
    return;
  }
  packInf((ea === 0x7fff ? a3 : b3) & 0x80000000, out, oi);
}
