// Explicit lifetimes (core/src/lifetime): tidy scopes, keep, dispose; DisposedError on use.
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';

const disposedError = { name: 'DisposedError', code: 'DISPOSED' };

function expectDisposed(a: dt.NDArray): void {
  expect(a.isDisposed).toBe(true);
  expect(() => a.get(0)).toThrow(expect.objectContaining(disposedError));
  expect(() => a.toArray()).toThrow(expect.objectContaining(disposedError));
  expect(() => a.toString()).toThrow(expect.objectContaining(disposedError));
  expect(() => a.toBytes()).toThrow(expect.objectContaining(disposedError));
  expect(() => dt.add(a, 1)).toThrow(expect.objectContaining(disposedError));
  expect(() => dt.sum(a)).toThrow(expect.objectContaining(disposedError));
  expect(() => a.copy()).toThrow(expect.objectContaining(disposedError));
}

describe('tidy', () => {
  it('releases what the scope created and keeps its result and outside arrays', () => {
    const x = dt.arange(0, 300, 1, { dtype: 'float64' });
    let inner: dt.NDArray | undefined;
    const result = dt.tidy(() => {
      inner = dt.multiply(x, 2);
      return dt.add(inner, 1);
    });
    expectDisposed(inner!);
    expect(result.isDisposed).toBe(false);
    expect(result.get(299)).toBe(599);
    expect(x.isDisposed).toBe(false);
    expect(x.get(299)).toBe(299);
  });

  it('keeps everything reachable from a returned array, object or view', () => {
    const made: dt.NDArray[] = [];
    const out = dt.tidy(() => {
      const a = dt.ones([4, 50], { dtype: 'float32' });
      const b = dt.full([3], 7, { dtype: 'int32' });
      const c = dt.zeros([10], { dtype: 'float64' });
      made.push(a, b, c);
      return { pair: [a.transpose(), b], note: 'not an array' };
    });
    expect(out.pair[0]!.shape).toEqual([50, 4]);
    expect(out.pair[0]!.get(49, 3)).toBe(1);
    expect(out.pair[1]!.toArray()).toEqual([7, 7, 7]);
    expect(made[0]!.isDisposed).toBe(false); // same store as the returned transpose
    expectDisposed(made[2]!);
  });

  it('keep() exempts an array from every scope', () => {
    let kept: dt.NDArray | undefined;
    let other: dt.NDArray | undefined;
    dt.tidy(() => {
      kept = dt.keep(dt.full([200], 3, { dtype: 'float64' }));
      other = dt.full([200], 4, { dtype: 'float64' });
      return undefined;
    });
    expect(kept!.get(199)).toBe(3);
    expectDisposed(other!);
  });

  it('nests: an inner result belongs to the outer scope', () => {
    let fromInner: dt.NDArray | undefined;
    let innerTemp: dt.NDArray | undefined;
    const outer = dt.tidy(() => {
      fromInner = dt.tidy(() => {
        innerTemp = dt.zeros([100], { dtype: 'float64' });
        return dt.add(innerTemp, 5);
      });
      expect(innerTemp!.isDisposed).toBe(true);
      expect(fromInner.get(0)).toBe(5); // still alive inside the outer scope
      return dt.multiply(fromInner, 2);
    });
    expectDisposed(fromInner!);
    expect(outer.get(99)).toBe(10);
  });

  it('releases everything when the function throws, and rethrows', () => {
    let temp: dt.NDArray | undefined;
    expect(() => dt.tidy(() => {
      temp = dt.ones([100], { dtype: 'float64' });
      dt.add(temp, dt.ones([3], { dtype: 'float64' })); // shapes do not broadcast
    })).toThrow(expect.objectContaining({ code: 'BROADCAST' }));
    expectDisposed(temp!);
  });

  it('refuses async functions (arrays would escape the scope)', () => {
    expect(() => dt.tidy(async () => dt.ones([3]))).toThrow(expect.objectContaining({ name: 'ValueError', code: 'TIDY_ASYNC' }));
  });
});

describe('dispose', () => {
  it('releases an array and every view on its memory; idempotent', () => {
    const a = dt.arange(0, 1000, 1, { dtype: 'float64' }).reshape([10, 100]);
    const view = a.slice('2:4');
    dt.dispose([a]);
    expectDisposed(a);
    expectDisposed(view);
    a.dispose();
    expect(a.isDisposed).toBe(true);
  });

  it('a disposed out is refused before anything is written', () => {
    const x = dt.arange(0, 500, 1, { dtype: 'float64' });
    const out = dt.zeros([500], { dtype: 'float64' });
    out.dispose();
    expect(() => dt.add(x, 1, { out })).toThrow(expect.objectContaining(disposedError));
    expect(x.get(499)).toBe(499);
  });

  it('hands a wasm block straight back: the next allocation of that size reuses it, zero-filled', () => {
    // Arrays of 1 KiB and more live in the wasm backend's memory (dtypes/src/wasm).
    const a = dt.full([20000], 9, { dtype: 'float64' });
    const data = (a.store as dt.TypedStore).data;
    const block = data.byteOffset;
    a.dispose();
    const b = dt.zeros([20000], { dtype: 'float64' });
    const bData = (b.store as dt.TypedStore).data;
    expect(bData.buffer).toBe(data.buffer);
    expect(bData.byteOffset).toBe(block);
    expect(b.get(0)).toBe(0);
    expect(b.get(19999)).toBe(0);
    expect(dt.sum(b).item()).toBe(0);
  });

  it('small JS-heap arrays dispose too (no allocator block behind them)', () => {
    const a = dt.ones([4], { dtype: 'int8' });
    a.dispose();
    expectDisposed(a);
  });
});
