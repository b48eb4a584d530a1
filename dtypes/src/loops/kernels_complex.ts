/**
 * Complex kernels: element k occupies lanes 2k (re) and 2k+1 (im) of a Float32Array or
 * Float64Array; offsets and strides count elements, so lane indices are doubled here.
 * Ops write their complex result into a reused 2-slot scratch array (no per-element allocation).
 */
import type { LoopData } from '@dtkit/core';
import type { Idx } from './types.js';

export type ComplexLanes = Float32Array | Float64Array;
export type ComplexBinary = (ar: number, ai: number, br: number, bi: number, out: Float64Array) => void;
export type ComplexUnary = (re: number, im: number, out: Float64Array) => void;
export type ComplexToReal = (re: number, im: number) => number;
export type ComplexPredicate2 = (ar: number, ai: number, br: number, bi: number) => boolean;
export type ComplexPredicate1 = (re: number, im: number) => boolean;

const scratch = new Float64Array(2);

export function complexBinary(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: ComplexBinary): void {
  const a = data[0] as ComplexLanes, b = data[1] as ComplexLanes, out = data[2] as ComplexLanes;
  let ia = 2 * o[0]!, ib = 2 * o[1]!, io = 2 * o[2]!;
  const sa = 2 * s[0]!, sb = 2 * s[1]!, so = 2 * s[2]!;
  if (sa === 2 && sb === 2 && so === 2) {
    for (let i = 0; i < 2 * n; i += 2) {
      op(a[ia + i]!, a[ia + i + 1]!, b[ib + i]!, b[ib + i + 1]!, scratch);
      out[io + i] = scratch[0]!;
      out[io + i + 1] = scratch[1]!;
    }
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) {
    op(a[ia]!, a[ia + 1]!, b[ib]!, b[ib + 1]!, scratch);
    out[io] = scratch[0]!;
    out[io + 1] = scratch[1]!;
  }
}

export function complexUnary(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: ComplexUnary): void {
  const a = data[0] as ComplexLanes, out = data[1] as ComplexLanes;
  let ia = 2 * o[0]!, io = 2 * o[1]!;
  const sa = 2 * s[0]!, so = 2 * s[1]!;
  if (sa === 2 && so === 2) {
    for (let i = 0; i < 2 * n; i += 2) {
      op(a[ia + i]!, a[ia + i + 1]!, scratch);
      out[io + i] = scratch[0]!;
      out[io + i + 1] = scratch[1]!;
    }
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) {
    op(a[ia]!, a[ia + 1]!, scratch);
    out[io] = scratch[0]!;
    out[io + 1] = scratch[1]!;
  }
}

/** complex → real (absolute): the output is a plain float array. */
export function complexToReal(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: ComplexToReal): void {
  const a = data[0] as ComplexLanes, out = data[1] as ComplexLanes;
  let ia = 2 * o[0]!, io = o[1]!;
  const sa = 2 * s[0]!, so = s[1]!;
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!, a[ia + 1]!);
}

export function complexCompare(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: ComplexPredicate2): void {
  const a = data[0] as ComplexLanes, b = data[1] as ComplexLanes, out = data[2] as Uint8Array;
  let ia = 2 * o[0]!, ib = 2 * o[1]!, io = o[2]!;
  const sa = 2 * s[0]!, sb = 2 * s[1]!, so = s[2]!;
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) {
    out[io] = op(a[ia]!, a[ia + 1]!, b[ib]!, b[ib + 1]!) ? 1 : 0;
  }
}

export function complexPredicate(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: ComplexPredicate1): void {
  const a = data[0] as ComplexLanes, out = data[1] as Uint8Array;
  let ia = 2 * o[0]!, io = o[1]!;
  const sa = 2 * s[0]!, so = s[1]!;
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!, a[ia + 1]!) ? 1 : 0;
}
