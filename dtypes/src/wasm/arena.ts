import type { TypedArray, TypedArrayKind } from '@dtkit/core';
import { TYPED_ARRAY_CTORS, type TypedArrayConstructorLike } from '@dtkit/core';

/**
 * One shared `WebAssembly.Memory` plus a size-class allocator handing out TypedArray views on it.
 *
 * Why shared: growing a non-shared memory detaches its ArrayBuffer, so every view handed out
 * before the growth would suddenly have length 0 (tests/wasm-arena.test.ts demonstrates it). A
 * shared memory (with a `maximum`) reserves its address range up front and keeps old views valid.
 * Blocks are freed when the view returned by `allocate` is garbage-collected (FinalizationRegistry).
 */
export interface WasmArena {
  readonly memory: WebAssembly.Memory;
  /** A 16-byte aligned view (64-byte for blocks of 64 bytes or more) of `length` elements, zero-filled unless `zeroed` is false; null when the arena is full. */
  allocate(kind: TypedArrayKind, length: number, zeroed?: boolean): TypedArray | null;
  /** Whether `array` is a view on this arena's memory (any buffer object it has had). Cheap for views from `allocate`. */
  owns(array: { readonly buffer: ArrayBufferLike }): boolean;
  /**
   * Returns the block behind `array` (a view `allocate` returned; anything else is ignored) to
   * its free list right away: `dispose`/`tidy` use it; the FinalizationRegistry calls the same
   * logic when a view is collected. The caller guarantees nothing uses the block afterwards.
   */
  free(array: TypedArray): void;
  stats(): ArenaStats;
  /** Installs a fast zeroing routine for recycled blocks (the kernels' `zero_fill`). */
  setZeroFill(fill: (ptr: number, bytes: number) => void): void;
  /** Called with the byte count each time `allocate` returns null because the memory is full. */
  setFallbackListener(listener: ((bytes: number) => void) | null): void;
}

export interface ArenaStats {
  /** Bytes of memory (current `buffer.byteLength`). */
  readonly memoryBytes: number;
  /** End of the bump region: bytes ever carved into blocks. */
  readonly carvedBytes: number;
  /** Blocks handed out and not yet freed. */
  readonly liveBlocks: number;
  /** Freed blocks waiting in the size-class free lists. */
  readonly freeBlocks: number;
  /** The memory's reserved maximum (`maximumPages` × 64 KiB): it never grows past this. */
  readonly maximumBytes: number;
  /** `allocate` calls that returned null because the memory was full (callers then use the JS heap). */
  readonly fallbacks: number;
  /** Bytes those calls asked for. */
  readonly fallbackBytes: number;
}

export interface ArenaOptions {
  /** Initial size in 64 KiB pages (default 16 = 1 MiB). */
  readonly initialPages?: number;
  /** Maximum size in pages (default 32768 = 2 GiB, else 1 GiB / 256 MiB; reserved, not committed). */
  readonly maximumPages?: number;
}

const PAGE = 65536;
const ALIGN = 16;
const LINE = 64;
/** Address 0..15 stay unused so a block offset is never 0. */
const FIRST_BLOCK = ALIGN;

/** Block sizes: 16, 32, then 1.5·2^k and 2^(k+1) (all multiples of 16; at most 33% slack). */
function buildSizeClasses(limitBytes: number): number[] {
  const sizes = [16, 32];
  for (let k = 5; 2 ** (k + 1) <= limitBytes * 2; k++) sizes.push(1.5 * 2 ** k, 2 ** (k + 1));
  return sizes;
}

