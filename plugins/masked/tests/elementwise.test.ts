import { describe, expect, it } from 'vitest';
import { masked, isNA, fillNA } from '@dtkit/masked';
import { float128, Float128 } from '@dtkit/float128';
import { bfloat16 } from '@dtkit/bfloat16';
import { dt, ref, num } from './setup.js';
import type { CompositeStore, BitmapStore } from 'dtkit';

const A = () => dt.array(ref.A);
const B = () => dt.array(ref.B);

describe('storage and creation', () => {
  it('JS null is NA: [1, null, 3] infers masked[float64], toArray gives nulls', () => {
    const a = dt.array([1, null, 3]);
    expect(a.dtype).toBe(masked(dt.dtype('float64')));
    expect(a.dtype.name).toBe('masked[float64]');
    expect(dt.dtype('masked[float64]')).toBe(a.dtype);
    expect(a.toArray()).toEqual([1, null, 3]);
    expect(dt.array([true, null]).dtype.name).toBe('masked[bool]');
    expect(dt.array([1n, null]).dtype.name).toBe('masked[int64]');
    expect(dt.array([null, null]).dtype.name).toBe('masked[bool]');
    expect(String(a)).toBe('array([  1., <NA>,   3.], dtype=masked[float64])');
  });

  it('stores T plus an Arrow validity bitmap (1 = valid, LSB first); NA values are zero', () => {
    const a = dt.array([1, null, 3, null, 5, 6, 7, 8, null], { dtype: 'masked[int16]' });
    const st = a.store as CompositeStore;
    expect([...(st.parts['valid'] as BitmapStore).bits.slice(0, 2)]).toEqual([0b11110101, 0b0]);
    expect([...(st.parts['values'] as { data: Int16Array }).data]).toEqual([1, 0, 3, 0, 5, 6, 7, 8, 0]);
  });

  it('slices and transposes are views (no copy), offset-aware in the bitmap', () => {
    const a = A();
    const s = a.slice(null, '1::2');
    expect(s.store).toBe(a.store);
    expect(s.toArray()).toEqual([[null, 4.25], [2, null], [-1, 8]]);
    expect(a.T.toArray()).toEqual(ref.A[0]!.map((_, j) => ref.A.map((r) => r[j])));
    expect(a.slice('::-1', '::-1').copy().toArray()).toEqual(ref.A.map((r) => [...r].reverse()).reverse());
    const long = dt.array(Array.from({ length: 100 }, (_, i) => (i % 7 === 3 ? null : i)));
    expect(long.slice("37:95").copy().toArray()).toEqual((long.toArray() as unknown[]).slice(37, 95));
  });

  it('set(i, null) masks a slot; set(i, v) validates with the base dtype before writing', () => {
    const a = dt.array([1, 2, 3], { dtype: 'masked[int8]' });
    a.set(1, null);
    expect(a.toArray()).toEqual([1, null, 3]);
    a.set(1, 7);
    expect(a.toArray()).toEqual([1, 7, 3]);
    a.set(0, null);
    expect(() => a.set(0, 300)).toThrow(expect.objectContaining({ code: expect.any(String) }));
    expect(a.toArray()).toEqual([null, 7, 3]);
    expect(dt.zeros([2], { dtype: 'masked[int32]' }).toArray()).toEqual([0, 0]);
    expect(dt.full([2], null, { dtype: 'masked[int32]' }).toArray()).toEqual([null, null]);
  });
});

describe('elementwise ufuncs (numpy.ma reference)', () => {
  for (const name of ['add', 'subtract', 'multiply', 'divide', 'maximum', 'less', 'equal', 'greater_equal'] as const) {
    it(`${name} propagates NA`, () => {
      const r = dt.ufuncs[name]!(A(), B());
      expect(r.dtype.name).toBe(['less', 'equal', 'greater_equal'].includes(name) ? 'masked[bool]' : 'masked[float64]');
      expect(r.toArray()).toEqual(num(ref.elementwise[name]));
    });
  }
  it('unary ufuncs, and masked[int32] + masked[float64] promotes to masked[float64]', () => {
    expect(dt.sqrt(dt.absolute(A())).toArray()).toEqual(ref.elementwise.sqrt_abs);
    const r = dt.add(dt.array(ref.I, { dtype: 'masked[int32]' }), B());
    expect(r.dtype.name).toBe('masked[float64]');
    expect(r.toArray()).toEqual(ref.elementwise.int_plus_float);
  });
});

