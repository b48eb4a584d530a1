import type { TypedArray, TypedArrayKind } from './typed.js';
import type { DType } from '../dtype/dtype.js';

/**
 * How the elements of one descriptor live in memory.
 * - `typed`: `lanes` consecutive TypedArray slots per element (float128 = 4 × uint32).
 * - `bitmap`: one bit per element, LSB first (Arrow validity bitmaps).
 * - `composite`: named child parts, each indexed by the same element index, plus optional
 *   free-form `content` the dtype owns (list content, UTF-8 byte heap, JS string table).
 */
export type StorageSpec = TypedStorageSpec | BitmapStorageSpec | CompositeStorageSpec;

export interface TypedStorageSpec {
  readonly kind: 'typed';
  readonly type: TypedArrayKind;
  /** TypedArray slots per element; default 1. */
  readonly lanes?: number;
}

export interface BitmapStorageSpec {
  readonly kind: 'bitmap';
}

export interface CompositeStorageSpec {
  readonly kind: 'composite';
  /** Parts indexed by element index: a storage spec, or the storage of another descriptor. */
  readonly parts: Readonly<Record<string, StorageSpec | DType>>;
  /** Creates the per-store content object (shared by all views of the store). */
  readonly createContent?: () => unknown;
}

/** A typed store: element `k` occupies `data[k*lanes .. k*lanes+lanes-1]`. */
export interface TypedStore {
  readonly kind: 'typed';
  readonly data: TypedArray;
  readonly lanes: number;
  /**
   * Set by `dispose`/`tidy`: the memory went back to the allocator and `data` is empty; every
   * access through an NDArray throws `DisposedError`. Absent (false) on live stores.
   */
  readonly disposed?: boolean;
  /** Set by `keep`: no `tidy` scope disposes this store. */
  readonly kept?: boolean;
}

/**
 * One bit per element, LSB first: element `k` is bit `k & 7` of byte `k >> 3`. `bits` covers
 * whole 64-bit words (its byteLength is a multiple of 8), so it can be viewed as 32-bit words.
 */
export interface BitmapStore {
  readonly kind: 'bitmap';
  readonly bits: Uint8Array;
  readonly length: number;
}

export interface CompositeStore {
  readonly kind: 'composite';
  readonly parts: Readonly<Record<string, Store>>;
  /** Dtype-owned content (e.g. list content array, string heap); may be replaced as it grows. */
  content: unknown;
}

export type Store = TypedStore | BitmapStore | CompositeStore;

/**
 * What a loop receives for one operand: the raw TypedArray for typed stores (so a loop reads
 * `a[off + i*stride]` without an interface call), the bitmap's bytes for bitmap stores, and the
 * store itself for composite stores.
 */
export type LoopData = TypedArray | CompositeStore;
