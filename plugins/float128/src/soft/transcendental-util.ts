// Shared special-value handling for the transcendental functions.
import { packInf, packNaN, packZero, propagateNaN } from './round-pack.js';
import { fromNumber } from './convert.js';

/** Classification used by the transcendental wrappers. */
export type Kind = 'nan' | 'inf' | 'zero' | 'finite';

export function kindOf(a: Uint32Array, ai: number): Kind {
  const hi = a[ai + 3]!;
  const e = (hi >>> 16) & 0x7fff;
  const f = (hi & 0xffff) | a[ai + 2]! | a[ai + 1]! | a[ai]!;
  if (e === 0x7fff) return f !== 0 ? 'nan' : 'inf';
  return e === 0 && f === 0 ? 'zero' : 'finite';
}

export const isNeg = (a: Uint32Array, ai: number): boolean => (a[ai + 3]! & 0x80000000) !== 0;

/** Writes a small exactly representable number (±0, ±1, ±inf, NaN, …). */
export function writeNumber(v: number, out: Uint32Array, oi: number): void {
  if (Number.isNaN(v)) packNaN(out, oi);
  else if (v === Infinity || v === -Infinity) packInf(v < 0 ? 0x80000000 : 0, out, oi);
  else if (v === 0) packZero(Object.is(v, -0) ? 0x80000000 : 0, out, oi);
  else fromNumber(v, out, oi);
}

export function copyNaN(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void {
  propagateNaN(a, ai, out, oi);
}

export function copy(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void {
  out[oi] = a[ai]!; out[oi + 1] = a[ai + 1]!; out[oi + 2] = a[ai + 2]!; out[oi + 3] = a[ai + 3]!;
}
