/**
 * Fused multiply-add emulation. NumPy's SIMD complex multiply uses FMA (re = fma(ar, br, -ai·bi),
 * im = fma(ar, bi, ai·br)), so matching it bit for bit needs a single rounding of a·b + c.
 * fma64: Dekker's exact product plus a compensated sum; correct except in rare double-rounding
 * ties and when a·b over/underflows (then a·b + c). fma32: float32 products are exact in float64.
 */
const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp split of a float64 into two 26-bit halves)

export function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || !Number.isFinite(c) || Math.abs(p) < 1e-290 || Math.abs(p) > 1e300) return p + c;
  // exact a·b = p + e
  const ta = SPLITTER * a, aHi = ta - (ta - a), aLo = a - aHi;
  const tb = SPLITTER * b, bHi = tb - (tb - b), bLo = b - bHi;
  const e = ((aHi * bHi - p) + aHi * bLo + aLo * bHi) + aLo * bLo;
  // s + t = p + c exactly (TwoSum)
  const s = p + c;
  const bv = s - p;
  const t = (p - (s - bv)) + (c - bv);
  return s + (t + e);
}

export function fma32(a: number, b: number, c: number): number {
  return Math.fround(a * b + c);
}
