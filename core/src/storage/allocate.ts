import type { BitmapStore, CompositeStore, Store, StorageSpec, TypedStore } from './types.js';
import { TYPED_ARRAY_CTORS, type TypedArray, type TypedArrayKind } from './typed.js';
import type { DType } from '../dtype/dtype.js';
import { DisposedError } from '../errors.js';
import { openScopes } from '../lifetime/scopes.js';
import { processWide } from '../registry/process-wide.js';

/**
 * Allocates zero-filled TypedArrays. The default uses the JS heap; a backend may install one
 * that hands out views on WebAssembly memory (so wasm loops run on arrays without copies).
 * Returning `null` falls back to the JS heap.
 */
export type TypedAllocator = (kind: TypedArrayKind, length: number, zeroed: boolean) => TypedArray | null;

/**
 * Takes back an array `allocate` handed out, at once (`dispose`, `tidy`), instead of when the
 * GC collects it; must ignore arrays it does not own. Nothing may use the array afterwards.
 */
export type TypedReleaser = (array: TypedArray) => void;

interface AllocatorHook {
  allocator: TypedAllocator | null;
  releaser: TypedReleaser | null;
}

/**
 * One hook per process (`Symbol.for('dtkit.typedAllocator')`), shared by every copy of the
 * kernel: when one copy's wasm backend installs its allocator, arrays created through any other
 * copy land in wasm memory too, and `dispose`/`tidy` of any copy hand blocks back to it.
 */
const hook = processWide<AllocatorHook>('dtkit.typedAllocator', () => ({ allocator: null, releaser: null }));

/** Installs (or with `null` removes) the process-wide TypedArray allocator and its releaser. */
export function setTypedAllocator(allocator: TypedAllocator | null, release: TypedReleaser | null = null): void {
  hook.allocator = allocator;
  hook.releaser = allocator === null ? null : release;
}

/** Returns `array` to the installed allocator (no-op for JS-heap arrays or without a releaser). */
export function releaseTyped(array: TypedArray): void {
  const releaser = hook.releaser;
  if (releaser !== null) releaser(array);
}

export function getTypedAllocator(): TypedAllocator | null {
  return hook.allocator;
}

/**
 * Small arrays are carved from shared 64 KiB slabs: a view costs ~20 ns where a fresh
 * `new Float64Array(10)` costs 0.35–0.7 µs (it allocates a backing store). Slabs are never
 * reused, so views start zeroed, and a slab is collected by the GC once its last view is.
 */
const SLAB_BYTES = 64 * 1024;
const SMALL_BYTES = 1024;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

function smallTyped(kind: TypedArrayKind, length: number, bytes: number): TypedArray {
  const size = (bytes + 15) & ~15; // 16-byte alignment suits every element type (and SIMD)
  if (slabUsed + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const a = new TYPED_ARRAY_CTORS[kind](slab, slabUsed, length);
  slabUsed += size;
  return a;
}

/**
 * A TypedArray of `kind` and `length`, from the installed allocator when possible. Zero-filled
 * unless `zeroed` is false (outputs a loop overwrites entirely: recycled memory is not cleared).
 */
export function allocateTyped(kind: TypedArrayKind, length: number, zeroed = true): TypedArray {
  const allocator = hook.allocator;
  if (allocator !== null) {
    const a = allocator(kind, length, zeroed);
    if (a !== null) return a;
  }
  const ctor = TYPED_ARRAY_CTORS[kind];
  const bytes = length * ctor.BYTES_PER_ELEMENT;
  if (bytes <= SMALL_BYTES && bytes > 0) return smallTyped(kind, length, bytes);
  return new ctor(length);
}

function isDType(x: StorageSpec | DType): x is DType {
  return 'family' in x;
}

/** A store for `length` elements laid out as `spec` (zero-filled: bitmap bits start at 0). */
export function allocateStore(spec: StorageSpec | DType, length: number, zeroed = true): Store {
  const s = isDType(spec) ? spec.storage : spec;
  switch (s.kind) {
    case 'typed': {
      const lanes = s.lanes ?? 1;
      const store: TypedStore = { kind: 'typed', data: allocateTyped(s.type, length * lanes, zeroed), lanes };
      if (openScopes.length !== 0) openScopes[openScopes.length - 1]!.push(store);
      return store;
    }
    case 'bitmap': {
      // Padded to whole 64-bit words (Arrow's minimum) so bitmap code may read and write 32-bit words.
      const store: BitmapStore = { kind: 'bitmap', bits: new Uint8Array(((length + 63) >> 6) << 3), length };
      return store;
    }
    case 'composite': {
      const parts: Record<string, Store> = {};
      for (const key of Object.keys(s.parts)) parts[key] = allocateStore(s.parts[key]!, length);
      const store: CompositeStore = { kind: 'composite', parts, content: s.createContent ? s.createContent() : undefined };
      return store;
    }
  }
}

/** What a loop receives for a store (see {@link LoopData}). */
export function loopDataOf(store: Store): TypedArray | CompositeStore {
  if (store.kind === 'typed') {
    if (store.disposed === true) throw new DisposedError();
    return store.data;
  }
  if (store.kind === 'bitmap') return store.bits;
  return store;
}