describe('promotion and weak scalars', () => {
  it('masked[T] + T → masked[T]; masked[int32] + float64 → masked[float64]', () => {
    const m = dt.array([1, null, 3], { dtype: 'masked[int32]' });
    expect(dt.add(m, dt.array([1, 2, 3], { dtype: 'int32' })).dtype.name).toBe('masked[int32]');
    const r = dt.add(m, dt.array([0.5, 0.5, 0.5]));
    expect(r.dtype.name).toBe('masked[float64]');
    expect(r.toArray()).toEqual([1.5, null, 3.5]);
    expect(dt.add(dt.array([0.5, 0.5, 0.5]), m).toArray()).toEqual([1.5, null, 3.5]);
    expect(dt.resultType(m, 'float64').name).toBe('masked[float64]');
  });
  it('weak JS scalars: masked[int8] + 1 stays masked[int8]; out-of-range scalars raise', () => {
    const m = dt.array([1, null, 127], { dtype: 'masked[int8]' });
    const r = dt.add(m, 1);
    expect(r.dtype.name).toBe('masked[int8]');
    expect(r.toArray()).toEqual([2, null, -128]);
    expect(dt.multiply(2.5, dt.array([2, null], { dtype: 'masked[float32]' })).dtype.name).toBe('masked[float32]');
    expect(() => dt.add(m, 300)).toThrow(expect.objectContaining({ code: expect.any(String) }));
  });
});

describe('comparisons, Kleene logic, NaN vs NA, integer division', () => {
  // Kleene truth tables (pandas "NA in logical operations"): True | NA = True, False & NA = False.
  const T = [true, false, null, true, false, null, true, false, null];
  const U = [true, true, true, false, false, false, null, null, null];
  it('logicalAnd / logicalOr are Kleene, logicalXor / logicalNot propagate', () => {
    const t = dt.array(T), u = dt.array(U);
    expect(dt.logicalAnd(t, u).toArray()).toEqual([true, false, null, false, false, false, null, false, null]);
    expect(dt.logicalOr(t, u).toArray()).toEqual([true, true, true, true, false, null, true, null, null]);
    expect(dt.logicalXor(t, u).toArray()).toEqual([false, true, null, true, false, null, null, null, null]);
    expect(dt.logicalNot(t).toArray()).toEqual([false, true, null, false, true, null, false, true, null]);
    // numbers are truthy by their own loop: 2 & NA = NA, 0 & NA = False
    expect(dt.logicalAnd(dt.array([2, 0, null]), dt.array([null, null, 0])).toArray()).toEqual([null, false, false]);
  });
  it('comparisons give masked[bool]', () => {
    const r = dt.less(dt.array([1, null, 3]), 2);
    expect(r.dtype.name).toBe('masked[bool]');
    expect(r.toArray()).toEqual([true, null, false]);
  });
  it('NaN is a value, NA is not: 0/0 is a valid NaN, isNA tells them apart', () => {
    const r = dt.divide(dt.array([0, null, 1]), dt.array([0, 1, 0]));
    expect(r.toArray()).toEqual([NaN, null, Infinity]);
    expect(isNA(r).toArray()).toEqual([false, true, false]);
    expect(dt.isnan(r).toArray()).toEqual([true, null, false]);
  });
  it('integer division by zero gives NA (floor_divide, remainder)', () => {
    const a = dt.array([7, -7, null, 9], { dtype: 'masked[int32]' });
    const b = dt.array([2, 0, 0, 0], { dtype: 'int32' });
    expect(dt.floorDivide(a, b).toArray()).toEqual([3, null, null, null]);
    expect(dt.remainder(a, b).toArray()).toEqual([1, null, null, null]);
    expect(dt.remainder(a, dt.array([-2, 0, 1, 4], { dtype: 'masked[int32]' })).toArray()).toEqual([-1, null, null, 1]);
    expect(dt.floorDivide(dt.array([7n, null], { dtype: 'masked[int64]' }), 0).toArray()).toEqual([null, null]);
  });
  it('a loop that may throw never sees NA lanes: int power with a negative exponent under the mask', () => {
    const base = dt.array([2, 3, 4], { dtype: 'masked[int32]' });
    const exp = dt.array([3, -1, 2], { dtype: 'masked[int32]' });
    exp.set(1, null);
    expect(dt.power(base, exp).toArray()).toEqual([8, null, 16]);
    expect(() => dt.power(base, dt.array([1, -1, 1], { dtype: 'masked[int32]' }))).toThrow();
  });
});

