import type { StridedLoop, PlaneLoop, LoopContext } from '../dtype/loop.js';
import type { LoopData } from '../storage/types.js';
import type { TypedArray } from '../storage/typed.js';

/**
 * Same-descriptor copies of typed stores (copy(), reshape of a view, astype to the same dtype).
 * They are bit copies, so every element type is moved as 1-, 2-, 4- or 8-byte units through
 * reinterpreting views: four monomorphic loops instead of one loop that sees all eleven
 * TypedArray classes (which V8 compiles megamorphic: ~5 ns per element, 30× a memcpy).
 * Contiguous runs are one `TypedArray.set` (a memmove).
 */

type Units = Uint8Array | Uint16Array | Uint32Array | Float64Array;
type UnitBytes = 1 | 2 | 4 | 8;

function lanesOf(ctx: LoopContext): number {
  const st = ctx.descriptors[0]!.storage;
  return st.kind === 'typed' ? st.lanes ?? 1 : 1;
}

/**
 * Bytes per copy unit for elements of `elementBytes`: the largest of 8, 4, 2, 1 dividing it.
 * 8-byte units move through Float64Array, whose loads and stores keep every bit pattern (NaN
 * payloads included, checked in V8's interpreter and optimizing tiers); Float32Array would not
 * (a signaling NaN is quieted on the way through a JS number), so 4-byte units are Uint32.
 */
function unitBytes(elementBytes: number): UnitBytes {
  return elementBytes % 8 === 0 ? 8 : elementBytes % 4 === 0 ? 4 : elementBytes % 2 === 0 ? 2 : 1;
}

// One-entry caches: row-by-row iteration calls the loop many times with the same two arrays.
let lastSource: TypedArray | null = null;
let lastSourceUnits: Units | null = null;
let lastTarget: TypedArray | null = null;
let lastTargetUnits: Units | null = null;

function unitView(a: TypedArray, unit: UnitBytes): Units {
  const bytes = a.length * a.BYTES_PER_ELEMENT;
  if (unit === 8) return new Float64Array(a.buffer, a.byteOffset, bytes / 8);
  if (unit === 4) return new Uint32Array(a.buffer, a.byteOffset, bytes / 4);
  if (unit === 2) return new Uint16Array(a.buffer, a.byteOffset, bytes / 2);
  return new Uint8Array(a.buffer, a.byteOffset, bytes);
}

function sourceUnits(a: TypedArray, unit: UnitBytes): Units {
  if (a !== lastSource || lastSourceUnits === null || lastSourceUnits.BYTES_PER_ELEMENT !== unit) {
    lastSource = a;
    lastSourceUnits = unitView(a, unit);
  }
  return lastSourceUnits;
}

function targetUnits(a: TypedArray, unit: UnitBytes): Units {
  if (a !== lastTarget || lastTargetUnits === null || lastTargetUnits.BYTES_PER_ELEMENT !== unit) {
    lastTarget = a;
    lastTargetUnits = unitView(a, unit);
  }
  return lastTargetUnits;
}

// dst[o + k*so + u] = src[i + k*si + u] for u < per, in units. One literal per unit width.
function copyUnits64(n: number, per: number, src: Float64Array, i: number, si: number, dst: Float64Array, o: number, so: number): void {
  if (per === 1) for (let k = 0; k < n; k++, i += si, o += so) dst[o] = src[i]!;
  else for (let k = 0; k < n; k++, i += si, o += so) for (let u = 0; u < per; u++) dst[o + u] = src[i + u]!;
}
function copyUnits32(n: number, per: number, src: Uint32Array, i: number, si: number, dst: Uint32Array, o: number, so: number): void {
  if (per === 1) for (let k = 0; k < n; k++, i += si, o += so) dst[o] = src[i]!;
  else for (let k = 0; k < n; k++, i += si, o += so) for (let u = 0; u < per; u++) dst[o + u] = src[i + u]!;
}
function copyUnits16(n: number, per: number, src: Uint16Array, i: number, si: number, dst: Uint16Array, o: number, so: number): void {
  if (per === 1) for (let k = 0; k < n; k++, i += si, o += so) dst[o] = src[i]!;
  else for (let k = 0; k < n; k++, i += si, o += so) for (let u = 0; u < per; u++) dst[o + u] = src[i + u]!;
}
function copyUnits8(n: number, per: number, src: Uint8Array, i: number, si: number, dst: Uint8Array, o: number, so: number): void {
  if (per === 1) for (let k = 0; k < n; k++, i += si, o += so) dst[o] = src[i]!;
  else for (let k = 0; k < n; k++, i += si, o += so) for (let u = 0; u < per; u++) dst[o + u] = src[i + u]!;
}

function copyRun(n: number, src: TypedArray, i: number, si: number, dst: TypedArray, o: number, so: number, lanes: number): void {
  // Element offsets/strides -> units.
  const elementBytes = src.BYTES_PER_ELEMENT * lanes;
  const unit = unitBytes(elementBytes);
  const per = elementBytes / unit;
  const s = sourceUnits(src, unit), d = targetUnits(dst, unit);
  if (unit === 8) copyUnits64(n, per, s as Float64Array, i * per, si * per, d as Float64Array, o * per, so * per);
  else if (unit === 4) copyUnits32(n, per, s as Uint32Array, i * per, si * per, d as Uint32Array, o * per, so * per);
  else if (unit === 2) copyUnits16(n, per, s as Uint16Array, i * per, si * per, d as Uint16Array, o * per, so * per);
  else copyUnits8(n, per, s as Uint8Array, i * per, si * per, d as Uint8Array, o * per, so * per);
}

