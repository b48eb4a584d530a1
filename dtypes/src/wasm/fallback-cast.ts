// Plain-JS cast loops matching dtypes/wasm/cast.ts (scalar semantics: ../casts/convert.ts).
// Every cast reads one element as a JS value (number or bigint), converts it with a converter
// chosen once per (from, to) pair, and stores it.
import { numberToF16Bits, type LoopData } from '@dtkit/core';
import type { PlainLoop } from './fallback-elementwise.js';
import { halfBitsToNumber } from './half.js';
import type { WasmElementType } from './types.js';
import { bigToFloat32, bigToSmallInt, floatToInt64, floatToSmallInt, floatToUint64 } from '../casts/convert.js';

type Scalar = number | bigint;
type ScalarArray = { [index: number]: Scalar };

type Converter = (x: Scalar) => Scalar;

function toTarget(from: { float: boolean; big: boolean }, to: WasmElementType): Converter {
  if (to.dtype === 'bool') return from.big ? (x) => (x !== 0n ? 1 : 0) : (x) => (x !== 0 ? 1 : 0);
  // core's encoder keeps a NaN's sign, as the kernels do (./half.js canonicalizes it to 0x7e00).
  if (to.dtype === 'float16') return (x) => numberToF16Bits(Number(x));
  if (to.big) {
    if (from.float) return to.signed ? (x) => floatToInt64(x as number) : (x) => floatToUint64(x as number);
    return from.big ? (x) => x : (x) => BigInt(x as number);
  }
  if (from.big) {
    if (to.dtype === 'float32') return (x) => bigToFloat32(x as bigint); // one rounding, as wasm
    return to.float ? (x) => Number(x) : (x) => bigToSmallInt(x as bigint);
  }
  if (from.float && !to.float) return (x) => floatToSmallInt(x as number);
  return (x) => x;
}

/**
 * float32 -> float16 without per-element calls: the same bit arithmetic as the SIMD kernel on a
 * Uint32Array alias of the source. Subnormal results: fround(|x| + 0.5) rounds |x| to the
 * 2^-24 grid once (float32 ulp at 0.5 is 2^-24), and subtracting 0.5 back is exact.
 */
const float32ToHalf: PlainLoop = (n, data, offsets, strides) => {
  const source = data[0] as Float32Array, o = data[1] as Uint16Array;
  const bits = new Uint32Array(source.buffer, source.byteOffset, source.length);
  let ia = offsets[0]!, io = offsets[1]!;
  const sa = strides[0]!, so = strides[1]!;
  for (let i = 0; i < n; i++, ia += sa, io += so) {
    const x = bits[ia]!;
    const magnitude = x & 0x7fffffff;
    const sign = (x >>> 16) & 0x8000;
    if (magnitude < 0x38800000) o[io] = sign | ((Math.fround(Math.abs(source[ia]!) + 0.5) - 0.5) * 16777216);
    else if (magnitude < 0x47800000) o[io] = sign | ((magnitude - 0x38000000 + 0xfff + ((magnitude >>> 13) & 1)) >>> 13);
    else o[io] = sign | (magnitude > 0x7f800000 ? 0x7e00 : 0x7c00); // NaN keeps its sign
  }
};

export function castFallback(from: WasmElementType, to: WasmElementType): PlainLoop {
  if (from.dtype === 'float32' && to.dtype === 'float16') return float32ToHalf;
  const fromHalf = from.dtype === 'float16';
  const convert = toTarget(fromHalf ? { float: true, big: false } : from, to);
  return (n: number, data: readonly LoopData[], offsets: ArrayLike<number>, strides: ArrayLike<number>) => {
    const a = data[0] as unknown as ScalarArray, o = data[1] as unknown as ScalarArray;
    let ia = offsets[0]!, io = offsets[1]!;
    const sa = strides[0]!, so = strides[1]!;
    if (fromHalf) {
      for (let i = 0; i < n; i++, ia += sa, io += so) o[io] = convert(halfBitsToNumber(a[ia] as number));
    } else {
      for (let i = 0; i < n; i++, ia += sa, io += so) o[io] = convert(a[ia]!);
    }
  };
}
