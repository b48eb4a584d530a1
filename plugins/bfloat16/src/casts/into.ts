/**
 * Cast loops from every builtin into a minifloat, each with exactly one rounding: floats go
 * straight from their own bits (float64 never passes through float32), integers up to 32 bits
 * are exact in float64 first, 64-bit integers round from the bigint.
 */
import {
  FLOAT16, bigintToMinifloat, convertMinifloat, encodeMinifloat,
  type MinifloatStorage, type StridedLoop,
} from '@dtkit/core';
import type { BuiltinDTypeName } from '@dtkit/dtypes';
import type { MinifloatType } from '../formats.js';
import { CHUNK, overflowOption } from './options.js';
import { float32ToBFloat16Inf } from './f32-to-bf16.js';

type IntArray = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

const exactScratch = new Float64Array(CHUNK);

/** Small integers: copy a chunk into float64 (exact), then round once with the bulk codec. */
function fromSmallInt(t: MinifloatType): StridedLoop {
  return (n, data, offs, strides, ctx) => {
    const overflow = overflowOption(ctx);
    const src = data[0] as IntArray;
    const dst = data[1] as MinifloatStorage;
    const ss = strides[0]!;
    const ds = strides[1]!;
    for (let done = 0, s = offs[0]!, o = offs[1]!; done < n; done += CHUNK) {
      const m = Math.min(CHUNK, n - done);
      for (let j = 0; j < m; j++, s += ss) exactScratch[j] = src[s]!;
      t.fromFloat64(m, exactScratch, 0, 1, dst, o, ds, overflow);
      o += m * ds;
    }
  };
}

function fromBigInt(t: MinifloatType): StridedLoop {
  return (n, data, offs, strides, ctx) => {
    const overflow = overflowOption(ctx);
    const src = data[0] as BigInt64Array | BigUint64Array;
    const dst = data[1] as MinifloatStorage;
    for (let k = 0, s = offs[0]!, o = offs[1]!; k < n; k++, s += strides[0]!, o += strides[1]!) {
      dst[o] = bigintToMinifloat(src[s]!, t.format, overflow);
    }
  };
}

function fromBool(t: MinifloatType): StridedLoop {
  const one = encodeMinifloat(1, t.format);
  return (n, data, offs, strides) => {
    const src = data[0] as Uint8Array;
    const dst = data[1] as MinifloatStorage;
    for (let k = 0, s = offs[0]!, o = offs[1]!; k < n; k++, s += strides[0]!, o += strides[1]!) {
      dst[o] = src[s] !== 0 ? one : 0;
    }
  };
}

/** float32 / float64, or the real part of complex64 / complex128 (lanes = 2). */
function fromFloat(t: MinifloatType, wide: boolean, lanes: number): StridedLoop {
  const fastBf16 = t.name === 'bfloat16' && !wide;
  return (n, data, offs, strides, ctx) => {
    const overflow = overflowOption(ctx);
    const so = offs[0]! * lanes;
    const ss = strides[0]! * lanes;
    const dst = data[1] as MinifloatStorage;
    if (fastBf16 && overflow === 'inf') float32ToBFloat16Inf(n, data[0] as Float32Array, so, ss, dst as Uint16Array, offs[1]!, strides[1]!);
    else if (wide) t.fromFloat64(n, data[0] as Float64Array, so, ss, dst, offs[1]!, strides[1]!, overflow);
    else t.fromFloat32(n, data[0] as Float32Array, so, ss, dst, offs[1]!, strides[1]!, overflow);
  };
}

function fromFloat16(t: MinifloatType): StridedLoop {
  return (n, data, offs, strides, ctx) => {
    convertMinifloat(
      n, data[0] as Uint16Array, offs[0]!, strides[0]!, FLOAT16,
      data[1] as MinifloatStorage, offs[1]!, strides[1]!, t.format, overflowOption(ctx),
    );
  };
}

/** The cast loop builtin `from` → minifloat `t`. */
export function castIntoLoop(t: MinifloatType, from: BuiltinDTypeName): StridedLoop {
  switch (from) {
    case 'bool': return fromBool(t);
    case 'int64': case 'uint64': return fromBigInt(t);
    case 'float16': return fromFloat16(t);
    case 'float32': return fromFloat(t, false, 1);
    case 'float64': return fromFloat(t, true, 1);
    case 'complex64': return fromFloat(t, false, 2); // NumPy discards the imaginary part
    case 'complex128': return fromFloat(t, true, 2);
    default: return fromSmallInt(t);
  }
}
