/**
 * complex64 / complex128 loops. Every op takes `round` (Math.fround for complex64, identity for
 * complex128) and rounds each intermediate like NumPy's C code does in float / double.
 * sqrt, exp, log and absolute go through Math.* and may differ from libm by an ulp or two.
 */
import type { StridedLoop } from '@dtkit/core';
import {
  complexBinary, complexUnary, complexToReal, complexCompare, complexPredicate,
  type ComplexBinary, type ComplexUnary, type ComplexToReal, type ComplexPredicate2, type ComplexPredicate1,
} from './kernels_complex.js';
import { complexSqrt, complexExp, complexLog, complexSign } from './complex_math.js';
import { rint } from './math.js';
import { complexPower } from './complex_power.js';
import { complexSinh, complexCosh, complexTanh, rotatedOdd, rotatedEven } from './complex_trig.js';
import { complexExp2, complexExpm1, complexScaledLog, complexLog1p } from './complex_explog.js';
import { fma32, fma64 } from './fma.js';
import type { ComplexDType, LoopEntry } from './types.js';

type Round = (x: number) => number;
const REAL_OF: Readonly<Record<ComplexDType, string>> = { complex64: 'float32', complex128: 'float64' };
const ROUND_OF: Readonly<Record<ComplexDType, Round>> = { complex64: Math.fround, complex128: (x) => x };

const add = (r: Round): ComplexBinary => (ar, ai, br, bi, z) => { z[0] = r(ar + br); z[1] = r(ai + bi); };
const subtract = (r: Round): ComplexBinary => (ar, ai, br, bi, z) => { z[0] = r(ar - br); z[1] = r(ai - bi); };
type Fma = (a: number, b: number, c: number) => number;
const FMA_OF: Readonly<Record<ComplexDType, Fma>> = { complex64: fma32, complex128: fma64 };
/** As NumPy's SIMD loop: re = fma(ar, br, -ai·bi), im = fma(ar, bi, ai·br). */
const multiply = (r: Round, fma: Fma): ComplexBinary => (ar, ai, br, bi, z) => {
  z[0] = fma(ar, br, -r(ai * bi));
  z[1] = fma(ar, bi, r(ai * br));
};
/** Smith's algorithm, exactly as NumPy's loops (division by 0 gives a complex inf / nan). */
const divide = (r: Round): ComplexBinary => (ar, ai, br, bi, z) => {
  const absBr = Math.abs(br), absBi = Math.abs(bi);
  if (absBr >= absBi) {
    if (absBr === 0 && absBi === 0) {
      z[0] = r(ar / absBr);
      z[1] = r(ai / absBr);
      return;
    }
    const ratio = r(bi / br);
    const scale = r(1 / r(br + r(bi * ratio)));
    z[0] = r(r(ar + r(ai * ratio)) * scale);
    z[1] = r(r(ai - r(ar * ratio)) * scale);
  } else {
    // also taken when the divisor has a NaN, as in NumPy
    const ratio = r(br / bi);
    const scale = r(1 / r(bi + r(br * ratio)));
    z[0] = r(r(r(ar * ratio) + ai) * scale);
    z[1] = r(r(r(ai * ratio) - ar) * scale);
  }
};
const square = (r: Round, fma: Fma): ComplexUnary => (re, im, z) => {
  z[0] = fma(re, re, -r(im * im));
  z[1] = fma(re, im, r(im * re));
};

/** NumPy's lexicographic complex ordering (CLT/CLE/CGT/CGE in loops.c). */
const less: ComplexPredicate2 = (ar, ai, br, bi) => (ar < br && ai === ai && bi === bi) || (ar === br && ai < bi);
const lessEqual: ComplexPredicate2 = (ar, ai, br, bi) => (ar < br && ai === ai && bi === bi) || (ar === br && ai <= bi);
const greater: ComplexPredicate2 = (ar, ai, br, bi) => (ar > br && ai === ai && bi === bi) || (ar === br && ai > bi);
const greaterEqual: ComplexPredicate2 = (ar, ai, br, bi) => (ar > br && ai === ai && bi === bi) || (ar === br && ai >= bi);
const COMPARISONS: ReadonlyArray<readonly [string, ComplexPredicate2]> = [
  ['equal', (ar, ai, br, bi) => ar === br && ai === bi],
  ['not_equal', (ar, ai, br, bi) => ar !== br || ai !== bi],
  ['less', less], ['less_equal', lessEqual], ['greater', greater], ['greater_equal', greaterEqual],
];

const hasNaN = (re: number, im: number): boolean => re !== re || im !== im;
/** maximum/minimum keep a NaN first operand; fmax/fmin prefer the non-NaN operand. */
const pick = (keepFirst: (ar: number, ai: number, br: number, bi: number) => boolean): ComplexBinary =>
  (ar, ai, br, bi, z) => {
    const first = keepFirst(ar, ai, br, bi);
    z[0] = first ? ar : br;
    z[1] = first ? ai : bi;
  };
