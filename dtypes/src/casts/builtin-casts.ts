import {
  f16BitsToNumber, numberToF16Bits, float32ToFloat16, float64ToFloat16, float16ToFloat32, float16ToFloat64,
  type LoopData, type StridedLoop, type Registry,
} from '@dtkit/core';
import { BUILTIN_DTYPE_NAMES, type BuiltinDTypeName } from '../tables/builtin-rules.generated.js';
import { minimalCastingBuiltin } from '../tables/builtin-rules.js';
import { BUILTIN_FAMILIES, LAYOUT } from '../families/builtin.js';
import { generatedCasts } from './generated/casts.generated.js';
import { bigToFloat32, bigToSmallInt, floatToInt64, floatToSmallInt, floatToUint64 } from './convert.js';

/**
 * Casts between the 14 builtins, with the wasm kernels' semantics (see convert.ts) so the JS and
 * wasm paths agree bit for bit. Pairs among the 12 real dtypes use generated loops (one function
 * literal each: one loop shared by many pairs goes megamorphic, ~30× slower), except float16 ↔
 * float32/float64, which use core's bulk codecs; complex pairs read a value, convert it, write it.
 */
type Value = number | bigint;
type Reader = (a: LoopData, i: number) => Value;
type Writer = (a: LoopData, i: number, v: Value) => void;

const isBig = (n: BuiltinDTypeName): boolean => n === 'int64' || n === 'uint64';
const isComplex = (n: BuiltinDTypeName): boolean => LAYOUT[n].kind === 'complex';

function reader(name: BuiltinDTypeName): Reader {
  if (name === 'float16') return (a, i) => f16BitsToNumber((a as Uint16Array)[i]!); // the value of the bits
  if (isComplex(name)) return (a, i) => (a as Float64Array)[2 * i]!; // real part (NumPy discards the imaginary part)
  if (isBig(name)) return (a, i) => (a as BigInt64Array)[i]!;
  return (a, i) => (a as Float64Array)[i]!;
}

/** Writers for a number or bigint source (`big`); 64-bit stores wrap bigints themselves. */
function writer(name: BuiltinDTypeName, big: boolean): Writer {
  if (name === 'float16') return (a, i, v) => { (a as Uint16Array)[i] = numberToF16Bits(Number(v)); };
  if (isComplex(name)) return (a, i, v) => { const c = a as Float64Array; c[2 * i] = Number(v); c[2 * i + 1] = 0; };
  if (name === 'bool') return big ? (a, i, v) => { (a as Uint8Array)[i] = v !== 0n ? 1 : 0; } : (a, i, v) => { (a as Uint8Array)[i] = v !== 0 ? 1 : 0; };
  if (name === 'int64') return big ? (a, i, v) => { (a as BigInt64Array)[i] = v as bigint; } : (a, i, v) => { (a as BigInt64Array)[i] = floatToInt64(v as number); };
  if (name === 'uint64') return big ? (a, i, v) => { (a as BigUint64Array)[i] = v as bigint; } : (a, i, v) => { (a as BigUint64Array)[i] = floatToUint64(v as number); };
  if (name === 'float32') return big ? (a, i, v) => { (a as Float32Array)[i] = bigToFloat32(v as bigint); } : (a, i, v) => { (a as Float32Array)[i] = v as number; };
  if (name === 'float64') return big ? (a, i, v) => { (a as Float64Array)[i] = Number(v); } : (a, i, v) => { (a as Float64Array)[i] = v as number; };
  // 8/16/32-bit integers: integer sources are exact and in range, so floatToSmallInt leaves them alone.
  return big ? (a, i, v) => { (a as Int32Array)[i] = bigToSmallInt(v as bigint); } : (a, i, v) => { (a as Int32Array)[i] = floatToSmallInt(v as number); };
}

/** complex ↔ real: the real part in, (value, 0) out; conversions as for the real dtypes. */
function valueLoop(from: BuiltinDTypeName, to: BuiltinDTypeName): StridedLoop {
  const read = reader(from);
  const write = writer(to, isBig(from));
  return (n, data, offs, strides) => {
    const src = data[0]!, dst = data[1]!;
    const si = strides[0]!, so = strides[1]!;
    for (let k = 0, i = offs[0]!, o = offs[1]!; k < n; k++, i += si, o += so) write(dst, o, read(src, i));
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
  const key = `${from}>${to}`;
  const loop = F16_BULK[key] ?? generatedCasts[key];
  if (loop !== undefined) return loop;
  if (isComplex(from) && isComplex(to)) return complexLoop;
  return valueLoop(from, to);
}

/** Registers all 14 × 13 builtin casts with NumPy 2's minimal casting levels. */
export function registerBuiltinCasts(reg: Registry): void {
  for (const from of BUILTIN_DTYPE_NAMES) {
    for (const to of BUILTIN_DTYPE_NAMES) {
      if (from === to) continue;
      reg.registerCast({
        from: BUILTIN_FAMILIES[from], to: BUILTIN_FAMILIES[to],
        casting: minimalCastingBuiltin(from, to), loop: builtinCastLoop(from, to),
      });
    }
  }
}
