// The Float128 scalar class and random cross-checks of div/sqrt against exact BigInt arithmetic.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Float128 } from '../src/soft/index.js';

describe('Float128 scalar', () => {
  it('arithmetic, comparisons and conversions', () => {
    const a = Float128.from('0.1'), b = Float128.from('0.2');
    expect(a.add(b).toString()).toBe('0.30000000000000000000000000000000004');
    expect(Float128.from(1).div(3).toString()).toBe('0.3333333333333333333333333333333333');
    expect(Float128.from(2).sqrt().toString()).toBe('1.414213562373095048801688724209698');
    expect(Float128.from(1).sub('1e-40').toString()).toBe('1.0');
    expect(Float128.from(1).sub('1e-34').toString()).toBe('0.9999999999999999999999999999999999');
    expect(Float128.from(-3).abs().equals(Float128.from(3))).toBe(true);
    expect(Float128.from(3).neg().toNumber()).toBe(-3);
    expect(Float128.from(2).mul('1.5').toNumber()).toBe(3);
    expect(Float128.from(2).fma(3, 4).toNumber()).toBe(10);
    expect(Float128.from(2n ** 100n).toBigInt()).toBe(2n ** 100n);
    expect(Float128.from(12345678901234567890123456789n).toString()).toBe('1.2345678901234567890123456789e+28');
    expect(a.lt(b) && a.le(b) && b.gt(a) && b.ge(a) && !a.eq(b) && a.eq('0.1')).toBe(true);
    expect(Float128.from('0').eq('-0')).toBe(true);
    expect(Float128.from('0').equals(Float128.from('-0'))).toBe(false);
    expect(Float128.NaN.eq(Float128.NaN)).toBe(false);
    expect(Float128.NaN.isNaN()).toBe(true);
    expect(Float128.from(1).div(0).toString()).toBe('inf');
    expect(Float128.from(0).div(0).isNaN()).toBe(true);
    expect(Float128.from(-1).sqrt().isNaN()).toBe(true);
    expect(Float128.from('-0').sqrt().toString()).toBe('-0.0');
    expect(Float128.EPSILON.add(1).gt(1)).toBe(true);
    expect(Float128.EPSILON.div(2).add(1).eq(1)).toBe(true);
  });
  it('lanes round-trip with the documented layout (lane 3 holds sign/exponent)', () => {
    const u = new Uint32Array(12);
    Float128.from(-2).writeLanes(u, 4);
    expect(Array.from(u.slice(4, 8))).toEqual([0, 0, 0, 0xc0000000]);
    expect(Float128.fromLanes(u, 4).toNumber()).toBe(-2);
    expect(Float128.ONE.toBits()).toBe(0x3fff0000000000000000000000000000n);
  });
});

/** Exact rational check: is r the RNE-rounded value of num/den (all positive, normal range)? */
function isCorrectlyRounded(r: Float128, num: bigint, den: bigint): boolean {
  const bits = r.toBits();
  const e = Number((bits >> 112n) & 0x7fffn) - 16383 - 112;
  const m = (bits & ((1n << 112n) - 1n)) | (1n << 112n);
  // |num/den − m·2^e| ≤ 2^(e−1) ⇔ |num·2^-e − m·den| ≤ den/2 (scaled to integers)
  const lhs = e >= 0 ? num - ((m * den) << BigInt(e)) : (num << BigInt(-e)) - m * den;
  const scale = e >= 0 ? den << BigInt(e) : den;
  const abs = lhs < 0n ? -lhs : lhs;
  return 2n * abs < scale || (2n * abs === scale && (m & 1n) === 0n);
}

describe('random cross-check against exact BigInt rationals', () => {
  const sig = fc.bigInt({ min: 1n << 112n, max: (1n << 113n) - 1n });
  it('div is correctly rounded', () => {
    fc.assert(fc.property(sig, sig, (x, y) => {
      const q = Float128.from(x).div(Float128.from(y));
      return isCorrectlyRounded(q, x, y);
    }), { numRuns: 3000 });
  });
  it('add and mul are correctly rounded (mixed exponents and signs)', () => {
    const val = fc.tuple(sig, fc.integer({ min: -140, max: 140 }), fc.boolean());
    fc.assert(fc.property(val, val, ([m1, e1, s1], [m2, e2, s2]) => {
      const x = Float128.from(s1 ? -m1 : m1).mul(Float128.fromBits(BigInt(16383 + e1) << 112n));
      const y = Float128.from(s2 ? -m2 : m2).mul(Float128.fromBits(BigInt(16383 + e2) << 112n));
      // exact sum and product as integers over 2^(−k)
      const k = 200;
      const X = (s1 ? -m1 : m1) << BigInt(k + e1), Y = (s2 ? -m2 : m2) << BigInt(k + e2);
      const sum = X + Y, prod = (s1 !== s2 ? -1n : 1n) * m1 * m2;
      const r = x.add(y), p = x.mul(y).abs();
      const sumOk = sum === 0n ? r.toBits() === 0n
        : isCorrectlyRounded(sum < 0n ? r.neg() : r, sum < 0n ? -sum : sum, 1n << BigInt(k));
      const ep = e1 + e2, ap = prod < 0n ? -prod : prod;
      const prodOk = isCorrectlyRounded(p, ep >= 0 ? ap << BigInt(ep) : ap, ep >= 0 ? 1n : 1n << BigInt(-ep));
      return sumOk && prodOk && (x.mul(y).lt(0) === (prod < 0n));
    }), { numRuns: 3000 });
  });
  it('div is exact for exact quotients and correct next to them (slow path of the last digit)', () => {
    const small = fc.bigInt({ min: 1n, max: (1n << 90n) - 1n });
    const qd = fc.bigInt({ min: 1n, max: (1n << 20n) - 1n });
    fc.assert(fc.property(small, qd, fc.integer({ min: -1, max: 1 }), (y, q, delta) => {
      const x = y * q + BigInt(delta);
      if (x <= 0n) return true;
      return isCorrectlyRounded(Float128.from(x).div(Float128.from(y)), x, y);
    }), { numRuns: 3000 });
  });
  it('sqrt is correctly rounded', () => {
    fc.assert(fc.property(sig, fc.boolean(), (x, odd) => {
      const v = odd ? 2n * x : x;
      const r = Float128.from(v).sqrt();
      // sqrt(v) correctly rounded to m·2^e ⇔ (m − ½)² < v·2^-2e < (m + ½)² (ties impossible)
      const bits = r.toBits();
      const e = Number((bits >> 112n) & 0x7fffn) - 16383 - 112;
      const m = (bits & ((1n << 112n) - 1n)) | (1n << 112n);
      const V = v << BigInt(-2 * e + 2); // 4·v·2^-2e
      return (2n * m - 1n) ** 2n < V && V < (2n * m + 1n) ** 2n;
    }), { numRuns: 3000 });
  });
});
