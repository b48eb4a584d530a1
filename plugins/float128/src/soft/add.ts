// Correctly rounded binary128 addition and subtraction on 32-bit limbs held in locals
// (magnitude add / magnitude subtract split as in SoftFloat's softfloat_addMagsF128 / subMagsF128).
import { S, packInf, packNaN, packZero, propagateNaN, roundPack, roundPackParts } from './round-pack.js';

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
  const a2 = a[ai + 2]!, a1 = a[ai + 1]!, a0 = a[ai]!;
  const b2 = b[bi + 2]!, b1 = b[bi + 1]!, b0 = b[bi]!;
  // Order operands by magnitude (the encoding is monotone in |x|) so that |big| ≥ |small|.
  const ha = a3 & 0x7fffffff, hb = b3 & 0x7fffffff;
  const aBig = ha !== hb ? ha > hb : a2 !== b2 ? a2 > b2 : a1 !== b1 ? a1 > b1 : a0 >= b0;
  let B0: number, B1: number, B2: number, B3: number, eB: number, eS: number, sign: number;
  let m0: number, m1: number, m2: number, m3: number;
  if (aBig) {
    B0 = a0; B1 = a1; B2 = a2; B3 = a3 & 0xffff; eB = ea; eS = eb; sign = a3 & 0x80000000;
    m0 = b0; m1 = b1; m2 = b2; m3 = b3 & 0xffff;
  } else {
    B0 = b0; B1 = b1; B2 = b2; B3 = b3 & 0xffff; eB = eb; eS = ea; sign = b3 & 0x80000000;
    m0 = a0; m1 = a1; m2 = a2; m3 = a3 & 0xffff;
  }
  // Hidden bits, and exponent in the roundPack convention (biased − 1; subnormals share exp 0).
  if (eB !== 0) { B3 |= 0x10000; eB -= 1; }
  if (eS !== 0) { m3 |= 0x10000; eS -= 1; }
  // Align the smaller operand: shift right by d into the extra word x, jamming lost bits.
  let d = eB - eS;
  let x = 0;
  if (d > 0) {
    if (d >= 150) {
      x = (m0 | m1 | m2 | m3) !== 0 ? 1 : 0;
      m0 = 0; m1 = 0; m2 = 0; m3 = 0;
    } else {
      let sticky = 0;
      while (d >= 32) { sticky |= x; x = m0; m0 = m1; m1 = m2; m2 = m3; m3 = 0; d -= 32; }
      if (d > 0) {
        const l = 32 - d;
        sticky |= x << l;
        x = (x >>> d) | (m0 << l);
        m0 = (m0 >>> d) | (m1 << l);
        m1 = (m1 >>> d) | (m2 << l);
        m2 = (m2 >>> d) | (m3 << l);
        m3 = m3 >>> d;
      }
      x = (x | (sticky !== 0 ? 1 : 0)) >>> 0;
      m0 >>>= 0; m1 >>>= 0; m2 >>>= 0;
    }
  }
  if ((a3 ^ b3) >>> 31 === 0) {
    let s = m0 + B0; m0 = s >>> 0; let c = s > 0xffffffff ? 1 : 0;
    s = m1 + B1 + c; m1 = s >>> 0; c = s > 0xffffffff ? 1 : 0;
    s = m2 + B2 + c; m2 = s >>> 0; c = s > 0xffffffff ? 1 : 0;
    m3 = m3 + B3 + c;
    if (m3 >= 0x20000) {
      x = ((x >>> 1) | (m0 << 31) | (x & 1)) >>> 0;
      m0 = ((m0 >>> 1) | (m1 << 31)) >>> 0;
      m1 = ((m1 >>> 1) | (m2 << 31)) >>> 0;
      m2 = ((m2 >>> 1) | (m3 << 31)) >>> 0;
      m3 = m3 >>> 1;
      eB += 1;
    }
    roundPackParts(sign, eB, x, m0, m1, m2, m3, out, oi);
    return;
  }
  // Magnitude subtraction big − small (the extra word of big is zero).
  let t = -x; x = t >>> 0; let br = t < 0 ? 1 : 0;
  t = B0 - m0 - br; m0 = t >>> 0; br = t < 0 ? 1 : 0;
  t = B1 - m1 - br; m1 = t >>> 0; br = t < 0 ? 1 : 0;
  t = B2 - m2 - br; m2 = t >>> 0; br = t < 0 ? 1 : 0;
  m3 = B3 - m3 - br;
  if ((m3 | m2 | m1 | m0 | x) === 0) { packZero(0, out, oi); return; } // exact cancellation is +0 (§6.3)
  if (m3 >= 0x10000 || eB === 0) { roundPackParts(sign, eB, x, m0, m1, m2, m3, out, oi); return; }
  // Renormalise (never below exp 0: subnormal results here are exact).
  S[0] = x; S[1] = m0; S[2] = m1; S[3] = m2; S[4] = m3;
  normalizeLeft(sign, eB, out, oi);
}

/** Shifts S left until the hidden bit is set or exp reaches 0, then rounds. */
function normalizeLeft(sign: number, exp: number, out: Uint32Array, oi: number): void {
  let lz: number;
  if (S[4] !== 0) lz = Math.clz32(S[4]!) - 15;
  else if (S[3] !== 0) lz = Math.clz32(S[3]!) + 17;
  else if (S[2] !== 0) lz = Math.clz32(S[2]!) + 49;
  else if (S[1] !== 0) lz = Math.clz32(S[1]!) + 81;
  else lz = Math.clz32(S[0]!) + 113;
  const sh = lz < exp ? lz : exp;
  const w = sh >>> 5, bsh = sh & 31;
  for (let i = 4; i >= 0; i--) {
    const j = i - w;
    const hi = j >= 0 ? S[j]! : 0;
    S[i] = bsh === 0 ? hi : (hi << bsh) | (j >= 1 ? S[j - 1]! >>> (32 - bsh) : 0);
  }
  roundPack(sign, exp - sh, out, oi);
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
