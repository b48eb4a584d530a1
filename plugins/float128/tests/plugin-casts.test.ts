// Promotion and casting between float128 and the builtins.
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { Float128, float128 } from '@dtkit/float128';
import { readVectors } from './vector-io.js';
import { fromHex, strings, thrown, toHex } from './plugin-helpers.js';

const REALS = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'float32', 'float64'];

describe('promotion', () => {
  it('float128 with every builtin bool/int/uint/float is float128 (both orders)', () => {
    for (const t of REALS) {
      expect(dt.resultType(float128, t)).toBe(float128);
      expect(dt.promoteTypes(dt.dtype(t), float128)).toBe(float128);
    }
  });
  it('weak JS scalars keep float128', () => {
    expect(dt.resultType(float128, 1)).toBe(float128);
    expect(dt.resultType(float128, 1.5)).toBe(float128);
    expect(dt.resultType(float128, 10n ** 30n)).toBe(float128);
    expect(dt.resultType(float128, true)).toBe(float128);
    expect(dt.add(dt.array(['0.1'], { dtype: float128 }), 1).dtype).toBe(float128);
  });
  it('complex (array or weak scalar) raises DTypeError NO_COMMON_DTYPE', () => {
    for (const other of ['complex64', 'complex128', { re: 1, im: 1 }]) {
      const e = thrown(() => dt.resultType(float128, other));
      expect([e.name, e.code]).toEqual(['DTypeError', 'NO_COMMON_DTYPE']);
      expect(e.message).toContain('float128');
    }
    // A ufunc call finds no loop either (the kernel reports it as NoLoopError, naming the dtypes).
    const e = thrown(() => dt.add(dt.array(['1'], { dtype: float128 }), dt.array([{ re: 1, im: 2 }])));
    expect([e.name, e.code]).toEqual(['NoLoopError', 'NO_LOOP']);
    expect(e.message).toContain('float128');
  });
  it('mixed-dtype ufunc calls compute in float128', () => {
    const q = dt.array(['0.1'], { dtype: float128 });
    const r = dt.add(q, dt.array([2n ** 62n + 1n], { dtype: 'int64' }));
    expect(r.dtype).toBe(float128);
    expect(String(r.get(0))).toBe('4.6116860184273879051e+18');
  });
});

describe('canCast levels', () => {
  it('into float128 is safe from every real builtin; out of it same_kind (floats) or unsafe', () => {
    for (const t of REALS) expect(dt.canCast(t, float128, 'safe')).toBe(true);
    for (const t of ['float16', 'float32', 'float64']) {
      expect([dt.canCast(float128, t, 'safe'), dt.canCast(float128, t, 'same_kind')]).toEqual([false, true]);
    }
    for (const t of ['bool', 'int8', 'int64', 'uint64']) {
      expect([dt.canCast(float128, t, 'same_kind'), dt.canCast(float128, t, 'unsafe')]).toEqual([false, true]);
    }
    expect(dt.canCast(float128, float128, 'no')).toBe(true);
    expect(dt.canCast('complex128', float128, 'unsafe')).toBe(false);
  });
  it('astype under a too-strict level throws CastingError', () => {
    const e = thrown(() => dt.array(['1'], { dtype: float128 }).astype('float64', { casting: 'safe' }));
    expect([e.name, e.code]).toEqual(['CastingError', 'CASTING']);
  });
});

describe('casts into float128 (exact)', () => {
  it('float64 → float128 matches 3000 GCC conversions', () => {
    const rows = readVectors('from_f64');
    const bits = new BigUint64Array(rows.map((r) => BigInt('0x' + r[0]!)));
    const f64 = dt.fromBytes(new Uint8Array(bits.buffer), 'float64', [rows.length]);
    const got = toHex(f64.astype(float128));
    const want = rows.map((r) => r[1]!);
    expect(got.filter((g, i) => g !== want[i] && !/^[7f]fff[89a-f]/.test(want[i]!))).toEqual([]);
  });
  it('int64 → float128 matches 3000 GCC conversions, incl. −2^63', () => {
    const rows = readVectors('from_i64');
    const a = dt.array(rows.map((r) => BigInt(r[0]!)), { dtype: 'int64' });
    expect(toHex(a.astype(float128))).toEqual(rows.map((r) => r[1]));
  });
  it('uint64, int8..uint32, bool, float16, float32 are exact', () => {
    expect((dt.array([2n ** 64n - 1n, 2n ** 53n + 1n, 0n], { dtype: 'uint64' }).astype(float128).toArray() as Float128[]).map((x) => x.toBigInt()))
      .toEqual([2n ** 64n - 1n, 2n ** 53n + 1n, 0n]);
    expect(strings(dt.array([-128, 127], { dtype: 'int8' }).astype(float128))).toEqual(['-128.0', '127.0']);
    expect(strings(dt.array([4294967295], { dtype: 'uint32' }).astype(float128))).toEqual(['4294967295.0']);
    expect(strings(dt.array([true, false]).astype(float128))).toEqual(['1.0', '0.0']);
    expect(strings(dt.array([65504, 2 ** -24, -0], { dtype: 'float16' }).astype(float128))).toEqual(['65504.0', '5.9604644775390625e-08', '-0.0']);
    expect(toHex(dt.array([0.1], { dtype: 'float32' }).astype(float128))).toEqual(['3ffb99999a0000000000000000000000']);
  });
});

