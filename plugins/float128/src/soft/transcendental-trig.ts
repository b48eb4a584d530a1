// Circular functions (≤ 1 ulp) in 256-bit BigInt floating point. Large arguments are reduced
// exactly enough by using π with (exponent + 320) bits, the Payne–Hanek idea done the simple way
// (a long π, since BigInt makes that cheap); so sin(1e4000) is as accurate as sin(1).
import {
  add, bfFromLanes, bfToLanes, div, fromInt, magnitude, mul, mulPow2, neg, ONE, PI, PREC, piScaled, sqrt, sub, type BF,
} from './bigfloat.js';
import { copy, copyNaN, isNeg, kindOf, writeNumber } from './transcendental-util.js';

/** sin r and cos r by Taylor series, |r| ≲ 0.8. */
function sinCos(r: BF): [BF, BF] {
  const r2 = mul(r, r);
  let s = r, c: BF = ONE;
  let ts = r, tc: BF = ONE;
  const stop = -PREC - 16;
  for (let n = 1; n < 200; n++) {
    ts = neg(div(mul(ts, r2), fromInt((2 * n) * (2 * n + 1))));
    tc = neg(div(mul(tc, r2), fromInt((2 * n - 1) * (2 * n))));
    const done = (ts.m === 0n || magnitude(ts) < magnitude(r) + stop) && (tc.m === 0n || magnitude(tc) < stop);
    s = add(s, ts); c = add(c, tc);
    if (done) break;
  }
  return [s, c];
}

/** x = k·π/2 + r with |r| ≤ π/4; returns r and k mod 4. */
function reduce(x: BF): [BF, number] {
  if (magnitude(x) < -1) return [x, 0];
  const top = Math.max(0, x.e + 120);
  const Q = PREC + 64 + top;
  const piF = piScaled(Q); // π·2^Q
  const X = x.m << BigInt(x.e + Q); // x·2^Q, exact (x.e ≥ −113 here)
  const num = 4n * X + piF;
  const den = 2n * piF;
  let k = num / den;
  if (num < 0n && k * den !== num) k -= 1n; // floor for negatives
  const r2 = 2n * X - k * piF; // 2r·2^Q
  const q = Number(((k % 4n) + 4n) % 4n);
  return [{ m: r2, e: -(Q + 1) }, q];
}

function sinCosOf(a: Uint32Array, ai: number): [BF, BF] {
  const [r, q] = reduce(bfFromLanes(a, ai));
  const [s, c] = sinCos(r);
  if (q === 0) return [s, c];
  if (q === 1) return [c, neg(s)];
  if (q === 2) return [neg(s), neg(c)];
  return [neg(c), s];
}

type Unary = (a: Uint32Array, ai: number, out: Uint32Array, oi: number) => void;

export const sin128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'inf') return writeNumber(NaN, out, oi);
  if (k === 'zero') return copy(a, ai, out, oi);
  bfToLanes(sinCosOf(a, ai)[0], out, oi);
};

export const cos128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'inf') return writeNumber(NaN, out, oi);
  if (k === 'zero') return writeNumber(1, out, oi);
  bfToLanes(sinCosOf(a, ai)[1], out, oi);
};

export const tan128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'inf') return writeNumber(NaN, out, oi);
  if (k === 'zero') return copy(a, ai, out, oi);
  const [s, c] = sinCosOf(a, ai);
  bfToLanes(div(s, c), out, oi);
};

/** atan by argument halving atan(x) = 2·atan(x / (1 + √(1 + x²))) then Taylor. */
export function bfAtan(x: BF): BF {
  if (x.m === 0n) return x;
  if (magnitude(x) >= 0 && (x.m < 0n ? -x.m : x.m) !== 1n << BigInt(-x.e)) {
    // |x| > 1: atan x = ±π/2 − atan(1/x)
    const half = mulPow2(PI(), -1);
    return sub(x.m < 0n ? neg(half) : half, bfAtan(div(ONE, x)));
  }
  let t = x;
  let doublings = 0;
  while (magnitude(t) > -10) {
    t = div(t, add(ONE, sqrt(add(ONE, mul(t, t)))));
    doublings += 1;
  }
  const t2 = mul(t, t);
  let term = t, sum = t;
  const stop = magnitude(t) - PREC - 16;
  for (let n = 3; n < 400; n += 2) {
    term = neg(mul(term, t2));
    const q = div(term, fromInt(n));
    if (q.m === 0n || magnitude(q) < stop) break;
    sum = add(sum, q);
  }
  return mulPow2(sum, doublings);
}

export const atan128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'zero') return copy(a, ai, out, oi);
  if (k === 'inf') {
    const h = mulPow2(PI(), -1);
    return bfToLanes(isNeg(a, ai) ? neg(h) : h, out, oi);
  }
  bfToLanes(bfAtan(bfFromLanes(a, ai)), out, oi);
};

export const asin128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'zero') return copy(a, ai, out, oi);
  if (k === 'inf') return writeNumber(NaN, out, oi);
  const x = bfFromLanes(a, ai);
  const d = sub(ONE, mul(x, x)); // exact: x has ≤ 113 bits
  if (d.m < 0n) return writeNumber(NaN, out, oi);
  if (d.m === 0n) {
    const h = mulPow2(PI(), -1);
    return bfToLanes(x.m < 0n ? neg(h) : h, out, oi);
  }
  bfToLanes(bfAtan(div(x, sqrt(d))), out, oi);
};

export const acos128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k === 'inf') return writeNumber(NaN, out, oi);
  const x = bfFromLanes(a, ai);
  const p = add(ONE, x), m = sub(ONE, x);
  if (p.m < 0n || m.m < 0n) return writeNumber(NaN, out, oi);
  if (m.m === 0n) return writeNumber(0, out, oi);
  if (p.m === 0n) return bfToLanes(PI(), out, oi);
  // acos x = 2·atan(√((1−x)/(1+x))): no cancellation near ±1.
  bfToLanes(mulPow2(bfAtan(sqrt(div(m, p))), 1), out, oi);
};

type Binary = (a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number) => void;

/** atan2(y, x) with the C99 Annex F special cases. */
export const atan2_128: Binary = (y, yi, x, xi, out, oi) => {
  const ky = kindOf(y, yi), kx = kindOf(x, xi);
  if (ky === 'nan') return copyNaN(y, yi, out, oi);
  if (kx === 'nan') return copyNaN(x, xi, out, oi);
  const ny = isNeg(y, yi), nx = isNeg(x, xi);
  const pi = PI();
  const signed = (v: BF): void => bfToLanes(ny ? neg(v) : v, out, oi);
  if (ky === 'zero') {
    if (!nx) return copy(y, yi, out, oi);
    return signed(pi);
  }
  if (ky === 'inf') {
    if (kx === 'inf') return signed(nx ? mulPow2(mul(pi, fromInt(3)), -2) : mulPow2(pi, -2));
    return signed(mulPow2(pi, -1));
  }
  if (kx === 'zero') return signed(mulPow2(pi, -1));
  if (kx === 'inf') return nx ? signed(pi) : writeNumber(ny ? -0 : 0, out, oi);
  const t = bfAtan(div(bfFromLanes(y, yi), bfFromLanes(x, xi)));
  if (!nx) return bfToLanes(t, out, oi);
  bfToLanes(ny ? sub(t, pi) : add(t, pi), out, oi);
};