function sizeClassOf(classSizes: readonly number[], bytes: number): number {
  let low = 0;
  let high = classSizes.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((classSizes[mid] ?? Infinity) >= bytes) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Shared WebAssembly memory exists and can be created here (not in every browser context). */
export function sharedMemorySupported(): boolean {
  if (typeof WebAssembly === 'undefined' || typeof SharedArrayBuffer === 'undefined') return false;
  try {
    return new WebAssembly.Memory({ initial: 0, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
  } catch {
    return false;
  }
}

/** Static marker on an arena's view classes; its value is the owning arena's token. */
const ARENA_TOKEN = Symbol('dtkit.wasmArena');

type ViewClass = TypedArrayConstructorLike & { [ARENA_TOKEN]?: object };

/**
 * A per-arena subclass of `base` for the views `allocate` returns, so `owns` can recognize them
 * with one property load (`view.constructor[ARENA_TOKEN]`, ~1-3 ns) instead of the `.buffer`
 * getter (~13 ns in V8, a builtin call). Species stays the base class, so slice()/map()/subarray()
 * results are plain arrays (subarrays on the memory are still recognized, via `.buffer`).
 */
function viewClass(base: TypedArrayConstructorLike, token: object): ViewClass {
  // Typed as one concrete TypedArray class only so TypeScript accepts it as a base class.
  const Base = base as unknown as new (buffer: ArrayBufferLike, byteOffset: number, length: number) => Uint8Array;
  const View = class extends Base {
    static get [Symbol.species](): TypedArrayConstructorLike {
      return base;
    }
  };
  Object.defineProperty(View, ARENA_TOKEN, { value: token });
  Object.defineProperty(View, 'name', { value: `Wasm${(base as unknown as { name: string }).name}` });
  return View as unknown as ViewClass;
}

/**
 * Default maximum, tried in order: 2 GiB (every address stays below 2^31, so pointers are
 * non-negative int32s everywhere), then 1 GiB and 256 MiB where a reservation that large fails
 * (32-bit devices). Only touched pages are committed; a synchronous loop that allocates faster
 * than the GC lets blocks go can use all of it before results fall back to the JS heap.
 */
const DEFAULT_MAXIMUM_PAGES = [32768, 16384, 4096];

export function createArena(options: ArenaOptions = {}): WasmArena | null {
  if (!sharedMemorySupported()) return null;
  let memory: WebAssembly.Memory | null = null;
  let maximumPages = 0;
  for (const pages of options.maximumPages !== undefined ? [options.maximumPages] : DEFAULT_MAXIMUM_PAGES) {
    try {
      memory = new WebAssembly.Memory({ initial: Math.min(options.initialPages ?? 16, pages), maximum: pages, shared: true });
      maximumPages = pages;
      break;
    } catch {
      memory = null;
    }
  }
  if (memory === null) return null;
  const limitBytes = maximumPages * PAGE;
  const classSizes = buildSizeClasses(limitBytes);
  const freeLists: number[][] = classSizes.map(() => []);
  /** Live block offset -> size class (also guards against double frees). */
  const liveBlocks = new Map<number, number>();
  /** Every buffer object the memory has exposed; growth yields a new object over the same bytes. */
  const buffers: ArrayBufferLike[] = [memory.buffer];
  let top = FIRST_BLOCK;
  const token = {};
  const viewClasses = new Map<TypedArrayKind, ViewClass>();
  const viewClassFor = (kind: TypedArrayKind): ViewClass => {
    let View = viewClasses.get(kind);
    if (View === undefined) viewClasses.set(kind, (View = viewClass(TYPED_ARRAY_CTORS[kind], token)));
    return View;
  };

  const currentBuffer = (): ArrayBufferLike => {
    const buffer = memory.buffer;
    if (buffers[buffers.length - 1] !== buffer) buffers.push(buffer);
    return buffer;
  };

  const releaseBlock = (offset: number): void => {
    const sizeClass = liveBlocks.get(offset);
    if (sizeClass === undefined) return;
    liveBlocks.delete(offset);
    freeLists[sizeClass]?.push(offset);
  };
  const registry = new FinalizationRegistry<number>(releaseBlock);
  /** A wasm `memory.fill` kernel once the module is instantiated (TypedArray.fill on shared memory is slow). */
  let zeroFill: ((ptr: number, bytes: number) => void) | null = null;

  /** Memory at and above this address was never handed out (still zero). */
  let highWater = FIRST_BLOCK;
  /** Free runs made by `coalesce` (merged free blocks of any class), carved like small bump regions. */
  const spare: Array<{ start: number; end: number }> = [];

  // Blocks of a cache line or more start on a line: SIMD passes over them (and the transposed
  // kernels, which read 64-byte column segments) then never split a vector across two lines.
  const alignFor = (at: number, blockBytes: number): number => (blockBytes >= LINE ? Math.ceil(at / LINE) * LINE : at);

  /** Carves a block from the bump region (growing the memory, doubling) or a spare run. */
  const carve = (blockBytes: number): number | null => {
    const start = alignFor(top, blockBytes);
    const end = start + blockBytes;
    if (end <= limitBytes) {
      const haveBytes = memory.buffer.byteLength;
      let grown = end <= haveBytes;
      if (!grown) {
        const havePages = haveBytes / PAGE;
        const targetPages = Math.min(maximumPages, Math.max(Math.ceil(end / PAGE), havePages * 2));
        try {
          memory.grow(targetPages - havePages);
          grown = true;
        } catch {
          grown = false;
        }
      }
      if (grown) {
        top = end;
        return start;
      }
    }
    for (let i = 0; i < spare.length; i++) {
      const run = spare[i]!;
      const at = alignFor(run.start, blockBytes);
      if (at + blockBytes > run.end) continue;
      run.start = at + blockBytes;
      if (run.end - run.start < 16) spare.splice(i, 1);
      return at;
    }
    return null;
  };

  /** Whether a live block starts in [from, to) (only small blocks fit in alignment gaps). */
  const liveIn = (from: number, to: number): boolean => {
    for (let at = from; at < to; at += ALIGN) if (liveBlocks.has(at)) return true;
    return false;
  };

  /**
   * When memory is used up: merges every free block (of any class) and spare run with its free
   * neighbours, gives a run that reaches the bump pointer back to the bump region, and keeps
   * the rest as spare runs. Without it, memory freed as one size class could never serve
   * another (a program that moves from 4 MB arrays to 8 MB ones would run out).
   */
  const coalesce = (): void => {
    const runs: Array<{ start: number; end: number }> = spare.splice(0);
    freeLists.forEach((list, c) => {
      for (const offset of list) runs.push({ start: offset, end: offset + classSizes[c]! });
      list.length = 0;
    });
    runs.sort((x, y) => x.start - y.start);
    const merged: Array<{ start: number; end: number }> = [];
    for (const run of runs) {
      const last = merged[merged.length - 1];
      // Alignment padding between blocks may hold a small live block: merge only across free gaps.
      if (last !== undefined && run.start - last.end < LINE && !liveIn(last.end, run.start)) last.end = Math.max(last.end, run.end);
      else merged.push({ ...run });
    }
    const tail = merged[merged.length - 1];
    if (tail !== undefined && tail.end >= top - LINE && !liveIn(tail.end, top)) {
      top = tail.start;
      merged.pop();
    }
    spare.push(...merged);
  };

  let fallbacks = 0;
  let fallbackBytes = 0;
  let onFallback: ((bytes: number) => void) | null = null;
  const full = (bytes: number): null => {
    fallbacks++;
    fallbackBytes += bytes;
    onFallback?.(bytes);
    return null;
  };

  const allocate = (kind: TypedArrayKind, length: number, zeroed = true): TypedArray | null => {
    const ctor = viewClassFor(kind);
    const bytes = length * ctor.BYTES_PER_ELEMENT;
    if (!Number.isInteger(length) || length < 0) return null;
    if (bytes > limitBytes) return full(bytes);
    const sizeClass = sizeClassOf(classSizes, Math.max(bytes, 1));
    const blockBytes = classSizes[sizeClass];
    if (blockBytes === undefined) return full(bytes);
    let blockClass = sizeClass;
    let offset: number | null | undefined = freeLists[sizeClass]?.pop();
    let dirty = offset !== undefined;
    if (offset === undefined) {
      offset = carve(blockBytes);
      if (offset === null) {
        // Memory is used up: a free block of a larger class (it keeps its class, so freeing
        // returns it whole), else merge what is free and try again.
        for (let c = sizeClass + 1; c < freeLists.length && offset === null; c++) {
          const larger = freeLists[c]!.pop();
          if (larger !== undefined) {
            offset = larger;
            blockClass = c;
          }
        }
        if (offset === null) {
          coalesce();
          offset = carve(blockBytes);
        }
        if (offset === null) return full(bytes);
      }
      dirty = dirty || offset < highWater;
      highWater = Math.max(highWater, offset + classSizes[blockClass]!);
    }
    const view = new ctor(currentBuffer(), offset, length);
    // Never-used memory is zero; recycled memory must be cleared to behave like `new TypedArray(n)`.
    if (dirty && zeroed) {
      if (zeroFill !== null) zeroFill(offset, bytes);
      else new Uint8Array(currentBuffer(), offset, bytes).fill(0);
    }
    liveBlocks.set(offset, blockClass);
    registry.register(view, offset, view);
    return view;
  };

  return {
    memory,
    allocate,
    owns: (array) => {
      if ((array.constructor as ViewClass)[ARENA_TOKEN] === token) return true;
      const buffer = array.buffer;
      for (let i = buffers.length - 1; i >= 0; i--) if (buffers[i] === buffer) return true;
      return buffer === currentBuffer();
    },
    setZeroFill: (fill) => {
      zeroFill = fill;
    },
    setFallbackListener: (listener) => {
      onFallback = listener;
    },
    free: (array) => {
      // Only the exact views `allocate` returned (subarrays have the base class): freeing a block
      // through a derived view could release memory its owner still uses.
      if ((array.constructor as ViewClass)[ARENA_TOKEN] !== token) return;
      registry.unregister(array);
      releaseBlock(array.byteOffset);
    },
    stats: () => ({
      memoryBytes: memory.buffer.byteLength,
      carvedBytes: top,
      liveBlocks: liveBlocks.size,
      freeBlocks: freeLists.reduce((count, list) => count + list.length, 0),
      maximumBytes: limitBytes,
      fallbacks,
      fallbackBytes,
    }),
  };
}
