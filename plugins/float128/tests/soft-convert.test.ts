// Conversions float64/int64/bigint/float32/float16 ↔ binary128 against GCC vectors and exact cases.
import { describe, expect, it } from 'vitest';
import { Float128, fromBigInt, fromNumber, toBigInt, toFloat16, toFloat32, toNumber } from '../src/soft/index.js';
import { hexToLanes, lanesToHex, readVectors, sameResult } from './vector-io.js';

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const hexToDouble = (h: string): number => { u64[0] = BigInt('0x' + h); return f64[0]!; };
const doubleToHex = (d: number): string => { f64[0] = d; return u64[0]!.toString(16).padStart(16, '0'); };

describe('float64 ↔ binary128 (GCC casts)', () => {
  it('float64 → binary128 is exact (3000 vectors)', () => {
    const u = new Uint32Array(4);
    const bad = readVectors('from_f64').filter(([d, q]) => { fromNumber(hexToDouble(d!), u, 0); return !sameResult(lanesToHex(u, 0), q!); });
    expect(bad).toEqual([]);
  });
  it('binary128 → float64 rounds once, RNE, ±inf/±0 kept (3000 vectors)', () => {
    const u = new Uint32Array(4);
    const bad = readVectors('to_f64').filter(([q, d]) => {
      hexToLanes(q!, u, 0);
      const got = toNumber(u, 0);
      return Number.isNaN(got) ? !Number.isNaN(hexToDouble(d!)) : doubleToHex(got) !== d;
    });
    expect(bad).toEqual([]);
  });
  it('overflow and underflow keep the sign', () => {
    expect(Float128.from('1e400').toNumber()).toBe(Infinity);
    expect(Float128.from('-1e400').toNumber()).toBe(-Infinity);
    expect(Object.is(Float128.from('-1e-400').toNumber(), -0)).toBe(true);
    expect(Float128.from('2.4703282292062327208828439643411068e-324').toNumber()).toBe(0); // exactly half of min subnormal → even (0)
    expect(Float128.from('2.4703282292062328e-324').toNumber()).toBe(5e-324);
  });
});

describe('int64/bigint ↔ binary128', () => {
  it('int64 → binary128 (3000 vectors)', () => {
    const u = new Uint32Array(4);
    const bad = readVectors('from_i64').filter(([i, q]) => { fromBigInt(BigInt(i!), u, 0); return lanesToHex(u, 0) !== q; });
    expect(bad).toEqual([]);
  });
  it('binary128 → int64 truncates (vectors)', () => {
    const u = new Uint32Array(4);
    const rows = readVectors('to_i64');
    expect(rows.length).toBeGreaterThan(2000);
    const bad = rows.filter(([q, i]) => { hexToLanes(q!, u, 0); return toBigInt(u, 0) !== BigInt(i!); });
    expect(bad).toEqual([]);
  });
  it('bigints beyond 2^1024 round exactly (RNE)', () => {
    const big = (1n << 2000n) + (1n << 1887n); // exactly halfway between 2^2000 and its successor → even (2^2000)
    expect(Float128.from(big).toBigInt()).toBe(1n << 2000n);
    expect(Float128.from(big + 1n).toBigInt()).toBe((1n << 2000n) + (1n << 1888n));
    expect(Float128.from(1n << 16384n).isInfinite()).toBe(true);
    // 3^1000 has 1585 bits: expected value = RNE rounding to 113 bits done independently here.
    const t = 3n ** 1000n, sh = 1585n - 113n;
    let q = t >> sh;
    const rem = t - (q << sh), half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    expect(t.toString(2).length).toBe(1585);
    expect(Float128.from(-t).toBigInt()).toBe(-(q << sh));
  });
  it('toBigInt throws RangeError for nan/inf', () => {
    expect(() => Float128.from('nan').toBigInt()).toThrow(RangeError);
    expect(() => Float128.from('-inf').toBigInt()).toThrow(RangeError);
    expect(Float128.from('-2.9').toBigInt()).toBe(-2n);
  });
});

describe('float32/float16 rounding is a single rounding', () => {
  it('avoids double rounding through float64', () => {
    // 1 + 2^-24 + 2^-60: via float64 it becomes the tie 1 + 2^-24 (→ 1), directly it rounds up.
    const x = Float128.from(1).add(Float128.from(2 ** -24)).add(Float128.from(2 ** -60));
    expect(x.toFloat32()).toBe(1 + 2 ** -23);
    expect(Math.fround(x.toNumber())).toBe(1);
    const h = Float128.from(1).add(Float128.from(2 ** -11)).add(Float128.from(2 ** -70));
    expect(h.toFloat16()).toBe(1 + 2 ** -10);
  });
  it('overflow, subnormals and ties', () => {
    const u = new Uint32Array(4);
    fromNumber(65520, u, 0); // halfway between max half 65504 and 2^16 → inf
    expect(toFloat16(u, 0)).toBe(Infinity);
    fromNumber(65519, u, 0);
    expect(toFloat16(u, 0)).toBe(65504);
    fromNumber(2 ** -25, u, 0); // half the smallest half subnormal → 0 (even)
    expect(toFloat16(u, 0)).toBe(0);
    fromNumber(3 * 2 ** -26, u, 0);
    expect(toFloat16(u, 0)).toBe(2 ** -24);
    fromNumber(3.4028235677973366e38, u, 0); // above float32 max + half ulp → inf
    expect(toFloat32(u, 0)).toBe(Infinity);
    fromNumber(-1e-50, u, 0);
    expect(Object.is(toFloat32(u, 0), -0)).toBe(true);
    fromNumber(0.1, u, 0);
    expect(toFloat32(u, 0)).toBe(Math.fround(0.1));
  });
});
