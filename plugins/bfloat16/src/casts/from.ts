/**
 * Cast loops from a minifloat to every builtin. Decoding is exact (a table read), so widening
 * to float32/float64/complex is exact; float16 rounds once through the kernel's conversion
 * table; integers truncate toward zero like the builtin float → int casts (NaN/inf → 0).
 */
import { FLOAT16, convertMinifloat, type MinifloatStorage, type StridedLoop } from '@dtkit/core';
import type { BuiltinDTypeName } from '@dtkit/dtypes';
import type { MinifloatType } from '../formats.js';
import { overflowOption } from './options.js';

type NumberArray = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

/** dst = decoded value; lanes = 2 writes a complex with a zero imaginary part. */
function toFloat(t: MinifloatType, lanes: number): StridedLoop {
  const table = t.decode;
  return (n, data, offs, strides) => {
    const src = data[0] as MinifloatStorage;
    const dst = data[1] as Float32Array | Float64Array;
    const ds = strides[1]! * lanes;
    for (let k = 0, s = offs[0]!, o = offs[1]! * lanes; k < n; k++, s += strides[0]!, o += ds) {
      dst[o] = table[src[s]!]!;
      if (lanes === 2) dst[o + 1] = 0;
    }
  };
}

/** Typed-array assignment truncates and wraps exactly as the builtin float → int casts do. */
function toSmallInt(t: MinifloatType): StridedLoop {
  const table = t.decode;
  return (n, data, offs, strides) => {
    const src = data[0] as MinifloatStorage;
    const dst = data[1] as NumberArray;
    for (let k = 0, s = offs[0]!, o = offs[1]!; k < n; k++, s += strides[0]!, o += strides[1]!) {
      dst[o] = table[src[s]!]!;
    }
  };
}

function toBigInt(t: MinifloatType, signed: boolean): StridedLoop {
  const table = t.decode;
  const wrap = signed ? (b: bigint) => BigInt.asIntN(64, b) : (b: bigint) => BigInt.asUintN(64, b);
  return (n, data, offs, strides) => {
    const src = data[0] as MinifloatStorage;
    const dst = data[1] as BigInt64Array | BigUint64Array;
    for (let k = 0, s = offs[0]!, o = offs[1]!; k < n; k++, s += strides[0]!, o += strides[1]!) {
      const v = table[src[s]!]!;
      dst[o] = Number.isFinite(v) ? wrap(BigInt(Math.trunc(v))) : 0n;
    }
  };
}

/** Non-zero (NaN included, as in NumPy) → true. */
function toBool(t: MinifloatType): StridedLoop {
  const table = t.decode;
  return (n, data, offs, strides) => {
    const src = data[0] as MinifloatStorage;
    const dst = data[1] as Uint8Array;
    for (let k = 0, s = offs[0]!, o = offs[1]!; k < n; k++, s += strides[0]!, o += strides[1]!) {
      dst[o] = table[src[s]!]! !== 0 ? 1 : 0;
    }
  };
}

function toFloat16(t: MinifloatType): StridedLoop {
  return (n, data, offs, strides, ctx) => {
    convertMinifloat(
      n, data[0] as MinifloatStorage, offs[0]!, strides[0]!, t.format,
      data[1] as Uint16Array, offs[1]!, strides[1]!, FLOAT16, overflowOption(ctx),
    );
  };
}

/** The cast loop minifloat `t` → builtin `to`. */
export function castFromLoop(t: MinifloatType, to: BuiltinDTypeName): StridedLoop {
  switch (to) {
    case 'bool': return toBool(t);
    case 'int64': return toBigInt(t, true);
    case 'uint64': return toBigInt(t, false);
    case 'float16': return toFloat16(t);
    case 'float32': case 'float64': return toFloat(t, 1);
    case 'complex64': case 'complex128': return toFloat(t, 2);
    default: return toSmallInt(t);
  }
}

/** Minifloat → minifloat: one table read per element (decode is exact, so one rounding). */
export function castBetweenLoop(from: MinifloatType, to: MinifloatType): StridedLoop {
  return (n, data, offs, strides, ctx) => {
    convertMinifloat(
      n, data[0] as MinifloatStorage, offs[0]!, strides[0]!, from.format,
      data[1] as MinifloatStorage, offs[1]!, strides[1]!, to.format, overflowOption(ctx),
    );
  };
}
