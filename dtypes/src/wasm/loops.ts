import { copyLoop, type PlaneLoop, type StridedLoop } from '@dtkit/core';
import type { TypedArray, TypedArrayKind } from '@dtkit/core';
import { createArena, type ArenaOptions, type WasmArena } from './arena.js';
import { startKernelThreads, type KernelThreads } from './threads/pool.js';
import { binaryFallback, compareFallback, unaryFallback, type PlainLoop } from './fallback-elementwise.js';
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
   */
  setThreads(n: number): Promise<number>;
  /** Threads in effect (1 = single-threaded). */
  threads(): number;
}

type Owns = (array: TypedArray) => boolean;

/** Kernel threads, once `setThreads` started them; kernels are named to workers by index. */
interface Threading {
  pool: KernelThreads | null;
  readonly indexOf: Map<unknown, number>;
}

/** Calls below this many elements (or plane cells) stay on the calling thread. */
const PARALLEL_MIN = 1 << 17;

/** Runs `fn` split across the kernel threads when they run and the call is large; false otherwise. */
function threaded(
  th: Threading, fn: unknown, args: readonly number[], steps: readonly number[], countAt: number, total: number, size: number, align = 1,
): boolean {
  const pool = th.pool;
  if (pool === null || size < PARALLEL_MIN) return false;
  const index = th.indexOf.get(fn);
  if (index === undefined) return false;
  pool.run(index, args, steps, countAt, total, align);
  return true;
}

// Each wrapper runs the wasm kernel when every operand is a view on the wasm memory (pointer =
// byteOffset + offset * BYTES_PER_ELEMENT) and the equivalent plain-JS loop otherwise. Copying
// foreign operands in is never done: see README (a copy costs about as much as the JS loop).

// Element sizes are closure constants (reading BYTES_PER_ELEMENT is a megamorphic load here).
function wrapBinary(
  kernel: BinaryKernel, fallback: PlainLoop, owns: Owns, sizeIn: number, sizeOut: number, transposed: TransposedKernel | null, th: Threading,
): StridedLoop {
  const loop = (n: number, data: Parameters<StridedLoop>[1], offsets: ArrayLike<number>, strides: ArrayLike<number>): void => {
    const a = data[0] as TypedArray, b = data[1] as TypedArray, o = data[2] as TypedArray;
    if (owns(a) && owns(b) && owns(o)) {
      const pa = a.byteOffset + offsets[0]! * sizeIn, pb = b.byteOffset + offsets[1]! * sizeIn, po = o.byteOffset + offsets[2]! * sizeOut;
      const sa = strides[0]!, sb = strides[1]!, so = strides[2]!;
      if (!threaded(th, kernel, [pa, sa, pb, sb, po, so, n], [sa * sizeIn, 0, sb * sizeIn, 0, so * sizeOut, 0, 0], 6, n, n)) {
        kernel(pa, sa, pb, sb, po, so, n);
      }
    } else {
      fallback(n, data, offsets, strides);
    }
  };
  return transposed === null ? loop : Object.assign(loop, { plane: transposedPlane(transposed, owns, sizeIn, th) });
}

/**
 * The plane loop for `A.T + B`-like layouts: one input has contiguous rows but strided columns
 * while the other input and the output have contiguous columns. Other layouts are declined and
 * run row by row.
 */
function transposedPlane(kernel: TransposedKernel, owns: Owns, size: number, th: Threading): PlaneLoop {
  return (rows, cols, data, offsets, rowStrides, colStrides) => {
    if (colStrides[2] !== 1) return false;
    let t: 0 | 1;
    if (rowStrides[0] === 1 && colStrides[0] !== 1 && colStrides[1] === 1) t = 0;
    else if (rowStrides[1] === 1 && colStrides[1] !== 1 && colStrides[0] === 1) t = 1;
    else return false;
    const c = (1 - t) as 0 | 1;
    const td = data[t] as TypedArray, cd = data[c] as TypedArray, o = data[2] as TypedArray;
    if (!(owns(td) && owns(cd) && owns(o))) return false;
    const args = [
      t === 0 ? 1 : 0,
      td.byteOffset + offsets[t]! * size, colStrides[t]!,
      cd.byteOffset + offsets[c]! * size, rowStrides[c]!,
      o.byteOffset + offsets[2]! * size, rowStrides[2]!, rows, cols,
    ] as const;
    // Split by bands of 8 rows: row r of T starts r elements in, of C and out r row strides in.
    const steps = [0, size, 0, rowStrides[c]! * size, 0, rowStrides[2]! * size, 0, 0, 0];
    if (!threaded(th, kernel, args, steps, 7, rows, rows * cols, 8)) kernel(...args);
    return true;
  };
}

