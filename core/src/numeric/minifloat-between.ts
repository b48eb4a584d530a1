/**
 * Conversions between minifloat formats. Decoding is exact, so decode-then-encode of the exact
 * value is a single rounding; it is precomputed into one lookup table per (source, target,
 * overflow mode), so the bulk loop is a table read per element.
 */
import {
  BFLOAT16, FLOAT16, FLOAT8_E4M3FN, FLOAT8_E5M2,
  type MinifloatFormat, type MinifloatOverflow,
} from './minifloat-format.js';
import { decodeMinifloat, encodeMinifloat } from './minifloat-scalar.js';

/** Storage of a minifloat array: 16-bit formats in Uint16Array, 8-bit ones in Uint8Array. */
export type MinifloatStorage = Uint16Array | Uint8Array;

const tables = new Map<string, Uint16Array>();

/** Target code for every source code (built on first use, then cached). */
export function minifloatConversionTable(
  from: MinifloatFormat, to: MinifloatFormat, overflow: MinifloatOverflow = 'inf',
): Uint16Array {
  const key = `${from.name}>${to.name}>${overflow}`;
  let table = tables.get(key);
  if (table === undefined) {
    const codes = 2 ** (1 + from.expBits + from.mantBits);
    table = new Uint16Array(codes);
    for (let code = 0; code < codes; code++) {
      table[code] = encodeMinifloat(decodeMinifloat(code, from), to, overflow);
    }
    tables.set(key, table);
  }
  return table;
}

/** Converts n strided elements from one minifloat format to another, one rounding each. */
export function convertMinifloat(
  n: number, src: MinifloatStorage, srcOff: number, srcStride: number, from: MinifloatFormat,
  dst: MinifloatStorage, dstOff: number, dstStride: number, to: MinifloatFormat,
  overflow: MinifloatOverflow = 'inf',
): void {
  const table = minifloatConversionTable(from, to, overflow);
  for (let i = 0, s = srcOff, t = dstOff; i < n; i++, s += srcStride, t += dstStride) {
    dst[t] = table[src[s]!]!;
  }
}

type Between<S, D> = (
  n: number, src: S, srcOff: number, srcStride: number,
  dst: D, dstOff: number, dstStride: number, overflow?: MinifloatOverflow,
) => void;

function between<S extends MinifloatStorage, D extends MinifloatStorage>(
  from: MinifloatFormat, to: MinifloatFormat,
): Between<S, D> {
  return (n, src, so, ss, dst, dOff, ds, overflow = 'inf') =>
    convertMinifloat(n, src, so, ss, from, dst, dOff, ds, to, overflow);
}

type U16 = Uint16Array;
type U8 = Uint8Array;

export const bfloat16ToFloat16 = between<U16, U16>(BFLOAT16, FLOAT16);
export const float16ToBFloat16 = between<U16, U16>(FLOAT16, BFLOAT16);
export const bfloat16ToFloat8E4M3FN = between<U16, U8>(BFLOAT16, FLOAT8_E4M3FN);
export const bfloat16ToFloat8E5M2 = between<U16, U8>(BFLOAT16, FLOAT8_E5M2);
export const float16ToFloat8E4M3FN = between<U16, U8>(FLOAT16, FLOAT8_E4M3FN);
export const float16ToFloat8E5M2 = between<U16, U8>(FLOAT16, FLOAT8_E5M2);
export const float8E4M3FNToBFloat16 = between<U8, U16>(FLOAT8_E4M3FN, BFLOAT16);
export const float8E4M3FNToFloat16 = between<U8, U16>(FLOAT8_E4M3FN, FLOAT16);
export const float8E5M2ToBFloat16 = between<U8, U16>(FLOAT8_E5M2, BFLOAT16);
export const float8E5M2ToFloat16 = between<U8, U16>(FLOAT8_E5M2, FLOAT16);
export const float8E4M3FNToFloat8E5M2 = between<U8, U8>(FLOAT8_E4M3FN, FLOAT8_E5M2);
export const float8E5M2ToFloat8E4M3FN = between<U8, U8>(FLOAT8_E5M2, FLOAT8_E4M3FN);
