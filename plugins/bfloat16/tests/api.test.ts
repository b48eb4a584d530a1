// Creation, printing, casts (single rounding, overflow modes, NaN), finfo and errors,
// all through the public API: import * as dt from 'dtkit'; dt.use(plugin).
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { plugin, bfloat16, float8_e4m3fn, float8_e5m2, BFloat16DType } from '@dtkit/bfloat16';
import { codesOf, fromCodes } from './helpers.js';

dt.use(plugin);

/** -NaN as a JS number (sign bit set), built from bits so no constant folding can drop it. */
const negativeNaN = new Float64Array(new BigUint64Array([0xfff8000000000000n]).buffer)[0]!;

describe('creation and printing', () => {
  it('use() is idempotent and the names parse back', () => {
    dt.use(plugin);
    expect(dt.dtype('bfloat16')).toBe(bfloat16);
    expect(dt.dtype('float8_e4m3fn')).toBe(float8_e4m3fn);
    expect(dt.dtype('float8_e5m2')).toBe(float8_e5m2);
    expect(bfloat16.family).toBe(BFloat16DType);
    expect([bfloat16.kind, bfloat16.itemsize, float8_e4m3fn.itemsize, float8_e5m2.itemsize]).toEqual(['float', 2, 1, 1]);
  });

  it('stores each JS number with one rounding and reads numbers back', () => {
    const a = dt.array([1, 2.5, -0.1, 16842753, -0], { dtype: bfloat16 });
    expect(a.toArray()).toEqual([1, 2.5, -0.10009765625, 16908288, -0]);
    expect(Object.is(a.get(4), -0)).toBe(true);
    expect(codesOf(a)).toEqual([0x3f80, 0x4020, 0xbdcd, 0x4b81, 0x8000]);
    expect(dt.array([1n, true, { re: 3, im: 0 }], { dtype: float8_e5m2 }).toArray()).toEqual([1, 1, 3]);
    expect(dt.zeros([2], { dtype: float8_e4m3fn }).toArray()).toEqual([0, 0]);
    expect(dt.full([2], 0.3, { dtype: float8_e4m3fn }).toArray()).toEqual([0.3125, 0.3125]);
  });

  it('prints like NumPy with the shortest digits that read back in the type', () => {
    expect(dt.array([1, 2.5, -0.1], { dtype: bfloat16 }).toString()).toBe('array([ 1. ,  2.5, -0.1], dtype=bfloat16)');
    expect(dt.array(1.5, { dtype: bfloat16 }).toString()).toBe('array(1.5, dtype=bfloat16)');
    expect(dt.array([448, -1.5, 0.015625, NaN], { dtype: float8_e4m3fn }).toString())
      // max/min > 1e3, so NumPy's rule picks exponent notation
      .toBe('array([ 4.5e+02, -1.5e+00,  1.6e-02,      nan], dtype=float8_e4m3fn)');
    expect(dt.array([57344, Infinity], { dtype: float8_e5m2 }).toString()).toBe('array([60000.,    inf], dtype=float8_e5m2)');
  });
});

