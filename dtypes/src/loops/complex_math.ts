/**
 * Complex sqrt / exp / log with C99 Annex G special values (as glibc's csqrt/cexp/clog, which
 * NumPy calls) and NumPy 2's complex sign (z/|z|). Finite results are computed in float64 and
 * rounded once, so they may differ from libm by an ulp or two.
 */
import type { ComplexUnary } from './kernels_complex.js';

type Round = (x: number) => number;
const isInf = (x: number): boolean => x === Infinity || x === -Infinity;
const copySign = (magnitude: number, sign: number): number =>
  sign < 0 || Object.is(sign, -0) ? -Math.abs(magnitude) : Math.abs(magnitude);

export function complexSqrt(r: Round): ComplexUnary {
  return (re, im, z) => {
    if (isInf(im)) { z[0] = Infinity; z[1] = im; return; }
    if (isInf(re)) {
      if (re < 0) { z[0] = im !== im ? NaN : 0; z[1] = copySign(Infinity, im); }
      else { z[0] = re; z[1] = im !== im ? NaN : copySign(0, im); }
      return;
    }
    if (re !== re || im !== im) { z[0] = NaN; z[1] = NaN; return; }
    if (im === 0) {
      if (re < 0) { z[0] = 0; z[1] = copySign(r(Math.sqrt(-re)), im); }
      else { z[0] = r(Math.abs(Math.sqrt(re))); z[1] = copySign(0, im); }
      return;
    }
    // Scale huge / tiny inputs so that hypot and the half-sums stay in range.
    const big = Math.abs(re) > 1e300 || Math.abs(im) > 1e300;
    const scale = big ? 0.25 : 1; // sqrt(z/4) * 2
    const x = re * scale, y = im * scale;
    const d = Math.hypot(x, y);
    let outRe: number, outIm: number;
    if (x > 0) { outRe = Math.sqrt(0.5 * (d + x)); outIm = 0.5 * (y / outRe); }
    else { outIm = Math.sqrt(0.5 * (d - x)); outRe = Math.abs(0.5 * (y / outIm)); outIm = copySign(outIm, y); }
    const unscale = big ? 2 : 1;
    z[0] = r(outRe * unscale);
    z[1] = r(outIm * unscale);
  };
}

export function complexExp(r: Round): ComplexUnary {
  return (re, im, z) => {
    if (re !== re) { z[0] = NaN; z[1] = im === 0 ? im : NaN; return; }
    if (isInf(re)) {
      const magnitude = re > 0 ? Infinity : 0;
      if (im === 0) { z[0] = magnitude; z[1] = im; }
      else if (im - im === 0) { z[0] = copySign(magnitude, Math.cos(im)); z[1] = copySign(magnitude, Math.sin(im)); }
      else if (re > 0) { z[0] = Infinity; z[1] = NaN; }
      else { z[0] = 0; z[1] = copySign(0, im); }
      return;
    }
    if (im - im !== 0) { z[0] = NaN; z[1] = NaN; return; }
    if (im === 0) { z[0] = r(Math.exp(re)); z[1] = im; return; }
    if (re > 709) {
      // exp(re) overflows while exp(re)·cos(im) may not: apply exp(re/2) twice.
      const half = Math.exp(re / 2);
      z[0] = r(Math.cos(im) * half * half);
      z[1] = r(Math.sin(im) * half * half);
      return;
    }
    const e = Math.exp(re);
    z[0] = r(e * Math.cos(im));
    z[1] = r(e * Math.sin(im));
  };
}

const EPSILON = 2 ** -52;

/** x² + y² − 1 for 0.5 ≤ x < 1 without cancellation: exact squares, then a compensated sum. */
function squaresMinusOne(x: number, y: number): number {
  const xx = x * x, yy = y * y;
  const xxErr = exactProductError(x, x, xx), yyErr = exactProductError(y, y, yy);
  // Neumaier summation of (xx − 1) + yy + xxErr + yyErr; xx − 1 is exact (Sterbenz).
  let sum = xx - 1, compensation = 0;
  const add = (t: number): void => {
    const next = sum + t;
    compensation += Math.abs(sum) >= Math.abs(t) ? sum - next + t : t - next + sum;
    sum = next;
  };
  add(yy);
  add(xxErr);
  add(yyErr);
  return sum + compensation;
}
function exactProductError(a: number, b: number, product: number): number {
  const split = 134217729;
  const ta = split * a, aHi = ta - (ta - a), aLo = a - aHi;
  const tb = split * b, bHi = tb - (tb - b), bLo = b - bHi;
  return ((aHi * bHi - product) + aHi * bLo + aLo * bHi) + aLo * bLo;
}

/** log|z| the way glibc's clog does it: log1p of x²+y²−1 when |z| is near 1. */
function logAbs(re: number, im: number, r: Round): number {
  const absX = Math.max(Math.abs(re), Math.abs(im)), absY = Math.min(Math.abs(re), Math.abs(im));
  if (absX === 1) return r(Math.log1p(r(absY * absY))) / 2;
  if (absX > 1 && absX < 2 && absY < 1) {
    let d2m1 = r(r(absX - 1) * r(absX + 1));
    if (absY >= EPSILON) d2m1 = r(d2m1 + r(absY * absY));
    return r(Math.log1p(d2m1)) / 2;
  }
  if (absX < 1 && absX >= 0.5 && absY < EPSILON / 2) return r(Math.log1p(r(r(absX - 1) * r(absX + 1)))) / 2;
  if (absX < 1 && absX >= 0.5 && absX * absX + absY * absY >= 0.5) return r(Math.log1p(r(squaresMinusOne(absX, absY)))) / 2;
  return r(Math.log(r(Math.hypot(re, im))));
}

export function complexLog(r: Round): ComplexUnary {
  return (re, im, z) => {
    if (re === 0 && im === 0) {
      z[0] = -Infinity;
      z[1] = Math.atan2(im, re);
      return;
    }
    if (re !== re || im !== im) {
      z[0] = isInf(re) || isInf(im) ? Infinity : NaN;
      z[1] = NaN;
      return;
    }
    z[0] = logAbs(re, im, r);
    z[1] = r(Math.atan2(im, re));
  };
}

/** NumPy ≥ 2: sign(z) = z/|z|, 0 for 0, NaN for NaN, unit axis direction for one infinite part. */
export function complexSign(r: Round): ComplexUnary {
  return (re, im, z) => {
    const magnitude = r(Math.hypot(re, im));
    if (magnitude !== magnitude) { z[0] = NaN; z[1] = NaN; return; }
    if (magnitude === Infinity) {
      if (isInf(re)) {
        if (isInf(im)) { z[0] = NaN; z[1] = NaN; }
        else { z[0] = re > 0 ? 1 : -1; z[1] = 0; }
      } else { z[0] = 0; z[1] = im > 0 ? 1 : -1; }
      return;
    }
    if (magnitude === 0) { z[0] = 0; z[1] = 0; return; }
    z[0] = r(re / magnitude);
    z[1] = r(im / magnitude);
  };
}
