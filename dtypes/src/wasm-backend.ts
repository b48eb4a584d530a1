import { setTypedAllocator, TYPED_ARRAY_CTORS, type TypedArray, type Plugin, type Registry, type StridedLoop, type PlaneLoop } from '@dtkit/core';
import { createWasmLoops, type WasmLoopSet } from './wasm/index.js';
import type { ArenaOptions, ArenaStats } from './wasm/arena.js';
import { instantiateBase64 } from './wasm/module.js';
import { checkThreadCount } from './wasm/threads/limit.js';
import { builtinCastLoop } from './casts/builtin-casts.js';
import type { BuiltinDTypeName } from './tables/builtin-rules.generated.js';
import { builtinLoops } from './loops/index.js';
import { BUILTIN_FAMILIES } from './families/builtin.js';

/**
 * The 'wasm' backend: SIMD128 kernels for the hot builtin loops, registered next to the JS
 * loops. When WebAssembly (or shared memory) is unavailable — e.g. under a CSP without
 * 'wasm-unsafe-eval' — nothing is registered and dispatch keeps using 'js'.
 *
 * New arrays are allocated in the kernels' shared WebAssembly memory (see src/wasm/README.md),
 * so wasm loops run on them without copies; arrays from elsewhere (a user's Float64Array) run
 * through each wasm loop's built-in JS path with identical semantics.
 */
const SMALL_ARRAY_BYTES = 1024;
/** Runs shorter than this stay in JS even on wasm memory. */
const WASM_MIN_RUN = 64;

let loaded: WasmLoopSet | null | undefined;
let arenaOptions: ArenaOptions | undefined;

/** The wasm loop set, instantiated once per process (null when WebAssembly is unavailable). */
export function loadWasm(): WasmLoopSet | null {
  if (loaded === undefined) loaded = createWasmLoops(arenaOptions);
  return loaded;
}

/** Test hook (not exported by the package): arena options for the process's loop set, before it loads. */
export function configureWasmArena(options: ArenaOptions): void {
  if (loaded !== undefined) throw new Error('configureWasmArena: the wasm loop set is already loaded');
  arenaOptions = options;
}

/**
 * The wasm memory's state: bytes reserved and in use, live/free blocks, and how many
 * allocations fell back to the JS heap because it was full (see {@link onMemoryPressure});
 * null without the wasm backend.
 */
export function memoryStats(): ArenaStats | null {
  return loadWasm()?.arena.stats() ?? null;
}

/** What a plugin needs to run its own wasm kernels on dtkit arrays (null without WebAssembly). */
export interface WasmRuntime {
  /** The shared memory every wasm-allocated array lives in; import it as `env.memory`. */
  readonly memory: WebAssembly.Memory;
  /** Whether a TypedArray is a view on that memory (then `byteOffset` is its wasm address). */
  owns(array: { readonly buffer: ArrayBufferLike }): boolean;
  /**
   * Compiles a plugin's kernels (the .wasm bytes as base64) once and instantiates them with
   * this memory as `env.memory`; null where WebAssembly compilation is refused (a CSP).
   */
  instantiate(base64: string): Readonly<Record<string, unknown>> | null;
}

/** The shared wasm memory, ownership test and kernel loader, for plugins that ship kernels. */
export function wasmRuntime(): WasmRuntime | null {
  const set = loadWasm();
  if (set === null) return null;
  const instantiate = (base64: string): Readonly<Record<string, unknown>> | null => {
    try {
      return instantiateBase64(base64, set.memory);
    } catch {
      return null;
    }
  };
  return { memory: set.memory, owns: set.arena.owns, instantiate };
}

/**
 * Splits large wasm kernel calls (elementwise ops, casts, copies, transposed planes, and float
 * sums at the top level of their pairwise order) across `n` threads: the caller's plus `n − 1`
 * worker threads running the same kernels on the same shared memory. Results are identical to
 * one thread's. Node only; resolves to the thread count in effect (1 elsewhere). `1` parks the
 * workers (asleep; they never keep the process alive) until a later call asks for them again.
 * Rejects with a ValueError 'THREADS' (the count in effect stays) unless `n` is an integer in
 * 1 … 4 × the hardware threads. A call whose worker dies throws a DTKitError 'THREAD_FAILED'
 * and leaves the kernels single-threaded until the next setThreads.
 */
