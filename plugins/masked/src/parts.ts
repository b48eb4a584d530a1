/**
 * Moving between a masked array and its two parts: the values as a plain T array (a view, no
 * copy) and the validity as a plain bool array, and back.
 */
import {
  NDArray, allocateStore, contiguousStrides, loopDataOf, runStrided, sizeOf,
  type BitmapStore, type CompositeStore, type Registry, type StridedLoop,
} from '@dtkit/core';
import { gather, scratch, wordsOf, zeroMasked, type TypedArrayLike } from './bitmap.js';
import { baseOf, bitsOf, masked, valuesOf } from './family.js';

const PARTS_BITS = 6; // scratch level

/** The values of a masked array as a plain array of its base dtype: a view on the same store. */
export function valuesView(a: NDArray): NDArray {
  return new NDArray(a.registry, baseOf(a.dtype), valuesOf(a.store), a.shape, a.strides, a.offset, a.device);
}

const unpackLoop: StridedLoop = (n, data, offs, strides) => {
  const w = scratch(PARTS_BITS, n);
  gather(wordsOf(bitsOf(data[0] as CompositeStore)), offs[0]!, strides[0]!, n, w);
  const out = data[1] as Uint8Array;
  const o = offs[1]!, s = strides[1]!;
  for (let wi = 0, i = 0; i < n; wi++) {
    const word = w[wi]!;
    const end = Math.min(n, i + 32);
    for (let b = 0; i < end; i++, b++) out[o + i * s] = (word >>> b) & 1;
  }
};

/** The validity of a masked array as a new C-ordered bool array (true = valid). */
export function validity(a: NDArray): NDArray {
  const reg = a.registry;
  const b = reg.dtype('bool');
  const res = new NDArray(reg, b, allocateStore(b, a.size, false), a.shape, contiguousStrides(a.shape), 0, a.device);
  runStrided(unpackLoop, [a.store as CompositeStore, loopDataOf(res.store)], a.shape, [a.strides.slice(), res.strides.slice()], [a.offset, 0],
    { descriptors: [a.dtype, b], options: {}, auxdata: undefined });
  return res;
}

/**
 * A masked array from plain `values` and a bool `valid` of the same shape (both are copied to
 * C order when they are not compact; the values' store is reused otherwise). NA lanes are zeroed.
 */
export function fromParts(reg: Registry, values: NDArray, valid: NDArray): NDArray {
  const v = values.isContiguous && values.offset === 0 ? values : values.copy();
  const ok = valid.isContiguous ? valid : valid.copy();
  const n = v.size;
  const bitmap = allocateStore({ kind: 'bitmap' }, n) as BitmapStore;
  const words = wordsOf(bitmap.bits);
  const bytes = loopDataOf(ok.store) as Uint8Array;
  const o = ok.offset;
  for (let w = 0; w << 5 < n; w++) {
    let x = 0;
    const end = Math.min(32, n - (w << 5));
    for (let b = 0; b < end; b++) if (bytes[o + (w << 5) + b] !== 0) x |= 1 << b;
    words[w] = x;
  }
  const st = v.store;
  if (st.kind === 'typed') zeroMasked(words, n, st.data as unknown as TypedArrayLike, 0, 1, st.lanes);
  const store: CompositeStore = { kind: 'composite', parts: { values: st, valid: bitmap }, content: undefined };
  return new NDArray(reg, masked(v.dtype), store, v.shape, contiguousStrides(v.shape), 0, v.device);
}

/** Element count of the reduced axes. */
export function reducedSize(shape: readonly number[], axes: readonly number[]): number {
  return sizeOf(axes.map((d) => shape[d]!));
}
