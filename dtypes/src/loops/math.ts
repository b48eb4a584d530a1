/**
 * Real transcendental and rounding loops. float64 uses Math.* (V8's fdlibm ports), which may
 * differ from NumPy's libm/SIMD results by an ulp or two; float32 and float16 evaluate in float64
 * and round once, which can differ from NumPy's float32 kernels by a few float32 ulps.
 * The tests state the bound per function.
 */
import { numUnary, numBinary, f16Unary, f16Binary, f16BitsBinary, f16BitsUnary, everyInt, bigUnary } from './build.js';
import { logaddexp, logaddexp2, logaddexpF32, logaddexp2F32, DEG2RAD_F32, DEG2RAD_F64, RAD2DEG_F32, RAD2DEG_F64 } from './logaddexp.js';
import { nextafterF16Bits, nextafterF32, nextafterF64, spacingF16Bits, spacingF32, spacingF64 } from './nextafter.js';
import type { LoopEntry, NumUnary, NumBinary } from './types.js';

/** Round half to even (C rint in the default rounding mode). */
export const rint: NumUnary = (x) => {
  const r = Math.round(x); // ties toward +inf
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
};

const TRANSCENDENTAL: ReadonlyArray<readonly [string, NumUnary]> = [
  ['sqrt', Math.sqrt], ['exp', Math.exp], ['exp2', (x) => Math.pow(2, x)], ['expm1', Math.expm1],
  ['log', Math.log], ['log2', Math.log2], ['log10', Math.log10], ['log1p', Math.log1p],
  ['sin', Math.sin], ['cos', Math.cos], ['tan', Math.tan],
  ['arcsin', Math.asin], ['arccos', Math.acos], ['arctan', Math.atan],
  ['sinh', Math.sinh], ['cosh', Math.cosh], ['tanh', Math.tanh],
  ['cbrt', Math.cbrt], ['arcsinh', Math.asinh], ['arccosh', Math.acosh], ['arctanh', Math.atanh],
];

/** C hypot: an infinite operand wins over NaN (Math.hypot agrees). */
const hypot: NumBinary = (a, b) => Math.hypot(a, b);

function floatUnary(ufunc: string, op: NumUnary): LoopEntry[] {
  return [f16Unary(ufunc, op), numUnary(ufunc, 'float32', op), numUnary(ufunc, 'float64', op)];
}
function floatBinary(ufunc: string, op: NumBinary): LoopEntry[] {
  return [f16Binary(ufunc, op), numBinary(ufunc, 'float32', op), numBinary(ufunc, 'float64', op)];
}
/** x · c with NumPy's float32 constant for float32 and float16 (computed in float32), float64's for float64. */
function scaling(ufunc: string, c32: number, c64: number): LoopEntry[] {
  const op32: NumUnary = (x) => Math.fround(x * c32);
  return [f16Unary(ufunc, op32), numUnary(ufunc, 'float32', op32), numUnary(ufunc, 'float64', (x) => x * c64)];
}
/** NumPy 2 gives floor/ceil/trunc integer (and bool) loops that return the input unchanged. */
function integralRounding(ufunc: string, op: NumUnary): LoopEntry[] {
  return [
    numUnary(ufunc, 'bool', (a) => a),
    ...everyInt((d) => numUnary(ufunc, d, (a) => a), (d) => bigUnary(ufunc, d, (a) => a)),
    ...floatUnary(ufunc, op),
  ];
}

export const mathLoops: readonly LoopEntry[] = [
  ...TRANSCENDENTAL.flatMap(([ufunc, op]) => floatUnary(ufunc, op)),
  ...floatBinary('arctan2', Math.atan2),
  ...floatBinary('hypot', hypot),
  f16Binary('logaddexp', logaddexpF32), numBinary('logaddexp', 'float32', logaddexpF32), numBinary('logaddexp', 'float64', logaddexp),
  f16Binary('logaddexp2', logaddexp2F32), numBinary('logaddexp2', 'float32', logaddexp2F32), numBinary('logaddexp2', 'float64', logaddexp2),
  ...(['deg2rad', 'radians'] as const).flatMap((u) => scaling(u, DEG2RAD_F32, DEG2RAD_F64)),
  ...(['rad2deg', 'degrees'] as const).flatMap((u) => scaling(u, RAD2DEG_F32, RAD2DEG_F64)),
  ...integralRounding('floor', Math.floor),
  ...integralRounding('ceil', Math.ceil),
  ...integralRounding('trunc', Math.trunc),
  ...floatUnary('rint', rint),
  f16BitsBinary('nextafter', nextafterF16Bits), numBinary('nextafter', 'float32', nextafterF32), numBinary('nextafter', 'float64', nextafterF64),
  f16BitsUnary('spacing', spacingF16Bits), numUnary('spacing', 'float32', spacingF32), numUnary('spacing', 'float64', spacingF64),
];
