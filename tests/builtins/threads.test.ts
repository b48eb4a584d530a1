// Kernel threads (dtypes/src/wasm/threads): large wasm calls split across worker threads on the
// same shared memory give exactly the single-thread bytes, in every layout the kernels take.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { availableParallelism } from 'node:os';

const bytes = (a: dt.NDArray): Buffer => Buffer.from(a.toBytes());

/** Result bytes with 1 thread and with 2 (the same call, the same inputs). */
async function bothWays(f: () => dt.NDArray): Promise<[Buffer, Buffer]> {
  await dt.setThreads(1);
  const one = bytes(f());
  expect(await dt.setThreads(2)).toBe(2);
  const two = bytes(f());
  return [one, two];
}

let seed = 7;
function values(n: number, scale = 1000): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    out[i] = (seed / 2 ** 32 - 0.5) * scale;
  }
  return out;
}

const N = 300_007; // above the 2^17 split threshold; odd, so chunks end in tails
let a: dt.NDArray, b: dt.NDArray;
beforeAll(() => {
  a = dt.array(values(N), { dtype: 'float64' });
  b = dt.array(values(N), { dtype: 'float64' });
});
afterAll(async () => {
  await dt.setThreads(1);
});

describe('kernel threads', () => {
  it('start and stop on request', async () => {
    expect(await dt.setThreads(2)).toBe(2);
    expect(dt.threads()).toBe(2);
    expect(await dt.setThreads(1)).toBe(1);
    expect(dt.threads()).toBe(1);
  });

  it('setThreads takes an integer in 1 … 4 × hardware threads; anything else is a ValueError THREADS', async () => {
    const cap = 4 * Math.max(1, availableParallelism());
    expect(await dt.setThreads(2)).toBe(2);
    for (const bad of [0, -1, 1.5, NaN, Infinity, cap + 1, 1e9, '2', {}, null, undefined, 2n]) {
      const call = dt.setThreads(bad as number);
      await expect(call).rejects.toBeInstanceOf(dt.ValueError);
      await expect(call).rejects.toMatchObject({ code: 'THREADS' });
      expect(dt.threads()).toBe(2); // the count in effect stays
    }
    expect(await dt.setThreads(cap)).toBe(cap);
    expect(await dt.setThreads(1)).toBe(1);
  });

  it('elementwise: contiguous, strided, broadcast, in place', async () => {
    for (const f of [
      () => dt.add(a, b),
      () => dt.divide(a, b),
      () => dt.maximum(a.slice('::-1'), b),
      () => dt.multiply(a.slice('1::2'), b.slice('::-2').slice('1:')),
      () => dt.subtract(a, 2.5),
      () => dt.less(a, b),
      () => dt.negative(a),
      () => dt.sqrt(dt.absolute(a)),
    ]) {
      const [one, two] = await bothWays(f);
      expect(two.equals(one)).toBe(true);
    }
    // out aliasing an input: each chunk reads and writes only its own range
    await dt.setThreads(1);
    const x1 = a.copy();
    dt.add(x1, b, { out: x1 });
    await dt.setThreads(2);
    const x2 = a.copy();
    dt.add(x2, b, { out: x2 });
    expect(bytes(x2).equals(bytes(x1))).toBe(true);
  });

  it('casts and copies', async () => {
    const ints = dt.array(values(N, 1e6).map(Math.trunc), { dtype: 'int32' });
    for (const f of [
      () => a.astype('float32'),
      () => a.astype('float16'),
      () => a.astype('int16'),
      () => ints.astype('float64'),
      () => a.astype('float32').astype('float16'),
      () => a.copy(),
      () => a.slice('::3').copy(),
    ]) {
      const [one, two] = await bothWays(f);
      expect(two.equals(one)).toBe(true);
    }
  });

  it('transposed planes (A.T op B, A.T.copy()) split by row bands', async () => {
    for (const [rows, cols] of [[517, 263], [1024, 130], [131, 1500]] as const) {
      const m = dt.array(values(rows * cols), { dtype: 'float64' }).reshape([cols, rows]);
      const n = dt.array(values(rows * cols), { dtype: 'float64' }).reshape([rows, cols]);
      const m32 = m.astype('float32'), n32 = n.astype('float32');
      for (const f of [
        () => dt.add(m.transpose(), n),
        () => dt.subtract(n, m.transpose()),
        () => dt.minimum(m32.transpose(), n32),
        () => m.transpose().copy(),
        () => m32.transpose().copy(),
      ]) {
        const [one, two] = await bothWays(f);
        expect(two.equals(one)).toBe(true);
      }
    }
  });

  it('stays correct over many back-to-back jobs of different kernels', async () => {
    await dt.setThreads(1);
    const expected = [bytes(dt.add(a, b)), bytes(a.astype('float32')), bytes(dt.multiply(a, b))];
    await dt.setThreads(2);
    for (let k = 0; k < 60; k++) {
      expect(bytes(dt.add(a, b)).equals(expected[0]!)).toBe(true);
      expect(bytes(a.astype('float32')).equals(expected[1]!)).toBe(true);
      expect(bytes(dt.multiply(a, b)).equals(expected[2]!)).toBe(true);
    }
  });

  it('float sums split at the top pairwise level: the same bits as one thread (NumPy order)', async () => {
    const a32 = a.astype('float32');
    for (const n of [131_072, 131_079, 200_001, N]) {
      for (const x of [a.slice(`0:${n}`), a32.slice(`0:${n}`)]) {
        const [one, two] = await bothWays(() => dt.sum(x));
        expect(two.equals(one)).toBe(true);
      }
    }
    // with an initial value, and signed zeros only: -0 + (-0 ... ) stays -0 as in one pass
    const zeros = dt.full([N], -0, { dtype: 'float64' });
    const [z1, z2] = await bothWays(() => dt.sum(zeros, { initial: -0 }));
    expect(z2.equals(z1)).toBe(true);
    const [i1, i2] = await bothWays(() => dt.sum(a, { initial: 0.1 }));
    expect(i2.equals(i1)).toBe(true);
    // products and min/max are not split; they still agree
    const [p1, p2] = await bothWays(() => dt.max(a));
    expect(p2.equals(p1)).toBe(true);
  });
});
