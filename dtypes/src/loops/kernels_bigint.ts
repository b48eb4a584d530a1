/**
 * Strided kernels, one copy per TypedArray type for the 64-bit integers (BigInt storage). The bodies are identical on purpose:
 * V8 keeps type feedback per function literal, so a single shared kernel would see every
 * element kind and fall back to megamorphic (≈20× slower) element access. Generated from one
 * template by hand-run expansion; edit all copies together.
 */
import type { LoopData } from '@dtkit/core';
import type { Idx, BigBinary, BigUnary, BigPredicate2, BigPredicate1 } from './types.js';

export function binaryI64(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: BigBinary): void {
  const a = data[0] as BigInt64Array, b = data[1] as BigInt64Array, out = data[2] as BigInt64Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!);
}

export function unaryI64(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: BigUnary): void {
  const a = data[0] as BigInt64Array, out = data[1] as BigInt64Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!);
}

export function compareI64(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: BigPredicate2): void {
  const a = data[0] as BigInt64Array, b = data[1] as BigInt64Array, out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!) ? 1 : 0;
}

export function predicateI64(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: BigPredicate1): void {
  const a = data[0] as BigInt64Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!) ? 1 : 0;
}

export function binaryU64(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: BigBinary): void {
  const a = data[0] as BigUint64Array, b = data[1] as BigUint64Array, out = data[2] as BigUint64Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!);
}

export function unaryU64(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: BigUnary): void {
  const a = data[0] as BigUint64Array, out = data[1] as BigUint64Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!);
}

export function compareU64(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: BigPredicate2): void {
  const a = data[0] as BigUint64Array, b = data[1] as BigUint64Array, out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!) ? 1 : 0;
}

export function predicateU64(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: BigPredicate1): void {
  const a = data[0] as BigUint64Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!) ? 1 : 0;
}