describe('casts: one rounding from any source', () => {
  it('float64 → bfloat16 directly: 16842753 → 16908288 (not 16777216 via float32)', () => {
    expect(dt.array([16842753]).astype(bfloat16).toArray()).toEqual([16908288]);
    expect(dt.array([16842753]).astype('float32').astype(bfloat16).toArray()).toEqual([16777216]);
  });

  it('int64 → bfloat16 directly from the bigint', () => {
    expect(dt.array([16842753n, -16842753n]).astype(bfloat16).toArray()).toEqual([16908288, -16908288]);
    // 2^60 + 2^52 + 1 is just above a tie; via float64 it would become the tie 2^60 + 2^52 → 2^60.
    expect(dt.array([2n ** 60n + 2n ** 52n + 1n]).astype(bfloat16).toArray()).toEqual([2 ** 60 + 2 ** 53]);
    expect(dt.array([2n ** 60n + 2n ** 52n + 1n]).astype('float64').astype(bfloat16).toArray()).toEqual([2 ** 60]);
    // 2^63 − 1 is a tie-free value just under 2^63: rounds up to 2^63.
    expect(dt.array([9223372036854775807n]).astype(bfloat16).toArray()).toEqual([2 ** 63]);
    expect(dt.array([18446744073709551615n], { dtype: 'uint64' }).astype(float8_e5m2).toArray()).toEqual([Infinity]);
  });

  it('every int8 and uint8 value is exact in bfloat16; int16 rounds to nearest even', () => {
    const i8 = Array.from({ length: 256 }, (_, i) => i - 128);
    expect(dt.array(i8, { dtype: 'int8' }).astype(bfloat16).toArray()).toEqual(i8);
    const u8 = Array.from({ length: 256 }, (_, i) => i);
    expect(dt.array(u8, { dtype: 'uint8' }).astype(bfloat16).toArray()).toEqual(u8);
    expect(dt.array([257, 259, 32767, -32768], { dtype: 'int16' }).astype(bfloat16).toArray()).toEqual([256, 260, 32768, -32768]);
    expect(dt.array([17, 19], { dtype: 'int8' }).astype(float8_e4m3fn).toArray()).toEqual([16, 20]);
  });

  it('bool, float16, float32 and complex sources', () => {
    expect(dt.array([true, false]).astype(float8_e4m3fn).toArray()).toEqual([1, 0]);
    expect(dt.array([65504, 0.1], { dtype: 'float16' }).astype(bfloat16).toArray()).toEqual([65536, 0.10009765625]);
    expect(dt.array([3.140625, 1e-40], { dtype: 'float32' }).astype(bfloat16).toArray()).toEqual([3.140625, 9.183549615799121e-41]);
    expect(dt.array([{ re: 1.1, im: 5 }], { dtype: 'complex128' }).astype(bfloat16).toArray()).toEqual([1.1015625]);
    expect(dt.array([{ re: -2.5, im: 5 }], { dtype: 'complex64' }).astype(float8_e5m2).toArray()).toEqual([-2.5]);
  });

  it('casts out to every builtin', () => {
    const a = dt.array([3.75, -2.5, NaN, Infinity, 0], { dtype: bfloat16 });
    expect(a.astype('float32').toArray()).toEqual([3.75, -2.5, NaN, Infinity, 0]);
    expect(a.astype('float64').toArray()).toEqual([3.75, -2.5, NaN, Infinity, 0]);
    expect(a.astype('complex64').get(0)).toEqual({ re: 3.75, im: 0 });
    expect(a.astype('int32').toArray()).toEqual([3, -2, 0, 0, 0]);
    expect(a.astype('int64').toArray()).toEqual([3n, -2n, 0n, 0n, 0n]);
    expect(a.astype('bool').toArray()).toEqual([true, true, true, true, false]);
    expect(dt.array([1e5, 1.1], { dtype: bfloat16 }).astype('float16').toArray()).toEqual([Infinity, 1.1015625]);
    expect(dt.array([1e5], { dtype: bfloat16 }).astype('float16', { overflow: 'saturate' }).toArray()).toEqual([65504]);
  });

  it('between the minifloats', () => {
    expect(dt.array([448, 0.001953125], { dtype: float8_e4m3fn }).astype(bfloat16).toArray()).toEqual([448, 0.001953125]);
    expect(dt.array([1000, 0.3], { dtype: bfloat16 }).astype(float8_e5m2).toArray()).toEqual([1024, 0.3125]);
    expect(dt.array([57344], { dtype: float8_e5m2 }).astype(float8_e4m3fn).toArray()).toEqual([NaN]);
    expect(dt.array([57344], { dtype: float8_e5m2 }).astype(float8_e4m3fn, { overflow: 'saturate' }).toArray()).toEqual([448]);
  });
});

describe('overflow: inf (default) or saturate', () => {
  it('e4m3fn: 448 → 448, 464 → 448, 465 → NaN; with saturate 465 → 448', () => {
    const src = dt.array([448, 464, 465, -465, 1e9, Infinity]);
    expect(src.astype(float8_e4m3fn).toArray()).toEqual([448, 448, NaN, NaN, NaN, NaN]);
    expect(src.astype(float8_e4m3fn, { overflow: 'saturate' }).toArray()).toEqual([448, 448, 448, -448, 448, 448]);
    expect(dt.array([465], { dtype: 'float32' }).astype(float8_e4m3fn, { overflow: 'saturate' }).toArray()).toEqual([448]);
  });

  it('e5m2 and bfloat16 overflow to ±inf unless saturating', () => {
    expect(dt.array([61439, 61440, -1e6]).astype(float8_e5m2).toArray()).toEqual([57344, Infinity, -Infinity]);
    expect(dt.array([61440, -1e6]).astype(float8_e5m2, { overflow: 'saturate' }).toArray()).toEqual([57344, -57344]);
    const bfMax = 3.3895313892515355e38;
    expect(dt.array([3.4e38, -1e300]).astype(bfloat16).toArray()).toEqual([Infinity, -Infinity]);
    expect(dt.array([3.4e38, -1e300]).astype(bfloat16, { overflow: 'saturate' }).toArray()).toEqual([bfMax, -bfMax]);
    expect(dt.array([3.4e38], { dtype: 'float32' }).astype(bfloat16, { overflow: 'saturate' }).toArray()).toEqual([bfMax]);
    expect(dt.array([3.4e38], { dtype: 'float32' }).astype(bfloat16).toArray()).toEqual([Infinity]);
  });

  it('NaN stays NaN (quiet, sign kept), also when saturating', () => {
    const src = dt.array([NaN, negativeNaN]);
    expect(codesOf(src.astype(bfloat16))).toEqual([0x7fc0, 0xffc0]);
    expect(codesOf(src.astype(bfloat16, { overflow: 'saturate' }))).toEqual([0x7fc0, 0xffc0]);
    expect(codesOf(src.astype(float8_e4m3fn, { overflow: 'saturate' }))).toEqual([0x7f, 0xff]);
    expect(codesOf(src.astype(float8_e5m2))).toEqual([0x7e, 0xfe]);
    expect(codesOf(dt.array([NaN, negativeNaN], { dtype: 'float32' }).astype(bfloat16))).toEqual([0x7fc0, 0xffc0]);
    expect(dt.isnan(fromCodes([0x7f81, 0xff81], bfloat16).astype('float64')).toArray()).toEqual([true, true]);
  });
});