const MIN_MAX: ReadonlyArray<readonly [string, ComplexBinary]> = [
  ['maximum', pick((ar, ai, br, bi) => greaterEqual(ar, ai, br, bi) || hasNaN(ar, ai))],
  ['minimum', pick((ar, ai, br, bi) => lessEqual(ar, ai, br, bi) || hasNaN(ar, ai))],
  ['fmax', pick((ar, ai, br, bi) => greaterEqual(ar, ai, br, bi) || hasNaN(br, bi))],
  ['fmin', pick((ar, ai, br, bi) => lessEqual(ar, ai, br, bi) || hasNaN(br, bi))],
];

const nonzero = (re: number, im: number): boolean => re !== 0 || im !== 0;
const LOGICAL: ReadonlyArray<readonly [string, ComplexPredicate2]> = [
  ['logical_and', (ar, ai, br, bi) => nonzero(ar, ai) && nonzero(br, bi)],
  ['logical_or', (ar, ai, br, bi) => nonzero(ar, ai) || nonzero(br, bi)],
  ['logical_xor', (ar, ai, br, bi) => nonzero(ar, ai) !== nonzero(br, bi)],
];
const CLASSIFY: ReadonlyArray<readonly [string, ComplexPredicate1]> = [
  ['isnan', hasNaN],
  ['isinf', (re, im) => Math.abs(re) === Infinity || Math.abs(im) === Infinity],
  ['isfinite', (re, im) => re - re === 0 && im - im === 0],
  ['logical_not', (re, im) => !nonzero(re, im)],
];

function binary(ufunc: string, dt: ComplexDType, op: ComplexBinary): LoopEntry {
  const loop: StridedLoop = (n, d, o, s) => complexBinary(n, d, o, s, op);
  return { ufunc, dtypes: [dt, dt, dt], loop };
}
function unary(ufunc: string, dt: ComplexDType, op: ComplexUnary): LoopEntry {
  return { ufunc, dtypes: [dt, dt], loop: (n, d, o, s) => complexUnary(n, d, o, s, op) };
}
function toReal(ufunc: string, dt: ComplexDType, op: ComplexToReal): LoopEntry {
  return { ufunc, dtypes: [dt, REAL_OF[dt]], loop: (n, d, o, s) => complexToReal(n, d, o, s, op) };
}
function compare(ufunc: string, dt: ComplexDType, op: ComplexPredicate2): LoopEntry {
  return { ufunc, dtypes: [dt, dt, 'bool'], loop: (n, d, o, s) => complexCompare(n, d, o, s, op) };
}
function predicate(ufunc: string, dt: ComplexDType, op: ComplexPredicate1): LoopEntry {
  return { ufunc, dtypes: [dt, 'bool'], loop: (n, d, o, s) => complexPredicate(n, d, o, s, op) };
}

function loopsFor(dt: ComplexDType): LoopEntry[] {
  const r = ROUND_OF[dt];
  return [
    binary('add', dt, add(r)), binary('subtract', dt, subtract(r)),
    binary('multiply', dt, multiply(r, FMA_OF[dt])), binary('divide', dt, divide(r)),
    binary('power', dt, complexPower(r, complexExp(r), complexLog(r))),
    unary('negative', dt, (re, im, z) => { z[0] = -re; z[1] = -im; }),
    unary('positive', dt, (re, im, z) => { z[0] = re; z[1] = im; }),
    toReal('absolute', dt, (re, im) => r(Math.hypot(re, im))),
    unary('square', dt, square(r, FMA_OF[dt])),
    unary('sign', dt, complexSign(r)),
    unary('sqrt', dt, complexSqrt(r)), unary('exp', dt, complexExp(r)), unary('log', dt, complexLog(r)),
    unary('exp2', dt, complexExp2(r, complexExp(r))), unary('expm1', dt, complexExpm1(r)),
    unary('log2', dt, complexScaledLog(r, complexLog(r), Math.LOG2E)),
    unary('log10', dt, complexScaledLog(r, complexLog(r), Math.LOG10E)),
    unary('log1p', dt, complexLog1p(r)),
    unary('sinh', dt, complexSinh(r)), unary('cosh', dt, complexCosh(r)), unary('tanh', dt, complexTanh(r)),
    unary('sin', dt, rotatedOdd(complexSinh(r), true)), unary('cos', dt, rotatedEven(complexCosh(r))),
    unary('tan', dt, rotatedOdd(complexTanh(r), false)),
    unary('rint', dt, (re, im, z) => { z[0] = rint(re); z[1] = rint(im); }),
    ...COMPARISONS.map(([ufunc, op]) => compare(ufunc, dt, op)),
    ...LOGICAL.map(([ufunc, op]) => compare(ufunc, dt, op)),
    ...MIN_MAX.map(([ufunc, op]) => binary(ufunc, dt, op)),
    ...CLASSIFY.map(([ufunc, op]) => predicate(ufunc, dt, op)),
  ];
}

export const complexLoops: readonly LoopEntry[] = [...loopsFor('complex64'), ...loopsFor('complex128')];
