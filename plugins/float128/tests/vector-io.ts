// Helpers for reading the libquadmath reference vectors (tests/vectors/*.txt).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function readVectors(name: string): string[][] {
  const path = fileURLToPath(new URL(`./vectors/${name}.txt`, import.meta.url));
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => l.split(' '));
}

/** 32 hex digits (most significant first) → 4 little-endian uint32 lanes written at out[oi..]. */
export function hexToLanes(hex: string, out: Uint32Array, oi: number): void {
  for (let k = 0; k < 4; k++) out[oi + k] = parseInt(hex.slice(24 - 8 * k, 32 - 8 * k), 16) >>> 0;
}

export function lanesToHex(u: Uint32Array, i: number): string {
  let s = '';
  for (let k = 3; k >= 0; k--) s += u[i + k]!.toString(16).padStart(8, '0');
  return s;
}

export function isNaNHex(hex: string): boolean {
  return /^[7f]fff/.test(hex) && !/^[7f]fff0{28}$/.test(hex);
}

/** Same bits, or both NaN. */
export function sameResult(got: string, want: string): boolean {
  return got === want || (isNaNHex(got) && isNaNHex(want));
}

/** Distance in ulps between two finite float128 patterns of the same sign (ordered-integer trick). */
export function ulpDistance(got: string, want: string): number {
  const key = (h: string): bigint => {
    const v = BigInt('0x' + h);
    const neg = (v >> 127n) & 1n;
    const mag = v & ((1n << 127n) - 1n);
    return neg ? -mag : mag;
  };
  const d = key(got) - key(want);
  const ad = d < 0n ? -d : d;
  return ad > 1000000n ? Infinity : Number(ad);
}