export function setWasmThreads(n: number): Promise<number> {
  const set = loadWasm();
  return set === null ? checkThreadCount(n).then(() => 1) : set.setThreads(n);
}

/** Threads the wasm kernels run on (1 unless {@link setWasmThreads} started workers). */
export function wasmThreads(): number {
  return loadWasm()?.threads() ?? 1;
}

/** Keeps the kernel's plane loop (staged transposes) on the wrapper the registry sees. */
function withPlane(loop: StridedLoop, plane: PlaneLoop | undefined): StridedLoop {
  return plane === undefined ? loop : Object.assign(loop, { plane });
}

function install(reg: Registry): void {
  const set = loadWasm();
  if (set === null) return;
  reg.registerBackend({ name: 'wasm', devices: ['cpu'], available: () => true });
  const reduce = new Map<string, StridedLoop>();
  for (const r of set.reduceLoops) reduce.set(`${r.ufunc}:${r.dtype}`, r.loop);
  const jsLoops = new Map<string, StridedLoop>();
  for (const l of builtinLoops) jsLoops.set(`${l.ufunc}:${l.dtypes.join(',')}`, l.loop);
  const owns = set.arena.owns;
  for (const l of set.loops) {
    const [a, b, c] = l.dtypes;
    const reduceLoop = l.dtypes.length === 3 && a === b && b === c ? reduce.get(`${l.ufunc}:${a}`) : undefined;
    const js = jsLoops.get(`${l.ufunc}:${l.dtypes.join(',')}`);
    const kernel = l.loop;
    // Operands outside wasm memory (small arrays, a user's TypedArray) take the builtin JS loop,
    // which is faster than the kernel wrapper's generic fallback.
    const loop: StridedLoop = js === undefined ? kernel : withPlane((n, d, o, st, ctx) => {
      if (n < WASM_MIN_RUN) return js(n, d, o, st, ctx); // the JS→wasm call costs more than it saves
      // A broadcast scalar (stride 0) may live anywhere: the kernel wrapper stages its element.
      for (let k = 0; k < d.length; k++) if (st[k] !== 0 && !owns(d[k] as TypedArray)) return js(n, d, o, st, ctx);
      return kernel(n, d, o, st, ctx);
    }, kernel.plane);
    reg.registerLoop(l.ufunc, { dtypes: l.dtypes, backend: 'wasm', loop, ...(reduceLoop ? { reduceLoop } : {}) });
  }
  // Arrays under 1 KiB come from the JS slab allocator (~20 ns a view); from 1 KiB up a wasm block
  // (FinalizationRegistry entry + view, ~1.5 µs at 8 KiB) costs about what `new Float64Array` does.
  // Casts between numeric builtins, bool and float16, as the 'wasm' loops of those casts: the
  // kernel when both arrays live in wasm memory and the run is long enough, else the builtin JS
  // loop, which has the kernels' exact semantics (dtypes/tests/cast-semantics.test.ts).
  for (const c of set.casts) {
    const kernel = c.loop;
    const js = builtinCastLoop(c.from as BuiltinDTypeName, c.to as BuiltinDTypeName);
    reg.registerCastLoop(c.from, c.to, 'wasm', (n, d, o, st, ctx) =>
      (n >= WASM_MIN_RUN && owns(d[0] as TypedArray) && owns(d[1] as TypedArray) ? kernel : js)(n, d, o, st, ctx));
  }
  // Same-dtype copies (copy(), reshape of views, contiguous staging); they fall back to core's copy.
  for (const family of Object.values(BUILTIN_FAMILIES)) {
    const storage = family.default.storage;
    if (storage.kind !== 'typed') continue;
    const copy = set.copies.get(TYPED_ARRAY_CTORS[storage.type].BYTES_PER_ELEMENT * (storage.lanes ?? 1));
    if (copy !== undefined) reg.registerCastLoop(family, family, 'wasm', copy);
  }
  // dispose()/tidy() hand blocks straight back, so the next allocation reuses a block still in cache.
  setTypedAllocator(
    (kind, length, zeroed) => (length * TYPED_ARRAY_CTORS[kind].BYTES_PER_ELEMENT < SMALL_ARRAY_BYTES ? null : set.allocate(kind, length, zeroed)),
    (array) => set.arena.free(array),
  );
}

/** Registers the wasm loops when WebAssembly SIMD and shared memory are available. */
export const wasmBackend: Plugin = { name: '@dtkit/dtypes/wasm', install };
