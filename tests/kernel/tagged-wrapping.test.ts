import { describe, expect, it } from 'vitest';
import { array, DTKitError, type NDArray, type Registry } from '@dtkit/core';
import { add, multiply, subtract, sum, divide } from '@dtkit/ufunc-registry';
import { float64Registry } from './fixtures/registry-setup.js';
import { taggedOf, taggedPlugin, TagMismatchError } from './fixtures/tagged-dtype.js';

function reg(): Registry {
  return float64Registry().use(taggedPlugin);
}

function tagged(r: Registry, label: string, values: unknown): NDArray {
  return array(values, { dtype: `tagged[${label}]`, registry: r });
}

describe('wrapper dtype tagged[label] via registerWrappingLoop', () => {
  it('registers no tagged-specific loop: only wrapping loops', () => {
    const r = reg();
    const fam = r.family('tagged');
    for (const list of r.loops.values()) for (const e of list) expect(e.families).not.toContain(fam);
    expect(r.wrappingLoops.get('add')?.length).toBe(1);
  });

  it('add and multiply run the float64 loops and keep the label', () => {
    const r = reg();
    const a = tagged(r, 'm', [1.5, 2, -3]);
    const b = tagged(r, 'm', [0.5, 4, 10]);
    const s = add(a, b);
    expect(s.dtype).toBe(taggedOf('m'));
    expect(s.toArray()).toEqual([2, 6, 7]);
    const p = multiply(a, b);
    expect(p.dtype.name).toBe('tagged[m]');
    expect(p.toArray()).toEqual([0.75, 8, -30]);
  });

  it('broadcasts and writes into a tagged out', () => {
    const r = reg();
    const a = tagged(r, 'kg', [[1], [2]]);
    const b = tagged(r, 'kg', [10, 20, 30]);
    const out = array([[0, 0, 0], [0, 0, 0]], { dtype: 'tagged[kg]', registry: r });
    const res = add.call([a, b], { out });
    expect(res).toBe(out);
    expect(out.toArray()).toEqual([[11, 21, 31], [12, 22, 32]]);
  });

  it('sum reduces through the wrapped add (identity 0), along an axis and in full', () => {
    const r = reg();
    const a = tagged(r, 's', [[1, 2, 3], [4, 5, 6]]);
    const all = sum(a);
    expect(all.dtype).toBe(taggedOf('s'));
    expect(all.item()).toBe(21);
    const cols = sum(a, { axis: 0 });
    expect(cols.dtype.name).toBe('tagged[s]');
    expect(cols.toArray()).toEqual([5, 7, 9]);
    expect(multiply.reduce(a, { axis: 1 }).toArray()).toEqual([6, 120]);
  });

  it('mixing labels is rejected by rewrap with a typed DTKitError, before any write', () => {
    const r = reg();
    const a = tagged(r, 'm', [1, 2]);
    const b = tagged(r, 's', [3, 4]);
    const out = tagged(r, 'm', [7, 8]);
    let err: unknown;
    try { add.call([a, b], { out }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(TagMismatchError);
    expect(err).toBeInstanceOf(DTKitError);
    expect((err as DTKitError).code).toBe('TAG_MISMATCH');
    expect((err as Error).message).toBe('add: cannot combine tagged[m] with tagged[s]');
    expect(out.toArray()).toEqual([7, 8]);
    expect(() => multiply(a, b)).toThrow(expect.objectContaining({ code: 'TAG_MISMATCH' }));
    // an out with another label is also a mismatch
    expect(() => add.call([a, a], { out: tagged(r, 's', [0, 0]) })).toThrow(expect.objectContaining({ code: 'TAG_MISMATCH' }));
  });

  it('a ufunc without a wrapping loop is a NoLoopError naming the tagged family', () => {
    const r = reg();
    const a = tagged(r, 'm', [1, 2]);
    expect(() => divide(a, a)).toThrow(expect.objectContaining({ code: 'NO_LOOP', message: expect.stringContaining('(tagged, tagged)') }));
  });
});

describe('wrapped loop whose inner float64 loop is missing', () => {
  it('reports the unwrapped dtypes in the NoLoopError', () => {
    const r = reg();
    const a = tagged(r, 'm', [1, 2]);
    expect(() => subtract(a, a)).toThrow(expect.objectContaining({
      code: 'NO_LOOP', message: "no loop for ufunc 'subtract' with dtypes (float64, float64) on backend js; registered: none",
    }));
  });
});
