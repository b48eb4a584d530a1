import type { TypedArrayKind } from '@dtkit/core';

/** A numeric element type the wasm kernels cover, with the facts the JS fallbacks need. */
export interface WasmElementType {
  /** NumPy dtype name. */
  readonly dtype: string;
  /** Kernel name suffix in dtypes/wasm/index.ts. */
  readonly suffix: string;
  readonly storage: TypedArrayKind;
  readonly float: boolean;
  readonly signed: boolean;
  /** Stored as BigInt64Array / BigUint64Array. */
  readonly big: boolean;
  readonly bytes: number;
}

const type = (dtype: string, suffix: string, storage: TypedArrayKind, float: boolean, signed: boolean, bytes: number): WasmElementType =>
  ({ dtype, suffix, storage, float, signed, big: storage === 'bigint64' || storage === 'biguint64', bytes });

export const FLOAT64 = type('float64', 'f64', 'float64', true, true, 8);
export const FLOAT32 = type('float32', 'f32', 'float32', true, true, 4);

/** Order matches the kernel export tables in dtypes/scripts/build-wasm.mjs. */
export const NUMERIC_TYPES: readonly WasmElementType[] = [
  FLOAT64,
  FLOAT32,
  type('int64', 'i64', 'bigint64', false, true, 8),
  type('uint64', 'u64', 'biguint64', false, false, 8),
  type('int32', 'i32', 'int32', false, true, 4),
  type('uint32', 'u32', 'uint32', false, false, 4),
  type('int16', 'i16', 'int16', false, true, 2),
  type('uint16', 'u16', 'uint16', false, false, 2),
  type('int8', 'i8', 'int8', false, true, 1),
  type('uint8', 'u8', 'uint8', false, false, 1),
];

/** Cast endpoints besides the numeric types: bool (uint8 0/1) and float16 (uint16 bits). */
export const BOOL = type('bool', 'bool', 'uint8', false, false, 1);
export const FLOAT16 = type('float16', 'f16', 'uint16', true, true, 2);

export const BINARY_UFUNCS = ['add', 'subtract', 'multiply', 'divide', 'minimum', 'maximum'] as const;
export const COMPARE_UFUNCS = ['equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal'] as const;
export const UNARY_UFUNCS = ['negative', 'absolute', 'sqrt'] as const;
/** Reduce loops: ufunc name -> kernel prefix. */
export const REDUCE_UFUNCS = { add: 'sum', multiply: 'prod', minimum: 'min', maximum: 'max' } as const;

export type BinaryUfunc = (typeof BINARY_UFUNCS)[number];
export type CompareUfunc = (typeof COMPARE_UFUNCS)[number];
export type UnaryUfunc = (typeof UNARY_UFUNCS)[number];
export type ReduceUfunc = keyof typeof REDUCE_UFUNCS;
