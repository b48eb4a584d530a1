/** Names of the TypedArray element types a store can be backed by. */
export type TypedArrayKind =
  | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32'
  | 'float32' | 'float64' | 'bigint64' | 'biguint64';

/** Any TypedArray a store may hold. */
export type TypedArray =
  | Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array
  | Float32Array | Float64Array | BigInt64Array | BigUint64Array;

/** Constructor type for each {@link TypedArrayKind}. */
export interface TypedArrayConstructorLike {
  readonly BYTES_PER_ELEMENT: number;
  new (length: number): TypedArray;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): TypedArray;
}

export const TYPED_ARRAY_CTORS: Readonly<Record<TypedArrayKind, TypedArrayConstructorLike>> = {
  int8: Int8Array, uint8: Uint8Array, int16: Int16Array, uint16: Uint16Array,
  int32: Int32Array, uint32: Uint32Array, float32: Float32Array, float64: Float64Array,
  bigint64: BigInt64Array, biguint64: BigUint64Array,
};
