import { setTypedAllocator, TYPED_ARRAY_CTORS, type Plugin, type Registry, type StridedLoop } from '@dtkit/core';
import { createWasmLoops } from './wasm/index.js';

/**
 * The 'wasm' backend: SIMD128 kernels for the hot builtin loops, registered next to the JS
 * loops. When WebAssembly (or shared memory) is unavailable — e.g. under a CSP without
 * 'wasm-unsafe-eval' — nothing is registered and dispatch keeps using 'js'.
 *
 * New arrays are allocated in the kernels' shared WebAssembly memory (see src/wasm/README.md),
 * so wasm loops run on them without copies; arrays from elsewhere (a user's Float64Array) run
 * through each wasm loop's built-in JS path with identical semantics.
 */
const SMALL_ARRAY_BYTES = 4096;

function install(reg: Registry): void {
  const set = createWasmLoops();
  if (set === null) return;
  reg.registerBackend({ name: 'wasm', devices: ['cpu'], available: () => true });
  const reduce = new Map<string, StridedLoop>();
  for (const r of set.reduceLoops) reduce.set(`${r.ufunc}:${r.dtype}`, r.loop);
  for (const l of set.loops) {
    const [a, b, c] = l.dtypes;
    const reduceLoop = l.dtypes.length === 3 && a === b && b === c ? reduce.get(`${l.ufunc}:${a}`) : undefined;
    reg.registerLoop(l.ufunc, { dtypes: l.dtypes, backend: 'wasm', loop: l.loop, ...(reduceLoop ? { reduceLoop } : {}) });
  }
  // Small arrays stay on the JS slab allocator: a wasm block costs a FinalizationRegistry entry
  // (~0.5 µs), more than the whole n = 10 operation, and JS loops are as fast there.
  setTypedAllocator((kind, length) => (length * TYPED_ARRAY_CTORS[kind].BYTES_PER_ELEMENT < SMALL_ARRAY_BYTES ? null : set.allocate(kind, length)));
}

/** Registers the wasm loops when WebAssembly SIMD and shared memory are available. */
export const wasmBackend: Plugin = { name: '@dtkit/dtypes/wasm', install };