function wrapUnary(kernel: UnaryKernel, fallback: PlainLoop, owns: Owns, sizeIn: number, sizeOut: number, th: Threading): StridedLoop {
  return (n, data, offsets, strides) => {
    const a = data[0] as TypedArray, o = data[1] as TypedArray;
    if (owns(a) && owns(o)) {
      const pa = a.byteOffset + offsets[0]! * sizeIn, po = o.byteOffset + offsets[1]! * sizeOut;
      const sa = strides[0]!, so = strides[1]!;
      if (!threaded(th, kernel, [pa, sa, po, so, n], [sa * sizeIn, 0, so * sizeOut, 0, 0], 4, n, n)) kernel(pa, sa, po, so, n);
    } else {
      fallback(n, data, offsets, strides);
    }
  };
}

/**
 * Reductions accumulate into a one-element accumulator that often lives on the JS heap (small
 * arrays do): it is staged through a 16-byte scratch block in wasm memory, so only the input
 * needs to be a wasm view for the kernel to run.
 */
function wrapReduce(kernel: ReduceKernel, fallback: PlainLoop, owns: Owns, size: number, scratch: Uint8Array | null): StridedLoop {
  return (n, data, offsets, strides) => {
    const a = data[0] as TypedArray, acc = data[1] as TypedArray;
    if (!owns(a)) {
      fallback(n, data, offsets, strides);
      return;
    }
    if (owns(acc)) {
      kernel(a.byteOffset + offsets[0]! * size, strides[0]!, acc.byteOffset + offsets[1]! * size, n);
      return;
    }
    if (scratch === null) {
      fallback(n, data, offsets, strides);
      return;
    }
    const accBytes = new Uint8Array(acc.buffer, acc.byteOffset + offsets[1]! * size, size);
    scratch.set(accBytes);
    kernel(a.byteOffset + offsets[0]! * size, strides[0]!, scratch.byteOffset, n);
    accBytes.set(scratch.subarray(0, size));
  };
}

type CopyKernel = (a: number, sa: number, o: number, so: number, n: number) => void;
type TransposeCopyKernel = (src: number, cs: number, dst: number, rso: number, rows: number, cols: number) => void;

/** Runs shorter than this copy in JS (the JS→wasm call costs more than it saves). */
const MIN_COPY_RUN = 64;

/**
 * Same-dtype copy of `width`-byte elements: memory.copy for contiguous runs, a strided bit copy,
 * and a transposing plane (`A.T.copy()`); core's JS copy for everything else.
 */
