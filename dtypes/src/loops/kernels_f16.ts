/**
 * float16 kernels: storage is Uint16Array of binary16 bits. Like NumPy, values are widened,
 * the op is computed in float32 (Math.fround of the float64 op; exact for + - * / sqrt) and the
 * result is rounded once to binary16.
 */
import type { LoopData } from '@dtkit/core';
import { f16BitsToNumber, numberToF16Bits } from '@dtkit/core';
import type { Idx, NumBinary, NumUnary, NumPredicate2, NumPredicate1 } from './types.js';

export function binaryF16(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumBinary): void {
  const a = data[0] as Uint16Array, b = data[1] as Uint16Array, out = data[2] as Uint16Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = numberToF16Bits(Math.fround(op(f16BitsToNumber(a[ia + i]!), f16BitsToNumber(b[ib + i]!))));
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) {
    out[io] = numberToF16Bits(Math.fround(op(f16BitsToNumber(a[ia]!), f16BitsToNumber(b[ib]!))));
  }
}

export function unaryF16(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumUnary): void {
  const a = data[0] as Uint16Array, out = data[1] as Uint16Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = numberToF16Bits(Math.fround(op(f16BitsToNumber(a[ia + i]!))));
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) {
    out[io] = numberToF16Bits(Math.fround(op(f16BitsToNumber(a[ia]!))));
  }
}

export function compareF16(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate2): void {
  const a = data[0] as Uint16Array, b = data[1] as Uint16Array, out = data[2] as Uint8Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(f16BitsToNumber(a[ia + i]!), f16BitsToNumber(b[ib + i]!)) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) {
    out[io] = op(f16BitsToNumber(a[ia]!), f16BitsToNumber(b[ib]!)) ? 1 : 0;
  }
}

export function predicateF16(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate1): void {
  const a = data[0] as Uint16Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(f16BitsToNumber(a[ia + i]!)) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(f16BitsToNumber(a[ia]!)) ? 1 : 0;
}

/** Ops on the raw binary16 bit patterns (sign-bit tricks: negative, absolute, copysign, signbit). */
export function binaryF16Bits(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumBinary): void {
  const a = data[0] as Uint16Array, b = data[1] as Uint16Array, out = data[2] as Uint16Array;
  let ia = o[0]!, ib = o[1]!, io = o[2]!;
  const sa = s[0]!, sb = s[1]!, so = s[2]!;
  if (sa === 1 && sb === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!, b[ib + i]!);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) out[io] = op(a[ia]!, b[ib]!);
}

export function predicateF16Bits(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumPredicate1): void {
  const a = data[0] as Uint16Array, out = data[1] as Uint8Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  if (sa === 1 && so === 1) {
    for (let i = 0; i < n; i++) out[io + i] = op(a[ia + i]!) ? 1 : 0;
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!) ? 1 : 0;
}

export function unaryF16Bits(n: number, data: readonly LoopData[], o: Idx, s: Idx, op: NumUnary): void {
  const a = data[0] as Uint16Array, out = data[1] as Uint16Array;
  let ia = o[0]!, io = o[1]!;
  const sa = s[0]!, so = s[1]!;
  for (let i = 0; i < n; i++, ia += sa, io += so) out[io] = op(a[ia]!);
}
