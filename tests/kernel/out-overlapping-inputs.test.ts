import { describe, expect, it } from 'vitest';
import { array } from '@dtkit/core';
import { add } from '@dtkit/ufunc-registry';
import { float64Registry } from './fixtures/registry-setup.js';

// NumPy computes as if `out` did not overlap the inputs (values checked with NumPy 2.4).
describe('out sharing memory with an input', () => {
  const r = float64Registry();

  it('a reversed view of out as input: add(a, a[::-1], out=a)', () => {
    const a = array([1, 2, 3, 4], { registry: r });
    expect(add.call([a, a.slice('::-1')], { out: a })).toBe(a);
    expect(a.toArray()).toEqual([5, 5, 5, 5]);
  });

  it('a transposed view of out as input: add(m, m.T, out=m)', () => {
    const m = array([[1, 2], [3, 4]], { registry: r });
    add.call([m, m.T], { out: m });
    expect(m.toArray()).toEqual([[2, 5], [5, 8]]);
  });

  it('a shifted view: add(a[:-1], a[1:], out=a[1:])', () => {
    const a = array([1, 2, 3, 4, 5], { registry: r });
    add.call([a.slice(':-1'), a.slice('1:')], { out: a.slice('1:') });
    expect(a.toArray()).toEqual([1, 3, 5, 7, 9]);
  });

  it('a broadcast row of out as input: add(m, m[0], out=m)', () => {
    const m = array([[1, 2], [3, 4], [5, 6]], { registry: r });
    add.call([m, m.slice(0)], { out: m });
    expect(m.toArray()).toEqual([[2, 4], [4, 6], [6, 8]]);
  });

  it('exactly the same view in place stays direct and correct: add(a, a, out=a)', () => {
    const a = array([1, 2, 3], { registry: r });
    const store = a.store;
    add.call([a, a], { out: a });
    expect(a.store).toBe(store);
    expect(a.toArray()).toEqual([2, 4, 6]);
  });

  it('the callable form add(x, y, { out }) (small contiguous fast path) honours overlap too', () => {
    const a = array([1, 2, 3, 4, 5], { registry: r });
    add(a.slice(':-1'), a.slice('1:'), { out: a.slice('1:') });
    expect(a.toArray()).toEqual([1, 3, 5, 7, 9]);
    const b = array([1, 2, 3, 4, 5], { registry: r });
    add(b.slice('1:'), b.slice(':-1'), { out: b.slice(':-1') });
    expect(b.toArray()).toEqual([3, 5, 7, 9, 5]);
    const c = array([1, 2, 3], { registry: r });
    expect(add(c, c, { out: c })).toBe(c);
    expect(c.toArray()).toEqual([2, 4, 6]);
  });
});
