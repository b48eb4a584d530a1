/** Helpers for promotion.test.ts / multiout.test.ts: the NumPy reference from gen_promotion_reference.py. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as dt from 'dtkit';

export interface DispatchRow { ufunc: string; inputs: string[]; outputs: string[] | null }
export interface ValuesRef { ufunc: string; inputs: string[]; outputs: string[]; n: number; in: string[]; out: string[] }
export type WeakOperand = { dtype: string; values: string } | { scalar: number | boolean };
export interface WeakRef { ufunc: string; operands: WeakOperand[]; outputs: string[]; out: string[]; shape: number[] }
export interface MultiLoopRef { ufunc: string; dtypes: string[]; n: number; in: string[]; out: string[] }
export interface PromotionReference {
  numpy: string; legacyPromoted: string[]; dispatch: DispatchRow[]; values: ValuesRef[]; weak: WeakRef[]; loops: MultiLoopRef[];
}

export function loadPromotionReference(): PromotionReference {
  const path = fileURLToPath(new URL('./promotion.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as PromotionReference;
}

export function bytesOf(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

/** An array of `dtype` from reference bytes, repeated `reps` times (long enough for the wasm kernels). */
export function arrayFrom(b64: string, dtype: string, reps = 1): dt.NDArray {
  const one = bytesOf(b64);
  const all = new Uint8Array(one.length * reps);
  for (let r = 0; r < reps; r++) all.set(one, r * one.length);
  return dt.fromBytes(all, dtype);
}

/** The backend orders every test runs under: plain JS only, and the default (wasm first). */
export const BACKEND_ORDERS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['js', ['js']],
  ['default', ['webgpu', 'wasm', 'js']],
];
