// Issue 19: every view is checked at construction, so no slice, constructor call or offset
// assignment can make a loop read or write outside the array's own store (in wasm memory that
// was another array).
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { NDArray, type TypedStore } from '@dtkit/core';
import { plugin as quad, float128, Float128 } from '@dtkit/float128';
import { builtinRegistry } from './fixtures/registry-setup.js';
import { intervalPlugin } from './fixtures/interval-dtype.js';

dt.use(quad);

const bytesOf = (a: dt.NDArray): number[] => [...a.toBytes()];
const error = (name: string, code: string) => expect.objectContaining({ name, code });

/** Two float64 arrays of 300 elements (2.4 KiB: wasm memory), `a` right before `b`. */
function neighbours(): { a: dt.NDArray; b: dt.NDArray } {
  const a = dt.arange(0, 300, 1, { dtype: 'float64' });
  const b = dt.arange(1000, 1300, 1, { dtype: 'float64' });
  return { a, b };
}

describe('views in wasm memory never reach a neighbour', () => {
  it('the arrays of these tests live in one wasm memory', () => {
    const { a, b } = neighbours();
    const da = (a.store as TypedStore).data, db = (b.store as TypedStore).data;
    expect(da.buffer).toBe(db.buffer);
    expect(da.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('a fractional slice bound or step is an IndexError; nothing is written', () => {
    const { a, b } = neighbours();
    const before = bytesOf(b);
    for (const spec of [[1.5, 2], [0, 299.5], [0, 300, 1.5], [null, null, -0.5]] as const) {
      expect(() => {
        const v = a.slice(spec as unknown as dt.SliceSpec);
        dt.add(v, 7, { out: v });
      }).toThrow(error('IndexError', 'SLICE'));
    }
    expect(bytesOf(b)).toEqual(before);
    expect(a.get(299)).toBe(299);
  });

  it('the constructor refuses offsets and extents outside the store', () => {
    const { a, b } = neighbours();
    const before = bytesOf(b);
    const make = (shape: readonly number[], strides: readonly number[], offset: number) => new NDArray(a.registry, a.dtype, a.store, shape, strides, offset);
    expect(() => make([1], [1], 1.5)).toThrow(error('IndexError', 'VIEW_BOUNDS'));
    expect(() => make([300], [1], 1)).toThrow(error('IndexError', 'VIEW_BOUNDS')); // last element is b[0]
    expect(() => make([300], [1], -1)).toThrow(error('IndexError', 'VIEW_BOUNDS'));
    expect(() => make([151], [2], 0)).toThrow(error('IndexError', 'VIEW_BOUNDS'));
    expect(() => make([300], [-1], 298)).toThrow(error('IndexError', 'VIEW_BOUNDS'));
    expect(() => make([2, 2], [299, 1], 0)).toThrow(error('IndexError', 'VIEW_BOUNDS'));
    expect(() => make([1], [1], NaN)).toThrow(error('IndexError', 'VIEW_BOUNDS'));
    expect(() => make([1], [1], 2 ** 53)).toThrow(error('IndexError', 'VIEW_BOUNDS'));
    expect(() => make([1], [0.5], 0)).toThrow(error('ValueError', 'STRIDES'));
    expect(() => make([2], [1, 1], 0)).toThrow(error('ValueError', 'STRIDES'));
    expect(() => make([1.5], [1], 0)).toThrow(error('ValueError', 'SHAPE'));
    expect(() => make([-1], [1], 0)).toThrow(error('ValueError', 'SHAPE'));
    expect(() => make([2 ** 30, 2 ** 30], [0, 0], 0)).toThrow(error('ValueError', 'SHAPE')); // 2^60 elements
    expect(() => make('300' as unknown as number[], [1], 0)).toThrow(error('ValueError', 'SHAPE'));
    expect(() => make(new Array<number>(65).fill(1), new Array<number>(65).fill(1), 0)).toThrow(error('ValueError', 'SHAPE'));
    expect(bytesOf(b)).toEqual(before);
  });

  it('the constructor accepts every view that stays inside, incl. reversed, broadcast and empty ones', () => {
    const { a } = neighbours();
    const make = (shape: readonly number[], strides: readonly number[], offset: number) => new NDArray(a.registry, a.dtype, a.store, shape, strides, offset);
    expect(make([1], [1], 299).toArray()).toEqual([299]);
    expect(make([3], [-1], 299).toArray()).toEqual([299, 298, 297]);
    expect(make([2, 2], [298, 1], 0).toArray()).toEqual([[0, 1], [298, 299]]);
    expect(make([4, 3], [0, 1], 297).toArray()).toEqual([[297, 298, 299], [297, 298, 299], [297, 298, 299], [297, 298, 299]]);
    expect(make([], [], 5).item()).toBe(5);
    expect(make([0, 5], [1000, 1000], 300).size).toBe(0); // empty: nothing is reached, the offset may be one past the end
    expect(() => make([0], [1], 301)).toThrow(error('IndexError', 'VIEW_BOUNDS'));
  });

  it('offset, shape, strides and the store cannot be reassigned; the caller\'s arrays are copied', () => {
    const { a, b } = neighbours();
    const before = bytesOf(b);
    const shape = [2, 3];
    const strides = [3, 1];
    const v = new NDArray(a.registry, a.dtype, a.store, shape, strides, 294);
    shape[0] = 300;
    strides[1] = 300;
    expect(v.shape).toEqual([2, 3]);
    expect(v.strides).toEqual([3, 1]);
    const mutable = v as unknown as Record<string, unknown>;
    for (const [key, value] of [['offset', 299], ['shape', [300]], ['strides', [7]], ['store', b.store], ['contiguous', false], ['dtype', float128]] as const) {
      expect(() => { mutable[key] = value; }).toThrow(TypeError);
    }
    expect(() => (v.shape as number[]).push(1)).toThrow(TypeError);
    expect(() => { (v.strides as number[])[0] = 100; }).toThrow(TypeError);
    expect(v.offset).toBe(294);
    dt.add(v, 7, { out: v });
    expect(v.toArray()).toEqual([[301, 302, 303], [304, 305, 306]]);
    expect(bytesOf(b)).toEqual(before);
  });

  it('a view of a disposed array is a DisposedError', () => {
    const { a } = neighbours();
    a.dispose();
    expect(() => a.slice('1:')).toThrow(error('DisposedError', 'DISPOSED'));
    expect(() => a.T).toThrow(error('DisposedError', 'DISPOSED'));
  });
});

describe('stores with several lanes or parts', () => {
  it('float128 (4 × uint32 lanes per element): the bound is in elements', () => {
    const q = dt.array(['1', '2', '3'], { dtype: float128 });
    expect((q.store as TypedStore).data.length).toBe(12);
    const make = (n: number, offset: number) => new NDArray(q.registry, q.dtype, q.store, [n], [1], offset);
    expect((make(1, 2).get(0) as Float128).toString()).toBe('3.0');
    expect(() => make(4, 0)).toThrow(error('IndexError', 'VIEW_BOUNDS'));
    expect(() => make(1, 3)).toThrow(error('IndexError', 'VIEW_BOUNDS'));
  });

  it('a store that does not match the dtype\'s storage is refused', () => {
    const f = dt.arange(0, 12, 1, { dtype: 'float64' });
    const q = dt.array(['1', '2', '3'], { dtype: float128 });
    const u8 = dt.zeros([96], { dtype: 'uint8' });
    expect(() => new NDArray(f.registry, f.dtype, q.store, [3], [1], 0)).toThrow(error('ValueError', 'STORE')); // lanes differ
    expect(() => new NDArray(f.registry, f.dtype, u8.store, [12], [1], 0)).toThrow(error('ValueError', 'STORE')); // uint8 data
    expect(() => new NDArray(f.registry, q.dtype, { kind: 'typed', data: new Uint32Array(12), lanes: 1 }, [3], [1], 0)).toThrow(error('ValueError', 'STORE'));
    expect(() => new NDArray(f.registry, f.dtype, null as unknown as TypedStore, [1], [1], 0)).toThrow(error('ValueError', 'STORE'));
  });

  it('composite stores: the shortest part bounds the view', () => {
    const r = builtinRegistry().use(intervalPlugin);
    const iv = dt.array([{ lo: 0, hi: 1 }, { lo: 2, hi: 3 }], { dtype: 'interval', registry: r });
    expect(new NDArray(r, iv.dtype, iv.store, [1], [1], 1).get(0)).toEqual({ lo: 2, hi: 3 });
    expect(() => new NDArray(r, iv.dtype, iv.store, [3], [1], 0)).toThrow(error('IndexError', 'VIEW_BOUNDS'));
    expect(() => new NDArray(r, iv.dtype, { kind: 'composite', parts: {}, content: undefined }, [1], [1], 0)).toThrow(error('ValueError', 'STORE'));
  });
});

describe('slice specs', () => {
  const x = dt.arange(0, 10, 1, { dtype: 'int32' });
  const bad: readonly unknown[] = [true, false, {}, 3n, NaN, 1.5, Infinity, undefined, Symbol('s'), 'a:b', '1.5:', '0x1:3', '1e1:', ':::', '5', [], [1, 2, 3, 4], [1.5], [0, 5, 0], [0, '5'], [NaN], [0, 5, 0.5], [true], [null, null, 2n], Object.create(null), () => 1];
  it.each(bad.map((spec, i) => [i, spec]))('bad spec #%i is an IndexError', (_i, spec) => {
    let err: unknown;
    try {
      x.slice(spec as dt.SliceSpec);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(dt.IndexError);
    expect(['SLICE', 'INDEX']).toContain((err as dt.IndexError).code);
  });

  it('the documented forms keep working, with huge bounds and steps clamped', () => {
    expect(x.slice('::-1').toArray()).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(x.slice(' 2 : -2 : 3 ').toArray()).toEqual([2, 5]);
    expect(x.slice([null, null, -3]).toArray()).toEqual([9, 6, 3, 0]);
    expect(x.slice([-1e300, 1e300]).size).toBe(10);
    expect(x.slice([null, null, 1e300]).toArray()).toEqual([0]);
    expect(x.slice([null, null, -1e300]).toArray()).toEqual([9]);
    expect(x.slice([3]).toArray()).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(x.slice(-1).item()).toBe(9);
    expect(x.slice(null).size).toBe(10);
    expect(x.slice([5, 5]).size).toBe(0);
  });
});

describe('reshape and transpose arguments', () => {
  const x = dt.arange(0, 12, 1, { dtype: 'float64' });
  const badShapes: readonly unknown[][] = [['12'], [{}], [null], [[3, 4.5]], [[NaN, 12]], [[-2, -6]], [[-1, -1]], [[-1, 0]], [[2 ** 53, 0]], [[2 ** 40, 2 ** 40, 0]], [[5, -1]], [[3, 3]], [3, [4]], [[[3, 4]]], [[12n]], [new Array(65).fill(1)]];
  it.each(badShapes.map((args, i) => [i, args]))('bad reshape arguments #%i are a ValueError SHAPE', (_i, args) => {
    expect(() => x.reshape(...(args as number[]))).toThrow(error('ValueError', 'SHAPE'));
  });

  it('good shapes, -1 inferred, also on an empty array', () => {
    expect(x.reshape([2, -1, 3]).shape).toEqual([2, 2, 3]);
    expect(x.reshape(12).shape).toEqual([12]);
    const e = dt.zeros([0], { dtype: 'float64' });
    expect(e.reshape([3, 0, 5]).shape).toEqual([3, 0, 5]);
    expect(x.slice('0:1').reshape([]).shape).toEqual([]);
  });

  const m = x.reshape(3, 4);
  const badAxes: readonly [unknown, string, string][] = [
    [[0, 0], 'ValueError', 'AXES'], [[1], 'ValueError', 'AXES'], [[0, 1, 2], 'ValueError', 'AXES'], [1, 'ValueError', 'AXES'], ['10', 'ValueError', 'AXES'], [{}, 'ValueError', 'AXES'],
    [[0, 2], 'IndexError', 'AXIS'], [[0.5, 1], 'IndexError', 'AXIS'], [[NaN, 1], 'IndexError', 'AXIS'], [['0', 1], 'IndexError', 'AXIS'], [[-3, 0], 'IndexError', 'AXIS'],
  ];
  it.each(badAxes.map(([axes, name, code], i) => [i, axes, name, code]))('bad transpose axes #%i: %s', (_i, axes, name, code) => {
    expect(() => m.transpose(axes as number[])).toThrow(error(name as string, code as string));
  });

  it('good axes, negative ones included', () => {
    expect(m.transpose([-1, 0]).shape).toEqual([4, 3]);
    expect(m.transpose([1, 0]).strides).toEqual([1, 4]);
    expect(m.transpose().toArray()).toEqual(m.T.toArray());
    expect(m.transpose([0, 1]).toArray()).toEqual(m.toArray());
  });
});

describe('reductions over no axes (axis: [])', () => {
  it('return a new array equal to the input; writing it leaves the input alone', () => {
    const a = dt.array([3, 1, 2]);
    for (const reduce of [(v: dt.NDArray) => dt.min(v, { axis: [] }), (v: dt.NDArray) => dt.max(v, { axis: [] }), (v: dt.NDArray) => dt.maximum.reduce(v, { axis: [] }), (v: dt.NDArray) => dt.minimum.reduce(v, { axis: [] })]) {
      const r = reduce(a);
      expect(r).not.toBe(a);
      expect(r.store).not.toBe(a.store);
      expect(r.toArray()).toEqual([3, 1, 2]);
      r.set(0, 99);
      expect(a.toArray()).toEqual([3, 1, 2]);
    }
  });

  it('a strided input gives a compact copy; sums cast as the reduction would (int8 → int64)', () => {
    const t = dt.arange(0, 6, 1, { dtype: 'float64' }).reshape(2, 3).T;
    const r = dt.max(t, { axis: [] });
    expect(r.toArray()).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(r.store).not.toBe(t.store);
    const s = dt.add.reduce(dt.array([1, 2, 3], { dtype: 'int8' }), { axis: [] });
    expect(s.dtype.name).toBe('int64');
    expect(s.toArray()).toEqual([1n, 2n, 3n]);
  });
});