describe('finfo (NumPy / ml_dtypes names and values)', () => {
  it('bfloat16', () => {
    expect(dt.finfo(bfloat16)).toEqual({
      dtype: 'bfloat16', bits: 16, eps: 0.0078125, epsneg: 0.00390625,
      max: 3.3895313892515355e38, min: -3.3895313892515355e38,
      tiny: 1.1754943508222875e-38, smallest_normal: 1.1754943508222875e-38,
      smallest_subnormal: 9.183549615799121e-41, precision: 2, resolution: 0.010009765625,
      nmant: 7, nexp: 8, maxexp: 128, minexp: -126,
    });
  });

  it('float8_e4m3fn', () => {
    expect(dt.finfo('float8_e4m3fn')).toEqual({
      dtype: 'float8_e4m3fn', bits: 8, eps: 0.125, epsneg: 0.0625, max: 448, min: -448,
      tiny: 0.015625, smallest_normal: 0.015625, smallest_subnormal: 0.001953125,
      precision: 1, resolution: 0.1015625, nmant: 3, nexp: 4, maxexp: 9, minexp: -6,
    });
  });

  it('float8_e5m2', () => {
    expect(dt.finfo(float8_e5m2)).toEqual({
      dtype: 'float8_e5m2', bits: 8, eps: 0.25, epsneg: 0.125, max: 57344, min: -57344,
      tiny: 6.103515625e-5, smallest_normal: 6.103515625e-5, smallest_subnormal: 1.52587890625e-5,
      precision: 1, resolution: 0.09375, nmant: 2, nexp: 5, maxexp: 16, minexp: -14,
    });
  });
});

describe('errors are typed and carry codes', () => {
  function caught(f: () => unknown): dt.DTKitError {
    try {
      f();
    } catch (e) {
      if (e instanceof dt.DTKitError) return e;
      throw e;
    }
    throw new Error('expected a DTKitError');
  }

  it('storing a non-number is a CastingError VALUE_CAST', () => {
    const e = caught(() => dt.array(['x'], { dtype: bfloat16 }));
    expect(e).toBeInstanceOf(dt.CastingError);
    expect(e.code).toBe('VALUE_CAST');
    expect(e.message).toBe("cannot store 'x' in bfloat16: expected a real number, bigint or boolean");
    expect(caught(() => dt.array([{ re: 1, im: 2 }], { dtype: float8_e5m2 })).code).toBe('VALUE_CAST');
    const a = dt.zeros([1], { dtype: bfloat16 });
    expect(caught(() => a.set(0, null)).code).toBe('VALUE_CAST');
    expect(a.toArray()).toEqual([0]);
  });

  it('a bad overflow option is a CastingError CAST_OPTION', () => {
    const e = caught(() => dt.array([1]).astype(bfloat16, { overflow: 'wrap' }));
    expect(e).toBeInstanceOf(dt.CastingError);
    expect(e.code).toBe('CAST_OPTION');
  });

  it('casting levels are enforced', () => {
    const e = caught(() => dt.array([1.5]).astype(bfloat16, { casting: 'safe' }));
    expect(e).toBeInstanceOf(dt.CastingError);
    expect(e.message).toBe("cannot cast float64 to bfloat16 under casting='safe' (needs 'same_kind')");
    expect(dt.array([1], { dtype: 'int8' }).astype(bfloat16, { casting: 'safe' }).toArray()).toEqual([1]);
  });

  it('a ufunc without a loop is a NoLoopError', () => {
    const a = dt.array([1], { dtype: bfloat16 });
    const e = caught(() => dt.bitwiseAnd(a, a));
    expect(e).toBeInstanceOf(dt.NoLoopError);
    expect(e.code).toBe('NO_LOOP');
  });
});
