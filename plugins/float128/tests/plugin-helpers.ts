// Shared helpers for the plugin tests: float128 arrays from/to libquadmath hex patterns.
import * as dt from 'dtkit';
import { float128, plugin } from '@dtkit/float128';

dt.use(plugin);

/** 32 hex digits (most significant first) → the 16 little-endian bytes of a C __float128. */
export function hexToBytes(hexes: readonly string[]): Uint8Array {
  const bytes = new Uint8Array(16 * hexes.length);
  hexes.forEach((h, k) => {
    for (let b = 0; b < 16; b++) bytes[16 * k + b] = parseInt(h.slice(30 - 2 * b, 32 - 2 * b), 16);
  });
  return bytes;
}

export function fromHex(hexes: readonly string[]): dt.NDArray {
  return dt.fromBytes(hexToBytes(hexes), float128, [hexes.length]);
}

export function toHex(a: dt.NDArray): string[] {
  const bytes = a.toBytes();
  const out: string[] = [];
  for (let k = 0; k < bytes.length / 16; k++) {
    let s = '';
    for (let b = 15; b >= 0; b--) s += bytes[16 * k + b]!.toString(16).padStart(2, '0');
    out.push(s);
  }
  return out;
}

/** The error a call throws (fails the test when it does not throw). */
export function thrown(f: () => unknown): { name: string; code: string; message: string } {
  try {
    f();
  } catch (e) {
    return e as { name: string; code: string; message: string };
  }
  throw new Error('expected an error');
}

/** Elements of a 1-D array as strings (Float128.toString for float128). */
export function strings(a: dt.NDArray): string[] {
  return (a.toArray() as unknown[]).map(String);
}
