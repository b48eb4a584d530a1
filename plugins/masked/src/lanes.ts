/**
 * Element moves on plain arrays that the reductions need and the kernel has no ufunc for:
 * writing a fill value into the left-out lanes, compacting the valid elements of each
 * reduction row, and forward-filling NA along an axis. Typed values move lane by lane;
 * other storages go through getItem/setItem.
 */
import { NDArray, allocateStore, contiguousStrides, castInto, loopDataOf, sizeOf, type DType, type Store } from '@dtkit/core';

function copyElement(d: DType, src: Store, i: number, dst: Store, j: number): void {
  if (src.kind === 'typed' && dst.kind === 'typed') {
    const lanes = src.lanes;
    const s = src.data as Float64Array, t = dst.data as Float64Array; // same element type: a bit copy
    for (let l = 0; l < lanes; l++) t[j * lanes + l] = s[i * lanes + l]!;
    return;
  }
  d.family.spec.setItem(d, dst, j, d.family.spec.getItem(d, src, i));
}

function compact(a: NDArray): NDArray {
  return a.isContiguous && a.offset === 0 ? a : a.copy();
}

function bytesOf(valid: NDArray): { bytes: Uint8Array; offset: number } {
  const v = compact(valid);
  return { bytes: loopDataOf(v.store) as Uint8Array, offset: v.offset };
}

/** A C-ordered copy of `values` with `fill` in every lane where `valid` is false. */
export function fillLanes(values: NDArray, valid: NDArray, fill: unknown): NDArray {
  const res = values.copy();
  const d = res.dtype;
  const one = allocateStore(d, 1);
  d.family.spec.setItem(d, one, 0, fill);
  const { bytes, offset } = bytesOf(valid);
  for (let i = 0; i < res.size; i++) if (bytes[offset + i] === 0) copyElement(d, one, 0, res.store, i);
  return res;
}

/**
 * Reduces the valid elements of each row over `axes` with `reduceRow` (a 1-D plain array → a 0-d
 * result); rows without a valid element get a zero placeholder (the caller masks them).
 */
export function compressRows(values: NDArray, valid: NDArray, axes: readonly number[], reduceRow: (row: NDArray) => NDArray, keepdims: boolean): NDArray {
  const kept = [...Array(values.ndim).keys()].filter((d) => !axes.includes(d));
  const order = [...kept, ...axes];
  const keptShape = kept.map((d) => values.shape[d]!);
  const rows = sizeOf(keptShape);
  const len = sizeOf(axes.map((d) => values.shape[d]!));
  const v = values.transpose(order).copy();
  const { bytes, offset } = bytesOf(valid.transpose(order).copy());
  const d = values.dtype;
  const results: (NDArray | null)[] = [];
  let resD: DType | undefined;
  for (let r = 0; r < rows; r++) {
    let c = 0;
    for (let i = 0; i < len; i++) c += bytes[offset + r * len + i]!;
    if (c === 0) { results.push(null); continue; }
    const row = new NDArray(values.registry, d, allocateStore(d, c), [c], [1], 0, values.device);
    for (let i = 0, j = 0; i < len; i++) if (bytes[offset + r * len + i] !== 0) copyElement(d, v.store, v.offset + r * len + i, row.store, j++);
    const x = reduceRow(row);
    resD ??= x.dtype;
    results.push(x);
  }
  const outD = resD ?? d;
  const res = new NDArray(values.registry, outD, allocateStore(outD, rows), [rows], [1], 0, values.device);
  results.forEach((x, r) => { if (x !== null) castInto(values.registry, x, res.slice([r, r + 1]), 'unsafe'); });
  const shape = keepdims ? values.shape.map((n, dim) => (axes.includes(dim) ? 1 : n)) : keptShape;
  return new NDArray(values.registry, outD, res.store, shape, contiguousStrides(shape), 0, values.device);
}

/** A copy of `values` where every NA lane along `axis` holds the last valid value before it (leading NAs: the first valid one). */
export function forwardFill(values: NDArray, valid: NDArray, axis: number): NDArray {
  const nd = values.ndim;
  const order = [...[...Array(nd).keys()].filter((x) => x !== axis), axis];
  const v = values.transpose(order).copy();
  const { bytes, offset } = bytesOf(valid.transpose(order).copy());
  const len = values.shape[axis]!;
  const rows = len === 0 ? 0 : v.size / len;
  const d = values.dtype;
  for (let r = 0; r < rows; r++) {
    const base = r * len;
    let last = -1;
    for (let i = 0; i < len; i++) if (bytes[offset + base + i] !== 0) { last = i; break; }
    if (last < 0) continue;
    for (let i = 0; i < len; i++) {
      if (bytes[offset + base + i] !== 0) last = i;
      else copyElement(d, v.store, v.offset + base + last, v.store, v.offset + base + i);
    }
  }
  const inverse = order.map((_, i) => order.indexOf(i));
  return v.transpose(inverse).copy();
}
