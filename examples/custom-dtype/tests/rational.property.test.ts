/** Property tests: every loop agrees with exact BigInt fraction arithmetic (or reports overflow). */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as dt from 'dtkit';
import { rational, Rational } from '../src/index.js';
import './helpers.js';

const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The exact normalised result as dtkit prints it, or 'OVERFLOW' when it does not fit int32. */
function reference(n: bigint, d: bigint): string {
  if (d < 0n) { n = -n; d = -d; }
  const g = gcd(n, d);
  n /= g;
  d /= g;
  if (n < INT32_MIN || n > INT32_MAX || d > INT32_MAX) return 'OVERFLOW';
  return d === 1n ? String(n) : `${n}/${d}`;
}

/** Numerators and denominators: mostly near the int32 limits, where the fast paths end. */
const numerator = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -70000, max: 70000 }));
const denominator = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 70000 }));
const fraction = fc.tuple(numerator, denominator).map(([n, d]) => new Rational(n, d));

function run(op: dt.UFunc, a: Rational, b: Rational): string {
  try {
    return String(op(dt.array([a], { dtype: rational }), dt.array([b], { dtype: rational })).get(0));
  } catch (e) {
    if (e instanceof dt.DTKitError && e.code === 'RATIONAL_OVERFLOW') return 'OVERFLOW';
    throw e;
  }
}

const big = (r: Rational): [bigint, bigint] => [BigInt(r.numerator), BigInt(r.denominator)];
const RUNS = { numRuns: 1500 };

describe('loops agree with exact BigInt arithmetic', () => {
  test('add', () => fc.assert(fc.property(fraction, fraction, (a, b) => {
    const [an, ad] = big(a), [bn, bd] = big(b);
    expect(run(dt.add, a, b)).toBe(reference(an * bd + bn * ad, ad * bd));
  }), RUNS));
  test('subtract', () => fc.assert(fc.property(fraction, fraction, (a, b) => {
    const [an, ad] = big(a), [bn, bd] = big(b);
    expect(run(dt.subtract, a, b)).toBe(reference(an * bd - bn * ad, ad * bd));
  }), RUNS));
  test('multiply', () => fc.assert(fc.property(fraction, fraction, (a, b) => {
    const [an, ad] = big(a), [bn, bd] = big(b);
    expect(run(dt.multiply, a, b)).toBe(reference(an * bn, ad * bd));
  }), RUNS));
  test('divide', () => fc.assert(fc.property(fraction, fraction, (a, b) => {
    fc.pre(b.numerator !== 0);
    const [an, ad] = big(a), [bn, bd] = big(b);
    expect(run(dt.divide, a, b)).toBe(reference(an * bd, ad * bn));
  }), RUNS));
  test('less / equal / maximum', () => fc.assert(fc.property(fraction, fraction, (a, b) => {
    const [an, ad] = big(a), [bn, bd] = big(b);
    const lt = an * bd < bn * ad;
    expect(run(dt.less, a, b)).toBe(String(lt));
    expect(run(dt.equal, a, b)).toBe(String(an * bd === bn * ad));
    expect(run(dt.maximum, a, b)).toBe(String(lt ? b : a));
  }), RUNS));
  test('floor / rint', () => fc.assert(fc.property(fraction, (a) => {
    const [n, d] = big(a);
    const fl = n >= 0n ? n / d : -((-n + d - 1n) / d);
    expect(String(dt.floor(dt.array([a], { dtype: rational })).get(0))).toBe(String(fl));
    const twice = 2n * (n - fl * d);
    const rounded = twice < d || (twice === d && fl % 2n === 0n) ? fl : fl + 1n;
    expect(String(dt.rint(dt.array([a], { dtype: rational })).get(0))).toBe(String(rounded));
  }), RUNS));
});
