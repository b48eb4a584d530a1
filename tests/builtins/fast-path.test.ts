// The small-array fast paths (contiguous operands, optional `out`, weak JS scalars) give the
// same answers as the general path.
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';

describe('array ⊕ JS scalar fast path', () => {
  it('keeps operand order for non-commutative ufuncs', () => {
    const a = dt.array([1, 2, 4]);
    expect(dt.subtract(10, a).toArray()).toEqual([9, 8, 6]);
    expect(dt.subtract(a, 10).toArray()).toEqual([-9, -8, -6]);
    expect(dt.divide(1, a).toArray()).toEqual([1, 0.5, 0.25]);
    expect(dt.power(a, 2).toArray()).toEqual([1, 4, 16]);
  });
  it('stores the scalar in the array dtype (int64 takes a number, uint8 wraps arithmetic)', () => {
    expect(dt.add(dt.array([1n, 2n]), 5).toArray()).toEqual([6n, 7n]);
    const u8 = dt.add(dt.array([250, 5], { dtype: 'uint8' }), 10);
    expect(u8.dtype.name).toBe('uint8');
    expect(u8.toArray()).toEqual([4, 15]);
  });
  it('still rejects a weak int that does not fit, writing nothing', () => {
    const out = dt.array([7, 7], { dtype: 'uint8' });
    expect(() => dt.add(dt.array([1, 2], { dtype: 'uint8' }), 300, { out })).toThrow(dt.CastingError);
    expect(out.toArray()).toEqual([7, 7]);
  });
  it('falls back when the scalar changes the dtype (int8 + 1.5 → float64)', () => {
    const r = dt.add(dt.array([1, 2], { dtype: 'int8' }), 1.5);
    expect(r.dtype.name).toBe('float64');
    expect(r.toArray()).toEqual([2.5, 3.5]);
  });
  it('writes into out, including out aliasing the array', () => {
    const a = dt.array([1, 2, 3]);
    dt.multiply(a, 2, { out: a });
    expect(a.toArray()).toEqual([2, 4, 6]);
    const b = dt.arange(6, undefined, undefined, { dtype: 'float64' });
    dt.add(b.slice('1:'), 100, { out: b.slice(':-1') });
    expect(b.toArray()).toEqual([101, 102, 103, 104, 105, 5]);
  });
  it('comparisons return bool', () => {
    expect(dt.less(dt.array([1, 5, 3]), 3).toArray()).toEqual([true, false, false]);
    expect(dt.greaterEqual(3, dt.array([1, 5, 3])).toArray()).toEqual([true, false, true]);
  });
});

describe('array ⊕ array fast path', () => {
  it('overlapping out at another offset takes the safe path', () => {
    const a = dt.array([1, 2, 3, 4, 5, 6]);
    dt.add(a.slice(':-1'), a.slice('1:'), { out: a.slice('1:') });
    expect(a.toArray()).toEqual([1, 3, 5, 7, 9, 11]);
  });
  it('uses the registry cache across dtype changes', () => {
    const f = dt.array([1.5, 2.5]);
    const i = dt.array([1, 2], { dtype: 'int32' });
    expect(dt.add(f, f).toArray()).toEqual([3, 5]);
    expect(dt.add(i, i).toArray()).toEqual([2, 4]);
    expect(dt.add(f, f).toArray()).toEqual([3, 5]);
    expect(dt.add(i, f).dtype.name).toBe('float64');
  });
});

describe('loops that may throw leave out untouched', () => {
  it('integer power with a negative exponent: ValueError, out unchanged', () => {
    const out = dt.array([9, 9, 9], { dtype: 'int32' });
    expect(() => dt.power(dt.array([2, 3, 4], { dtype: 'int32' }), dt.array([1, -1, 2], { dtype: 'int32' }), { out }))
      .toThrow(expect.objectContaining({ code: 'NEGATIVE_POWER' }));
    expect(out.toArray()).toEqual([9, 9, 9]);
    expect(dt.power(dt.array([2, 3], { dtype: 'int32' }), 3).toArray()).toEqual([8, 27]);
  });
});

describe('backend selection', () => {
  it('wasm is preferred on CPU when available; it can be forbidden and allowed again', () => {
    const order = dt.backendsFor('cpu');
    expect(order[order.length - 1]).toBe('js');
    dt.forbidBackends(['wasm']);
    expect(dt.backendsFor('cpu')).toEqual(['js']);
    const a = dt.arange(1000, undefined, undefined, { dtype: 'float64' });
    expect(dt.sum(dt.add(a, a)).item()).toBe(999000);
    dt.forbidBackends([]);
    expect(dt.backendsFor('cpu')).toEqual(order);
  });
});
