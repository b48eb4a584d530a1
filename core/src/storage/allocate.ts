import type { BitmapStore, CompositeStore, Store, StorageSpec, TypedStore } from './types.js';
import { TYPED_ARRAY_CTORS, type TypedArray, type TypedArrayKind } from './typed.js';
import type { DType } from '../dtype/dtype.js';

/**
 * Allocates zero-filled TypedArrays. The default uses the JS heap; a backend may install one
 * that hands out views on WebAssembly memory (so wasm loops run on arrays without copies).
 * Returning `null` falls back to the JS heap.
 */
export type TypedAllocator = (kind: TypedArrayKind, length: number) => TypedArray | null;

let currentAllocator: TypedAllocator | null = null;

/** Installs (or with `null` removes) the process-wide TypedArray allocator. */
export function setTypedAllocator(allocator: TypedAllocator | null): void {
  currentAllocator = allocator;
}

export function getTypedAllocator(): TypedAllocator | null {
  return currentAllocator;
}

/** A zero-filled TypedArray of `kind` and `length`, from the installed allocator when possible. */
export function allocateTyped(kind: TypedArrayKind, length: number): TypedArray {
  if (currentAllocator !== null) {
    const a = currentAllocator(kind, length);
    if (a !== null) return a;
  }
  return new TYPED_ARRAY_CTORS[kind](length);
}

function isDType(x: StorageSpec | DType): x is DType {
  return 'family' in x;
}

/** A store for `length` elements laid out as `spec` (zero-filled; bitmaps all-valid = 0 bits). */
export function allocateStore(spec: StorageSpec | DType, length: number): Store {
  const s = isDType(spec) ? spec.storage : spec;
  switch (s.kind) {
    case 'typed': {
      const lanes = s.lanes ?? 1;
      const store: TypedStore = { kind: 'typed', data: allocateTyped(s.type, length * lanes), lanes };
      return store;
    }
    case 'bitmap': {
      const store: BitmapStore = { kind: 'bitmap', bits: new Uint8Array((length + 7) >> 3), length };
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
  if (store.kind === 'typed') return store.data;
  if (store.kind === 'bitmap') return store.bits;
  return store;
}
