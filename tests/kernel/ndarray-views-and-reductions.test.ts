import { describe, expect, it } from 'vitest';
import { arange, array, type NDArray, type Registry } from '@dtkit/core';
import { add, maximum, multiply, sum, max } from '@dtkit/ufunc-registry';
import { float64Registry } from './fixtures/registry-setup.js';

const r: Registry = float64Registry();
const range = (n: number): NDArray => arange(0, n, 1, { dtype: 'float64', registry: r });
const f = (v: unknown): NDArray => array(v, { dtype: 'float64', registry: r });

describe('reshape', () => {
  it('reshapes contiguous data as a view, with -1 inferred', () => {
    const a = range(12);
    const b = a.reshape(3, 4);
    expect(b.shape).toEqual([3, 4]);
    expect(b.strides).toEqual([4, 1]);
    expect(b.store).toBe(a.store);
    expect(b.toArray()).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]);
    expect(a.reshape([2, -1, 3]).shape).toEqual([2, 2, 3]);
    expect(a.reshape(-1, 6).toArray()).toEqual([[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]]);
    expect(() => a.reshape(5, -1)).toThrow(expect.objectContaining({ code: 'SHAPE' }));
    expect(() => a.reshape(5, 3)).toThrow(expect.objectContaining({ code: 'SHAPE' }));
  });

  it('reshaping a non-contiguous view copies in C order', () => {
    const t = range(6).reshape(2, 3).T;
    expect(t.isContiguous).toBe(false);
    const flat = t.reshape(-1);
    expect(flat.store).not.toBe(t.store);
    expect(flat.toArray()).toEqual([0, 3, 1, 4, 2, 5]);
  });
});

describe('transpose and slice', () => {
  it('transpose permutes shape and strides without copying', () => {
    const a = range(12).reshape(2, 3, 2);
    const t = a.transpose([1, 0, 2]);
    expect(t.shape).toEqual([3, 2, 2]);
    expect(t.strides).toEqual([2, 6, 1]);
    expect(t.store).toBe(a.store);
    expect(t.toArray()).toEqual([[[0, 1], [6, 7]], [[2, 3], [8, 9]], [[4, 5], [10, 11]]]);
    expect(a.transpose().shape).toEqual([2, 3, 2]);
    expect(a.transpose().get(1, 2, 0)).toBe(a.get(0, 2, 1));
    expect(() => a.transpose([0, 0, 1])).toThrow(expect.objectContaining({ code: 'AXES' }));
    expect(() => a.transpose([0, 1, 3])).toThrow(expect.objectContaining({ code: 'AXIS' }));
  });

  it('slices with negative steps, string specs, tuples and indices', () => {
    const m = range(12).reshape(3, 4);
    const s = m.slice('::-1', [3, 0, -2]);
    expect(s.shape).toEqual([3, 2]);
    expect(s.strides).toEqual([-4, -2]);
    expect(s.offset).toBe(11);
    expect(s.toArray()).toEqual([[11, 9], [7, 5], [3, 1]]);
    expect(m.slice(-1).toArray()).toEqual([8, 9, 10, 11]);
    expect(m.slice(null, 2).toArray()).toEqual([2, 6, 10]);
    expect(m.slice('1:', '-3:-1').toArray()).toEqual([[5, 6], [9, 10]]);
    const v = range(10);
    expect(v.slice('8:1:-3').toArray()).toEqual([8, 5, 2]);
    expect(v.slice('::-4').toArray()).toEqual([9, 5, 1]);
    expect(v.slice('5:5').shape).toEqual([0]);
    expect(v.slice([null, null, -1]).toArray()).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(() => v.slice('::0')).toThrow(expect.objectContaining({ code: 'SLICE' }));
    expect(() => m.slice(3)).toThrow(expect.objectContaining({ code: 'INDEX' }));
    expect(() => m.slice(0, 0, 0)).toThrow(expect.objectContaining({ code: 'INDEX_COUNT' }));
  });

  it('writes through a reversed view land in the base array', () => {
    const v = range(5);
    v.slice('::-2').set(0, 100);
    expect(v.toArray()).toEqual([0, 1, 2, 3, 100]);
  });
});

describe('elementwise calls on views', () => {
  it('broadcasts (3,1) + (1,4) to (3,4)', () => {
    const a = f([[0], [10], [20]]);
    const b = f([[1, 2, 3, 4]]);
    const c = add(a, b);
    expect(c.shape).toEqual([3, 4]);
    expect(c.toArray()).toEqual([[1, 2, 3, 4], [11, 12, 13, 14], [21, 22, 23, 24]]);
  });

  it('adds non-contiguous, reversed and transposed operands', () => {
    const m = range(12).reshape(3, 4);
    const c = add(m.slice('::-1', '::2'), m.T.slice('::2').T.slice('::-1'));
    expect(c.toArray()).toEqual([[16, 20], [8, 12], [0, 4]]);
  });

  it('where= writes only where the mask is true; out keeps the rest', () => {
    const a = f([[1, 2, 3], [4, 5, 6]]);
    const out = f([[-1, -1, -1], [-1, -1, -1]]);
    const res = add.call([a, 10], { out, where: [true, false, true] });
    expect(res).toBe(out);
    expect(out.toArray()).toEqual([[11, -1, 13], [14, -1, 16]]);
    const into = range(6).reshape(2, 3);
    add.call([a, a], { out: into.slice(null, '::-1'), where: array([[true], [false]], { registry: r }) }); // a bool mask (NumPy rejects float ones)
    expect(into.toArray()).toEqual([[6, 4, 2], [3, 4, 5]]);
  });

  it('outer(a, b) has shape a.shape + b.shape', () => {
    const o = multiply.outer(f([1, 2, 3]), f([[1, 10], [100, 1000]]));
    expect(o.shape).toEqual([3, 2, 2]);
    expect(o.toArray()).toEqual([[[1, 10], [100, 1000]], [[2, 20], [200, 2000]], [[3, 30], [300, 3000]]]);
    expect(add.outer(f([1, 2]), f([10, 20, 30])).toArray()).toEqual([[11, 21, 31], [12, 22, 32]]);
  });
});

