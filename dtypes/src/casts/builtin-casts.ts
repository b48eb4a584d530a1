import {
  f16BitsToNumber, numberToF16Bits, float32ToFloat16, float64ToFloat16, float16ToFloat32, float16ToFloat64,
  type StridedLoop, type Registry,
} from '@dtkit/core';
import { BUILTIN_DTYPE_NAMES, type BuiltinDTypeName } from '../tables/builtin-rules.generated.js';
import { minimalCastingBuiltin } from '../tables/builtin-rules.js';
import { BUILTIN_FAMILIES, LAYOUT } from '../families/builtin.js';

/**
 * Casts between the 14 builtins. Plain number-to-number pairs use TypedArray assignment
 * (int wraparound, float→int truncation, f64→f32 round-to-nearest-even: NumPy's results for
 * in-range values); bool, float16 bits, 64-bit ints and complex go through small readers/writers.
 */
type Reader = (a: Float64Array, i: number) => number;
type Writer = (a: Float64Array, i: number, v: number) => void;

const isBig = (n: BuiltinDTypeName): boolean => n === 'int64' || n === 'uint64';
const isComplex = (n: BuiltinDTypeName): boolean => LAYOUT[n].kind === 'complex';
const plainNumber = (n: BuiltinDTypeName): boolean => !isBig(n) && !isComplex(n) && n !== 'float16';

/** dst[j] = src[i]: JS TypedArray conversion does what NumPy does for these pairs. */
const assignLoop: StridedLoop = (n, data, offs, strides) => {
  const src = data[0] as Float64Array;
  const dst = data[1] as Float64Array;
  let i = offs[0]!;
  let o = offs[1]!;
  const si = strides[0]!;
  const so = strides[1]!;
  if (si === 1 && so === 1) {
    for (let k = 0; k < n; k++) dst[o + k] = src[i + k]!;
    return;
  }
  for (let k = 0; k < n; k++, i += si, o += so) dst[o] = src[i]!;
};

const toBoolLoop = (read: Reader): StridedLoop => (n, data, offs, strides) => {
  const src = data[0] as Float64Array;
  const dst = data[1] as Uint8Array;
  for (let k = 0, i = offs[0]!, o = offs[1]!; k < n; k++, i += strides[0]!, o += strides[1]!) dst[o] = read(src, i) !== 0 ? 1 : 0;
};

function reader(name: BuiltinDTypeName): Reader {
  if (name === 'float16') return (a, i) => f16BitsToNumber(a[i]!);
  if (isComplex(name)) return (a, i) => a[2 * i]!; // real part (NumPy discards the imaginary part)
  return (a, i) => a[i]!;
}

function writer(name: BuiltinDTypeName): Writer {
  if (name === 'float16') return (a, i, v) => { a[i] = numberToF16Bits(v); };
  if (isComplex(name)) return (a, i, v) => { a[2 * i] = v; a[2 * i + 1] = 0; };
  if (name === 'bool') return (a, i, v) => { a[i] = v !== 0 ? 1 : 0; };
  return (a, i, v) => { a[i] = v; };
}

function numberLoop(read: Reader, write: Writer): StridedLoop {
  return (n, data, offs, strides) => {
    const src = data[0] as Float64Array;
    const dst = data[1] as Float64Array;
    for (let k = 0, i = offs[0]!, o = offs[1]!; k < n; k++, i += strides[0]!, o += strides[1]!) write(dst, o, read(src, i));
  };
}

/** 64-bit integer source: read as bigint, then convert once to the target. */
function fromBigLoop(to: BuiltinDTypeName): StridedLoop {
  const write = writer(to);
  const bits = to === 'bool' ? 0 : LAYOUT[to].kind === 'int' || LAYOUT[to].kind === 'uint' ? 1 : 2;
  return (n, data, offs, strides) => {
    const src = data[0] as BigInt64Array;
    const dst = data[1] as Float64Array;
    for (let k = 0, i = offs[0]!, o = offs[1]!; k < n; k++, i += strides[0]!, o += strides[1]!) {
      const b = src[i]!;
      if (bits === 1) (dst as unknown as Int32Array)[o] = Number(BigInt.asIntN(32, b)); // wraps like C
      else write(dst, o, bits === 0 ? (b !== 0n ? 1 : 0) : Number(b));
    }
  };
}

