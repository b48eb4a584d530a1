/**
 * Strided kernels, one copy per TypedArray type. The bodies are identical on purpose:
 * V8 keeps type feedback per function literal, so a single shared kernel would see every
 * element kind and fall back to megamorphic (≈20× slower) element access. Generated from one
 * template by hand-run expansion; edit all copies together.
 */
import type { LoopData } from '@dtkit/core';
import type { Idx, NumBinary, NumUnary, NumPredicate2, NumPredicate1 } from './types.js';

export function binaryI8(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumBinary): void {
  const a = data[0] as Int8Array, b = data[1] as Int8Array, out = data[2] as Int8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!);
}

export function unaryI8(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumUnary): void {
  const a = data[0] as Int8Array, out = data[1] as Int8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!);
}

export function compareI8(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate2): void {
  const a = data[0] as Int8Array, b = data[1] as Int8Array, out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!) ? 1 : 0;
}

export function predicateI8(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate1): void {
  const a = data[0] as Int8Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!) ? 1 : 0;
}

export function binaryU8(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumBinary): void {
  const a = data[0] as Uint8Array, b = data[1] as Uint8Array, out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!);
}

export function unaryU8(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumUnary): void {
  const a = data[0] as Uint8Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!);
}

export function compareU8(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate2): void {
  const a = data[0] as Uint8Array, b = data[1] as Uint8Array, out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!) ? 1 : 0;
}

export function predicateU8(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate1): void {
  const a = data[0] as Uint8Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!) ? 1 : 0;
}

export function binaryI16(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumBinary): void {
  const a = data[0] as Int16Array, b = data[1] as Int16Array, out = data[2] as Int16Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!);
}

export function unaryI16(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumUnary): void {
  const a = data[0] as Int16Array, out = data[1] as Int16Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!);
}

export function compareI16(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate2): void {
  const a = data[0] as Int16Array, b = data[1] as Int16Array, out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!) ? 1 : 0;
}

export function predicateI16(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate1): void {
  const a = data[0] as Int16Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!) ? 1 : 0;
}

export function binaryU16(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumBinary): void {
  const a = data[0] as Uint16Array, b = data[1] as Uint16Array, out = data[2] as Uint16Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!);
}

export function unaryU16(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumUnary): void {
  const a = data[0] as Uint16Array, out = data[1] as Uint16Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!);
}

export function compareU16(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate2): void {
  const a = data[0] as Uint16Array, b = data[1] as Uint16Array, out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!) ? 1 : 0;
}

export function predicateU16(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate1): void {
  const a = data[0] as Uint16Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!) ? 1 : 0;
}

export function binaryI32(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumBinary): void {
  const a = data[0] as Int32Array, b = data[1] as Int32Array, out = data[2] as Int32Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!);
}

export function unaryI32(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumUnary): void {
  const a = data[0] as Int32Array, out = data[1] as Int32Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!);
}

export function compareI32(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate2): void {
  const a = data[0] as Int32Array, b = data[1] as Int32Array, out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!) ? 1 : 0;
}

export function predicateI32(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate1): void {
  const a = data[0] as Int32Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!) ? 1 : 0;
}

export function binaryU32(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumBinary): void {
  const a = data[0] as Uint32Array, b = data[1] as Uint32Array, out = data[2] as Uint32Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!);
}

export function unaryU32(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumUnary): void {
  const a = data[0] as Uint32Array, out = data[1] as Uint32Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!);
}

export function compareU32(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate2): void {
  const a = data[0] as Uint32Array, b = data[1] as Uint32Array, out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!) ? 1 : 0;
}

export function predicateU32(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate1): void {
  const a = data[0] as Uint32Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!) ? 1 : 0;
}

export function binaryF32(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumBinary): void {
  const a = data[0] as Float32Array, b = data[1] as Float32Array, out = data[2] as Float32Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!);
}

export function unaryF32(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumUnary): void {
  const a = data[0] as Float32Array, out = data[1] as Float32Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!);
}

export function compareF32(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate2): void {
  const a = data[0] as Float32Array, b = data[1] as Float32Array, out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!) ? 1 : 0;
}

export function predicateF32(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate1): void {
  const a = data[0] as Float32Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!) ? 1 : 0;
}

export function binaryF64(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumBinary): void {
  const a = data[0] as Float64Array, b = data[1] as Float64Array, out = data[2] as Float64Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!);
}

export function unaryF64(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumUnary): void {
  const a = data[0] as Float64Array, out = data[1] as Float64Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!);
}

export function compareF64(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate2): void {
  const a = data[0] as Float64Array, b = data[1] as Float64Array, out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!) ? 1 : 0;
}

export function predicateF64(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate1): void {
  const a = data[0] as Float64Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!) ? 1 : 0;
}
