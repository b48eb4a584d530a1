import { describe, expect, it } from 'vitest';
import { array, canCast, createRegistry, defineDType, CastingError, DTypeError, type BitmapStore, type CompositeStore, type Registry } from '@dtkit/core';
import { add, sum } from '@dtkit/ufunc-registry';
import { float64Registry } from './fixtures/registry-setup.js';
import { optOf, optPlugin, seen } from './fixtures/optional-dtype.js';

function reg(): Registry {
  const r = float64Registry().use(optPlugin);
  r.registerLoop('add', { dtypes: ['int8', 'int8', 'int8'], loop: (n, d, o, s) => {
    const a = d[0] as Int8Array, b = d[1] as Int8Array, c = d[2] as Int8Array;
    for (let i = 0; i < n; i++) c[o[2]! + i * s[2]!] = a[o[0]! + i * s[0]!]! + b[o[1]! + i * s[1]!]!;
  } });
  return r;
}

describe('wrapper dtypes over composite storage (test-only opt[T])', () => {
  it('stores T plus a validity bitmap padded to whole 64-bit words', () => {
    const r = reg();
    const a = array([1, null, 3], { dtype: 'opt[float64]', registry: r });
    const st = a.store as CompositeStore;
    expect(Object.keys(st.parts)).toEqual(['values', 'valid']);
    expect((st.parts['valid'] as BitmapStore).bits.byteLength).toBe(8);
    expect([...(st.parts['valid'] as BitmapStore).bits.slice(0, 1)]).toEqual([0b101]);
    expect(a.toArray()).toEqual([1, null, 3]);
  });

  it('a wrapping loop runs on the composite parts, with plain operands and WrappedLoopInfo', () => {
    const r = reg();
    const a = array([1, null, 3], { dtype: 'opt[float64]', registry: r });
    const b = array([10, 20, 30], { registry: r });
    const s = add(a, b);
    expect(s.dtype).toBe(optOf(r.dtype('float64')));
    expect(s.toArray()).toEqual([11, null, 33]);
    expect(seen.info).toEqual({ ufunc: 'add', nin: 2, nout: 1, mayThrow: false });
    expect(add(b.slice('::-1'), a).toArray()).toEqual([31, null, 13]);
  });

  it('JS scalars next to a wrapper follow the wrapped dtype (wrapped slot): opt[int8] + 1 is opt[int8]', () => {
    const r = reg();
    const a = array([1, null, 3], { dtype: 'opt[int8]', registry: r });
    const s = add(a, 1);
    expect(s.dtype.name).toBe('opt[int8]');
    expect(s.toArray()).toEqual([2, null, 4]);
    expect(() => add(a, 300)).toThrow(expect.objectContaining({ code: expect.any(String) }));
  });

  it('wrapping casts (from: null / to: null) cover every family, including ones registered later', () => {
    const r = reg();
    expect(canCast('float64', 'opt[float64]', 'safe', r)).toBe(true);
    expect(canCast('float64', 'opt[int8]', 'unsafe', r)).toBe(false); // resolveDescriptors: undefined
    const late = defineDType({ name: 'late', kind: 'other', storage: { kind: 'typed', type: 'float64' }, getItem: (_d, s, k) => (s as { data: Float64Array }).data[k], setItem: (_d, s, k, v) => { (s as { data: Float64Array }).data[k] = v as number; } });
    r.addDType(late);
    const x = array([2, 5], { dtype: 'late', registry: r }).astype('opt[late]');
    expect(x.toArray()).toEqual([2, 5]);
    expect(array([1, 2], { dtype: 'opt[float64]', registry: r }).astype('float64').toArray()).toEqual([1, 2]);
    const err = (() => { try { array([1, null], { dtype: 'opt[float64]', registry: r }).astype('float64'); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(CastingError);
    expect((err as CastingError).code).toBe('OPT_MISSING');
    expect(() => r.registerCast({ from: null, to: 'opt', casting: 'safe', loop: () => {} })).toThrow(expect.objectContaining({ code: 'CAST_CLASH' }));
  });

  it('commonInstance receives the registry: opt[int8] and opt[float64] promote through it', () => {
    const r = reg();
    expect(r.family('opt').spec.commonInstance!(optOf(r.dtype('int8')), optOf(r.dtype('float64')), r).name).toBe('opt[float64]');
    // add(opt[int8], opt[float64]): the inner dispatch promotes, the cast opt[int8] -> opt[float64] is not registered
    expect(() => add(array([1], { dtype: 'opt[int8]', registry: r }), array([1], { dtype: 'opt[float64]', registry: r }))).toThrow(CastingError);
  });

  it('wrapping reductions see every option of the call and reduce the values with the kernel', () => {
    const r = reg();
    const a = array([[1, null], [3, 4]], { dtype: 'opt[float64]', registry: r });
    expect(sum(a, { skip: true }).item()).toBe(8);
    expect(add.reduce(a, { skip: true }).toArray()).toEqual([4, 4]);
    const err = (() => { try { sum(a); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(DTypeError);
    expect((err as DTypeError).code).toBe('OPT_SKIP');
    expect(() => r.registerWrappingReduction({ dtype: 'opt', run: () => undefined })).toThrow(expect.objectContaining({ code: 'REDUCTION_CLASH' }));
  });

  it('every registration is rolled back when a plugin install fails', () => {
    const r = createRegistry();
    const bad = { name: 'bad', install(x: Registry) { x.addDType(optOfFamily()); x.registerCast({ from: null, to: 'opt', casting: 'safe', loop: () => {} }); x.registerWrappingReduction({ dtype: 'opt', run: () => undefined }); throw new Error('boom'); } };
    expect(() => r.use(bad)).toThrow('boom');
    expect(r.wrappingReductions.size).toBe(0);
    expect(r.families.has('opt')).toBe(false);
  });
});

function optOfFamily() {
  return optOf(float64Registry().dtype('float64')).family;
}
