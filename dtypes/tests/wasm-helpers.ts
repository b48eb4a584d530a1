// Shared fixtures for the wasm tests: typed values with edge cases, operand layouts, and
// bit-exact comparison.
import type { LoopContext, StridedLoop } from '../../core/src/dtype/loop.js';
import type { TypedArray, TypedArrayKind } from '../../core/src/storage/typed.js';
import { TYPED_ARRAY_CTORS } from '../../core/src/storage/typed.js';
import type { WasmLoopSet } from '../src/wasm/loops.js';

export const CTX: LoopContext = { descriptors: [], options: {}, auxdata: undefined };

export type Scalar = number | bigint;

export interface TypeInfo {
  readonly dtype: string;
  readonly storage: TypedArrayKind;
  readonly float: boolean;
  readonly signed: boolean;
  readonly bits: number;
}

const info = (dtype: string, storage: TypedArrayKind, float: boolean, signed: boolean, bits: number): TypeInfo =>
  ({ dtype, storage, float, signed, bits });

export const TYPES: Record<string, TypeInfo> = {
  float64: info('float64', 'float64', true, true, 64),
  float32: info('float32', 'float32', true, true, 32),
  int64: info('int64', 'bigint64', false, true, 64),
  uint64: info('uint64', 'biguint64', false, false, 64),
  int32: info('int32', 'int32', false, true, 32),
  uint32: info('uint32', 'uint32', false, false, 32),
  int16: info('int16', 'int16', false, true, 16),
  uint16: info('uint16', 'uint16', false, false, 16),
  int8: info('int8', 'int8', false, true, 8),
  uint8: info('uint8', 'uint8', false, false, 8),
  bool: info('bool', 'uint8', false, false, 1),
  float16: info('float16', 'uint16', true, true, 16),
};

export function typeInfo(dtype: string): TypeInfo {
  const t = TYPES[dtype];
  if (t === undefined) throw new Error(`unknown dtype ${dtype}`);
  return t;
}

/** Deterministic PRNG (mulberry32) so failures reproduce. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FLOAT_EDGES = [
  0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, NaN, Infinity, -Infinity, 0.1, 1 / 3, 1e308, -1e-310, 3.4e38, 3.5e38,
  1e-45, 65504, 65519.99, 65520, -65536, 2 ** -24, 2 ** -25, 3 * 2 ** -26, 2 ** -14, 2 ** -14 - 2 ** -25,
  2 ** 63, -(2 ** 63), 2 ** 64, 1e19, -1e19, 300, -129.7, 4294967296.5, 2 ** 31, -(2 ** 31) - 0.5, 1 + 2 ** -11,
  1 + 3 * 2 ** -11, 1 + 2 ** -11 + 2 ** -40, 2 ** 53 + 2,
];

/** `count` values of the type (edge cases first, then random), as stored in its array. */
export function sampleValues(dtype: string, count: number, seed: number): Scalar[] {
  const t = typeInfo(dtype);
  const random = rng(seed);
  const out: Scalar[] = [];
  if (dtype === 'bool') {
    for (let i = 0; i < count; i++) out.push(random() < 0.5 ? 0 : 1);
    return out;
  }
  if (dtype === 'float16') {
    const edges = [0, 0x8000, 0x7c00, 0xfc00, 0x7e00, 0x7c01, 0x0001, 0x03ff, 0x0400, 0x7bff, 0x3c00, 0xbc00, 0x3555];
    for (let i = 0; i < count; i++) out.push(i < edges.length ? edges[i]! : Math.floor(random() * 65536));
    return out;
  }
  const store = new TYPED_ARRAY_CTORS[t.storage](count);
  for (let i = 0; i < count; i++) {
    if (t.float) {
      const edge = FLOAT_EDGES[i];
      const value = edge !== undefined ? edge : (random() - 0.5) * 2 ** Math.floor(random() * 40 - 20);
      (store as Float64Array)[i] = value;
    } else if (t.bits === 64) {
      const edges = t.signed ? [0n, -1n, 1n, 2n ** 63n - 1n, -(2n ** 63n)] : [0n, 1n, 2n ** 64n - 1n, 2n ** 63n];
      const big = i < edges.length ? edges[i]! : (BigInt(Math.floor(random() * 2 ** 32)) << 32n) | BigInt(Math.floor(random() * 2 ** 32));
      (store as BigInt64Array)[i] = t.signed ? BigInt.asIntN(64, big) : BigInt.asUintN(64, big);
    } else {
      const span = 2 ** t.bits;
      const edges = t.signed ? [0, -1, 1, span / 2 - 1, -span / 2] : [0, 1, span - 1, span / 2];
      const value = i < edges.length ? edges[i]! : Math.floor(random() * span) - (t.signed ? span / 2 : 0);
      (store as Int32Array)[i] = value;
    }
  }
  for (let i = 0; i < count; i++) out.push(store[i]!);
  return out;
}