function copyOf(
  width: number, owns: Owns, copyBytes: (dst: number, src: number, bytes: number) => void, strided: CopyKernel, transpose: TransposeCopyKernel,
  th: Threading,
): StridedLoop {
  const fallback = copyLoop;
  const loop = (n: number, data: Parameters<StridedLoop>[1], offsets: ArrayLike<number>, strides: ArrayLike<number>, ctx: Parameters<StridedLoop>[4]): void => {
    const a = data[0] as TypedArray, o = data[1] as TypedArray;
    if (n < MIN_COPY_RUN || !owns(a) || !owns(o)) {
      fallback(n, data, offsets, strides, ctx);
      return;
    }
    const pa = a.byteOffset + offsets[0]! * width, po = o.byteOffset + offsets[1]! * width;
    const sa = strides[0]!, so = strides[1]!;
    if (sa === 1 && so === 1) {
      const bytes = n * width;
      if (!threaded(th, copyBytes, [po, pa, bytes], [1, 1, 0], 2, bytes, n, 64)) copyBytes(po, pa, bytes);
    } else if (!threaded(th, strided, [pa, sa, po, so, n], [sa * width, 0, so * width, 0, 0], 4, n, n)) {
      strided(pa, sa, po, so, n);
    }
  };
  const plane: PlaneLoop = (rows, cols, data, offsets, rowStrides, colStrides, ctx) => {
    const a = data[0] as TypedArray, o = data[1] as TypedArray;
    if (owns(a) && owns(o) && rowStrides[0] === 1 && colStrides[0] !== 1 && colStrides[1] === 1) {
      const args = [a.byteOffset + offsets[0]! * width, colStrides[0]!, o.byteOffset + offsets[1]! * width, rowStrides[1]!, rows, cols] as const;
      if (!threaded(th, transpose, args, [width, 0, rowStrides[1]! * width, 0, 0, 0], 4, rows, rows * cols, 8)) transpose(...args);
      return true;
    }
    return fallback.plane !== undefined ? fallback.plane(rows, cols, data, offsets, rowStrides, colStrides, ctx) : false;
  };
  return Object.assign(loop, { plane });
}

function buildLoopSet(module: WebAssembly.Module, exports: KernelExports, arena: WasmArena): WasmLoopSet {
  const owns: Owns = arena.owns;
  // Kept alive by the closures below for the arena's lifetime (never freed).
  const scratch = arena.allocate('uint8', 16) as Uint8Array | null;
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
  const loops: WasmLoopSet['loops'] = [];
  const reduceLoops: WasmLoopSet['reduceLoops'] = [];
  const casts: WasmLoopSet['casts'] = [];

  for (const t of NUMERIC_TYPES) {
    for (const ufunc of BINARY_UFUNCS) {
      if (ufunc === 'divide' && !t.float) continue;
      const loop = wrapBinary(kernel<BinaryKernel>(`${ufunc}_${t.suffix}`), binaryFallback(ufunc, t), owns, t.bytes, t.bytes,
        t.bytes >= 4 ? kernel<TransposedKernel>(`${ufunc}_${t.suffix}_tr`) : null, th);
      loops.push({ ufunc, dtypes: [t.dtype, t.dtype, t.dtype], loop });
    }
    for (const ufunc of COMPARE_UFUNCS) {
      const loop = wrapBinary(kernel<BinaryKernel>(`${ufunc}_${t.suffix}`), compareFallback(ufunc), owns, t.bytes, 1, null, th);
      loops.push({ ufunc, dtypes: [t.dtype, t.dtype, 'bool'], loop });
    }
    for (const ufunc of UNARY_UFUNCS) {
      if (ufunc === 'sqrt' && !t.float) continue;
      const loop = wrapUnary(kernel<UnaryKernel>(`${ufunc}_${t.suffix}`), unaryFallback(ufunc, t), owns, t.bytes, t.bytes, th);
      loops.push({ ufunc, dtypes: [t.dtype, t.dtype], loop });
    }
    for (const [ufunc, prefix] of Object.entries(REDUCE_UFUNCS) as Array<[keyof typeof REDUCE_UFUNCS, string]>) {
      const loop = wrapReduce(kernel<ReduceKernel>(`${prefix}_${t.suffix}`), reduceFallback(ufunc, t), owns, t.bytes, scratch);
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
  // so switching back costs nothing; only a different count starts a new set.
  let parked: KernelThreads | null = null;
  let starting: Promise<number> = Promise.resolve(1);
  const setThreads = (n: number): Promise<number> => {
    const wanted = Number.isFinite(n) ? Math.max(1, Math.floor(n)) : 1;
    starting = starting.then(async () => {
      const current = th.pool ?? parked;
      if (wanted === 1) {
        parked = current;
        th.pool = null;
        return 1;
      }
      if (current !== null && current.count === wanted) {
        th.pool = current;
        parked = null;
        return wanted;
      }
      current?.stop();
      th.pool = null;
      parked = null;
      th.pool = await startKernelThreads(module, arena.memory, names, byIndex, wanted);
      return th.pool?.count ?? 1;
    });
    return starting;
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
