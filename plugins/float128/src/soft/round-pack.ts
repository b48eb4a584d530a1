// Shared rounding core for the limb-based binary128 operations.
// Convention (after Berkeley SoftFloat's roundPackToF128): a result is passed as a
// significand `sig` (≤ 113 bits, hidden bit at bit 112 when normal) plus 32 extra bits,
// and an exponent `exp` = biased exponent − 1, so that packing is `(exp << 112) + sig`.
// A carry out of the significand during rounding then bumps the exponent for free,
// and subnormals are simply `exp = 0` without the hidden bit (IEEE 754-2019 §3.4).

/** Scratch significand, little-endian 32-bit limbs: S[0] = 32 extra (round/sticky) bits, S[1..4] = sig. */
export const S = new Uint32Array(5);

/** Exponent bias of binary128 (IEEE 754-2019 Table 3.5). */
export const BIAS = 16383;

/** Shifts S right by n bits, OR-ing every bit shifted out into bit 0 ("jamming"). */
export function shiftRightJam(n: number): void {
  if (n <= 0) return;
  if (n >= 160) {
    const any = S[0]! | S[1]! | S[2]! | S[3]! | S[4]!;
    S[0] = any !== 0 ? 1 : 0;
    S[1] = 0; S[2] = 0; S[3] = 0; S[4] = 0;
    return;
  }
  const w = n >>> 5;
  const b = n & 31;
  let sticky = 0;
  for (let i = 0; i < w; i++) sticky |= S[i]!;
  if (b !== 0) sticky |= S[w]! << (32 - b);
  for (let i = 0; i < 5; i++) {
    const j = i + w;
    const lo = j < 5 ? S[j]! : 0;
    if (b === 0) S[i] = lo;
    else S[i] = (lo >>> b) | ((j + 1 < 5 ? S[j + 1]! : 0) << (32 - b));
  }
  if (sticky !== 0) S[0] = S[0]! | 1;
}

/** Shifts S left by n bits (0 ≤ n < 160); bits above bit 159 are lost (callers ensure they are 0). */
export function shiftLeft(n: number): void {
  if (n <= 0) return;
  const w = n >>> 5;
  const b = n & 31;
  for (let i = 4; i >= 0; i--) {
    const j = i - w;
    const hi = j >= 0 ? S[j]! : 0;
    if (b === 0) S[i] = hi;
    else S[i] = (hi << b) | (j - 1 >= 0 ? S[j - 1]! >>> (32 - b) : 0);
  }
}

/** Number of leading zero bits of S counted from bit 144 (the hidden-bit position + 32). */
export function leadingZeros145(): number {
  if (S[4] !== 0) return Math.clz32(S[4]!) - 15;
  if (S[3] !== 0) return Math.clz32(S[3]!) + 17;
  if (S[2] !== 0) return Math.clz32(S[2]!) + 49;
  if (S[1] !== 0) return Math.clz32(S[1]!) + 81;
  if (S[0] !== 0) return Math.clz32(S[0]!) + 113;
  return 145;
}

/** Writes ±infinity. `sign` is 0 or 0x80000000. */
export function packInf(sign: number, out: Uint32Array, oi: number): void {
  out[oi] = 0; out[oi + 1] = 0; out[oi + 2] = 0;
  out[oi + 3] = (sign | 0x7fff0000) >>> 0;
}

/** Writes ±0. */
export function packZero(sign: number, out: Uint32Array, oi: number): void {
  out[oi] = 0; out[oi + 1] = 0; out[oi + 2] = 0; out[oi + 3] = sign >>> 0;
}

/** Writes the default quiet NaN (positive, quiet bit set). */
export function packNaN(out: Uint32Array, oi: number): void {
  out[oi] = 0; out[oi + 1] = 0; out[oi + 2] = 0; out[oi + 3] = 0x7fff8000;
}

/** Copies a NaN operand to out, setting its quiet bit (IEEE 754-2019 §6.2.3 payload propagation). */
export function propagateNaN(src: Uint32Array, si: number, out: Uint32Array, oi: number): void {
  out[oi] = src[si]!; out[oi + 1] = src[si + 1]!; out[oi + 2] = src[si + 2]!;
  out[oi + 3] = (src[si + 3]! | 0x8000) >>> 0;
}

/** True when the element at (a, ai) is a NaN. */
export function isNaNAt(a: Uint32Array, ai: number): boolean {
  const hi = a[ai + 3]!;
  return (hi & 0x7fff0000) === 0x7fff0000 && ((hi & 0xffff) | a[ai + 2]! | a[ai + 1]! | a[ai]!) !== 0;
}

/**
 * Rounds S (with exponent convention above) to nearest, ties to even, and writes the result.
 * Requires: S[4] < 2^17; if exp > 0 the hidden bit (S[4] bit 16) is set. exp may be negative
 * (the value is then denormalised here) or large (overflow to infinity).
 */
export function roundPack(sign: number, exp: number, out: Uint32Array, oi: number): void {
  if (exp < 0) {
    shiftRightJam(-exp);
    exp = 0;
  }
  roundPackParts(sign, exp, S[0]!, S[1]!, S[2]!, S[3]!, S[4]!, out, oi);
}

/** roundPack on explicit limbs (x = extra bits, m0..m3 = significand); requires exp ≥ 0. */
export function roundPackParts(
  sign: number, exp: number, x: number, m0: number, m1: number, m2: number, m3: number, out: Uint32Array, oi: number,
): void {
  if (x > 0x80000000 || (x === 0x80000000 && (m0 & 1) === 1)) {
    m0 = (m0 + 1) >>> 0;
    if (m0 === 0) {
      m1 = (m1 + 1) >>> 0;
      if (m1 === 0) {
        m2 = (m2 + 1) >>> 0;
        if (m2 === 0) m3 = m3 + 1;
      }
    }
  }
  const field = exp + (m3 >>> 16);
  if (field >= 0x7fff) {
    packInf(sign, out, oi);
    return;
  }
  out[oi] = m0; out[oi + 1] = m1; out[oi + 2] = m2;
  out[oi + 3] = (sign | (field << 16) | (m3 & 0xffff)) >>> 0;
}
