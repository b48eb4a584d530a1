/** Helpers for the loop tests: decoding the NumPy reference, allocating storage, ulp distance. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoopContext } from '../../../core/src/dtype/loop.js';
import type { TypedArray } from '../../../core/src/storage/typed.js';

export interface LoopRef { ufunc: string; dtypes: string[]; n: number; inputs: string[]; outputs: string[]; error?: string }
export interface ReduceRef { ufunc: string; dtype: string; n: number; initial: string; input: string; output: string }
export interface SumRef { dtype: string; seed: number; count: number; n: number; stride: number; sum: string }
export interface ArgRef { kind: 'argmin' | 'argmax'; dtype: string; n: number; input: string; result: number }
export interface Reference {
  numpy: string; loops: LoopRef[]; reduce: ReduceRef[]; sums: SumRef[]; arg: ArgRef[];
  sumSignedZero: Record<string, string>;
}

export function loadReference(): Reference {
  const path = fileURLToPath(new URL('./loops.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Reference;
}

export const CTX: LoopContext = { descriptors: [], options: {}, auxdata: null };

type Ctor = new (buffer: ArrayBuffer) => TypedArray;
const STORAGE: Readonly<Record<string, readonly [Ctor, number]>> = {
  bool: [Uint8Array, 1], int8: [Int8Array, 1], uint8: [Uint8Array, 1], int16: [Int16Array, 1],
  uint16: [Uint16Array, 1], int32: [Int32Array, 1], uint32: [Uint32Array, 1],
  int64: [BigInt64Array, 1], uint64: [BigUint64Array, 1], float16: [Uint16Array, 1],
  float32: [Float32Array, 1], float64: [Float64Array, 1], complex64: [Float32Array, 2], complex128: [Float64Array, 2],
};

export function lanesOf(dtype: string): number {
  return STORAGE[dtype]![1];
}

/** Storage for `n` elements of `dtype` (lanes included). */
export function allocate(dtype: string, n: number): TypedArray {
  const [ctor, lanes] = STORAGE[dtype]!;
  const bytesPer = new ctor(new ArrayBuffer(0)).BYTES_PER_ELEMENT;
  return new ctor(new ArrayBuffer(n * lanes * bytesPer));
}

export function decode(b64: string, dtype: string): TypedArray {
  const bytes = Buffer.from(b64, 'base64');
  const [ctor] = STORAGE[dtype]!;
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return new ctor(buffer);
}

/** Distance in units in the last place between two floats of `kind` (−0 and +0 are 1 apart); 0 when both are NaN. */
export function ulpDistance(a: number | bigint, b: number | bigint, kind: 'float16' | 'float32' | 'float64'): number {
  if (kind === 'float16') {
    const x = Number(a), y = Number(b);
    const nanX = (x & 0x7c00) === 0x7c00 && (x & 0x3ff) !== 0, nanY = (y & 0x7c00) === 0x7c00 && (y & 0x3ff) !== 0;
    if (nanX || nanY) return nanX && nanY ? 0 : Infinity;
    const ord = (v: number) => (v & 0x8000 ? -(v & 0x7fff) - 1 : v); // -0 is one step below +0
    return Math.abs(ord(x) - ord(y));
  }
  const x = Number(a), y = Number(b);
  if (x !== x || y !== y) return x !== x && y !== y ? 0 : Infinity;
  if (kind === 'float32') {
    const f = new Float32Array([x, y]);
    const i = new Int32Array(f.buffer);
    const ord = (v: number) => (v < 0 ? -(v & 0x7fffffff) - 1 : v);
    return Math.abs(ord(i[0]!) - ord(i[1]!));
  }
  const f = new Float64Array([x, y]);
  const i = new BigInt64Array(f.buffer);
  const ord = (v: bigint) => (v < 0n ? -(v & 0x7fffffffffffffffn) - 1n : v);
  const d = ord(i[0]!) - ord(i[1]!);
  return Number(d < 0n ? -d : d);
}

/** The real float kind whose ulps measure `dtype`'s values (null for exact-only dtypes). */
export function floatKind(dtype: string): 'float16' | 'float32' | 'float64' | null {
  if (dtype === 'float16' || dtype === 'float32' || dtype === 'float64') return dtype;
  if (dtype === 'complex64') return 'float32';
  if (dtype === 'complex128') return 'float64';
  return null;
}

/** Largest ulp distance between `got` and `want` (exact types: 0 or Infinity). Returns [max, firstBadIndex]. */
export function compareArrays(got: TypedArray, want: TypedArray, dtype: string, tolerance: number): [number, number] {
  const kind = floatKind(dtype);
  let worst = 0;
  let firstBad = -1;
  for (let i = 0; i < want.length; i++) {
    const d = kind ? ulpDistance(got[i]!, want[i]!, kind) : got[i] === want[i] ? 0 : Infinity;
    if (d > worst) worst = d;
    if (d > tolerance && firstBad < 0) firstBad = i;
  }
  return [worst, firstBad];
}

/** mulberry32 + the same float construction as gen_loop_reference.py's prng_floats. */
export function prngFloats(seed: number, count: number): Float64Array {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1) >>> 0;
    t = (t ^ ((t + (Math.imul(t ^ (t >>> 7), t | 61) >>> 0)) >>> 0)) >>> 0;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const mantissa = next(), exponent = next();
    out[i] = (mantissa / 2 ** 32 - 0.5) * 2 ** ((exponent % 41) - 20);
  }
  return out;
}