describe('every T: builtins, float128, bfloat16 with no per-dtype code', () => {
  const kinds = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'float32', 'float64', 'complex64', 'complex128'];
  for (const k of kinds) {
    it(`masked[${k}]: add/equal propagate NA, cast round trip`, () => {
      const one = k === 'bool' ? true : k.includes('int64') ? 1n : k.startsWith('complex') ? { re: 1, im: 0 } : 1;
      const a = dt.array([one, null, one], { dtype: `masked[${k}]` });
      const s = dt.add(a, a);
      expect(s.dtype.name.startsWith('masked[')).toBe(true);
      expect((s.toArray() as unknown[])[1]).toBeNull();
      expect(dt.equal(a, a).toArray()).toEqual([true, null, true]);
      expect(dt.array([one, one], { dtype: k }).astype(`masked[${k}]`).toArray()).toEqual([one, one]);
    });
  }
  it('masked[float128]: exact float128 arithmetic, NA kept', () => {
    const q = dt.array(['0.1', null, '1e4000'], { dtype: masked(float128) });
    const r = dt.add(q, dt.array(['0.2', '1', '1'], { dtype: float128 }));
    expect(r.dtype.name).toBe('masked[float128]');
    const v = r.toArray() as (Float128 | null)[];
    expect(String(v[0])).toBe(String(dt.add(dt.array(['0.1'], { dtype: float128 }), dt.array(['0.2'], { dtype: float128 })).get(0)));
    expect(String(v[2])).toBe('1e+4000');
    expect(v[1]).toBeNull();
    expect(String(dt.sqrt(dt.array(['2', null], { dtype: 'masked[float128]' })).get(0))).toBe('1.414213562373095048801688724209698');
  });
  it('masked[bfloat16]: bfloat16 rounding, comparisons', () => {
    const h = dt.array([1.00390625, null, 3], { dtype: masked(bfloat16) }); // 1 + 2^-8 ties to even: 1
    expect(dt.multiply(h, dt.array([1.5, 1, 1.5], { dtype: bfloat16 })).toArray()).toEqual([1.5, null, 4.5]);
    expect(dt.greater(h, 2).toArray()).toEqual([false, null, true]);
  });
});

describe('out= and where=', () => {
  it('out of the result dtype is written in place; where= leaves other slots untouched', () => {
    const a = dt.array([1, null, 3, 4]);
    const out = dt.array([0, 0, 0, 0], { dtype: 'masked[float64]' });
    expect(dt.add.call([a, 1], { out })).toBe(out);
    expect(out.toArray()).toEqual([2, null, 4, 5]);
    const o2 = dt.array([9, 9, null, 9], { dtype: 'masked[float64]' });
    dt.add.call([a, 1], { out: o2, where: dt.array([true, true, false, false]) });
    expect(o2.toArray()).toEqual([2, null, null, 9]);
    dt.add.call([a, a], { out: a });
    expect(a.toArray()).toEqual([2, null, 6, 8]);
  });
  it('a plain out takes a result without NA; with NA it raises MASKED_NA and stays untouched', () => {
    const plain = dt.array([0, 0]);
    dt.add.call([dt.array([1, 2], { dtype: 'masked[float64]' }), 1], { out: plain });
    expect(plain.toArray()).toEqual([2, 3]);
    let err: unknown;
    try { dt.add.call([dt.array([1, null]), 1], { out: plain }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(dt.CastingError);
    expect((err as dt.DTKitError).code).toBe('MASKED_NA');
    expect(plain.toArray()).toEqual([2, 3]);
  });
});

describe('casts, isNA, fillNA', () => {
  it('masked → T raises a typed error when NA is present (nothing written), works when none is', () => {
    const m = dt.array([1, null, 3], { dtype: 'masked[int32]' });
    let err: unknown;
    try { m.astype('float64'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(dt.CastingError);
    expect((err as dt.DTKitError).code).toBe('MASKED_NA');
    expect(m.toArray()).toEqual([1, null, 3]);
    expect(m.slice('::2').astype('float64').toArray()).toEqual([1, 3]);
    expect(dt.canCast('masked[int32]', 'int32', 'same_kind')).toBe(true);
    expect(dt.canCast('masked[int32]', 'int32', 'safe')).toBe(false);
  });
  it('T → masked[T] is safe; masked[T] → masked[U] follows T → U', () => {
    expect(dt.canCast('int16', 'masked[int16]', 'safe')).toBe(true);
    expect(dt.canCast('int16', 'masked[float64]', 'safe')).toBe(true);
    expect(dt.canCast('float64', 'masked[int16]', 'safe')).toBe(false);
    expect(dt.canCast('masked[int16]', 'masked[int32]', 'safe')).toBe(true);
    expect(dt.canCast('masked[float64]', 'masked[int32]', 'same_kind')).toBe(false);
    expect(dt.array([1, null, 2.5]).astype('masked[int32]').toArray()).toEqual([1, null, 2]);
  });
  it('isNA and fillNA', () => {
    const m = dt.array([[1, null], [null, 4]], { dtype: 'masked[int32]' });
    expect(isNA(m).toArray()).toEqual([[false, true], [true, false]]);
    expect(isNA(dt.array([NaN, 1])).toArray()).toEqual([false, false]);
    const f = fillNA(m, -1);
    expect(f.dtype.name).toBe('masked[int32]');
    expect(f.toArray()).toEqual([[1, -1], [-1, 4]]);
    expect(f.astype('int32').toArray()).toEqual([[1, -1], [-1, 4]]);
    expect(() => fillNA(m, 1e10)).toThrow();
    expect(m.toArray()).toEqual([[1, null], [null, 4]]);
  });
});