/** One operand's placement: `length` slots, element i at offset + i*stride. */
export interface Placement { readonly offset: number; readonly stride: number; readonly length: number }

export function placement(n: number, stride: number): Placement {
  if (stride === 0) return { offset: 0, stride: 0, length: 1 };
  const span = Math.max(n - 1, 0) * Math.abs(stride) + 1;
  return { offset: stride < 0 ? span - 1 : 1, stride, length: span + 2 };
}

/** Named layouts: per-operand strides for (inputs..., output). */
export function layouts(operands: number, inputs: number): Array<{ name: string; strides: number[] }> {
  const all = (s: number) => Array.from({ length: operands }, () => s);
  const result = [
    { name: 'contiguous', strides: all(1) },
    { name: 'strided', strides: all(3) },
    { name: 'negative', strides: Array.from({ length: operands }, (_, j) => (j % 2 === 0 ? -1 : -2)) },
  ];
  for (let j = 0; j < inputs; j++) {
    result.push({ name: `broadcast input ${j}`, strides: all(1).map((s, k) => (k === j ? 0 : s)) });
  }
  return result;
}

export type Allocator = (kind: TypedArrayKind, length: number) => TypedArray;

export const plainAllocator: Allocator = (kind, length) => new TYPED_ARRAY_CTORS[kind](length);

export function wasmAllocator(set: WasmLoopSet): Allocator {
  return (kind, length) => {
    const array = set.allocate(kind, length);
    if (array === null) throw new Error('wasm arena full');
    return array;
  };
}

/** Runs `loop` with operands placed per `strides`; returns each output's n elements. */
export function runLoop(
  loop: StridedLoop, n: number, dtypes: readonly string[], inputs: readonly Scalar[][], strides: readonly number[],
  allocate: Allocator, initialOutputs: readonly Scalar[] = [],
): Scalar[][] {
  const places = dtypes.map((_, j) => placement(n, strides[j] ?? 1));
  const data = dtypes.map((dtype, j) => {
    const place = places[j]!;
    const array = allocate(typeInfo(dtype).storage, place.length) as unknown as { [i: number]: Scalar };
    const values = j < inputs.length ? inputs[j]! : initialOutputs;
    const count = j < inputs.length ? n : initialOutputs.length;
    for (let i = 0; i < count; i++) {
      const value = values[place.stride === 0 ? 0 : i];
      if (value !== undefined) array[place.offset + i * place.stride] = value;
    }
    return array as unknown as TypedArray;
  });
  loop(n, data, places.map((p) => p.offset), places.map((p) => p.stride), CTX);
  return places.slice(inputs.length).map((place, k) => {
    const array = data[inputs.length + k] as unknown as { [i: number]: Scalar };
    return Array.from({ length: place.stride === 0 ? 1 : n }, (_, i) => array[place.offset + i * place.stride]!);
  });
}

/** Equality that distinguishes -0 from +0 and treats every NaN as equal (payloads are unspecified). */
export function sameScalar(x: Scalar | undefined, y: Scalar | undefined): boolean {
  return Object.is(x, y);
}

export function firstMismatch(actual: readonly Scalar[], expected: readonly Scalar[]): string | null {
  if (actual.length !== expected.length) return `length ${actual.length} != ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    if (!sameScalar(actual[i], expected[i])) return `element ${i}: got ${String(actual[i])}, expected ${String(expected[i])}`;
  }
  return null;
}

/** Stores `value` into a 1-element array of the dtype's storage and reads it back (rounding/wrapping). */
export function storeAs(dtype: string, value: Scalar): Scalar {
  const array = new TYPED_ARRAY_CTORS[typeInfo(dtype).storage](1) as unknown as { [i: number]: Scalar };
  array[0] = value;
  return array[0]!;
}
