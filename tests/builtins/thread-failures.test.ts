// Kernel threads when a worker fails (dtypes/src/wasm/threads/pool.ts): a worker whose kernel
// traps, exits, or goes silent mid-job makes the call throw DTKitError 'THREAD_FAILED' instead
// of hanging; the pool stops, later calls run single-threaded, and setThreads starts fresh workers.
// The faulty workers are the real worker script with add_f64 replaced (fixtures/faulty-worker.mjs).
import { afterAll, describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { loadWasm } from '../../dtypes/src/wasm-backend.js';

const fixture = (mode: string): URL => new URL(`./fixtures/worker-${mode}.mjs`, import.meta.url);
const bytes = (a: dt.NDArray): Buffer => Buffer.from(a.toBytes());

const N = 300_007; // above the 2^17 split threshold
const a = dt.arange(0, N, 1, { dtype: 'float64' });
const b = dt.multiply(dt.arange(0, N, 1, { dtype: 'float64' }), 0.5);
const aBytes = bytes(a), bBytes = bytes(b);
const expected = bytes(dt.add(a, b)); // single-threaded
const wasm = loadWasm()!;

afterAll(async () => {
  await dt.setThreads(1);
});

/**
 * Calls dt.add until it throws: the caller claims chunks too and may finish them all before a
 * sleeping worker wakes, so the faulty worker may need a few jobs to get a chunk.
 */
function addUntilThrows(): unknown {
  for (let attempt = 0; attempt < 2000; attempt++) {
    try {
      dt.add(a, b);
    } catch (error) {
      return error;
    }
  }
  return undefined;
}

describe('a failing kernel worker', () => {
  for (const [mode, reason] of [['trap', /worker's kernel threw: RuntimeError/], ['exit', /worker\(s\) exited/], ['hang', /no chunk finished for 300 ms/]] as const) {
    it(`${mode}: the call throws THREAD_FAILED, the pool stops, later calls work`, async () => {
      expect(await wasm.setThreads(2, { workerUrl: fixture(mode), stallMs: 300 })).toBe(2);
      expect(dt.threads()).toBe(2);
      const error = addUntilThrows();
      expect(error).toBeInstanceOf(dt.DTKitError);
      expect((error as dt.DTKitError).code).toBe('THREAD_FAILED');
      expect((error as Error).message).toMatch(reason);
      expect(dt.threads()).toBe(1);
      // the inputs are untouched; the next calls run on this thread and give the right bytes
      expect(bytes(a).equals(aBytes) && bytes(b).equals(bBytes)).toBe(true);
      expect(bytes(dt.add(a, b)).equals(expected)).toBe(true);
      // fresh (healthy) workers on request
      expect(await dt.setThreads(2)).toBe(2);
      for (let k = 0; k < 20; k++) expect(bytes(dt.add(a, b)).equals(expected)).toBe(true);
      await dt.setThreads(1);
    });
  }

  it('a failed pool is not reused from the parked slot', async () => {
    expect(await wasm.setThreads(2, { workerUrl: fixture('trap') })).toBe(2);
    expect(addUntilThrows()).toBeInstanceOf(dt.DTKitError);
    expect(await dt.setThreads(1)).toBe(1);
    expect(await dt.setThreads(2)).toBe(2); // starts new workers, not the failed ones
    for (let k = 0; k < 20; k++) expect(bytes(dt.add(a, b)).equals(expected)).toBe(true);
  });
});
