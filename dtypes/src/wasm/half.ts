// Plain-JS float16 <-> number conversions with the same semantics as the wasm kernels
// (dtypes/wasm/cast.ts): one rounding to nearest-even; every NaN encodes as 0x7e00.

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
/** Index of the high 32-bit word of a float64 in `scratchWords` (platform endianness). */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export const HALF_NAN_BITS = 0x7e00;

/** Rounds a non-negative double to an integer, ties to even. */
function roundHalfEven(q: number): number {
  const floor = Math.floor(q);
  const fraction = q - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** float16 bits of `x` (any double, including float32 values: they are exact in double). */
export function numberToHalfBits(x: number): number {
  if (x !== x) return HALF_NAN_BITS;
  scratch[0] = x;
  const high = scratchWords[HIGH_WORD] ?? 0;
  const sign = (high >>> 16) & 0x8000;
  const biased = (high >>> 20) & 0x7ff;
  if (biased === 0x7ff) return sign | 0x7c00;
  const e = biased - 1023;
  if (e >= 16) return sign | 0x7c00;
  const magnitude = Math.abs(x);
  // Scaling by a power of two is exact, so the only rounding is roundHalfEven.
  if (e >= -14) return sign | (((e + 14) << 10) + roundHalfEven(magnitude * 2 ** (10 - e)));
  return sign | roundHalfEven(magnitude * 2 ** 24);
}

/** Value of float16 bits `h` (exact). */
export function halfBitsToNumber(h: number): number {
  const exponent = (h >>> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  let magnitude: number;
  if (exponent === 0) magnitude = mantissa * 2 ** -24;
  else if (exponent === 31) magnitude = mantissa === 0 ? Infinity : NaN;
  else magnitude = (mantissa + 1024) * 2 ** (exponent - 25);
  return (h & 0x8000) !== 0 ? -magnitude : magnitude;
}