describe('reduce', () => {
  const cube = (): NDArray => range(24).reshape(2, 3, 4);

  it('axis tuple, negative axes and keepdims', () => {
    const s = sum(cube(), { axis: [0, 2] });
    expect(s.shape).toEqual([3]);
    expect(s.toArray()).toEqual([60, 92, 124]);
    const k = sum(cube(), { axis: [0, -1], keepdims: true });
    expect(k.shape).toEqual([1, 3, 1]);
    expect(k.toArray()).toEqual([[[60], [92], [124]]]);
    expect(add.reduce(cube()).toArray()).toEqual([[12, 14, 16, 18], [20, 22, 24, 26], [28, 30, 32, 34]]);
    expect(sum(cube()).item()).toBe(276);
    expect(sum(cube(), { axis: null, keepdims: true }).shape).toEqual([1, 1, 1]);
    expect(() => sum(cube(), { axis: [1, -2] })).toThrow(expect.objectContaining({ code: 'AXIS' }));
  });

  it('initial, and reductions of non-contiguous views', () => {
    expect(sum(cube(), { axis: 1, initial: 100 }).toArray()).toEqual([[112, 115, 118, 121], [148, 151, 154, 157]]);
    expect(multiply.reduce(f([1, 2, 3, 4]), { initial: 0.5 }).item()).toBe(12);
    const t = cube().transpose([2, 0, 1]).slice('::-1');
    expect(sum(t, { axis: 2 }).toArray()).toEqual([[21, 57], [18, 54], [15, 51], [12, 48]]);
  });

  it('maximum has no identity: first element starts; initial takes part; empty needs initial', () => {
    const m = f([[3, -1, 7], [5, 9, -2]]);
    expect(maximum.reduce(m, { axis: 1 }).toArray()).toEqual([7, 9]);
    expect(max(m).item()).toBe(9);
    expect(maximum.reduce(m, { axis: 0, initial: 6 }).toArray()).toEqual([6, 9, 7]);
    expect(() => maximum.reduce(f([]))).toThrow(expect.objectContaining({ code: 'REDUCE_IDENTITY' }));
    expect(maximum.reduce(f([]), { initial: -5 }).item()).toBe(-5);
    expect(sum(f([])).item()).toBe(0);
  });

  it('where= skips masked elements (identity or initial fills them)', () => {
    const m = f([[1, 2, 3], [4, 5, 6]]);
    expect(sum(m, { axis: 1, where: [true, false, true] }).toArray()).toEqual([4, 10]);
    expect(sum(m, { where: array([[false], [true]], { registry: r }) }).item()).toBe(15);
    expect(maximum.reduce(m, { axis: 0, where: [[true, false, false], [false, false, true]], initial: -Infinity }).toArray()).toEqual([1, -Infinity, 6]);
    expect(() => maximum.reduce(m, { where: [true, false, true] })).toThrow(expect.objectContaining({ code: 'REDUCE_IDENTITY' }));
  });
});

describe('accumulate', () => {
  it('along axis 1 and axis 0', () => {
    const m = f([[1, 2, 3], [4, 5, 6]]);
    const c = add.accumulate(m, { axis: 1 });
    expect(c.shape).toEqual([2, 3]);
    expect(c.toArray()).toEqual([[1, 3, 6], [4, 9, 15]]);
    expect(multiply.accumulate(m, { axis: 1 }).toArray()).toEqual([[1, 2, 6], [4, 20, 120]]);
    expect(add.accumulate(m).toArray()).toEqual([[1, 2, 3], [5, 7, 9]]);
    expect(maximum.accumulate(f([3, 1, 4, 1, 5]), {}).toArray()).toEqual([3, 3, 4, 4, 5]);
  });

  it('on a transposed, reversed view and into an out', () => {
    const m = f([[1, 2, 3], [4, 5, 6]]);
    const out = f([[0, 0], [0, 0], [0, 0]]);
    const res = add.accumulate(m.T.slice('::-1'), { axis: 1, out });
    expect(res).toBe(out);
    expect(out.toArray()).toEqual([[3, 9], [2, 7], [1, 5]]);
  });
});

describe('tiled 2-D iteration (operands disagreeing on the fast axis, rows wider than a tile)', () => {
  it('A.T + B over a 64 × 4100 block equals the elementwise definition', async () => {
    const dt = await import('dtkit');
    const rows = 64;
    const cols = 4100;
    const a = dt.arange(rows * cols, undefined, undefined, { dtype: 'float64' }).reshape([cols, rows]).T; // strides (1, 64)
    const b = dt.arange(rows * cols, undefined, undefined, { dtype: 'float64' }).reshape([rows, cols]);
    const c = dt.add(a, b);
    for (const [r, k] of [[0, 0], [1, 2047], [31, 2048], [32, 4095], [63, 4099], [40, 4097]] as const) {
      expect(c.get(r, k)).toBe(k * rows + r + (r * cols + k));
    }
    const n = rows * cols;
    expect(dt.sum(c).item()).toBe(n * (n - 1)); // each arange sums to n(n-1)/2
  });
});