/** Tile edge for transposing copies: a 32×32 tile of 8-byte elements is 8 KiB per side. */
const TILE = 32;

// Tiled plane copies in units (see copyPlane); one literal per unit width, like copyUnits*.
function planeUnits64(rows: number, cols: number, per: number, src: Float64Array, i0: number, rsi: number, csi: number, dst: Float64Array, o0: number, rso: number, cso: number): void {
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(rows, r0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const c1 = Math.min(cols, c0 + TILE);
      for (let r = r0; r < r1; r++) {
        let i = i0 + r * rsi + c0 * csi, o = o0 + r * rso + c0 * cso;
        if (per === 1) for (let c = c0; c < c1; c++, i += csi, o += cso) dst[o] = src[i]!;
        else for (let c = c0; c < c1; c++, i += csi, o += cso) for (let u = 0; u < per; u++) dst[o + u] = src[i + u]!;
      }
    }
  }
}
function planeUnits32(rows: number, cols: number, per: number, src: Uint32Array, i0: number, rsi: number, csi: number, dst: Uint32Array, o0: number, rso: number, cso: number): void {
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(rows, r0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const c1 = Math.min(cols, c0 + TILE);
      for (let r = r0; r < r1; r++) {
        let i = i0 + r * rsi + c0 * csi, o = o0 + r * rso + c0 * cso;
        if (per === 1) for (let c = c0; c < c1; c++, i += csi, o += cso) dst[o] = src[i]!;
        else for (let c = c0; c < c1; c++, i += csi, o += cso) for (let u = 0; u < per; u++) dst[o + u] = src[i + u]!;
      }
    }
  }
}
function planeUnits16(rows: number, cols: number, per: number, src: Uint16Array, i0: number, rsi: number, csi: number, dst: Uint16Array, o0: number, rso: number, cso: number): void {
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(rows, r0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const c1 = Math.min(cols, c0 + TILE);
      for (let r = r0; r < r1; r++) {
        let i = i0 + r * rsi + c0 * csi, o = o0 + r * rso + c0 * cso;
        if (per === 1) for (let c = c0; c < c1; c++, i += csi, o += cso) dst[o] = src[i]!;
        else for (let c = c0; c < c1; c++, i += csi, o += cso) for (let u = 0; u < per; u++) dst[o + u] = src[i + u]!;
      }
    }
  }
}
function planeUnits8(rows: number, cols: number, per: number, src: Uint8Array, i0: number, rsi: number, csi: number, dst: Uint8Array, o0: number, rso: number, cso: number): void {
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(rows, r0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const c1 = Math.min(cols, c0 + TILE);
      for (let r = r0; r < r1; r++) {
        let i = i0 + r * rsi + c0 * csi, o = o0 + r * rso + c0 * cso;
        if (per === 1) for (let c = c0; c < c1; c++, i += csi, o += cso) dst[o] = src[i]!;
        else for (let c = c0; c < c1; c++, i += csi, o += cso) for (let u = 0; u < per; u++) dst[o + u] = src[i + u]!;
      }
    }
  }
}

/**
 * A plane whose source and target disagree on the fast axis (`A.T.copy()`): copied in square
 * tiles, so both sides reuse each cache line they touch instead of one side taking a new line
 * per element.
 */
const copyPlane: PlaneLoop = (rows, cols, data, offs, rowStrides, colStrides, ctx) => {
  const src = data[0] as TypedArray, dst = data[1] as TypedArray;
  const elementBytes = src.BYTES_PER_ELEMENT * lanesOf(ctx);
  const unit = unitBytes(elementBytes);
  const per = elementBytes / unit;
  const s = sourceUnits(src, unit), d = targetUnits(dst, unit);
  const args = [offs[0]! * per, rowStrides[0]! * per, colStrides[0]! * per, offs[1]! * per, rowStrides[1]! * per, colStrides[1]! * per] as const;
  if (unit === 8) planeUnits64(rows, cols, per, s as Float64Array, args[0], args[1], args[2], d as Float64Array, args[3], args[4], args[5]);
  else if (unit === 4) planeUnits32(rows, cols, per, s as Uint32Array, args[0], args[1], args[2], d as Uint32Array, args[3], args[4], args[5]);
  else if (unit === 2) planeUnits16(rows, cols, per, s as Uint16Array, args[0], args[1], args[2], d as Uint16Array, args[3], args[4], args[5]);
  else planeUnits8(rows, cols, per, s as Uint8Array, args[0], args[1], args[2], d as Uint8Array, args[3], args[4], args[5]);
  return true;
};

/** The same-descriptor copy loop for typed stores (data = [source, target]). */
export const copyLanes: StridedLoop = Object.assign(
  (n: number, data: readonly LoopData[], offs: ArrayLike<number>, strides: ArrayLike<number>, ctx: LoopContext): void => {
    const src = data[0] as TypedArray, dst = data[1] as TypedArray;
    const lanes = lanesOf(ctx);
    if (strides[0] === 1 && strides[1] === 1) {
      const start = offs[0]! * lanes;
      // Runs are elements apart by whole lanes, so one set() moves the run (memmove).
      (dst as Float64Array).set((src as Float64Array).subarray(start, start + n * lanes), offs[1]! * lanes);
      return;
    }
    copyRun(n, src, offs[0]!, strides[0]!, dst, offs[1]!, strides[1]!, lanes);
  },
  { plane: copyPlane },
);
