// Plain-JS loops with exactly the wasm kernels' semantics, used when an operand does not live in
// the wasm memory. Each op gets its own loop body (no per-element callback).
import type { LoopData } from '@dtkit/core';
import type { BinaryUfunc, CompareUfunc, UnaryUfunc, WasmElementType } from './types.js';

export type NumberArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;
export type BigArray = BigInt64Array | BigUint64Array;
export type PlainLoop = (n: number, data: readonly LoopData[], offsets: ArrayLike<number>, strides: ArrayLike<number>) => void;

/** Binary loops on number-backed arrays; typed-array stores do the wrapping and float32 rounding. */
function numberBinary(ufunc: BinaryUfunc, t: WasmElementType): PlainLoop {
  const imul = !t.float && t.bytes === 4;
  return (n, data, offsets, strides) => {
    const a = data[0] as NumberArray, b = data[1] as NumberArray, o = data[2] as NumberArray;
    let ia = offsets[0]!, ib = offsets[1]!, io = offsets[2]!;
    const sa = strides[0]!, sb = strides[1]!, so = strides[2]!;
    switch (ufunc) {
      case 'add':
        for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) o[io] = a[ia]! + b[ib]!;
        return;
      case 'subtract':
        for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) o[io] = a[ia]! - b[ib]!;
        return;
      case 'multiply':
        if (imul) for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) o[io] = Math.imul(a[ia]!, b[ib]!);
        else for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) o[io] = a[ia]! * b[ib]!;
        return;
      case 'divide':
        for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) o[io] = a[ia]! / b[ib]!;
        return;
      case 'minimum':
        // NumPy: NaN wins, ties return the second operand.
        for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) {
          const x = a[ia]!, y = b[ib]!;
          o[io] = x < y || x !== x ? x : y;
        }
        return;
      case 'maximum':
        for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) {
          const x = a[ia]!, y = b[ib]!;
          o[io] = x > y || x !== x ? x : y;
        }
        return;
    }
  };
}

/** BigInt64/BigUint64 stores wrap modulo 2^64, matching wasm i64 arithmetic. */
function bigBinary(ufunc: BinaryUfunc): PlainLoop {
  return (n, data, offsets, strides) => {
    const a = data[0] as BigArray, b = data[1] as BigArray, o = data[2] as BigArray;
    let ia = offsets[0]!, ib = offsets[1]!, io = offsets[2]!;
    const sa = strides[0]!, sb = strides[1]!, so = strides[2]!;
    for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) {
      const x = a[ia]!, y = b[ib]!;
      switch (ufunc) {
        case 'add': o[io] = x + y; break;
        case 'subtract': o[io] = x - y; break;
        case 'multiply': o[io] = x * y; break;
        case 'minimum': o[io] = x < y ? x : y; break;
        case 'maximum': o[io] = x > y ? x : y; break;
        case 'divide': throw new Error('divide has no integer loop');
      }
    }
  };
}

export function binaryFallback(ufunc: BinaryUfunc, t: WasmElementType): PlainLoop {
  return t.big ? bigBinary(ufunc) : numberBinary(ufunc, t);
}

/** Comparisons write bool bytes; number and bigint elements compare with the same operators. */
export function compareFallback(ufunc: CompareUfunc): PlainLoop {
  return (n, data, offsets, strides) => {
    const a = data[0] as NumberArray | BigArray, b = data[1] as NumberArray | BigArray, o = data[2] as Uint8Array;
    let ia = offsets[0]!, ib = offsets[1]!, io = offsets[2]!;
    const sa = strides[0]!, sb = strides[1]!, so = strides[2]!;
    switch (ufunc) {
      case 'equal':
        for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) o[io] = a[ia]! === b[ib]! ? 1 : 0;
        return;
      case 'not_equal':
        for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) o[io] = a[ia]! !== b[ib]! ? 1 : 0;
        return;
      case 'less':
        for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) o[io] = a[ia]! < b[ib]! ? 1 : 0;
        return;
      case 'less_equal':
        for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) o[io] = a[ia]! <= b[ib]! ? 1 : 0;
        return;
      case 'greater':
        for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) o[io] = a[ia]! > b[ib]! ? 1 : 0;
        return;
      case 'greater_equal':
        for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) o[io] = a[ia]! >= b[ib]! ? 1 : 0;
        return;
    }
  };
}

export function unaryFallback(ufunc: UnaryUfunc, t: WasmElementType): PlainLoop {
  return (n, data, offsets, strides) => {
    let ia = offsets[0]!, io = offsets[1]!;
    const sa = strides[0]!, so = strides[1]!;
    if (t.big) {
      const a = data[0] as BigArray, o = data[1] as BigArray;
      for (let i = 0; i < n; i++, ia += sa, io += so) {
        const x = a[ia]!;
        o[io] = ufunc === 'negative' ? -x : t.signed && x < 0n ? -x : x;
      }
      return;
    }
    const a = data[0] as NumberArray, o = data[1] as NumberArray;
    if (ufunc === 'negative') {
      for (let i = 0; i < n; i++, ia += sa, io += so) o[io] = -a[ia]!;
    } else if (ufunc === 'sqrt') {
      for (let i = 0; i < n; i++, ia += sa, io += so) o[io] = Math.sqrt(a[ia]!);
    } else if (t.float) {
      for (let i = 0; i < n; i++, ia += sa, io += so) o[io] = Math.abs(a[ia]!);
    } else {
      // Integer abs wraps like NumPy's: abs(INT_MIN) stores back as INT_MIN.
      for (let i = 0; i < n; i++, ia += sa, io += so) {
        const x = a[ia]!;
        o[io] = x < 0 ? -x : x;
      }
    }
  };
}
