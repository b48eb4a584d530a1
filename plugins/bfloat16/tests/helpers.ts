// Shared helpers for the public-API tests: raw codes in and out of arrays via fromBytes/toBytes.
import * as dt from 'dtkit';
import { plugin } from '@dtkit/bfloat16';

dt.use(plugin);

/** An array whose elements have the given raw codes (little-endian, 1 or 2 bytes each). */
export function fromCodes(codes: readonly number[], dtype: dt.DType): dt.NDArray {
  const width = dtype.itemsize!;
  const bytes = new Uint8Array(codes.length * width);
  codes.forEach((c, i) => {
    bytes[i * width] = c & 0xff;
    if (width === 2) bytes[i * width + 1] = c >>> 8;
  });
  return dt.fromBytes(bytes, dtype, [codes.length]);
}

/** The raw codes of a 1-D array of a 1- or 2-byte dtype. */
export function codesOf(a: dt.NDArray): number[] {
  const bytes = a.toBytes();
  const width = a.dtype.itemsize!;
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += width) out.push(width === 2 ? bytes[i]! | (bytes[i + 1]! << 8) : bytes[i]!);
  return out;
}

export const hex = (s: string): number => parseInt(s, 16);
