import { describe, expect, it } from 'vitest';
import { array, zeros, full, canCast, CastingError, type CompositeStore, type Registry } from '@dtkit/core';
import { add } from '@dtkit/ufunc-registry';
import { builtinRegistry } from './fixtures/registry-setup.js';
import { intervalPlugin } from './fixtures/interval-dtype.js';

function reg(): Registry {
  return builtinRegistry().use(intervalPlugin);
}

const iv = (lo: number, hi: number) => ({ lo, hi });

describe('composite-storage dtype interval {lo, hi}', () => {
  it('allocates one float64 child store per part', () => {
    const r = reg();
    const a = array([iv(1, 2), iv(3, 5)], { dtype: 'interval', registry: r });
    expect(a.store.kind).toBe('composite');
    const parts = (a.store as CompositeStore).parts;
    expect(Object.keys(parts)).toEqual(['lo', 'hi']);
    expect(parts['lo']!.kind === 'typed' && [...parts['lo']!.data]).toEqual([1, 3]);
    expect(parts['hi']!.kind === 'typed' && [...parts['hi']!.data]).toEqual([2, 5]);
    expect(a.dtype.itemsize).toBeUndefined();
  });

  it('getItem / setItem, with validation before writing', () => {
    const r = reg();
    const a = array([[iv(0, 1), iv(2, 3)], [iv(4, 5), iv(6, 7)]], { dtype: 'interval', registry: r });
    expect(a.shape).toEqual([2, 2]);
    expect(a.get(1, 0)).toEqual(iv(4, 5));
    a.set(1, 0, iv(-1, 9));
    expect(a.get(1, 0)).toEqual(iv(-1, 9));
    a.set(0, 1, 2.5);
    expect(a.get(0, 1)).toEqual(iv(2.5, 2.5));
    expect(() => a.set(0, 0, iv(3, 1))).toThrow(expect.objectContaining({ code: 'INTERVAL' }));
    expect(a.get(0, 0)).toEqual(iv(0, 1));
    expect(() => a.get(2, 0)).toThrow(expect.objectContaining({ code: 'INDEX' }));
  });

  it('creation: zeros and full fill every part', () => {
    const r = reg();
    expect(zeros([2], { dtype: 'interval', registry: r }).toArray()).toEqual([iv(0, 0), iv(0, 0)]);
    expect(full([2, 1], iv(-1, 1), { dtype: 'interval', registry: r }).toArray()).toEqual([[iv(-1, 1)], [iv(-1, 1)]]);
  });

  it('slicing with negative steps and transposed views read through the composite store', () => {
    const r = reg();
    const a = array([[iv(0, 1), iv(1, 2), iv(2, 3)], [iv(10, 11), iv(11, 12), iv(12, 13)]], { dtype: 'interval', registry: r });
    const s = a.slice(1, '::-2');
    expect(s.shape).toEqual([2]);
    expect(s.toArray()).toEqual([iv(12, 13), iv(10, 11)]);
    const t = a.T;
    expect(t.shape).toEqual([3, 2]);
    expect(t.store).toBe(a.store);
    expect(t.get(2, 1)).toEqual(iv(12, 13));
    t.set(0, 1, iv(100, 200));
    expect(a.get(1, 0)).toEqual(iv(100, 200));
    const c = t.copy();
    expect(c.store).not.toBe(a.store);
    expect(c.strides).toEqual([2, 1]);
    expect(c.toArray()).toEqual([[iv(0, 1), iv(100, 200)], [iv(1, 2), iv(11, 12)], [iv(2, 3), iv(12, 13)]]);
    const flat = t.reshape(-1);
    expect(flat.toArray()).toEqual([iv(0, 1), iv(100, 200), iv(1, 2), iv(11, 12), iv(2, 3), iv(12, 13)]);
  });

  it('astype float64 gives the midpoint via the registered cast (unsafe only)', () => {
    const r = reg();
    const a = array([iv(1, 2), iv(-4, 10), iv(3, 3)], { dtype: 'interval', registry: r });
    const m = a.astype('float64');
    expect(m.dtype.name).toBe('float64');
    expect(m.toArray()).toEqual([1.5, 3, 3]);
    expect(a.slice('::-1').astype('float64').toArray()).toEqual([3, 3, 1.5]);
    expect(canCast('interval', 'float64', 'same_kind', r)).toBe(false);
    expect(canCast('interval', 'float64', 'unsafe', r)).toBe(true);
    expect(() => a.astype('float64', { casting: 'same_kind' })).toThrow(CastingError);
    expect(() => a.astype('int32')).toThrow(expect.objectContaining({ code: 'NO_CAST' }));
  });

  it('add loop operates on the composite stores, with broadcasting and strided views', () => {
    const r = reg();
    const a = array([[iv(0, 1)], [iv(10, 20)]], { dtype: 'interval', registry: r });
    const b = array([iv(1, 1), iv(-1, 2), iv(5, 6)], { dtype: 'interval', registry: r });
    const c = add(a, b.slice('::-1'));
    expect(c.dtype.name).toBe('interval');
    expect(c.toArray()).toEqual([
      [iv(5, 7), iv(-1, 3), iv(1, 2)],
      [iv(15, 26), iv(9, 22), iv(11, 21)],
    ]);
  });

  it('add with where= and out= leaves masked-out elements of out unchanged', () => {
    const r = reg();
    const a = array([iv(1, 2), iv(3, 4)], { dtype: 'interval', registry: r });
    const out = full([2], iv(-9, 9), { dtype: 'interval', registry: r });
    add.call([a, a], { out, where: [false, true] });
    expect(out.toArray()).toEqual([iv(-9, 9), iv(6, 8)]);
    const fresh = add.call([a, a], { where: [true, false] });
    expect(!Array.isArray(fresh) && fresh.get(0)).toEqual(iv(2, 4));
  });

  it('toString uses the format slot', () => {
    const r = reg();
    expect(array([iv(1, 2), iv(3, 4)], { dtype: 'interval', registry: r }).toString()).toBe('array([[1, 2], [3, 4]], dtype=interval)');
  });
});
