import { ValueError } from '../errors.js';
import { isNDArray, type NDArray } from '../array/ndarray.js';
import type { Store, TypedStore } from '../storage/types.js';
import { disposeStore, disposeTypedStore } from './release.js';
import { openScopes } from './scopes.js';

/**
 * Explicit lifetimes, for tight synchronous loops over large arrays. Without them a block of
 * wasm memory is reused only after the GC collected its array AND the event loop ran the
 * FinalizationRegistry callbacks, which never happens inside one synchronous loop: such a loop
 * keeps carving fresh memory, and first touches of fresh pages cost ~1.3 µs per 4 KiB here
 * (1000×1000 float64 `A.T + B`: 1.0 ms with recycled blocks, 3.7 ms on fresh ones). `tidy`
 * and `dispose` hand blocks back at once, so the next allocation of that size reuses a block
 * that is still in cache. Nothing requires them: arrays are freed by the GC either way.
 */

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Every typed store reachable from `value` (NDArrays, composite parts, arrays, plain objects). */
function collectStores(value: unknown, into: Set<Store>, seen: Set<unknown>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (isNDArray(value)) {
    collectStoreParts(value.store, into, seen);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectStores(item, into, seen);
    return;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Object.prototype || proto === null) for (const item of Object.values(value)) collectStores(item, into, seen);
}

function collectStoreParts(store: Store, into: Set<Store>, seen: Set<unknown>): void {
  into.add(store);
  if (store.kind === 'composite') {
    for (const part of Object.values(store.parts)) collectStoreParts(part, into, seen);
    collectStores(store.content, into, seen); // e.g. a list dtype's content array
  }
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Runs `fn` and then releases the memory of every array created inside it, except those
 * reachable from its result (an NDArray, or arrays / plain objects holding NDArrays) and those
 * passed to {@link keep}. Arrays created outside the scope are never touched. Scopes nest: what
 * a scope returns belongs to the enclosing scope. If `fn` throws, everything it created is
 * released and the error propagates. Using a released array throws `DisposedError`.
 *
 * ```ts
 * for (let step = 0; step < 1000; step++) {
 *   x = dt.tidy(() => dt.add(dt.multiply(x, decay), noise));  // the product is freed at once
 * }
 * ```
 */
export function tidy<T>(fn: () => T): T {
  const scope: TypedStore[] = [];
  openScopes.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (error) {
    openScopes.pop();
    for (const store of scope) if (store.kept !== true) disposeTypedStore(store);
    throw error;
  }
  openScopes.pop();
  if (isThenable(result)) {
    for (const store of scope) if (store.kept !== true) disposeTypedStore(store);
    throw new ValueError('tidy() needs a synchronous function: arrays created after an await would escape the scope', 'TIDY_ASYNC');
  }
  const returned = new Set<Store>();
  collectStores(result, returned, new Set());
  const parent = openScopes[openScopes.length - 1];
  for (const store of scope) {
    if (store.kept === true) continue;
    if (returned.has(store)) parent?.push(store);
    else disposeTypedStore(store);
  }
  return result;
}

/** Exempts `array`'s memory from every `tidy` scope (it is still freed by the GC). */
export function keep<T extends NDArray>(array: T): T {
  const mark = (store: Store): void => {
    if (store.kind === 'typed') (store as Mutable<TypedStore>).kept = true;
    else if (store.kind === 'composite') for (const part of Object.values(store.parts)) mark(part);
  };
  mark(array.store);
  return array;
}

/**
 * Releases the memory of the given arrays now (NDArrays, or arrays / plain objects holding
 * them). Every view on the same memory (reshape, transpose, slices) is released with it.
 */
export function dispose(value: unknown): void {
  const stores = new Set<Store>();
  collectStores(value, stores, new Set());
  for (const store of stores) disposeStore(store);
}
