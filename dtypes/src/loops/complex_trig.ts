/**
 * Complex sinh / cosh / tanh with C99 Annex G special values, following glibc's csinh / ccosh /
 * ctanh (which NumPy calls), and sin / cos / tan through csin(z) = −i·csinh(iz),
 * ccos(z) = ccosh(iz), ctan(z) = −i·ctanh(iz). Finite parts are computed in float64 and rounded
 * once (`r`), so they may differ from libm by a few ulps.
 */
import type { ComplexUnary } from './kernels_complex.js';

type Round = (x: number) => number;
const OVERFLOW_T = 709; // (DBL_MAX_EXP − 1)·ln 2, truncated
const TANH_T = 354;
const isFiniteNumber = (x: number): boolean => x - x === 0;
const signOf = (x: number): number => (x < 0 || Object.is(x, -0) ? -1 : 1);
const copySign = (magnitude: number, sign: number): number => Math.abs(magnitude) * signOf(sign);

/** exp(|re|)/2 · (cos, sin) without overflowing before the final product (glibc's scaled branch). */
function scaledExp(absRe: number, cos: number, sin: number, z: Float64Array): void {
  const expT = Math.exp(OVERFLOW_T);
  let rest = absRe - OVERFLOW_T;
  let c = cos * (expT / 2), s = sin * (expT / 2);
  if (rest > OVERFLOW_T) { rest -= OVERFLOW_T; c *= expT; s *= expT; }
  if (rest > OVERFLOW_T) { z[0] = Number.MAX_VALUE * c; z[1] = Number.MAX_VALUE * s; return; }
  const ev = Math.exp(rest);
  z[0] = ev * c;
  z[1] = ev * s;
}

export function complexSinh(r: Round): ComplexUnary {
  return (re, im, z) => {
    const negate = signOf(re) < 0;
    const absRe = Math.abs(re);
    if (isFiniteNumber(re)) {
      if (isFiniteNumber(im)) {
        const sin = Math.sin(im);
        const cos = negate ? -Math.cos(im) : Math.cos(im);
        if (absRe > OVERFLOW_T) { scaledExp(absRe, cos, sin, z); z[0] = r(z[0]!); z[1] = r(z[1]!); return; }
        z[0] = r(Math.sinh(absRe) * cos);
        z[1] = r(Math.cosh(absRe) * sin);
      } else if (re === 0) { z[0] = negate ? -0 : 0; z[1] = im - im; }
      else { z[0] = im - im; z[1] = im - im; }
    } else if (re === Infinity || re === -Infinity) {
      if (isFiniteNumber(im) && im !== 0) {
        z[0] = copySign(Infinity, Math.cos(im)) * (negate ? -1 : 1);
        z[1] = copySign(Infinity, Math.sin(im));
      } else if (im === 0) { z[0] = negate ? -Infinity : Infinity; z[1] = im; }
      else { z[0] = Infinity; z[1] = im - im; }
    } else { z[0] = NaN; z[1] = im === 0 ? im : NaN; }
  };
}

export function complexCosh(r: Round): ComplexUnary {
  return (re, im, z) => {
    const absRe = Math.abs(re);
    if (isFiniteNumber(re)) {
      if (isFiniteNumber(im)) {
        const sin = signOf(re) < 0 ? -Math.sin(im) : Math.sin(im);
        const cos = Math.cos(im);
        if (absRe > OVERFLOW_T) { scaledExp(absRe, cos, sin, z); z[0] = r(z[0]!); z[1] = r(z[1]!); return; }
        z[0] = r(Math.cosh(absRe) * cos);
        z[1] = r(Math.sinh(absRe) * sin);
      } else { z[1] = re === 0 ? 0 : NaN; z[0] = im - im; }
    } else if (re === Infinity || re === -Infinity) {
      if (isFiniteNumber(im) && im !== 0) {
        z[0] = copySign(Infinity, Math.cos(im));
        z[1] = copySign(Infinity, Math.sin(im)) * signOf(re);
      } else if (im === 0) { z[0] = Infinity; z[1] = im * signOf(re); }
      else { z[0] = Infinity; z[1] = im - im; }
    } else { z[0] = NaN; z[1] = im === 0 ? im : NaN; }
  };
}

export function complexTanh(r: Round): ComplexUnary {
  return (re, im, z) => {
    if (!isFiniteNumber(re) || !isFiniteNumber(im)) {
      if (re === Infinity || re === -Infinity) {
        z[0] = signOf(re);
        z[1] = isFiniteNumber(im) && Math.abs(im) > 1 ? copySign(0, Math.sin(im) * Math.cos(im)) : copySign(0, im);
      } else if (im === 0) { z[0] = re; z[1] = im; }
      else { z[0] = re === 0 ? re : NaN; z[1] = NaN; } // C11: ctanh(±0 + i∞) = ±0 + iNaN
      return;
    }
    const sin = Math.sin(im), cos = Math.cos(im);
    if (Math.abs(re) > TANH_T) {
      const exp2t = Math.exp(2 * TANH_T);
      let imag = (4 * sin * cos) / exp2t;
      const rest = Math.abs(re) - TANH_T;
      imag = rest > TANH_T ? imag / exp2t : imag / Math.exp(2 * rest);
      z[0] = signOf(re);
      z[1] = r(imag);
      return;
    }
    const sinhRe = Math.sinh(re), coshRe = Math.cosh(re);
    const den = Math.abs(sinhRe) > Math.abs(cos) * Number.EPSILON ? sinhRe * sinhRe + cos * cos : cos * cos;
    z[0] = r((sinhRe * coshRe) / den);
    z[1] = r((sin * cos) / den);
  };
}

/**
 * f(z) = −i·g(iz) for sin/tan (g = sinh/tanh); cos(z) = cosh(iz). iz = (−im, re).
 * Where C leaves the sign of an infinite part unspecified (csin of a non-finite real part and
 * infinite imaginary part), glibc returns +∞; so do we.
 */
export function rotatedOdd(g: ComplexUnary, isSine: boolean): ComplexUnary {
  return (re, im, z) => {
    g(-im, re, z);
    const gRe = z[0]!;
    z[0] = z[1]!;
    z[1] = -gRe;
    if (isSine && !isFiniteNumber(re) && (im === Infinity || im === -Infinity)) z[1] = Math.abs(z[1]!);
  };
}
export function rotatedEven(g: ComplexUnary): ComplexUnary {
  return (re, im, z) => g(-im, re, z);
}
