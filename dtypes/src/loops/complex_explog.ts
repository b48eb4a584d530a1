/**
 * NumPy's own complex exp2 / expm1 / log2 / log10 / log1p (funcs.inc.src), built from the real
 * functions and complex exp / log exactly as the C code composes them; `r` rounds every step
 * to the component type (Math.fround for complex64).
 */
import type { ComplexUnary } from './kernels_complex.js';

type Round = (x: number) => number;

export function complexExp2(r: Round, exp: ComplexUnary): ComplexUnary {
  const ln2 = r(Math.LN2);
  return (re, im, z) => exp(r(re * ln2), r(im * ln2), z);
}

export function complexExpm1(r: Round): ComplexUnary {
  return (re, im, z) => {
    const a = r(Math.sin(im / 2));
    const realPart = r(r(r(Math.expm1(re)) * r(Math.cos(im))) - r(r(2 * a) * a));
    z[1] = r(r(Math.exp(re)) * r(Math.sin(im)));
    z[0] = realPart;
  };
}

/** log then a scale of both parts (NPY_LOG2E / NPY_LOG10E in the component type). */
export function complexScaledLog(r: Round, log: ComplexUnary, scale: number): ComplexUnary {
  const factor = r(scale);
  return (re, im, z) => {
    log(re, im, z);
    z[0] = r(z[0]! * factor);
    z[1] = r(z[1]! * factor);
  };
}

export function complexLog1p(r: Round): ComplexUnary {
  return (re, im, z) => {
    const shifted = r(re + 1);
    const magnitude = r(Math.hypot(shifted, im));
    z[1] = r(Math.atan2(im, shifted));
    z[0] = r(Math.log(magnitude));
  };
}
