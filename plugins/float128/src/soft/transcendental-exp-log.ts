// exp/log family, pow and the hyperbolic functions (≤ 1 ulp): evaluated in 256-bit BigInt
// floating point (bigfloat.ts) with cancellation-free formulas near 0/1, then rounded once.
import {
  add, bfFromLanes, bfToLanes, div, fromInt, LN10, LN2, magnitude, mul, mulPow2, neg, ONE, PREC, sqrt, sub,
  atanhSeries, type BF,
} from './bigfloat.js';
import { copy, copyNaN, isNeg, kindOf, writeNumber } from './transcendental-util.js';

/** Nearest integer of a BF (ties up). */
export function roundToInt(a: BF): bigint {
  if (a.e >= 0) return a.m << BigInt(a.e);
  return (a.m + (1n << BigInt(-a.e - 1))) >> BigInt(-a.e);
}

/** e^x for |x| < ~12000 (callers guard larger arguments). */
export function bfExp(x: BF): BF {
  if (x.m === 0n) return ONE;
  const k = roundToInt(div(x, LN2()));
  const r = sub(x, mul(fromInt(k), LN2())); // |r| ≤ ln2/2 (+ tiny)
  const s = 12;
  const rs = mulPow2(r, -s);
  let term: BF = ONE;
  let sum: BF = ONE;
  for (let n = 1; n < 200; n++) {
    term = div(mul(term, rs), fromInt(n));
    if (term.m === 0n || magnitude(term) < -PREC - 16) break;
    sum = add(sum, term);
  }
  for (let i = 0; i < s; i++) sum = mul(sum, sum);
  return mulPow2(sum, Number(k));
}

/** e^x − 1 without cancellation for |x| < 1. */
export function bfExpm1(x: BF): BF {
  if (magnitude(x) >= 0) return sub(bfExp(x), ONE);
  let term = x;
  let sum = x;
  const stop = magnitude(x) - PREC - 16;
  for (let n = 2; n < 400; n++) {
    term = div(mul(term, x), fromInt(n));
    if (term.m === 0n || magnitude(term) < stop) break;
    sum = add(sum, term);
  }
  return sum;
}

/** ln x for x > 0: x = f·2^E with f ∈ [√½, √2), ln f = 2·atanh((f−1)/(f+1)). */
export function bfLog(x: BF): BF {
  const len = magnitude(x) - x.e + 1; // bit length of m
  let E = x.e + len - 1;
  let f: BF = { m: x.m, e: -(len - 1) };
  // f > √2 ⇔ m² > 2^(2len−1)
  if (x.m * x.m > 1n << BigInt(2 * len - 1)) { f = mulPow2(f, -1); E += 1; }
  const z = div(sub(f, ONE), add(f, ONE));
  return add(mul(fromInt(E), LN2()), mulPow2(atanhSeries(z), 1));
}

/** ln(1 + x) for x > −1, cancellation-free for small x. */
export function bfLog1p(x: BF): BF {
  if (magnitude(x) <= -2) return mulPow2(atanhSeries(div(x, add(fromInt(2), x))), 1);
  return bfLog(add(ONE, x));
}

type Unary = (a: Uint32Array, ai: number, out: Uint32Array, oi: number) => void;

export const exp128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'inf') return writeNumber(isNeg(a, ai) ? 0 : Infinity, out, oi);
  if (k === 'zero') return writeNumber(1, out, oi);
  const x = bfFromLanes(a, ai);
  if (magnitude(x) > 14) return writeNumber(x.m < 0n ? 0 : Infinity, out, oi); // |x| ≥ 32768
  bfToLanes(bfExp(x), out, oi);
};

export const exp2_128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'inf') return writeNumber(isNeg(a, ai) ? 0 : Infinity, out, oi);
  if (k === 'zero') return writeNumber(1, out, oi);
  const x = bfFromLanes(a, ai);
  if (magnitude(x) > 15) return writeNumber(x.m < 0n ? 0 : Infinity, out, oi);
  // Integral x gives an exact power of two.
  if (x.e >= 0 || (x.m & ((1n << BigInt(-x.e)) - 1n)) === 0n) {
    return bfToLanes({ m: 1n, e: Number(roundToInt(x)) }, out, oi, true);
  }
  bfToLanes(bfExp(mul(x, LN2())), out, oi);
};

export const expm1_128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'inf') return writeNumber(isNeg(a, ai) ? -1 : Infinity, out, oi);
  if (k === 'zero') return copy(a, ai, out, oi);
  const x = bfFromLanes(a, ai);
  if (magnitude(x) > 14) return writeNumber(x.m < 0n ? -1 : Infinity, out, oi);
  bfToLanes(bfExpm1(x), out, oi);
};

