// Exact BigInt view of binary128 values, used by the non-hot paths (fma, conversions,
// decimal I/O, exact ops, transcendentals). Not used by add/sub/mul/div/sqrt.
import { S, packInf, packZero, roundPack } from './round-pack.js';

/** A finite value as (−1)^neg · mant · 2^exp with mant ≥ 0 (not necessarily normalised). */
export interface Parts {
  neg: boolean;
  mant: bigint;
  exp: number;
}

const M32 = 0xffffffffn;

/** Raw 128-bit pattern of the element at (u, i). */
export function lanesToBits(u: Uint32Array, i: number): bigint {
  return (BigInt(u[i + 3]!) << 96n) | (BigInt(u[i + 2]!) << 64n) | (BigInt(u[i + 1]!) << 32n) | BigInt(u[i]!);
}

export function bitsToLanes(v: bigint, out: Uint32Array, oi: number): void {
  out[oi] = Number(v & M32);
  out[oi + 1] = Number((v >> 32n) & M32);
  out[oi + 2] = Number((v >> 64n) & M32);
  out[oi + 3] = Number((v >> 96n) & M32);
}

/** Decomposes a finite element (caller checks for inf/nan). */
export function toParts(u: Uint32Array, i: number): Parts {
  const hi = u[i + 3]!;
  const e = (hi >>> 16) & 0x7fff;
  let mant = (BigInt(hi & 0xffff) << 96n) | (BigInt(u[i + 2]!) << 64n) | (BigInt(u[i + 1]!) << 32n) | BigInt(u[i]!);
  if (e !== 0) mant |= 1n << 112n;
  return { neg: (hi & 0x80000000) !== 0, mant, exp: (e === 0 ? 1 : e) - 16495 };
}

export function bitLength(v: bigint): number {
  if (v === 0n) return 0;
  // toString(16) length gives the bit length to within 4 bits.
  const h = v.toString(16);
  return (h.length - 1) * 4 + (32 - Math.clz32(parseInt(h[0]!, 16)));
}

/**
 * Writes the RNE rounding of (−1)^neg · (mant + ε) · 2^exp where `sticky` says whether a
 * nonzero ε ∈ (0, 1) was dropped by the caller (mant must then be ≥ 2^145 so ε is far below
 * the rounding position, or the caller shifted enough).
 */
export function roundFromBig(neg: boolean, mant: bigint, exp: number, sticky: boolean, out: Uint32Array, oi: number): void {
  const sign = neg ? 0x80000000 : 0;
  if (mant === 0n) {
    // Only a dropped tail remains: rounds to zero (tail < 1 · 2^exp, which callers keep tiny).
    packZero(sign, out, oi);
    return;
  }
  const len = bitLength(mant);
  // Normalise to exactly 145 bits (113-bit significand + 32 extra bits), jamming what falls off.
  let m = mant;
  let e = exp;
  if (len > 145) {
    const sh = BigInt(len - 145);
    if (!sticky && (m & ((1n << sh) - 1n)) !== 0n) sticky = true;
    m >>= sh;
    e += len - 145;
  } else if (len < 145) {
    m <<= BigInt(145 - len);
    e -= 145 - len;
  }
  if (sticky) m |= 1n;
  // value = m · 2^e = sig · 2^(e + 32); in roundPack convention exp' = e + 32 + 16494.
  const ex = e + 32 + 16494;
  if (ex > 0x7fff) { packInf(sign, out, oi); return; }
  if (ex < -200) { packZero(sign, out, oi); return; } // far below the smallest subnormal
  S[0] = Number(m & M32);
  S[1] = Number((m >> 32n) & M32);
  S[2] = Number((m >> 64n) & M32);
  S[3] = Number((m >> 96n) & M32);
  S[4] = Number(m >> 128n);
  roundPack(sign, ex, out, oi);
}
