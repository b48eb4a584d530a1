// Correctly rounded binary128 division: schoolbook long division in base 2^24 with float64
// limbs. Each quotient digit is estimated from a float64 quotient of the leading parts and
// biased downwards so it is exact or one too small; the remainder then stays in [0, 2B) and
// the next digit absorbs the shortfall. One final correction makes the remainder exact
// (it gives the sticky bit). Every limb product is < 2^50, so all float64 steps are exact.
import { FINITE, INF, NAN, ZERO, N, classify, unpackNormalized } from './unpack.js';
import { S, packInf, packNaN, packZero, propagateNaN, roundPack } from './round-pack.js';

const R = new Float64Array(6); // remainder, 24-bit limbs (R[5] is the overflow limb)
const D = new Float64Array(5); // divisor, 24-bit limbs
const Q = new Float64Array(6); // quotient digits, Q[0] most significant
const T24 = 16777216;

function load24(dst: Float64Array): void {
  const n0 = N[0]!, n1 = N[1]!, n2 = N[2]!;
  dst[0] = n0 & 0xffffff;
  dst[1] = (n0 >>> 24) | ((n1 & 0xffff) << 8);
  dst[2] = (n1 >>> 16) | ((n2 & 0xff) << 16);
  dst[3] = n2 >>> 8;
  dst[4] = N[3]!;
}

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
  const eb = unpackNormalized(b, bi);
  load24(D);
  const ea = unpackNormalized(a, ai);
  load24(R);
  R[5] = 0;
  let exp = ea - eb + 16382;
  // Make A ≥ B so that A/B ∈ [1, 2) and the leading quotient digit is 1.
  let i = 4;
  while (i > 0 && R[i] === D[i]) i--;
  if (R[i]! < D[i]!) {
    let c = 0;
    for (let k = 0; k < 5; k++) {
      const v = R[k]! * 2 + c;
      c = v >= T24 ? 1 : 0;
      R[k] = v - c * T24;
    }
    R[5] = c;
    exp -= 1;
  }
  subMulD(1);
  Q[0] = 1;
  const d4 = D[4]!, d3 = D[3]!, d2 = D[2]!, d1 = D[1]!, d0 = D[0]!;
  const bf = (((d4 * T24 + d3) * T24 + d2) * T24 + d1) * T24 + d0;
  for (let k = 1; k < 6; k++) {
    // R ← R·2^24
    R[5] = R[4]!; R[4] = R[3]!; R[3] = R[2]!; R[2] = R[1]!; R[1] = R[0]!; R[0] = 0;
    const rf = ((((R[5]! * T24 + R[4]!) * T24 + R[3]!) * T24 + R[2]!) * T24 + R[1]!) * T24;
    // Estimate error is < 2^-26 in absolute terms; subtracting 2^-20 biases it low.
    let q = Math.floor(rf / bf - 9.5367431640625e-7);
    if (q < 0) q = 0;
    subMulD(q);
    Q[k] = q;
  }
  // Final correction: remainder ∈ [0, 2B) → [0, B).
  while (geD()) {
    subMulD(1);
    Q[5] = Q[5]! + 1;
  }
  const sticky = (R[0]! + R[1]! + R[2]! + R[3]! + R[4]!) !== 0 ? 1 : 0;
  // Normalise quotient digits (they may exceed 2^24 by a little).
  let c = 0;
  for (let k = 5; k >= 0; k--) {
    const v = Q[k]! + c;
    c = Math.floor(v / T24);
    Q[k] = v - c * T24;
  }
  const q0 = Q[0]! + c * T24, q1 = Q[1]!, q2 = Q[2]!, q3 = Q[3]!, q4 = Q[4]!, q5 = Q[5]!;
  // Quotient is q0·2^120 + … ; significand = quotient >> 8, the low 8 bits are round bits.
  S[0] = ((q5 & 0xff) << 24) | sticky;
  S[1] = (q5 >>> 8) | ((q4 & 0xffff) << 16);
  S[2] = (q4 >>> 16) | (q3 << 8);
  S[3] = q2 | ((q1 & 0xff) << 24);
  S[4] = (q1 >>> 8) | (q0 << 16);
  roundPack(sign, exp, out, oi);
}

/** R ← R − q·D with carry propagation (result must be ≥ 0). */
function subMulD(q: number): void {
  let c = 0;
  for (let k = 0; k < 5; k++) {
    const v = R[k]! - q * D[k]! + c;
    c = Math.floor(v / T24);
    R[k] = v - c * T24;
  }
  R[5] = R[5]! + c;
}

/** R ≥ D ? */
function geD(): boolean {
  if (R[5]! !== 0) return R[5]! > 0;
  for (let k = 4; k >= 0; k--) if (R[k] !== D[k]) return R[k]! > D[k]!;
  return true;
}