function logLike(scale: (() => BF) | null, a: Uint32Array, ai: number, out: Uint32Array, oi: number): void {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'zero') return writeNumber(-Infinity, out, oi);
  if (isNeg(a, ai)) return writeNumber(NaN, out, oi);
  if (k === 'inf') return writeNumber(Infinity, out, oi);
  const x = bfFromLanes(a, ai);
  const l = bfLog(x);
  if (scale === null) return bfToLanes(l, out, oi);
  const r = div(l, scale());
  // Exact results (log2 of a power of two, log10 of a power of ten) are integers.
  const n = roundToInt(r);
  if (magnitude(sub(r, fromInt(n))) < -PREC + 40) {
    const exact = scale === LN2 ? x.m === 1n || isPow2(x) : isPow10(x, n);
    if (exact) return bfToLanes(fromInt(n), out, oi, true);
  }
  bfToLanes(r, out, oi);
}
const isPow2 = (x: BF): boolean => (x.m & (x.m - 1n)) === 0n;
function isPow10(x: BF, n: bigint): boolean {
  if (n < 0n || n > 5000n) return false;
  const p = 10n ** n;
  return x.e >= 0 ? x.m << BigInt(x.e) === p : (p << BigInt(-x.e)) === x.m;
}

export const log128: Unary = (a, ai, out, oi) => logLike(null, a, ai, out, oi);
export const log2_128: Unary = (a, ai, out, oi) => logLike(LN2, a, ai, out, oi);
export const log10_128: Unary = (a, ai, out, oi) => logLike(LN10, a, ai, out, oi);

export const log1p128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'zero') return copy(a, ai, out, oi);
  if (k === 'inf') return writeNumber(isNeg(a, ai) ? NaN : Infinity, out, oi);
  const x = bfFromLanes(a, ai);
  const c = add(x, ONE);
  if (c.m < 0n) return writeNumber(NaN, out, oi);
  if (c.m === 0n) return writeNumber(-Infinity, out, oi);
  bfToLanes(bfLog1p(x), out, oi);
};

export const sinh128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k !== 'finite') return k === 'nan' ? copyNaN(a, ai, out, oi) : copy(a, ai, out, oi);
  const x = bfFromLanes(a, ai);
  if (magnitude(x) > 14) return writeNumber(x.m < 0n ? -Infinity : Infinity, out, oi);
  const ax: BF = { m: x.m < 0n ? -x.m : x.m, e: x.e };
  const E = bfExpm1(ax); // sinh = (E + E/(E+1))/2
  const s = mulPow2(add(E, div(E, add(E, ONE))), -1);
  bfToLanes(x.m < 0n ? neg(s) : s, out, oi);
};

export const cosh128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'inf') return writeNumber(Infinity, out, oi);
  if (k === 'zero') return writeNumber(1, out, oi);
  const x = bfFromLanes(a, ai);
  if (magnitude(x) > 14) return writeNumber(Infinity, out, oi);
  const e = bfExp(x);
  bfToLanes(mulPow2(add(e, div(ONE, e)), -1), out, oi);
};

export const tanh128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'inf') return writeNumber(isNeg(a, ai) ? -1 : 1, out, oi);
  if (k === 'zero') return copy(a, ai, out, oi);
  const x = bfFromLanes(a, ai);
  if (magnitude(x) > 7) return writeNumber(x.m < 0n ? -1 : 1, out, oi); // |x| ≥ 256: tanh rounds to ±1
  const ax: BF = { m: x.m < 0n ? -x.m : x.m, e: x.e };
  const E = bfExpm1(mulPow2(ax, 1));
  const t = div(E, add(E, fromInt(2)));
  bfToLanes(x.m < 0n ? neg(t) : t, out, oi);
};

export const asinh128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k !== 'finite') return k === 'nan' ? copyNaN(a, ai, out, oi) : copy(a, ai, out, oi);
  const x = bfFromLanes(a, ai);
  const ax: BF = { m: x.m < 0n ? -x.m : x.m, e: x.e };
  const x2 = mul(ax, ax);
  let r: BF;
  if (magnitude(ax) <= -2) r = bfLog1p(add(ax, div(x2, add(ONE, sqrt(add(ONE, x2))))));
  else r = bfLog(add(ax, sqrt(add(x2, ONE))));
  bfToLanes(x.m < 0n ? neg(r) : r, out, oi);
};

export const acosh128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (isNeg(a, ai) || k === 'zero') return writeNumber(NaN, out, oi);
  if (k === 'inf') return writeNumber(Infinity, out, oi);
  const x = bfFromLanes(a, ai);
  const t = sub(x, ONE);
  if (t.m < 0n) return writeNumber(NaN, out, oi);
  if (t.m === 0n) return writeNumber(0, out, oi);
  if (magnitude(t) <= -2) return bfToLanes(bfLog1p(add(t, sqrt(add(mulPow2(t, 1), mul(t, t))))), out, oi);
  bfToLanes(bfLog(add(x, sqrt(sub(mul(x, x), ONE)))), out, oi);
};

export const atanh128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'zero') return copy(a, ai, out, oi);
  if (k === 'inf') return writeNumber(NaN, out, oi);
  const x = bfFromLanes(a, ai);
  const c = sub(ONE, { m: x.m < 0n ? -x.m : x.m, e: x.e });
  if (c.m < 0n) return writeNumber(NaN, out, oi);
  if (c.m === 0n) return writeNumber(x.m < 0n ? -Infinity : Infinity, out, oi);
  bfToLanes(mulPow2(bfLog1p(div(mulPow2(x, 1), sub(ONE, x))), -1), out, oi);
};
