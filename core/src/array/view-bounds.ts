import type { DType } from '../dtype/dtype.js';
import type { BitmapStore, CompositeStore, Store, StorageSpec, TypedStore } from '../storage/types.js';
import { TYPED_ARRAY_CTORS } from '../storage/typed.js';
import { DisposedError, IndexError, ValueError } from '../errors.js';

/*
 * Checks that an NDArray's layout can only reach elements its store holds. Loops index raw
 * TypedArrays (and wasm loops raw memory) with offset + Σ i·stride and trust it: a view that
 * reaches outside its store reads or overwrites another array. O(ndim), run for every view.
 */

/** NumPy's limit; also bounds the O(ndim) work a hostile shape can cause. */
export const MAX_DIMS = 64;

/**
 * A caller's shape or strides as a frozen array, read once (validation sees what is kept).
 * Frozen arrays cannot change under us, so they are shared (views share their parent's).
 */
export function frozenList(list: unknown, what: 'shape' | 'strides'): readonly number[] {
  const code = what === 'shape' ? 'SHAPE' : 'STRIDES';
  if (!Array.isArray(list)) throw new ValueError(`${what} must be an array of integers, got ${describe(list)}`, code);
  const n = list.length;
  if (n > MAX_DIMS) throw new ValueError(`${what} has ${n} dimensions; at most ${MAX_DIMS} are supported`, code);
  if (Object.isFrozen(list)) return list as readonly number[];
  const out: number[] = []; // pushed, not preallocated: a packed array stays fast to read
  for (let i = 0; i < n; i++) out.push(list[i] as number);
  return Object.freeze(out);
}

/**
 * Checks a view's layout and that every element `offset + Σ i_k·strides_k` (0 ≤ i_k < shape_k)
 * lies in the store; returns whether the layout is C-contiguous. One pass over the axes.
 * An empty view reaches nothing, but its offset must still lie in [0, length] (pointer maths).
 */
export function checkLayout(dtype: DType, store: Store, shape: readonly number[], strides: readonly number[], offset: number): boolean {
  const nd = shape.length;
  if (strides.length !== nd) throw new ValueError(`got ${strides.length} strides for ${nd} dimensions`, 'STRIDES');
  let lo = offset;
  let hi = offset;
  let nonZeroSize = 1; // NumPy also bounds the product of the non-zero dimensions
  let empty = false;
  let contiguous = true;
  let step = 1;
  for (let i = nd - 1; i >= 0; i--) {
    const d = shape[i]!;
    const s = strides[i]!;
    if (!Number.isSafeInteger(d) || d < 0) throw new ValueError(`invalid shape (${describeList(shape)}): dimensions must be non-negative integers`, 'SHAPE');
    if (!Number.isSafeInteger(s)) throw new ValueError(`invalid strides (${describeList(strides)}): strides must be integers`, 'STRIDES');
    if (d !== 1 && s !== step) contiguous = false;
    step *= d;
    if (d === 0) empty = true;
    else {
      nonZeroSize *= d;
      const reach = (d - 1) * s;
      if (reach < 0) lo += reach;
      else hi += reach;
    }
  }
  if (nonZeroSize > Number.MAX_SAFE_INTEGER) throw new ValueError(`shape (${describeList(shape)}) is too large`, 'SHAPE');
  if (!Number.isSafeInteger(offset)) throw new IndexError(`view offset ${describe(offset)} is not an integer`, 'VIEW_BOUNDS');
  if (typeof store === 'object' && store !== null && store.kind === 'typed' && store.disposed === true) throw new DisposedError();
  const length = elementCount(dtype.storage, store);
  // Rounding beyond 2^53 is monotone, so a huge reach can only fail this test, never pass it.
  if (empty ? offset < 0 || offset > length : lo < 0 || hi >= length) {
    throw new IndexError(`view (shape (${describeList(shape)}), strides (${describeList(strides)}), offset ${offset}) reaches outside its store of ${length} elements`, 'VIEW_BOUNDS');
  }
  return contiguous;
}

/** Elements `store` holds when laid out as `spec`; throws when the store does not match the spec. */
export function elementCount(spec: StorageSpec | DType, store: Store): number {
  const s = 'family' in spec ? spec.storage : spec;
  if (typeof store !== 'object' || store === null) throw storeMismatch(`a ${s.kind} store`, describe(store));
  if (store.kind !== s.kind) throw storeMismatch(`a ${s.kind} store`, describe(store.kind));
  switch (s.kind) {
    case 'typed': {
      const st = store as TypedStore;
      const lanes = s.lanes ?? 1;
      if (st.lanes !== lanes) throw storeMismatch(`${lanes} lanes per element`, `${describe(st.lanes)} lanes`);
      if (!(st.data instanceof TYPED_ARRAY_CTORS[s.type])) throw storeMismatch(`${s.type} data`, describe(st.data));
      return Math.floor(st.data.length / lanes);
    }
    case 'bitmap': {
      const st = store as BitmapStore;
      if (!(st.bits instanceof Uint8Array) || !Number.isSafeInteger(st.length) || st.length < 0) throw storeMismatch('a bitmap', 'a malformed bitmap');
      return Math.min(st.length, st.bits.length * 8);
    }
    case 'composite': {
      const parts = (store as CompositeStore).parts;
      if (typeof parts !== 'object' || parts === null) throw storeMismatch('composite parts', describe(parts));
      let n = Infinity; // a composite without parts keeps everything in its content: no index limit
      for (const key of Object.keys(s.parts)) {
        const part = Object.hasOwn(parts, key) ? parts[key] : undefined;
        if (part === undefined) throw storeMismatch(`a part '${key}'`, 'none');
        n = Math.min(n, elementCount(s.parts[key]!, part));
      }
      return n;
    }
  }
}

function storeMismatch(expected: string, got: string): ValueError {
  return new ValueError(`store does not match the dtype's storage: expected ${expected}, got ${got}`, 'STORE');
}

/** A value for an error message; never throws (symbols, null-prototype objects, throwing toString). */
export function describe(x: unknown): string {
  if (typeof x === 'string') return `'${x.length > 40 ? `${x.slice(0, 40)}…` : x}'`;
  if (typeof x === 'bigint') return `${x}n`;
  if (typeof x === 'symbol') return x.toString();
  if (typeof x === 'function') return 'a function';
  if (Array.isArray(x)) return `[${describeList(x)}]`;
  if (typeof x === 'object' && x !== null) return ArrayBuffer.isView(x) ? Object.prototype.toString.call(x).slice(8, -1) : 'an object';
  return String(x);
}

function describeList(list: readonly unknown[]): string {
  const parts: string[] = [];
  for (let i = 0; i < Math.min(list.length, 8); i++) parts.push(Array.isArray(list[i]) ? 'an array' : describe(list[i]));
  if (list.length > 8) parts.push('…');
  return parts.join(', ');
}
