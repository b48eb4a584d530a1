import { DisposedError } from '../errors.js';
import { releaseTyped } from '../storage/allocate.js';
import { TYPED_ARRAY_CTORS, type TypedArray, type TypedArrayKind } from '../storage/typed.js';
import type { Store, TypedStore } from '../storage/types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const EMPTY_BY_TAG = new Map<string, TypedArray>();
for (const kind of Object.keys(TYPED_ARRAY_CTORS) as TypedArrayKind[]) {
  const ctor = TYPED_ARRAY_CTORS[kind];
  const empty = new ctor(0);
  EMPTY_BY_TAG.set(Object.prototype.toString.call(empty), empty);
}

/** Releases a typed store's memory and leaves an empty array behind (idempotent). */
export function disposeTypedStore(store: TypedStore): void {
  if (store.disposed === true) return;
  const data = store.data;
  const mutable = store as Mutable<TypedStore>;
  mutable.disposed = true;
  // The same element type but no memory: code that bypasses the checks reads `undefined`, never
  // a recycled block. (toStringTag names the base class even for subclassed wasm views.)
  mutable.data = EMPTY_BY_TAG.get(Object.prototype.toString.call(data)) ?? new Uint8Array(0);
  releaseTyped(data);
}

export function disposeStore(store: Store): void {
  if (store.kind === 'typed') disposeTypedStore(store);
  else if (store.kind === 'composite') for (const part of Object.values(store.parts)) disposeStore(part);
}

/** Throws DisposedError when a typed store's memory was released. */
export function assertLiveStore(store: Store): void {
  if (store.kind === 'typed' && store.disposed === true) throw new DisposedError();
}

