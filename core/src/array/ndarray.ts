import type { DType } from '../dtype/dtype.js';
import type { Store } from '../storage/types.js';
import type { Registry } from '../registry/registry.js';
import { IndexError, ValueError } from '../errors.js';
import { contiguousStrides, reshapeTarget, sizeOf, transposeAxes, type Shape } from './shape.js';
import { parseSliceSpec, type SliceSpec } from './slicing.js';
import { checkLayout, frozenList } from './view-bounds.js';
import { assertLiveStore, disposeStore } from '../lifetime/release.js';

const ARRAY_BRAND = Symbol.for('dtkit.ndarray');

/** True for a dtkit NDArray from any loaded copy of the kernel. */
export function isNDArray(x: unknown): x is NDArray {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[ARRAY_BRAND] === true;
}

/** Hooks the array layer needs from the casting and formatting layers (set once by core's index). */
export interface ArrayHooks {
  astype(a: NDArray, dtype: DType | string, options: Readonly<Record<string, unknown>>): NDArray;
  copy(a: NDArray): NDArray;
  format(a: NDArray): string;
  toBytes(a: NDArray): Uint8Array;
}

let hooks: ArrayHooks | undefined;

export function setArrayHooks(h: ArrayHooks): void {
  hooks = h;
}

function needHooks(): ArrayHooks {
  if (hooks === undefined) throw new Error('dtkit core not initialised');
  return hooks;
}

/**
 * An n-dimensional view on a store: dtype, shape, strides and offset in elements. Thin on
 * purpose: operations are ufuncs and free functions.
 */
export class NDArray {
  readonly [ARRAY_BRAND] = true;
  // The layout lives in private fields behind getters: loops trust it to stay inside the store,
  // so nothing outside this class can move a view once it was checked (TS `readonly` is not
  // enforced at run time).
  readonly #dtype: DType;
  readonly #store: Store;
  readonly #shape: readonly number[];
  readonly #strides: readonly number[];
  readonly #offset: number;
  readonly #contiguous: boolean;
  readonly #device: string;
  readonly #registry: Registry;

  /**
   * A view on `store`. Throws `ValueError` (`SHAPE`, `STRIDES`, `STORE`) for a malformed layout or
   * a store that does not match `dtype`'s storage, `IndexError` (`VIEW_BOUNDS`) when an element
   * the view can reach lies outside the store, `DisposedError` on a disposed store. `shape` and
   * `strides` are copied unless frozen.
   */
  constructor(registry: Registry, dtype: DType, store: Store, shape: Shape, strides?: readonly number[], offset = 0, device = 'cpu') {
    const sh = frozenList(shape, 'shape');
    const st = strides === undefined ? Object.freeze(contiguousStrides(sh)) : frozenList(strides, 'strides');
    const contiguous = checkLayout(dtype, store, sh, st, offset);
    this.#registry = registry;
    this.#dtype = dtype;
    this.#store = store;
    this.#shape = sh;
    this.#strides = st;
    this.#offset = offset;
    this.#device = device;
    this.#contiguous = contiguous;
  }

  get dtype(): DType {
    return this.#dtype;
  }

  get shape(): readonly number[] {
    return this.#shape;
  }

  /** Strides in elements (may be 0 or negative). */
  get strides(): readonly number[] {
    return this.#strides;
  }

  /** Element index of `[0, 0, ...]` in the store. */
  get offset(): number {
    return this.#offset;
  }

  get store(): Store {
    return this.#store;
  }

  get device(): string {
    return this.#device;
  }

  get registry(): Registry {
    return this.#registry;
  }

  /** C-contiguous (row-major, no gaps); computed once, the layout never changes. */
  get contiguous(): boolean {
    return this.#contiguous;
  }

  get ndim(): number {
    return this.shape.length;
  }

  get size(): number {
    return sizeOf(this.shape);
  }

  /** C-contiguous (row-major, no gaps). */
  get isContiguous(): boolean {
    return this.contiguous;
  }

  /** Store element index of a multi-index (negative indices count from the end). */
  elementIndex(idx: readonly number[]): number {
    if (idx.length !== this.shape.length) {
      throw new IndexError(`expected ${this.shape.length} indices for shape (${this.shape.join(', ')}), got ${idx.length}`, 'INDEX_COUNT');
    }
    let k = this.offset;
    for (let i = 0; i < idx.length; i++) {
      let j = idx[i]!;
      const d = this.shape[i]!;
      if (!Number.isInteger(j) || j < -d || j >= d) throw new IndexError(`index ${j} is out of bounds for axis ${i} with size ${d}`);
      if (j < 0) j += d;
      k += j * this.strides[i]!;
    }
    return k;
  }

  get(...idx: number[]): unknown {
    assertLiveStore(this.store);
    return this.dtype.family.spec.getItem(this.dtype, this.store, this.elementIndex(idx));
  }

