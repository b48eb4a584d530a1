// Correctly rounded binary128 square root by the digit-by-digit (long-hand) recurrence in
// base 2^24 with float64 limbs: with partial root S and remainder R = N_k − S², the next digit
// d is the largest with (2·S·2^24 + d)·d ≤ R·2^48 + next two digits. d is estimated as
// T / (S·2^24 + √(S²·2^48 + T)) (the stable root of the quadratic) and biased down, so it is
// exact or one too small; the next digit absorbs the shortfall and one final correction makes
// floor(√N) exact. A square root is never exactly halfway, so round bits + sticky suffice.
import { N, unpackNormalized } from './unpack.js';
import { S, packNaN, propagateNaN, roundPack, shiftRightJam } from './round-pack.js';

const T24 = 16777216;
const INV24 = 1 / 16777216;
/** 2^-10: exceeds the float64 estimate error, so a digit is exact or one too small. */
const BIAS_DOWN = 2 ** -10;

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
  const n5 = (n0 << sh) & 0xffffff;
  const n6 = ((n0 >>> (24 - sh)) | (n1 << (8 + sh))) & 0xffffff;
  const n7 = ((n1 >>> (16 - sh)) | (n2 << (16 + sh))) & 0xffffff;
  const n8 = (n2 >>> (8 - sh)) & 0xffffff;
  const n9 = ((n2 >>> (32 - sh)) | (n3 << sh)) & 0xffffff;
  // Step 0: exact integer root of the leading pair (< 2^48) via float64.
  const p = n9 * T24 + n8;
  let D0 = Math.floor(Math.sqrt(p));
  if (D0 * D0 > p) D0 -= 1;
  else if ((D0 + 1) * (D0 + 1) <= p) D0 += 1;
  const rem0 = p - D0 * D0;
  let D1 = 0, D2 = 0, D3 = 0, D4 = 0;
  let r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0;
  let r1 = Math.floor(rem0 * INV24);
  let r0 = rem0 - r1 * T24;
  { // step 1
    const t0 = n6;
    const t1 = n7;
    const t2 = r0;
    const t3 = r1;
    const tf = ((t3 * T24 + t2) * T24 + t1) * T24 + t0;
    const pb = (D0) * T24;
    let d = Math.floor(tf / (pb + Math.sqrt(pb * pb + tf)) - BIAS_DOWN);
    if (d < 0) d = 0;
    const u0 = t0 - d * d, u1 = t1 - d * 2 * D0, u2 = t2, u3 = t3;
    const c0 = Math.floor(u0 * INV24);
    const c1 = Math.floor(u1 * INV24);
    const c2 = Math.floor(u2 * INV24);
    r0 = u0 - c0 * T24;
    r1 = u1 - c1 * T24 + c0;
    r2 = u2 - c2 * T24 + c1;
    r3 = u3 + c2;
    r2 += r3 * T24; r3 = 0; // the value is small, so the top limb folds down exactly
    D1 = d;
    if (d >= T24) {
      if (D1 >= T24) { const k = Math.floor(D1 * INV24); D1 -= k * T24; D0 += k; }
    }
  }
  { // step 2
    const t0 = 0;
    const t1 = n5;
    const t2 = r0;
    const t3 = r1;
    const t4 = r2;
    const tf = (((t4 * T24 + t3) * T24 + t2) * T24 + t1) * T24 + t0;
    const pb = (D0 * T24 + D1) * T24;
    let d = Math.floor(tf / (pb + Math.sqrt(pb * pb + tf)) - BIAS_DOWN);
    if (d < 0) d = 0;
    const u0 = t0 - d * d, u1 = t1 - d * 2 * D1, u2 = t2 - d * 2 * D0, u3 = t3, u4 = t4;
    const c0 = Math.floor(u0 * INV24);
    const c1 = Math.floor(u1 * INV24);
    const c2 = Math.floor(u2 * INV24);
    const c3 = Math.floor(u3 * INV24);
    r0 = u0 - c0 * T24;
    r1 = u1 - c1 * T24 + c0;
    r2 = u2 - c2 * T24 + c1;
    r3 = u3 - c3 * T24 + c2;
    r4 = u4 + c3;
    r3 += r4 * T24; r4 = 0; // the value is small, so the top limb folds down exactly
    D2 = d;
    if (d >= T24) {
      if (D2 >= T24) { const k = Math.floor(D2 * INV24); D2 -= k * T24; D1 += k; }
      if (D1 >= T24) { const k = Math.floor(D1 * INV24); D1 -= k * T24; D0 += k; }
    }
  }
  { // step 3
    const t0 = 0;
    const t1 = 0;
    const t2 = r0;
    const t3 = r1;
    const t4 = r2;
    const t5 = r3;
    const tf = ((((t5 * T24 + t4) * T24 + t3) * T24 + t2) * T24 + t1) * T24 + t0;
    const pb = ((D0 * T24 + D1) * T24 + D2) * T24;
    let d = Math.floor(tf / (pb + Math.sqrt(pb * pb + tf)) - BIAS_DOWN);
    if (d < 0) d = 0;
    const u0 = t0 - d * d, u1 = t1 - d * 2 * D2, u2 = t2 - d * 2 * D1, u3 = t3 - d * 2 * D0, u4 = t4, u5 = t5;
    const c0 = Math.floor(u0 * INV24);
    const c1 = Math.floor(u1 * INV24);
    const c2 = Math.floor(u2 * INV24);
    const c3 = Math.floor(u3 * INV24);
    const c4 = Math.floor(u4 * INV24);
    r0 = u0 - c0 * T24;
    r1 = u1 - c1 * T24 + c0;
    r2 = u2 - c2 * T24 + c1;
    r3 = u3 - c3 * T24 + c2;
    r4 = u4 - c4 * T24 + c3;
    r5 = u5 + c4;
    r4 += r5 * T24; r5 = 0; // the value is small, so the top limb folds down exactly
    D3 = d;
    if (d >= T24) {
      if (D3 >= T24) { const k = Math.floor(D3 * INV24); D3 -= k * T24; D2 += k; }
      if (D2 >= T24) { const k = Math.floor(D2 * INV24); D2 -= k * T24; D1 += k; }
      if (D1 >= T24) { const k = Math.floor(D1 * INV24); D1 -= k * T24; D0 += k; }
    }
  }
  { // step 4
    const t0 = 0;
    const t1 = 0;
    const t2 = r0;
    const t3 = r1;
    const t4 = r2;
    const t5 = r3;
    const t6 = r4;
    const tf = (((((t6 * T24 + t5) * T24 + t4) * T24 + t3) * T24 + t2) * T24 + t1) * T24 + t0;
    const pb = (((D0 * T24 + D1) * T24 + D2) * T24 + D3) * T24;
    let d = Math.floor(tf / (pb + Math.sqrt(pb * pb + tf)) - BIAS_DOWN);
    if (d < 0) d = 0;
    const u0 = t0 - d * d, u1 = t1 - d * 2 * D3, u2 = t2 - d * 2 * D2, u3 = t3 - d * 2 * D1, u4 = t4 - d * 2 * D0, u5 = t5, u6 = t6;
    const c0 = Math.floor(u0 * INV24);
    const c1 = Math.floor(u1 * INV24);
    const c2 = Math.floor(u2 * INV24);
    const c3 = Math.floor(u3 * INV24);
    const c4 = Math.floor(u4 * INV24);
    const c5 = Math.floor(u5 * INV24);
    r0 = u0 - c0 * T24;
    r1 = u1 - c1 * T24 + c0;
    r2 = u2 - c2 * T24 + c1;
    r3 = u3 - c3 * T24 + c2;
    r4 = u4 - c4 * T24 + c3;
    r5 = u5 - c5 * T24 + c4;
    r6 = u6 + c5;
    r5 += r6 * T24; r6 = 0; // the value is small, so the top limb folds down exactly
    D4 = d;
    if (d >= T24) {
      if (D4 >= T24) { const k = Math.floor(D4 * INV24); D4 -= k * T24; D3 += k; }
      if (D3 >= T24) { const k = Math.floor(D3 * INV24); D3 -= k * T24; D2 += k; }
      if (D2 >= T24) { const k = Math.floor(D2 * INV24); D2 -= k * T24; D1 += k; }
      if (D1 >= T24) { const k = Math.floor(D1 * INV24); D1 -= k * T24; D0 += k; }
    }
  }
  // Normalise R (limbs 0..5), then while R ≥ 2P + 1: R −= 2P + 1, P += 1.
  let c = Math.floor(r0 * INV24); r0 -= c * T24; r1 += c;
  c = Math.floor(r1 * INV24); r1 -= c * T24; r2 += c;
  c = Math.floor(r2 * INV24); r2 -= c * T24; r3 += c;
  c = Math.floor(r3 * INV24); r3 -= c * T24; r4 += c;
  c = Math.floor(r4 * INV24); r4 -= c * T24; r5 += c;
  for (;;) {
    let v = r0 - 2 * D4 - 1; c = Math.floor(v * INV24); const w0 = v - c * T24;
    v = r1 - 2 * D3 + c; c = Math.floor(v * INV24); const w1 = v - c * T24;
    v = r2 - 2 * D2 + c; c = Math.floor(v * INV24); const w2 = v - c * T24;
    v = r3 - 2 * D1 + c; c = Math.floor(v * INV24); const w3 = v - c * T24;
    v = r4 - 2 * D0 + c; c = Math.floor(v * INV24); const w4 = v - c * T24;
    const w5 = r5 + c;
    if (w5 < 0) break;
    r0 = w0; r1 = w1; r2 = w2; r3 = w3; r4 = w4; r5 = w5;
    D4 += 1;
    if (D4 >= T24) { D4 -= T24; D3 += 1; if (D3 >= T24) { D3 -= T24; D2 += 1; if (D2 >= T24) { D2 -= T24; D1 += 1; } } }
  }
  const sticky = r0 + r1 + r2 + r3 + r4 + r5 !== 0 ? 1 : 0;
  const s0 = D4, s1 = D3, s2 = D2, s3 = D1, s4 = D0;
  S[0] = 0;
  S[1] = s0 | ((s1 & 0xff) << 24);
  S[2] = (s1 >>> 8) | ((s2 & 0xffff) << 16);
  S[3] = (s2 >>> 16) | (s3 << 8);
  S[4] = s4;
  shiftRightJam(7);
  S[0] = S[0]! | sticky;
  roundPack(0, (ex >> 1) + 16382, out, oi);
}