/** 64-bit integer target: truncate floats toward zero (NaN/inf → 0), wrap ints. */
function toBigLoop(from: BuiltinDTypeName, to: BuiltinDTypeName): StridedLoop {
  const read = reader(from);
  const wrap = to === 'int64' ? (b: bigint) => BigInt.asIntN(64, b) : (b: bigint) => BigInt.asUintN(64, b);
  const fromBig = isBig(from);
  return (n, data, offs, strides) => {
    const src = data[0] as Float64Array;
    const dst = data[1] as BigInt64Array;
    for (let k = 0, i = offs[0]!, o = offs[1]!; k < n; k++, i += strides[0]!, o += strides[1]!) {
      if (fromBig) dst[o] = wrap((src as unknown as BigInt64Array)[i]!);
      else {
        const v = read(src, i);
        dst[o] = Number.isFinite(v) ? wrap(BigInt(Math.trunc(v))) : 0n;
      }
    }
  };
}

const complexLoop: StridedLoop = (n, data, offs, strides) => {
  const src = data[0] as Float64Array;
  const dst = data[1] as Float64Array;
  for (let k = 0, i = 2 * offs[0]!, o = 2 * offs[1]!; k < n; k++, i += 2 * strides[0]!, o += 2 * strides[1]!) {
    dst[o] = src[i]!;
    dst[o + 1] = src[i + 1]!;
  }
};

/** Bit-level bulk float16 conversions (single rounding, ~1 ns/element) for the hot pairs. */
const F16_BULK: Partial<Record<string, StridedLoop>> = {
  'float32>float16': (n, d, o, s) => float32ToFloat16(n, d[0] as Float32Array, o[0]!, s[0]!, d[1] as Uint16Array, o[1]!, s[1]!),
  'float64>float16': (n, d, o, s) => float64ToFloat16(n, d[0] as Float64Array, o[0]!, s[0]!, d[1] as Uint16Array, o[1]!, s[1]!),
  'float16>float32': (n, d, o, s) => float16ToFloat32(n, d[0] as Uint16Array, o[0]!, s[0]!, d[1] as Float32Array, o[1]!, s[1]!),
  'float16>float64': (n, d, o, s) => float16ToFloat64(n, d[0] as Uint16Array, o[0]!, s[0]!, d[1] as Float64Array, o[1]!, s[1]!),
};

/** The JS cast loop from one builtin to another. */
export function builtinCastLoop(from: BuiltinDTypeName, to: BuiltinDTypeName): StridedLoop {
  const bulk = F16_BULK[`${from}>${to}`];
  if (bulk !== undefined) return bulk;
  if (isBig(to)) return toBigLoop(from, to);
  if (isBig(from)) return fromBigLoop(to);
  if (isComplex(from) && isComplex(to)) return complexLoop;
  if (to === 'bool') return toBoolLoop(reader(from));
  if (plainNumber(from) && plainNumber(to)) return assignLoop;
  return numberLoop(reader(from), writer(to));
}

/** Registers all 14 × 13 builtin casts with NumPy 2's minimal casting levels. */
export function registerBuiltinCasts(reg: Registry, overrides: ReadonlyMap<string, StridedLoop> = new Map()): void {
  for (const from of BUILTIN_DTYPE_NAMES) {
    for (const to of BUILTIN_DTYPE_NAMES) {
      if (from === to) continue;
      reg.registerCast({
        from: BUILTIN_FAMILIES[from], to: BUILTIN_FAMILIES[to],
        casting: minimalCastingBuiltin(from, to), loop: overrides.get(`${from}>${to}`) ?? builtinCastLoop(from, to),
      });
    }
  }
}
