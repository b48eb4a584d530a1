// Sign operations and comparisons (IEEE 754-2019 §5.5.1 and §5.11): bit-level, no rounding.

/** out = −a (flips the sign bit, also for NaN). */
export function neg128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void {
  out[oi] = a[ai]!; out[oi + 1] = a[ai + 1]!; out[oi + 2] = a[ai + 2]!;
  out[oi + 3] = (a[ai + 3]! ^ 0x80000000) >>> 0;
}

/** out = |a| (clears the sign bit). */
export function abs128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void {
  out[oi] = a[ai]!; out[oi + 1] = a[ai + 1]!; out[oi + 2] = a[ai + 2]!;
  out[oi + 3] = a[ai + 3]! & 0x7fffffff;
}

/** out = magnitude of a with the sign of b. */
export function copysign128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  out[oi] = a[ai]!; out[oi + 1] = a[ai + 1]!; out[oi + 2] = a[ai + 2]!;
  out[oi + 3] = ((a[ai + 3]! & 0x7fffffff) | (b[bi + 3]! & 0x80000000)) >>> 0;
}

export function isNaN128(a: Uint32Array, ai: number): boolean {
  const hi = a[ai + 3]!;
  return (hi & 0x7fff0000) === 0x7fff0000 && ((hi & 0xffff) | a[ai + 2]! | a[ai + 1]! | a[ai]!) !== 0;
}

export function isInf128(a: Uint32Array, ai: number): boolean {
  return (a[ai + 3]! & 0x7fffffff) === 0x7fff0000 && (a[ai + 2]! | a[ai + 1]! | a[ai]!) === 0;
}

export function isFinite128(a: Uint32Array, ai: number): boolean {
  return (a[ai + 3]! & 0x7fff0000) !== 0x7fff0000;
}

export function isZero128(a: Uint32Array, ai: number): boolean {
  return ((a[ai + 3]! & 0x7fffffff) | a[ai + 2]! | a[ai + 1]! | a[ai]!) === 0;
}

export function signBit128(a: Uint32Array, ai: number): boolean {
  return (a[ai + 3]! & 0x80000000) !== 0;
}

/**
 * Total-order style numeric comparison: −1 if a < b, 0 if equal (+0 == −0), 1 if a > b,
 * NaN if unordered (either is NaN).
 */
export function compare128(a: Uint32Array, ai: number, b: Uint32Array, bi: number): number {
  if (isNaN128(a, ai) || isNaN128(b, bi)) return NaN;
  const a3 = a[ai + 3]!, b3 = b[bi + 3]!;
  const az = isZero128(a, ai), bz = isZero128(b, bi);
  if (az && bz) return 0;
  const sa = (a3 & 0x80000000) !== 0, sb = (b3 & 0x80000000) !== 0;
  if (sa !== sb) return sa ? -1 : 1;
  // Same sign: compare magnitudes as unsigned 127-bit integers (the format is monotone).
  let c = 0;
  const h0 = a3 & 0x7fffffff, h1 = b3 & 0x7fffffff;
  if (h0 !== h1) c = h0 < h1 ? -1 : 1;
  else if (a[ai + 2] !== b[bi + 2]) c = a[ai + 2]! < b[bi + 2]! ? -1 : 1;
  else if (a[ai + 1] !== b[bi + 1]) c = a[ai + 1]! < b[bi + 1]! ? -1 : 1;
  else if (a[ai] !== b[bi]) c = a[ai]! < b[bi]! ? -1 : 1;
  return sa ? -c : c;
}

export function eq128(a: Uint32Array, ai: number, b: Uint32Array, bi: number): boolean {
  return compare128(a, ai, b, bi) === 0;
}
export function lt128(a: Uint32Array, ai: number, b: Uint32Array, bi: number): boolean {
  return compare128(a, ai, b, bi) === -1;
}
export function le128(a: Uint32Array, ai: number, b: Uint32Array, bi: number): boolean {
  const c = compare128(a, ai, b, bi);
  return c === -1 || c === 0;
}

/** out = min/max propagating NaN (NumPy minimum/maximum semantics); −0 < +0. */
export function min128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  pick(a, ai, b, bi, out, oi, -1);
}
export function max128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  pick(a, ai, b, bi, out, oi, 1);
}
function pick(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number, want: number): void {
  let useA: boolean;
  if (isNaN128(a, ai)) useA = true;
  else if (isNaN128(b, bi)) useA = false;
  else {
    const c = compare128(a, ai, b, bi);
    if (c === 0) useA = want < 0 ? signBit128(a, ai) : !signBit128(a, ai);
    else useA = c === want;
  }
  const s = useA ? a : b, si = useA ? ai : bi;
  out[oi] = s[si]!; out[oi + 1] = s[si + 1]!; out[oi + 2] = s[si + 2]!; out[oi + 3] = s[si + 3]!;
}
