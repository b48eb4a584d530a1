import type { StridedLoop, TypedArray, TypedArrayKind } from '@dtkit/core';
import { createArena, type ArenaOptions, type WasmArena } from './arena.js';
import { startKernelThreads, type KernelThreadOptions, type KernelThreads } from './threads/pool.js';
import { checkThreadCount } from './threads/limit.js';
import { reportFallback } from './pressure.js';
import type { Threading } from './threads/split.js';
import { pairwiseSplit, wrapBinary, wrapReduce, wrapUnary, type Owns } from './wrappers.js';
import { copyOf, type CopyKernel, type TransposeCopyKernel } from './copies.js';
import { binaryFallback, compareFallback, unaryFallback } from './fallback-elementwise.js';
import { logicalReduceFallback, reduceFallback } from './fallback-reduce.js';
import { castFallback } from './fallback-cast.js';
import {
  compileKernels, compileKernelsSync, instantiateKernels,
  type BinaryKernel, type KernelExports, type ReduceKernel, type TransposedKernel, type UnaryKernel,
} from './module.js';
import {
  BINARY_UFUNCS, BOOL, COMPARE_UFUNCS, FLOAT16, NUMERIC_TYPES, REDUCE_UFUNCS, UNARY_UFUNCS,
  type WasmElementType,
} from './types.js';

/** Test hooks for the kernel threads (a faulty worker script, a short stall limit). */
export type ThreadTestOptions = Pick<KernelThreadOptions, 'stallMs' | 'workerUrl'>;

export interface WasmLoopSet {
  readonly memory: WebAssembly.Memory;
  /** A zero-filled view on `memory` (freed when garbage-collected), or null: use a plain TypedArray. */
  readonly allocate: (kind: TypedArrayKind, length: number, zeroed?: boolean) => TypedArray | null;
  readonly arena: WasmArena;
  readonly loops: Array<{ ufunc: string; dtypes: string[]; loop: StridedLoop }>;
  readonly reduceLoops: Array<{ ufunc: string; dtype: string; loop: StridedLoop }>;
  readonly casts: Array<{ from: string; to: string; loop: StridedLoop }>;
  /** Same-dtype copy loops by element width in bytes (1, 2, 4, 8), for self-casts. */
  readonly copies: ReadonlyMap<number, StridedLoop>;
  /**
   * Splits large kernel calls across `n` threads (the caller's plus n−1 workers on the same
   * memory); 1 parks the workers (asleep, reused by a later call with the same count). Resolves
   * to the thread count in effect (1 where workers are unavailable: not Node, no SharedArrayBuffer).
   * Rejects with a ValueError 'THREADS' unless n is an integer in 1 … 4 × hardware threads.
   */
  setThreads(n: number, options?: ThreadTestOptions): Promise<number>;
  /** Threads in effect (1 = single-threaded). */
  threads(): number;
}