  /** `set(i, j, value)`: the value comes last. Validates before writing. */
  set(...args: unknown[]): void {
    if (args.length === 0) throw new IndexError('set needs indices and a value', 'INDEX_COUNT');
    const value = args[args.length - 1];
    const idx = args.slice(0, -1) as number[];
    const k = this.elementIndex(idx);
    assertLiveStore(this.store);
    this.dtype.family.spec.setItem(this.dtype, this.store, k, value);
  }

  /** The single element of a size-1 array. */
  item(): unknown {
    if (this.size !== 1) throw new ValueError(`item() needs an array of size 1, this one has size ${this.size}`);
    assertLiveStore(this.store);
    let k = this.offset;
    // all dims are 1: the offset is the element
    return this.dtype.family.spec.getItem(this.dtype, this.store, k);
  }

  /** Nested JS arrays of element values (a 0-d array gives its value). */
  toArray(): unknown {
    assertLiveStore(this.store);
    const { getItem } = this.dtype.family.spec;
    const build = (dim: number, k: number): unknown => {
      if (dim === this.shape.length) return getItem(this.dtype, this.store, k);
      const n = this.shape[dim]!;
      const s = this.strides[dim]!;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = build(dim + 1, k + i * s);
      return out;
    };
    return build(0, this.offset);
  }

  /** Same data, new shape (a view when the layout allows it, else a copy). */
  reshape(...shapeArgs: (number | readonly number[])[]): NDArray {
    const shape = reshapeTarget(shapeArgs, this.size);
    const src = this.isContiguous ? this : needHooks().copy(this);
    // Frozen here, so the constructor shares them instead of copying (it still checks them).
    return new NDArray(this.#registry, this.#dtype, src.store, Object.freeze(shape), Object.freeze(contiguousStrides(shape)), src.offset, this.#device);
  }

  /** Permutes axes (default: reversed), as a view. */
  transpose(axes?: readonly number[]): NDArray {
    const perm = transposeAxes(axes, this.ndim);
    const shape = this.#shape;
    const strides = this.#strides;
    const newShape: number[] = [];
    const newStrides: number[] = [];
    for (let i = 0; i < perm.length; i++) {
      newShape.push(shape[perm[i]!]!);
      newStrides.push(strides[perm[i]!]!);
    }
    return new NDArray(this.#registry, this.#dtype, this.#store, Object.freeze(newShape), Object.freeze(newStrides), this.#offset, this.#device);
  }

  get T(): NDArray {
    return this.transpose();
  }

  /**
   * Basic slicing as a view: one spec per leading axis — an index (drops the axis), `null`
   * (whole axis), `[start, stop, step?]` or `'start:stop:step'` (negative steps allowed).
   */
  slice(...specs: SliceSpec[]): NDArray {
    const nd = this.#shape.length;
    if (specs.length > nd) throw new IndexError(`too many indices for array of dimension ${nd}`, 'INDEX_COUNT');
    let offset = this.#offset;
    let empty = false;
    const shape: number[] = [];
    const strides: number[] = [];
    for (let i = 0; i < nd; i++) {
      const st = this.#strides[i]!;
      const r = parseSliceSpec(i < specs.length ? specs[i]! : null, this.#shape[i]!, i);
      if (r.kind === 'index') {
        offset += r.index * st;
        continue;
      }
      offset += r.start * st;
      if (r.length === 0) empty = true;
      shape.push(r.length);
      strides.push(r.step * st);
    }
    // An empty view reaches nothing: it keeps its parent's offset (which lies inside the store).
    return new NDArray(this.#registry, this.#dtype, this.#store, Object.freeze(shape), Object.freeze(strides), empty ? this.#offset : offset, this.#device);
  }

  /**
   * Cast to another dtype (always a new array). Options: `casting` (default 'unsafe'), `order`
   * ('K', the default as in NumPy, keeps the source's memory order — `A.T.astype(…)` is
   * F-ordered; 'C' forces row-major) and cast options.
   */
  astype(dtype: DType | string, options: Readonly<Record<string, unknown>> = {}): NDArray {
    return needHooks().astype(this, dtype, options);
  }

  /** A C-contiguous copy. */
  copy(): NDArray {
    return needHooks().copy(this);
  }

  /** C-order element bytes, little-endian (fixed-size typed dtypes only). */
  toBytes(): Uint8Array {
    assertLiveStore(this.store);
    return needHooks().toBytes(this);
  }

  toString(): string {
    assertLiveStore(this.store);
    return needHooks().format(this);
  }

  /**
   * Releases this array's memory now, with every view sharing it (optional: the GC frees it
   * otherwise). Later use throws `DisposedError`. See `tidy` for scoped release.
   */
  dispose(): void {
    disposeStore(this.store);
  }

  /** Whether {@link NDArray.dispose} or a `tidy` scope released this array's memory. */
  get isDisposed(): boolean {
    const store = this.store;
    return store.kind === 'typed' && store.disposed === true;
  }
}
