/**
 * Casts between float128 and every real builtin. Into float128 everything is exact (`safe`);
 * float128 → float16/32/64 is `same_kind` with one RNE rounding; → integers and bool `unsafe`.
 * Complex has no cast either way (promotion with complex is an error, see family.ts).
 */
import { f16BitsToNumber, numberToF16Bits, type Casting, type Registry, type StridedLoop } from '@dtkit/core';
import { fromNumber, isZero128 } from '../soft/index.js';
import { F16_FORMAT, F32_FORMAT, F64_FORMAT, narrow128, type BinaryFormat } from './narrow.js';
import { int64ToLanes, truncToInt64 } from './integers.js';

type NumberArray = Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array;

/** A view of 64-bit integer storage as uint32 halves (little-endian: [lo, hi] per element). */
function halvesOf(a: BigInt64Array | BigUint64Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
}

/** number-valued sources (ints ≤ 32 bits, float32/64, bool): exact through fromNumber. */
function fromNumbers(decode?: (x: number) => number): StridedLoop {
  return (n, data, offs, strides) => {
    const src = data[0] as NumberArray, dst = data[1] as Uint32Array;
    const ss = strides[0]!, ds = 4 * strides[1]!;
    for (let k = 0, i = offs[0]!, o = 4 * offs[1]!; k < n; k++, i += ss, o += ds) {
      const x = src[i]!;
      fromNumber(decode === undefined ? x : decode(x), dst, o);
    }
  };
}

function fromInt64(signed: boolean): StridedLoop {
  return (n, data, offs, strides) => {
    const src = halvesOf(data[0] as BigInt64Array), dst = data[1] as Uint32Array;
    const ss = 2 * strides[0]!, ds = 4 * strides[1]!;
    for (let k = 0, i = 2 * offs[0]!, o = 4 * offs[1]!; k < n; k++, i += ss, o += ds) {
      int64ToLanes(src[i]!, src[i + 1]!, signed, dst, o);
    }
  };
}

function toFloat(format: BinaryFormat, encode?: (x: number) => number): StridedLoop {
  return (n, data, offs, strides) => {
    const src = data[0] as Uint32Array, dst = data[1] as NumberArray;
    const ss = 4 * strides[0]!, ds = strides[1]!;
    for (let k = 0, i = 4 * offs[0]!, o = offs[1]!; k < n; k++, i += ss, o += ds) {
      const x = narrow128(src, i, format);
      dst[o] = encode === undefined ? x : encode(x);
    }
  };
}

const HALVES = new Uint32Array(2);

/** ≤ 32-bit integer targets: the low 32 bits of trunc(x); the typed-array store wraps further. */
function toSmallInt(): StridedLoop {
  return (n, data, offs, strides) => {
    const src = data[0] as Uint32Array, dst = data[1] as NumberArray;
    const ss = 4 * strides[0]!, ds = strides[1]!;
    for (let k = 0, i = 4 * offs[0]!, o = offs[1]!; k < n; k++, i += ss, o += ds) {
      truncToInt64(src, i, HALVES);
      dst[o] = HALVES[0]!;
    }
  };
}

function toInt64(): StridedLoop {
  return (n, data, offs, strides) => {
    const src = data[0] as Uint32Array, dst = halvesOf(data[1] as BigInt64Array);
    const ss = 4 * strides[0]!, ds = 2 * strides[1]!;
    for (let k = 0, i = 4 * offs[0]!, o = 2 * offs[1]!; k < n; k++, i += ss, o += ds) {
      truncToInt64(src, i, HALVES);
      dst[o] = HALVES[0]!;
      dst[o + 1] = HALVES[1]!;
    }
  };
}

/** Non-zero (NaN included, as in NumPy) → true. */
const toBool: StridedLoop = (n, data, offs, strides) => {
  const src = data[0] as Uint32Array, dst = data[1] as Uint8Array;
  const ss = 4 * strides[0]!, ds = strides[1]!;
  for (let k = 0, i = 4 * offs[0]!, o = offs[1]!; k < n; k++, i += ss, o += ds) dst[o] = isZero128(src, i) ? 0 : 1;
};

interface CastPair {
  readonly other: string;
  readonly into: StridedLoop;
  readonly out: StridedLoop;
  readonly outLevel: Casting;
}

const PAIRS: readonly CastPair[] = [
  { other: 'bool', into: fromNumbers(), out: toBool, outLevel: 'unsafe' },
  ...['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32'].map((other): CastPair => (
    { other, into: fromNumbers(), out: toSmallInt(), outLevel: 'unsafe' })),
  { other: 'int64', into: fromInt64(true), out: toInt64(), outLevel: 'unsafe' },
  { other: 'uint64', into: fromInt64(false), out: toInt64(), outLevel: 'unsafe' },
  { other: 'float16', into: fromNumbers(f16BitsToNumber), out: toFloat(F16_FORMAT, numberToF16Bits), outLevel: 'same_kind' },
  { other: 'float32', into: fromNumbers(), out: toFloat(F32_FORMAT), outLevel: 'same_kind' },
  { other: 'float64', into: fromNumbers(), out: toFloat(F64_FORMAT), outLevel: 'same_kind' },
];

export function registerFloat128Casts(reg: Registry): void {
  for (const p of PAIRS) {
    reg.registerCast({ from: p.other, to: 'float128', casting: 'safe', loop: p.into });
    reg.registerCast({ from: 'float128', to: p.other, casting: p.outLevel, loop: p.out });
  }
}