function buildLoopSet(module: WebAssembly.Module, exports: KernelExports, arena: WasmArena): WasmLoopSet {
  const owns: Owns = arena.owns;
  // Kept alive by the closures below for the arena's lifetime (never freed).
  const scratch = arena.allocate('uint8', 16) as Uint8Array | null;
  // The two halves of a threaded pairwise sum (see wrappers.ts pairwiseSplit).
  const sumSlots = arena.allocate('float64', 2) as Float64Array | null;
  // Two 16-byte slots for broadcast scalars from the JS heap (see wrappers.ts operandAddress).
  const staging = arena.allocate('uint8', 32) as Uint8Array | null;
  // Every kernel a wrapper uses gets an index, the name workers look it up by.
  const names: string[] = [];
  const byIndex: Array<(...args: number[]) => void> = [];
  const th: Threading = { pool: null, indexOf: new Map() };
  const kernel = <K>(name: string): K => {
    const fn = exports[name];
    if (typeof fn !== 'function') throw new Error(`wasm kernel ${name} missing; re-run dtypes/scripts/build-wasm.mjs`);
    if (!th.indexOf.has(fn)) {
      th.indexOf.set(fn, names.length);
      names.push(name);
      byIndex.push(fn as (...args: number[]) => void);
    }
    return fn as K;
  };
  arena.setZeroFill(kernel<(ptr: number, bytes: number) => void>('zero_fill'));
  arena.setFallbackListener((bytes) => {
    const { fallbacks, memoryBytes, maximumBytes } = arena.stats();
    reportFallback({ bytes, fallbacks, memoryBytes, maximumBytes });
  });
  const loops: WasmLoopSet['loops'] = [];
  const reduceLoops: WasmLoopSet['reduceLoops'] = [];
  const casts: WasmLoopSet['casts'] = [];

  for (const t of NUMERIC_TYPES) {
    for (const ufunc of BINARY_UFUNCS) {
      if (ufunc === 'divide' && !t.float) continue;
      const loop = wrapBinary(kernel<BinaryKernel>(`${ufunc}_${t.suffix}`), binaryFallback(ufunc, t), owns, t.bytes, t.bytes,
        t.bytes >= 4 ? kernel<TransposedKernel>(`${ufunc}_${t.suffix}_tr`) : null, th, staging);
      loops.push({ ufunc, dtypes: [t.dtype, t.dtype, t.dtype], loop });
    }
    for (const ufunc of COMPARE_UFUNCS) {
      const loop = wrapBinary(kernel<BinaryKernel>(`${ufunc}_${t.suffix}`), compareFallback(ufunc), owns, t.bytes, 1, null, th, staging);
      loops.push({ ufunc, dtypes: [t.dtype, t.dtype, 'bool'], loop });
    }
    for (const ufunc of UNARY_UFUNCS) {
      if (ufunc === 'sqrt' && !t.float) continue;
      const loop = wrapUnary(kernel<UnaryKernel>(`${ufunc}_${t.suffix}`), unaryFallback(ufunc, t), owns, t.bytes, t.bytes, th);
      loops.push({ ufunc, dtypes: [t.dtype, t.dtype], loop });
    }
    for (const [ufunc, prefix] of Object.entries(REDUCE_UFUNCS) as Array<[keyof typeof REDUCE_UFUNCS, string]>) {
      const split = ufunc === 'add' && t.float && sumSlots !== null ? pairwiseSplit(th, sumSlots, t.bytes === 4) : null;
      const loop = wrapReduce(kernel<ReduceKernel>(`${prefix}_${t.suffix}`), reduceFallback(ufunc, t), owns, t.bytes, scratch, split);
      reduceLoops.push({ ufunc, dtype: t.dtype, loop });
    }
  }
  reduceLoops.push(
    { ufunc: 'logical_or', dtype: 'bool', loop: wrapReduce(kernel<ReduceKernel>('any_u8'), logicalReduceFallback(true), owns, 1, scratch) },
    { ufunc: 'logical_and', dtype: 'bool', loop: wrapReduce(kernel<ReduceKernel>('all_u8'), logicalReduceFallback(false), owns, 1, scratch) },
  );

  const addCast = (from: WasmElementType, to: WasmElementType, name: string): void => {
    casts.push({ from: from.dtype, to: to.dtype, loop: wrapUnary(kernel<UnaryKernel>(name), castFallback(from, to), owns, from.bytes, to.bytes, th) });
  };
  for (const from of NUMERIC_TYPES) {
    for (const to of NUMERIC_TYPES) if (from !== to) addCast(from, to, `cast_${from.suffix}_${to.suffix}`);
    addCast(from, BOOL, `cast_${from.suffix}_bool`);
    addCast(from, FLOAT16, `cast_${from.suffix}_f16`);
    addCast(FLOAT16, from, `cast_f16_${from.suffix}`);
    // bool bytes are 0/1, so the uint8 kernels convert them; bool -> uint8 is a byte copy (int8 -> uint8).
    addCast(BOOL, from, from.suffix === 'u8' ? 'cast_i8_u8' : `cast_u8_${from.suffix}`);
  }
  addCast(FLOAT16, BOOL, 'cast_f16_bool');
  addCast(BOOL, FLOAT16, 'cast_u8_f16');

  const copyBytes = kernel<(dst: number, src: number, bytes: number) => void>('copy_bytes');
  const copies = new Map<number, StridedLoop>();
  for (const width of [1, 2, 4, 8]) {
    copies.set(width, copyOf(width, owns, copyBytes, kernel<CopyKernel>(`copy_${width * 8}`), kernel<TransposeCopyKernel>(`transpose_copy_${width * 8}`), th));
  }

  // setThreads(1) parks the workers (asleep in Atomics.wait, never keeping the process alive)
  // so switching back costs nothing; only a different count starts a new set. A pool that
  // failed (a worker died) drops itself: calls then run single-threaded until setThreads again.
  let parked: KernelThreads | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const dropPool = (pool: KernelThreads): void => {
    if (th.pool === pool) th.pool = null;
    if (parked === pool) parked = null;
  };
  const setThreads = (n: number, options: ThreadTestOptions = {}): Promise<number> => {
    const run = queue.then(async () => {
      const wanted = await checkThreadCount(n); // rejects before anything changes
      const current = th.pool ?? parked;
      if (wanted === 1) {
        parked = current;
        th.pool = null;
        return 1;
      }
      if (current !== null && current.alive && current.count === wanted && options.workerUrl === undefined) {
        th.pool = current;
        parked = null;
        return wanted;
      }
      current?.stop();
      th.pool = null;
      parked = null;
      let started: KernelThreads | null = null;
      started = await startKernelThreads(module, arena.memory, names, byIndex, wanted, {
        ...options,
        onFailure: () => { if (started !== null) dropPool(started); },
      });
      th.pool = started?.alive === true ? started : null;
      return th.pool?.count ?? 1;
    });
    queue = run.catch(() => undefined); // a rejected call does not block later ones
    return run;
  };

  return {
    memory: arena.memory, allocate: arena.allocate, arena, loops, reduceLoops, casts, copies,
    setThreads, threads: () => th.pool?.count ?? 1,
  };
}

/**
 * Instantiates the SIMD128 kernels on a fresh shared memory. Returns null when WebAssembly or
 * shared memory is unavailable or compilation is refused (CSP): callers then use the JS loops.
 */
export function createWasmLoops(options?: ArenaOptions): WasmLoopSet | null {
  try {
    const arena = createArena(options);
    if (arena === null) return null;
    const module = compileKernelsSync();
    return buildLoopSet(module, instantiateKernels(module, arena.memory), arena);
  } catch {
    return null;
  }
}

/** Same as {@link createWasmLoops}, compiling asynchronously (browsers' main thread). */
export async function createWasmLoopsAsync(options?: ArenaOptions): Promise<WasmLoopSet | null> {
  try {
    const arena = createArena(options);
    if (arena === null) return null;
    const module = await compileKernels();
    return buildLoopSet(module, instantiateKernels(module, arena.memory), arena);
  } catch {
    return null;
  }
}
