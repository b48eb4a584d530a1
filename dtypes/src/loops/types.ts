import type { StridedLoop, ArgReduceLoop } from '@dtkit/core';

/** Offsets / strides as the iterator passes them (element units). */
export type Idx = ArrayLike<number>;

export type NumBinary = (a: number, b: number) => number;
export type NumUnary = (a: number) => number;
export type NumPredicate2 = (a: number, b: number) => boolean;
export type NumPredicate1 = (a: number) => boolean;
export type BigBinary = (a: bigint, b: bigint) => bigint;
export type BigUnary = (a: bigint) => bigint;
export type BigPredicate2 = (a: bigint, b: bigint) => boolean;
export type BigPredicate1 = (a: bigint) => boolean;

/** The builtin numeric dtype names, as NumPy spells them. */
export type IntDType = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32';
export type BigDType = 'int64' | 'uint64';
export type FloatDType = 'float16' | 'float32' | 'float64';
export type ComplexDType = 'complex64' | 'complex128';
export type NumericDType = 'bool' | IntDType | BigDType | FloatDType | ComplexDType;

export const SMALL_INTS: readonly IntDType[] = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32'];
export const BIG_INTS: readonly BigDType[] = ['int64', 'uint64'];
/** NumPy's loop order: int8, uint8, int16, uint16, int32, uint32, int64, uint64. */
export const ALL_INTS: readonly (IntDType | BigDType)[] = [...SMALL_INTS, ...BIG_INTS];
export const FLOATS: readonly FloatDType[] = ['float16', 'float32', 'float64'];
export const COMPLEXES: readonly ComplexDType[] = ['complex64', 'complex128'];

export interface LoopEntry {
  readonly ufunc: string;
  readonly dtypes: readonly string[];
  readonly loop: StridedLoop;
}

export interface ReduceLoopEntry {
  readonly ufunc: string;
  readonly dtype: string;
  readonly loop: StridedLoop;
}

export interface ArgLoopEntry {
  readonly kind: 'argmin' | 'argmax';
  readonly dtype: string;
  readonly loop: ArgReduceLoop;
}

/** Bit width of each fixed-width integer dtype (shift counts at or beyond it give 0 / -1). */
export const INT_WIDTH: Readonly<Record<IntDType | BigDType, number>> = {
  int8: 8, uint8: 8, int16: 16, uint16: 16, int32: 32, uint32: 32, int64: 64, uint64: 64,
};

export function isSigned(dtype: IntDType | BigDType): boolean {
  return dtype[0] === 'i';
}
