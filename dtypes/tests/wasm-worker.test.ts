// Worker-thread readiness: the arena's shared memory and the compiled module go to workers, which
// run kernels on disjoint ranges of arrays the main thread allocated; no copy either way.
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { createWasmLoops } from '../src/wasm/loops.js';
import { compileKernelsSync } from '../src/wasm/module.js';

function runWorker(workerData: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./wasm-worker.fixture.mjs', import.meta.url), { workerData });
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exit ${code}`))));
  });
}

describe('shared memory across worker threads', () => {
  it('two workers add halves of arrays allocated on the main thread', async () => {
    const set = createWasmLoops({ initialPages: 1, maximumPages: 256 })!;
    const n = 100_001;
    const a = set.allocate('float64', n) as Float64Array;
    const b = set.allocate('float64', n) as Float64Array;
    const out = set.allocate('float64', n) as Float64Array;
    for (let i = 0; i < n; i++) { a[i] = i; b[i] = 0.5 * i; }
    const shared = { module: compileKernelsSync(), memory: set.memory, a: a.byteOffset, b: b.byteOffset, out: out.byteOffset };
    const half = Math.floor(n / 2);
    await Promise.all([
      runWorker({ ...shared, start: 0, count: half }),
      runWorker({ ...shared, start: half, count: n - half }),
    ]);
    for (let i = 0; i < n; i += 997) expect(out[i]).toBe(1.5 * i);
    expect(out[n - 1]).toBe(1.5 * (n - 1));
  });
});

describe('availability fallbacks', () => {
  it('returns null without WebAssembly', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    try {
      const fresh = await import('../src/wasm/loops.js');
      expect(fresh.createWasmLoops()).toBeNull();
      expect(await fresh.createWasmLoopsAsync()).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('returns null when compilation is refused (CSP without wasm-unsafe-eval)', async () => {
    vi.resetModules();
    const refused = (): never => { throw new WebAssembly.CompileError('Refused to compile: CSP'); };
    vi.stubGlobal('WebAssembly', { ...Object.fromEntries(Object.getOwnPropertyNames(WebAssembly).map((k) => [k, Reflect.get(WebAssembly, k)])), Module: refused, compile: refused });
    try {
      const fresh = await import('../src/wasm/loops.js');
      expect(fresh.createWasmLoops()).toBeNull();
      expect(await fresh.createWasmLoopsAsync()).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('returns null when shared memory cannot be created (no cross-origin isolation)', async () => {
    vi.resetModules();
    vi.stubGlobal('SharedArrayBuffer', undefined);
    try {
      const fresh = await import('../src/wasm/loops.js');
      expect(fresh.createWasmLoops()).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
