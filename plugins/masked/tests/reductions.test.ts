import { describe, expect, it } from 'vitest';
import { dt, ref } from './setup.js';
import { float128 } from '@dtkit/float128';

const A = () => dt.array(ref.A);
const R = ref.reductions as Record<string, Record<string, unknown>>;

describe('reductions skip NA by default (numpy.ma reference)', () => {
  for (const [key, axis] of [['all', null], ['0', 0], ['1', 1]] as const) {
    for (const name of ['sum', 'prod', 'min', 'max', 'mean'] as const) {
      it(`${name} axis=${String(axis)}`, () => {
        const r = dt[name](A(), { axis });
        expect(r.dtype.name).toBe('masked[float64]');
        const want = R[key]![name];
        if (Array.isArray(want)) (want as number[]).forEach((w, i) => expect(r.toArray() as number[]).toSatisfy((x: number[]) => Math.abs(x[i]! - w) <= 1e-15 * Math.abs(w)));
        else expect(r.item() as number).toBeCloseTo(want as number, 14);
      });
    }
    it(`sum of masked[int32] widens to masked[int64] (axis=${String(axis)})`, () => {
      const r = dt.sum(dt.array(ref.I, { dtype: 'masked[int32]' }), { axis });
      expect(r.dtype.name).toBe('masked[int64]');
      const want = R[key]!['isum'];
      expect(r.toArray()).toEqual(Array.isArray(want) ? want.map((x: number) => BigInt(x)) : BigInt(want as number));
    });
  }
});

// Hand-derived (pandas nullable rules, DESIGN §5 masked; numpy.ma differs on these).
describe('NA rules numpy.ma does not share', () => {
  const m = () => dt.array([[1, null, 3], [null, null, null]]);
  it('all-NA rows: sum → 0, prod → 1, min/max/mean → NA', () => {
    expect(dt.sum(m(), { axis: 1 }).toArray()).toEqual([4, 0]);
    expect(dt.prod(m(), { axis: 1 }).toArray()).toEqual([3, 1]);
    expect(dt.min(m(), { axis: 1 }).toArray()).toEqual([1, null]);
    expect(dt.max(m(), { axis: 1 }).toArray()).toEqual([3, null]);
    expect(dt.mean(m(), { axis: 1 }).toArray()).toEqual([2, null]);
  });
  it('skipna: false → NA if any NA in the row', () => {
    expect(dt.sum(m(), { axis: 1, skipna: false }).toArray()).toEqual([null, null]);
    expect(dt.sum(dt.array([[1, null], [2, 3]]), { axis: 1, skipna: false }).toArray()).toEqual([null, 5]);
    expect(dt.max(dt.array([[1, null], [2, 3]]), { axis: 1, skipna: false }).toArray()).toEqual([null, 3]);
    expect(dt.mean(dt.array([[1, null], [2, 3]]), { axis: 1, skipna: false }).toArray()).toEqual([null, 2.5]);
  });
  it('minCount: fewer valid values → NA', () => {
    expect(dt.sum(m(), { axis: 1, minCount: 1 }).toArray()).toEqual([4, null]);
    expect(dt.sum(m(), { axis: 1, minCount: 3 }).toArray()).toEqual([null, null]);
    expect(dt.prod(m(), { axis: 1, minCount: 2 }).toArray()).toEqual([3, null]);
    expect(() => dt.sum(m(), { minCount: -1 })).toThrow(expect.objectContaining({ code: 'MASKED_OPTION' }));
    expect(() => dt.sum(m(), { skipna: 'yes' })).toThrow(expect.objectContaining({ code: 'MASKED_OPTION' }));
  });
  it('mean divides by the valid count; NaN is a value', () => {
    expect(dt.mean(dt.array([1, null, 2, null, 6])).item()).toBe(3);
    expect(dt.mean(dt.array([1, null, NaN])).item()).toBeNaN();
    expect(dt.mean(dt.array([1, null, 4], { dtype: 'masked[int32]' })).dtype.name).toBe('masked[float64]');
  });
  it('any / all: skip NA by default; Kleene with skipna: false', () => {
    const b = dt.array([[true, null], [false, null], [false, false], [true, true]]);
    expect(dt.any(b, { axis: 1 }).toArray()).toEqual([true, false, false, true]);
    expect(dt.all(b, { axis: 1 }).toArray()).toEqual([true, false, false, true]);
    expect(dt.any(b, { axis: 1, skipna: false }).toArray()).toEqual([true, null, false, true]);
    expect(dt.all(b, { axis: 1, skipna: false }).toArray()).toEqual([null, false, false, true]);
    expect(dt.all(dt.array([null, null]), { skipna: false }).item()).toBeNull();
    expect(dt.all(dt.array([null, null])).item()).toBe(true);
  });
  it('axis / keepdims as for plain arrays', () => {
    const r = dt.sum(A(), { axis: 0, keepdims: true });
    expect(r.shape).toEqual([1, 4]);
    expect(dt.sum(A(), { axis: [0, 1], keepdims: true }).shape).toEqual([1, 1]);
    expect(dt.min(A(), { axis: 1, keepdims: true }).toArray()).toEqual([[-3], [0.5], [-1]]);
    expect(dt.add.reduce(A()).toArray()).toEqual(dt.sum(A(), { axis: 0 }).toArray());
  });
  it('accumulate keeps NA in place and skips it in the running value (cumsum: numpy.ma agrees)', () => {
    expect(dt.add.accumulate(A(), { axis: 1 }).toArray()).toEqual(ref.cumsum1);
    expect(dt.multiply.accumulate(dt.array([2, null, 3, null])).toArray()).toEqual([2, null, 6, null]);
    expect(dt.maximum.accumulate(dt.array([null, 2, null, 1, 5])).toArray()).toEqual([null, 2, null, 2, 5]);
  });
  it('out= for reductions: masked out, or a plain out when the result has no NA', () => {
    const out = dt.array([0, 0, 0], { dtype: 'masked[float64]' });
    expect(dt.min(m().reshape([3, 2]).T, { axis: 0, out })).toBe(out);
    expect(out.toArray()).toEqual([1, 3, null]);
    const plain = dt.array([7, 7]);
    let err: unknown;
    try { dt.max(m(), { axis: 1, out: plain }); } catch (e) { err = e; }
    expect((err as dt.DTKitError).code).toBe('MASKED_NA');
    expect(plain.toArray()).toEqual([7, 7]);
    dt.sum(m(), { axis: 1, out: plain });
    expect(plain.toArray()).toEqual([4, 0]);
  });
  it('sums of ufunc results ignore the values a loop computed under NA', () => {
    const r = dt.add(dt.array([1, null, 3]), dt.array([10, 20, null])); // NA lanes hold 1+0 style leftovers
    expect(dt.sum(r).item()).toBe(11);
    expect(dt.sum(dt.multiply(r, 2), { axis: 0 }).item()).toBe(22);
    expect(dt.add.accumulate(dt.subtract(r, 1)).toArray()).toEqual([10, null, null]);
    expect(dt.mean(r).item()).toBe(11);
    expect(r.astype('masked[int32]').toArray()).toEqual([11, null, null]);
    expect(dt.sum(r.astype('masked[int32]')).item()).toBe(11n);
  });
  it('where= leaves elements out like NA', () => {
    expect(dt.sum(dt.array([1, null, 3, 4]), { where: dt.array([true, true, false, true]) }).item()).toBe(5);
  });
  it('masked[float128] and masked[bfloat16] reduce through their own loops', () => {
    const q = dt.array(['1e-40', null, '1'], { dtype: 'masked[float128]' });
    expect(String(dt.sum(q).item())).toBe(String(dt.sum(dt.array(['1e-40', '1'], { dtype: float128 })).item()));
    expect(dt.max(dt.array([1.5, null, -2], { dtype: 'masked[bfloat16]' })).item()).toBe(1.5);
  });
});