describe('casts out of float128', () => {
  it('float128 → float64 matches 3000 GCC conversions (one RNE rounding)', () => {
    const rows = readVectors('to_f64');
    const f64 = fromHex(rows.map((r) => r[0]!)).astype('float64');
    const got = new BigUint64Array(f64.toBytes().buffer.slice(0));
    const bad = rows.filter((r, i) => got[i]!.toString(16).padStart(16, '0') !== r[1] && !/^[7f]ff[89a-f]/.test(r[1]!));
    expect(bad).toEqual([]);
  });
  it('float32/float16 agree with the reference rounding of Float128.toFloat32/toFloat16', () => {
    let seed = 7;
    const rnd = (): string => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return (seed >>> 0).toString(16).padStart(8, '0'); };
    // Exponents around the float16/float32 ranges (incl. subnormal and overflow edges).
    const hexes = Array.from({ length: 3000 }, (_, k) => {
      const e = (16383 - 160 + (k % 300)).toString(16).padStart(4, '0');
      const s = k % 2 === 0 ? '' : '8';
      const h = rnd() + rnd() + rnd() + rnd();
      return s === '8' ? (parseInt(e, 16) | 0x8000).toString(16) + h.slice(4) : e + h.slice(4);
    });
    const a = fromHex(hexes);
    const f32 = a.astype('float32').toArray() as number[];
    const f16 = a.astype('float16').toArray() as number[];
    const items = a.toArray() as Float128[];
    expect(f32.filter((x, i) => !Object.is(x, items[i]!.toFloat32())).length).toBe(0);
    expect(f16.filter((x, i) => !Object.is(x, items[i]!.toFloat16())).length).toBe(0);
  });
  it('overflow → ±inf, underflow → ±0 with the sign kept, halfway cases to even', () => {
    const q = dt.array(['1e309', '-1e309', '1e-400', '-1e-400', '-2.4703282292062327e-324', '2.4703282292062328e-324', '1.0000000000000001110223024625156540423631668090820312'], { dtype: float128 });
    expect(q.astype('float64').toArray()).toEqual([Infinity, -Infinity, 0, -0, -0, 5e-324, 1]);
    expect(Object.is((q.astype('float64').toArray() as number[])[3], -0)).toBe(true);
    // float16: 65520 is halfway between max 65504 and 2^16 (odd significand → up to inf).
    const h = dt.array(['65520', '65519.99', '-1e-8'], { dtype: float128 });
    expect(h.astype('float16').toArray()).toEqual([Infinity, 65504, -0]);
    expect(h.astype('float32').toArray()).toEqual([65520, 65519.98828125, Math.fround(-1e-8)]);
    // float32: exactly halfway between max and 2^128 → inf; one float128 ulp below → max.
    const edge = dt.array([2n ** 128n - 2n ** 103n, 2n ** 128n - 2n ** 103n - 2n ** 15n], { dtype: float128 });
    expect(edge.astype('float32').toArray()).toEqual([Infinity, 3.4028234663852886e38]);
    expect(dt.array(['nan', '-inf'], { dtype: float128 }).astype('float32').toArray()).toEqual([NaN, -Infinity]);
  });
  it('float128 → int64 truncates toward zero (3000 GCC conversions, all in range)', () => {
    const rows = readVectors('to_i64');
    expect(fromHex(rows.map((r) => r[0]!)).astype('int64').toArray()).toEqual(rows.map((r) => BigInt(r[1]!)));
  });
  it('→ ints: truncation, out of range wraps modulo 2^bits, NaN/±inf → 0; → bool: non-zero', () => {
    const q = dt.array(['-2.9', '2.9', '300', '-129', '4294967297.5', '1e30', 'nan', '-inf'], { dtype: float128 });
    expect(q.astype('int8').toArray()).toEqual([-2, 2, 44, 127, 1, 0, 0, 0]);
    expect(q.astype('uint8').toArray()).toEqual([254, 2, 44, 127, 1, 0, 0, 0]);
    expect(q.astype('int32').toArray()).toEqual([-2, 2, 300, -129, 1, 2 ** 30, 0, 0]); // 1e30 mod 2^32 = 2^30
    // 1e30 mod 2^64 = 5076944270305263616
    expect(q.astype('int64').toArray()).toEqual([-2n, 2n, 300n, -129n, 4294967297n, 5076944270305263616n, 0n, 0n]);
    expect((q.astype('uint64').toArray() as bigint[])[0]).toBe(2n ** 64n - 2n);
    expect(dt.array(['0', '-0', '1e-4000', 'nan'], { dtype: float128 }).astype('bool').toArray()).toEqual([false, false, true, true]);
  });
});
