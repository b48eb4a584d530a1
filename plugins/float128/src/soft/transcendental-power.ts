// pow (C99 Annex F special cases), cbrt and hypot. cbrt and hypot are computed exactly with
// integer roots (so they are correctly rounded); pow is exact for integral |y| ≤ 1024 and
// otherwise exp(y·ln|x|) in 256-bit BigInt floating point (≤ 1 ulp).
import { bfFromLanes, bfToLanes, isqrt, magnitude, mul } from './bigfloat.js';
import { bitLength, roundFromBig, toParts } from './bigint-bridge.js';
import { bfExp, bfLog } from './transcendental-exp-log.js';
import { copy, copyNaN, isNeg, kindOf, writeNumber } from './transcendental-util.js';

type Binary = (a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number) => void;
type Unary = (a: Uint32Array, ai: number, out: Uint32Array, oi: number) => void;

/** 0: not an integer, 1: odd integer, 2: even integer (finite y). */
function integerKind(y: Uint32Array, yi: number): number {
  const { mant, exp } = toParts(y, yi);
  if (mant === 0n) return 2;
  if (exp >= 1) return 2;
  if (exp === 0) return (mant & 1n) === 1n ? 1 : 2;
  const sh = BigInt(-exp);
  if ((mant & ((1n << sh) - 1n)) !== 0n) return 0;
  return ((mant >> sh) & 1n) === 1n ? 1 : 2;
}

export const pow128: Binary = (x, xi, y, yi, out, oi) => {
  const kx = kindOf(x, xi), ky = kindOf(y, yi);
  const nx = isNeg(x, xi), ny = isNeg(y, yi);
  if (ky === 'zero') return writeNumber(1, out, oi); // pow(x, ±0) = 1 even for NaN
  const xIsOne = kx === 'finite' && !nx && x[xi + 3] === 0x3fff0000 && (x[xi + 2]! | x[xi + 1]! | x[xi]!) === 0;
  if (xIsOne) return writeNumber(1, out, oi); // pow(1, y) = 1 even for NaN
  if (kx === 'nan') return copyNaN(x, xi, out, oi);
  if (ky === 'nan') return copyNaN(y, yi, out, oi);
  const yInt = ky === 'inf' ? 2 : integerKind(y, yi);
  const oddY = yInt === 1;
  if (ky === 'inf') {
    if (kx === 'zero') return writeNumber(ny ? Infinity : 0, out, oi);
    const ax = kx === 'inf' ? 2 : cmpAbsOne(x, xi); // 0: |x| < 1, 1: |x| = 1, 2: |x| > 1
    if (ax === 1) return writeNumber(1, out, oi); // pow(−1, ±inf) = 1
    const big = ax === 2;
    return writeNumber(big !== ny ? Infinity : 0, out, oi);
  }
  if (kx === 'zero' || kx === 'inf') {
    // ±0 and ±inf: magnitude 0 or ∞ depending on sign of y; sign kept only for odd integer y.
    const infMag = (kx === 'zero') === ny;
    const sign = nx && oddY ? -1 : 1;
    return writeNumber(sign * (infMag ? Infinity : 0), out, oi);
  }
  if (nx && yInt === 0) return writeNumber(NaN, out, oi);
  const neg = nx && oddY;
  const px = toParts(x, xi);
  if (yInt !== 0) {
    const yv = toParts(y, yi);
    const ny2 = yv.exp >= 0 ? yv.mant << BigInt(yv.exp) : yv.mant >> BigInt(-yv.exp);
    if (ny2 <= 1024n) {
      const n = Number(ny2);
      const num = px.mant ** BigInt(n);
      const e = px.exp * n;
      if (!ny) { roundFromBig(neg, num, e, false, out, oi); return; }
      const k = bitLength(num) + 160;
      const q = (1n << BigInt(k)) / num;
      roundFromBig(neg, q, -k - e, q * num !== 1n << BigInt(k), out, oi);
      return;
    }
  }
  const t = mul(bfFromLanes(y, yi), bfLog({ m: px.mant, e: px.exp }));
  if (magnitude(t) > 14) {
    // |y·ln|x|| ≥ 16384: certain overflow or underflow.
    return writeNumber((neg ? -1 : 1) * (t.m > 0n ? Infinity : 0), out, oi);
  }
  const r = bfExp(t);
  bfToLanes(neg ? { m: -r.m, e: r.e } : r, out, oi);
};

/** 0, 1 or 2 as |x| is below, equal to or above 1 (finite x). */
function cmpAbsOne(x: Uint32Array, xi: number): number {
  const hi = x[xi + 3]! & 0x7fffffff;
  if (hi === 0x3fff0000 && (x[xi + 2]! | x[xi + 1]! | x[xi]!) === 0) return 1;
  return hi >= 0x3fff0000 ? 2 : 0;
}

/** floor(∛n) for n ≥ 0 (Newton from above). */
function icbrt(n: bigint): bigint {
  if (n < 2n) return n;
  const len = bitLength(n);
  const sh = Math.max(0, len - 90);
  const s3 = sh - (sh % 3);
  let x = (BigInt(Math.floor(Math.cbrt(Number(n >> BigInt(s3))))) + 2n) << BigInt(s3 / 3);
  for (;;) {
    const y = (2n * x + n / (x * x)) / 3n;
    if (y >= x) break;
    x = y;
  }
  while (x * x * x > n) x -= 1n;
  while ((x + 1n) ** 3n <= n) x += 1n;
  return x;
}

export const cbrt128: Unary = (a, ai, out, oi) => {
  const k = kindOf(a, ai);
  if (k === 'nan') return copyNaN(a, ai, out, oi);
  if (k !== 'finite') return copy(a, ai, out, oi);
  const { neg, mant, exp } = toParts(a, ai);
  let s = Math.max(0, 360 - bitLength(mant));
  s += (((exp - s) % 3) + 3) % 3; // make (exp − s) divisible by 3
  const N = mant << BigInt(s);
  const r = icbrt(N);
  roundFromBig(neg, r, (exp - s) / 3, r * r * r !== N, out, oi);
};

export const hypot128: Binary = (x, xi, y, yi, out, oi) => {
  const kx = kindOf(x, xi), ky = kindOf(y, yi);
  if (kx === 'inf' || ky === 'inf') return writeNumber(Infinity, out, oi);
  if (kx === 'nan') return copyNaN(x, xi, out, oi);
  if (ky === 'nan') return copyNaN(y, yi, out, oi);
  const px = toParts(x, xi), py = toParts(y, yi);
  const e = Math.min(px.exp, py.exp);
  const X = px.mant << BigInt(px.exp - e), Y = py.mant << BigInt(py.exp - e);
  const S = X * X + Y * Y; // value = S·2^(2e), exact
  if (S === 0n) return writeNumber(0, out, oi);
  let s = Math.max(0, 300 - bitLength(S));
  s += s & 1;
  const N = S << BigInt(s);
  const r = isqrt(N);
  roundFromBig(false, r, e - s / 2, r * r !== N, out, oi);
};
