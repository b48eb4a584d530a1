// Operand unpacking shared by mul/div/sqrt: classify, and normalise subnormal significands.
// Subnormals are shifted so the hidden bit is at bit 112, with a correspondingly lower
// (possibly negative) exponent; roundPack denormalises results again (IEEE 754-2019 §3.4).

/** Normalised significand of the last unpacked operand: 4 little-endian 32-bit limbs. */
export const N = new Uint32Array(4);

/**
 * Loads the finite nonzero element (src, si) into N with hidden bit at 112 and returns its
 * exponent in roundPack convention (biased − 1, below 0 for subnormals).
 */
export function unpackNormalized(src: Uint32Array, si: number): number {
  const hi = src[si + 3]!;
  const e = (hi >>> 16) & 0x7fff;
  N[0] = src[si]!; N[1] = src[si + 1]!; N[2] = src[si + 2]!;
  if (e !== 0) {
    N[3] = (hi & 0xffff) | 0x10000;
    return e - 1;
  }
  N[3] = hi & 0xffff;
  let lz: number;
  if (N[3] !== 0) lz = Math.clz32(N[3]!) - 15;
  else if (N[2] !== 0) lz = Math.clz32(N[2]!) + 17;
  else if (N[1] !== 0) lz = Math.clz32(N[1]!) + 49;
  else lz = Math.clz32(N[0]!) + 81;
  const w = lz >>> 5, b = lz & 31;
  for (let i = 3; i >= 0; i--) {
    const j = i - w;
    const v = j >= 0 ? N[j]! : 0;
    N[i] = b === 0 ? v : (v << b) | (j >= 1 ? N[j - 1]! >>> (32 - b) : 0);
  }
  return -lz;
}

/** Classification codes returned by classify(). */
export const ZERO = 0, FINITE = 1, INF = 2, NAN = 3;

export function classify(src: Uint32Array, si: number): number {
  const hi = src[si + 3]!;
  const e = (hi >>> 16) & 0x7fff;
  const f = (hi & 0xffff) | src[si + 2]! | src[si + 1]! | src[si]!;
  if (e === 0x7fff) return f !== 0 ? NAN : INF;
  if (e === 0 && f === 0) return ZERO;
  return FINITE;
}
