import type { StridedLoop, LoopContext } from '../dtype/loop.js';
import type { LoopData } from '../storage/types.js';
import type { Shape } from '../array/shape.js';

/**
 * The coalesced iteration space of several operands over one shape: dimensions of size 1 are
 * dropped and adjacent dimensions merged when every operand steps through them uniformly, so a
 * C-contiguous nd operation becomes a single 1-D run.
 */
export interface IterSpace {
  /** Outer dims (all but the innermost), outermost first. */
  readonly outerShape: number[];
  /** outerStrides[op][dim]. */
  readonly outerStrides: number[][];
  readonly innerSize: number;
  readonly innerStrides: number[];
}

export function coalesce(shape: Shape, strides: readonly (readonly number[])[]): IterSpace {
  const nop = strides.length;
  const dims: number[] = [];
  const st: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d]!;
    if (n === 1) continue;
    const last = dims.length - 1;
    let merge = last >= 0;
    if (merge) {
      for (let k = 0; k < nop; k++) {
        if (st[k]![last] !== strides[k]![d]! * n) { merge = false; break; }
      }
    }
    if (merge) {
      dims[last] = dims[last]! * n;
      for (let k = 0; k < nop; k++) st[k]![last] = strides[k]![d]!;
    } else {
      dims.push(n);
      for (let k = 0; k < nop; k++) st[k]!.push(strides[k]![d]!);
    }
  }
  if (dims.length === 0) return { outerShape: [], outerStrides: st.map(() => []), innerSize: 1, innerStrides: new Array<number>(nop).fill(0) };
  const innerSize = dims.pop()!;
  const innerStrides = st.map((s) => s.pop()!);
  return { outerShape: dims, outerStrides: st, innerSize, innerStrides };
}

/**
 * Runs a 1-D strided loop over an nd iteration space: one call per innermost run, with the
 * operands' element offsets advanced by an odometer over the outer dimensions.
 */
export function runStrided(
  loop: StridedLoop, data: readonly LoopData[], shape: Shape,
  strides: readonly (readonly number[])[], offsets: readonly number[], ctx: LoopContext,
): void {
  for (let i = 0; i < shape.length; i++) if (shape[i] === 0) return;
  const sp = coalesce(shape, strides);
  const nop = data.length;
  const offs = offsets.slice();
  const outer = sp.outerShape;
  if (outer.length === 0) {
    loop(sp.innerSize, data, offs, sp.innerStrides, ctx);
    return;
  }
  const nd = outer.length;
  const idx = new Array<number>(nd).fill(0);
  for (;;) {
    loop(sp.innerSize, data, offs, sp.innerStrides, ctx);
    let d = nd - 1;
    for (; d >= 0; d--) {
      idx[d]!++;
      for (let k = 0; k < nop; k++) offs[k] = offs[k]! + sp.outerStrides[k]![d]!;
      if (idx[d]! < outer[d]!) break;
      for (let k = 0; k < nop; k++) offs[k] = offs[k]! - sp.outerStrides[k]![d]! * outer[d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}
