// Scalar conversions shared by the JS cast loops (builtin-casts.ts, generated/casts.generated.ts)
// and the wasm backend's plain-JS fallbacks (../wasm/fallback-cast.ts). They reproduce the wasm
// kernels (dtypes/wasm/cast.ts) bit for bit, so results never depend on where an array lives:
// - float -> integer: truncate toward zero, saturate to int64 (NaN -> 0), wrap to the width;
//   uint64 targets take negatives through int64 and saturate the rest at 2^64 - 1;
// - int64/uint64 -> float32: one rounding (ties to even) from the exact integer.

export const TWO_32 = 2 ** 32;
export const TWO_63 = 2 ** 63;
export const TWO_64 = 2 ** 64;
export const INT64_MAX = 2n ** 63n - 1n;
export const INT64_MIN = -(2n ** 63n);
export const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Float -> 8/16/32-bit integer, as a value for a typed-array store. Stores already truncate and
 * wrap (NaN/±inf -> 0), so only the int64 saturation needs handling: int64 max has all low bits
 * set (stores as -1), int64 min has them clear (stores as 0).
 */
export const floatToSmallInt = (x: number): number => (x >= TWO_63 ? -1 : x <= -TWO_63 ? 0 : x);

/** Float -> int64: truncate, saturate, NaN -> 0. */
export const floatToInt64 = (x: number): bigint =>
  x !== x ? 0n : x >= TWO_63 ? INT64_MAX : x <= -TWO_63 ? INT64_MIN : BigInt(Math.trunc(x));

/** Float -> uint64: negatives go through int64 (wrapping), others saturate at 2^64 - 1. */
export const floatToUint64 = (x: number): bigint =>
  x !== x ? 0n : x < 0 ? BigInt.asUintN(64, floatToInt64(x)) : x >= TWO_64 ? UINT64_MAX : BigInt(Math.trunc(x));

/**
 * float32 of the unsigned 64-bit integer hi * 2^32 + lo (both uint32), rounded once. At 2^53 and
 * above, float32's round bit sits at bit 29 or higher, so bits 0..11 only matter as a sticky bit:
 * folding them into bit 11 leaves a 53-bit-wide value that double holds exactly, and fround then
 * rounds once.
 */
export function uint64WordsToFloat32(hi: number, lo: number): number {
  if (hi < 0x200000) return Math.fround(hi * TWO_32 + lo);
  const folded = ((lo & 0xfffff000) | ((lo & 0xfff) !== 0 ? 0x800 : 0)) >>> 0;
  return Math.fround(hi * TWO_32 + folded);
}

/** float32 of the int64 with words hi (int32) and lo (uint32 or int32 bits), rounded once. */
export function int64WordsToFloat32(hi: number, lo: number): number {
  if (hi >= 0) return uint64WordsToFloat32(hi, lo >>> 0);
  // Negate in 64 bits (ties-to-even rounding is symmetric); int64 min becomes 2^63 unsigned.
  const magLo = -lo >>> 0;
  const magHi = (~hi + (magLo === 0 ? 1 : 0)) >>> 0;
  return -uint64WordsToFloat32(magHi, magLo);
}

/** int64 / uint64 -> float32, rounded once. */
export function bigToFloat32(b: bigint): number {
  if (b >= -(2n ** 53n) && b <= 2n ** 53n) return Math.fround(Number(b));
  const lo = Number(BigInt.asUintN(32, b));
  return b < 0n ? int64WordsToFloat32(Number(BigInt.asIntN(32, b >> 32n)), lo) : uint64WordsToFloat32(Number(b >> 32n), lo);
}

/** int64 / uint64 -> 8/16/32-bit integer: the low 32 bits (the store wraps further). */
export const bigToSmallInt = (b: bigint): number => Number(BigInt.asIntN(32, b));
