/**
 * Complex power as NumPy's npy_cpow: z^0 = 1, 0^b = 0 (Re b > 0) or NaN, small integer
 * exponents (|n| < 100) by repeated squaring with plain complex products (then 1/r for n < 0),
 * otherwise glibc's cpow, i.e. exp(b·log a).
 */
import type { ComplexBinary, ComplexUnary } from './kernels_complex.js';

type Round = (x: number) => number;

export function complexPower(r: Round, exp: ComplexUnary, log: ComplexUnary): ComplexBinary {
  const product = new Float64Array(2);
  // (a·b) without FMA, as the scalar C helper cmul does
  const mul = (ar: number, ai: number, br: number, bi: number): void => {
    product[0] = r(r(ar * br) - r(ai * bi));
    product[1] = r(r(ar * bi) + r(ai * br));
  };
  return (ar, ai, br, bi, z) => {
    if (br === 0 && bi === 0) { z[0] = 1; z[1] = 0; return; }
    if (ar === 0 && ai === 0) {
      if (br > 0) { z[0] = 0; z[1] = 0; } else { z[0] = NaN; z[1] = NaN; }
      return;
    }
    const n = Math.trunc(br);
    if (bi === 0 && n === br && n > -100 && n < 100) {
      if (n === 1) { z[0] = ar; z[1] = ai; return; }
      if (n === 2) { mul(ar, ai, ar, ai); z[0] = product[0]!; z[1] = product[1]!; return; }
      if (n === 3) {
        mul(ar, ai, ar, ai);
        mul(ar, ai, product[0]!, product[1]!);
        z[0] = product[0]!; z[1] = product[1]!;
        return;
      }
      let count = Math.abs(n);
      let accRe = 1, accIm = 0, pRe = ar, pIm = ai;
      for (;;) {
        if (count & 1) { mul(accRe, accIm, pRe, pIm); accRe = product[0]!; accIm = product[1]!; }
        count >>= 1;
        if (count === 0) break;
        mul(pRe, pIm, pRe, pIm); pRe = product[0]!; pIm = product[1]!;
      }
      if (br < 0) { reciprocal(accRe, accIm, r, z); return; }
      z[0] = accRe; z[1] = accIm;
      return;
    }
    // cpow(a, b) = cexp(b · clog(a)), with C's complex product (Annex G infinity recovery)
    log(ar, ai, z);
    annexGMultiply(br, bi, z[0]!, z[1]!, r, product);
    exp(product[0]!, product[1]!, z);
  };
}

const isInf = (x: number): boolean => x === Infinity || x === -Infinity;
const signedZeroLike = (x: number): number => (x < 0 || Object.is(x, -0) ? -0 : 0);

/** C's `(a+bi)·(c+di)` (libgcc __muldc3): when both parts come out NaN, recover infinities. */
function annexGMultiply(a: number, b: number, c: number, d: number, r: Round, out: Float64Array): void {
  const ac = r(a * c), bd = r(b * d), ad = r(a * d), bc = r(b * c);
  let x = r(ac - bd), y = r(ad + bc);
  if (x !== x && y !== y) {
    let recalc = false;
    if (isInf(a) || isInf(b)) {
      a = isInf(a) ? Math.sign(a) : signedZeroLike(a); b = isInf(b) ? Math.sign(b) : signedZeroLike(b);
      if (c !== c) c = 0;
      if (d !== d) d = 0;
      recalc = true;
    }
    if (isInf(c) || isInf(d)) {
      c = isInf(c) ? Math.sign(c) : signedZeroLike(c); d = isInf(d) ? Math.sign(d) : signedZeroLike(d);
      if (a !== a) a = 0;
      if (b !== b) b = 0;
      recalc = true;
    }
    if (!recalc && (isInf(ac) || isInf(bd) || isInf(ad) || isInf(bc))) {
      if (a !== a) a = 0;
      if (b !== b) b = 0;
      if (c !== c) c = 0;
      if (d !== d) d = 0;
      recalc = true;
    }
    if (recalc) {
      x = Infinity * (a * c - b * d);
      y = Infinity * (a * d + b * c);
    }
  }
  out[0] = x;
  out[1] = y;
}

/** 1 / (re + i·im) by Smith's method (NumPy's cdiv with a = 1). */
function reciprocal(re: number, im: number, r: Round, z: Float64Array): void {
  const absRe = Math.abs(re), absIm = Math.abs(im);
  if (absRe >= absIm) {
    if (absRe === 0 && absIm === 0) { z[0] = 1 / absRe; z[1] = 0 / absIm; return; }
    const ratio = r(im / re), scale = r(1 / r(re + r(im * ratio)));
    z[0] = r(r(1 + r(0 * ratio)) * scale);
    z[1] = r(r(0 - ratio) * scale);
  } else {
    const ratio = r(re / im), scale = r(1 / r(im + r(re * ratio)));
    z[0] = r(r(ratio + 0) * scale);
    z[1] = r(r(r(0 * ratio) - 1) * scale);
  }
}
