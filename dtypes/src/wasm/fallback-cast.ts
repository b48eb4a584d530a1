// Plain-JS cast loops matching dtypes/wasm/cast.ts. Every cast reads one element as a JS value
// (number or bigint), converts it with a converter chosen once per (from, to) pair, and stores it.
import type { LoopData } from '@dtkit/core';
import type { PlainLoop } from './fallback-elementwise.js';
import { halfBitsToNumber, numberToHalfBits } from './half.js';
import type { WasmElementType } from './types.js';

type Scalar = number | bigint;
type ScalarArray = { [index: number]: Scalar };

const TWO_63 = 2 ** 63;
const TWO_64 = 2 ** 64;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Float -> 8/16/32-bit integer: truncate, saturate to int64 (NaN -> 0), wrap. Typed-array stores
 * already truncate and wrap (NaN -> 0), so only the saturation needs handling: int64 max has all
 * low bits set (stores as -1), int64 min has them clear (stores as 0).
 */
const floatToSmallInt = (x: number): number => (x >= TWO_63 ? -1 : x <= -TWO_63 ? 0 : x);

const floatToInt64 = (x: number): bigint =>
  x !== x ? 0n : x >= TWO_63 ? INT64_MAX : x <= -TWO_63 ? INT64_MIN : BigInt(Math.trunc(x));

/** Negative values go through int64 (wrapping), others saturate at uint64 max (wasm semantics). */
const floatToUint64 = (x: number): bigint =>
  x !== x ? 0n : x < 0 ? BigInt.asUintN(64, floatToInt64(x)) : x >= TWO_64 ? UINT64_MAX : BigInt(Math.trunc(x));

type Converter = (x: Scalar) => Scalar;

function toTarget(from: { float: boolean; big: boolean }, to: WasmElementType): Converter {
  if (to.dtype === 'bool') return from.big ? (x) => (x !== 0n ? 1 : 0) : (x) => (x !== 0 ? 1 : 0);
  if (to.dtype === 'float16') return (x) => numberToHalfBits(Number(x));
  if (to.big) {
    if (from.float) return to.signed ? (x) => floatToInt64(x as number) : (x) => floatToUint64(x as number);
    return from.big ? (x) => x : (x) => BigInt(x as number);
  }
  if (from.big) {
    // float32 from int64 rounds twice here (int64 -> double -> float32); wasm rounds once.
    return to.float ? (x) => Number(x) : (x) => Number(BigInt.asIntN(32, x as bigint));
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