// Hand-derived: numpy.ma.argmax fills NA with the dtype's minimum, so all-NA rows give 0 there;
// pandas' nullable rule (skip NA, an all-NA row has no answer) gives NA, as here.
describe('argmin / argmax skip NA', () => {
  const big = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : Array.isArray(v) ? v.map(big) : v);
  const m = () => dt.array([[1, null, 3], [null, null, null], [5, NaN, 5]]);
  it('flattened: the first NaN wins as in NumPy, else the first extreme among valid lanes', () => {
    expect(big(dt.argmax(m()).toArray())).toBe(7);
    expect(big(dt.argmin(dt.array([4, null, 1, 1])).toArray())).toBe(2);
    expect(dt.argmax(m()).dtype.name).toBe('masked[int64]');
  });
  it('along an axis, all-NA rows give NA; keepdims; skipna: false', () => {
    expect(big(dt.argmax(m(), { axis: 1 }).toArray())).toEqual([2, null, 1]);
    expect(big(dt.argmin(m(), { axis: 1 }).toArray())).toEqual([0, null, 1]);
    expect(big(dt.argmax(m(), { axis: 0 }).toArray())).toEqual([2, 2, 2]);
    expect(big(dt.argmin(m(), { axis: 0 }).toArray())).toEqual([0, 2, 0]);
    expect(big(dt.argmax(m(), { axis: 1, keepdims: true }).toArray())).toEqual([[2], [null], [1]]);
    expect(big(dt.argmax(m(), { axis: 1, skipna: false } as never).toArray())).toEqual([null, null, 1]);
  });
  it('works over plugin bases without per-dtype code', () => {
    expect(big(dt.argmax(dt.array(['0.5', null, '2.25', '-1'], { dtype: 'masked[float128]' })).toArray())).toBe(2);
    expect(big(dt.argmin(dt.array([3, null, -2], { dtype: 'masked[int8]' })).toArray())).toBe(2);
  });
});
