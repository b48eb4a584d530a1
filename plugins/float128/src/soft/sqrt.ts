// Correctly rounded binary128 square root by the digit-by-digit (long-hand) recurrence in
// base 2^24 with float64 limbs: with partial root S and remainder R = N_k − S², the next digit
// d is the largest with (2·S·2^24 + d)·d ≤ R·2^48 + next two digits. d is estimated as
// T / (S·2^24 + √(S²·2^48 + T)) (the stable root of the quadratic) and biased down, so it is
// exact or one too small; the next digit absorbs the shortfall and one final correction makes
// floor(√N) exact. A square root is never exactly halfway, so round bits + sticky suffice.
import { N, unpackNormalized } from './unpack.js';
import { S, packNaN, propagateNaN, roundPack, shiftRightJam } from './round-pack.js';

const T24 = 16777216;
const ND = new Float64Array(10); // radicand digits, ND[0] least significant
const RR = new Float64Array(8); // remainder limbs
const SS = new Float64Array(6); // root limbs
const TW = new Float64Array(7); // 2S+1 scratch

function horner(x: Float64Array, len: number): number {
  let v = 0;
  for (let k = len - 1; k >= 0; k--) v = v * T24 + x[k]!;
  return v;
}

/** out = √a (RNE); √−0 = −0, √(x<0) = NaN. */
export function sqrt128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void {
  const hi = a[ai + 3]!;
  const e = (hi >>> 16) & 0x7fff;
  const fz = ((hi & 0xffff) | a[ai + 2]! | a[ai + 1]! | a[ai]!) === 0;
  if (e === 0x7fff && !fz) { propagateNaN(a, ai, out, oi); return; }
  if (e === 0 && fz) { out[oi] = 0; out[oi + 1] = 0; out[oi + 2] = 0; out[oi + 3] = hi; return; }
  if ((hi & 0x80000000) !== 0) { packNaN(out, oi); return; }
  if (e === 0x7fff) { out[oi] = 0; out[oi + 1] = 0; out[oi + 2] = 0; out[oi + 3] = hi; return; }
  let ex = unpackNormalized(a, ai) + 1 - 16383; // unbiased exponent of 1.f
  // Radicand N = A·2^126 (or 2A·2^126 for odd exponents): digits 5..9 hold A << 6 (or << 7).
  const sh = (ex & 1) !== 0 ? 7 : 6;
  if ((ex & 1) !== 0) ex -= 1;
  const n0 = N[0]!, n1 = N[1]!, n2 = N[2]!, n3 = N[3]!;
  // 24-bit digits of (A << sh), A = n3:n2:n1:n0 (113 bits), sh ∈ {6, 7}.
  ND[0] = 0; ND[1] = 0; ND[2] = 0; ND[3] = 0; ND[4] = 0;
  ND[5] = (n0 << sh) & 0xffffff;
  ND[6] = ((n0 >>> (24 - sh)) | (n1 << (8 + sh))) & 0xffffff;
  ND[7] = ((n1 >>> (16 - sh)) | (n2 << (16 + sh))) & 0xffffff;
  ND[8] = (n2 >>> (8 - sh)) & 0xffffff;
  ND[9] = ((n2 >>> (32 - sh)) | (n3 << sh)) & 0xffffff;
  // Leading pair: exact integer root via float64.
  const p = ND[9]! * T24 + ND[8]!;
  let s = Math.floor(Math.sqrt(p));
  if (s * s > p) s -= 1;
  else if ((s + 1) * (s + 1) <= p) s += 1;
  SS.fill(0);
  RR.fill(0);
  SS[0] = s;
  let sLen = 1;
  let r = p - s * s;
  RR[0] = r % T24; RR[1] = Math.floor(r / T24);
  let rLen = 2;
  for (let j = 1; j <= 4; j++) {
    // T = R·2^48 + next pair of radicand digits.
    for (let k = rLen + 1; k >= 2; k--) RR[k] = RR[k - 2]!;
    RR[1] = ND[9 - 2 * j]!; RR[0] = ND[8 - 2 * j]!;
    rLen += 2;
    const tf = horner(RR, rLen);
    const sb = horner(SS, sLen) * T24;
    let d = Math.floor(tf / (sb + Math.sqrt(sb * sb + tf)) - 9.5367431640625e-7);
    if (d < 0) d = 0;
    // R ← T − (2S·2^24 + d)·d, multiplier limbs are [d, 2S_0, 2S_1, …].
    let c = 0;
    for (let k = 0; k < rLen; k++) {
      const m = k === 0 ? d : k - 1 < sLen ? 2 * SS[k - 1]! : 0;
      const v = RR[k]! - d * m + c;
      c = Math.floor(v / T24);
      RR[k] = v - c * T24;
    }
    // S ← S·2^24 + d, then normalise carries.
    for (let k = sLen; k >= 1; k--) SS[k] = SS[k - 1]!;
    SS[0] = d;
    sLen += 1;
    c = 0;
    for (let k = 0; k < sLen; k++) {
      const v = SS[k]! + c;
      c = Math.floor(v / T24);
      SS[k] = v - c * T24;
    }
    while (rLen > 1 && RR[rLen - 1] === 0) rLen--;
  }
  // Final correction: while R ≥ 2S + 1, S += 1.
  for (;;) {
    let c = 1;
    for (let k = 0; k < 6; k++) {
      const v = (k < sLen ? 2 * SS[k]! : 0) + c;
      c = Math.floor(v / T24);
      TW[k] = v - c * T24;
    }
    let k = 6;
    while (k > 0 && (k >= rLen ? 0 : RR[k]!) === TW[k]) k--;
    const rk = k >= rLen ? 0 : RR[k]!;
    if (rk < TW[k]!) break;
    let b = 0;
    for (let i = 0; i < Math.max(rLen, 6); i++) {
      const v = RR[i]! - TW[i]! + b;
      b = Math.floor(v / T24);
      RR[i] = v - b * T24;
    }
    SS[0] = SS[0]! + 1;
    for (let i = 0; i < sLen && SS[i]! >= T24; i++) { SS[i] = SS[i]! - T24; SS[i + 1] = SS[i + 1]! + 1; }
  }
  let sticky = 0;
  for (let k = 0; k < 8; k++) if (RR[k] !== 0) sticky = 1;
  const s0 = SS[0]!, s1 = SS[1]!, s2 = SS[2]!, s3 = SS[3]!, s4 = SS[4]!;
  S[0] = 0;
  S[1] = s0 | ((s1 & 0xff) << 24);
  S[2] = (s1 >>> 8) | ((s2 & 0xffff) << 16);
  S[3] = (s2 >>> 16) | (s3 << 8);
  S[4] = s4;
  shiftRightJam(7);
  S[0] = S[0]! | sticky;
  roundPack(0, (ex >> 1) + 16382, out, oi);
}
