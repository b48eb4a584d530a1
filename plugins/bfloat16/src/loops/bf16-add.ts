/**
 * The hot bfloat16 add, written out by hand: a shared generic loop calls its operation through
 * a closure, which V8 cannot inline once several operations share the loop's code.
 * Decode: 65536-entry Float32Array table (exact). Add: stored into a Float32Array, i.e. rounded
 * to float32 (the inputs are exact, so this equals a float32 add). Encode: round to nearest
 * even on the float32 pattern, (u + 0x7fff + lsb) >>> 16.
 *
 * Why no NaN or overflow branch: a finite sum that rounds past the largest finite value carries
 * into the exponent and lands exactly on the ±inf pattern, which is IEEE overflow. A NaN sum is
 * either an input NaN propagated or the default NaN; both have zero low 16 bits (the inputs
 * are bfloat16 codes << 16 and float conversions only drop low payload bits), so the rounding
 * add (< 0x10000) cannot carry and the top half is a NaN code again.
 *
 * Contiguous, 4-byte-aligned operands are processed two elements per 32-bit word: half the
 * element accesses (each one bounds-checked), measured ~1.4x faster on 1e6 elements.
 */
import { bfloat16DecodeTable, type StridedLoop } from '@dtkit/core';

const TABLE = bfloat16DecodeTable();
const sums = new Float32Array(2);
const sumBits = new Int32Array(sums.buffer);

const wordViews = new WeakMap<Uint16Array, Uint32Array>();

/** The same memory as 32-bit words (cached; the caller checks alignment). */
function wordsOf(a: Uint16Array): Uint32Array {
  let w = wordViews.get(a);
  if (w === undefined) {
    w = new Uint32Array(a.buffer, a.byteOffset, a.length >>> 1);
    wordViews.set(a, w);
  }
  return w;
}

function addOne(x: number, y: number): number {
  sums[0] = TABLE[x]! + TABLE[y]!;
  const u = sumBits[0]!;
  return (u + 0x7fff + ((u >>> 16) & 1)) >>> 16;
}

/** Little-endian words: element 2i is the low half. m = number of words. */
function addPairs(m: number, a: Uint32Array, ia: number, b: Uint32Array, ib: number, c: Uint32Array, ic: number): void {
  for (let k = 0; k < m; k++) {
    const x = a[ia + k]!;
    const y = b[ib + k]!;
    sums[0] = TABLE[x & 0xffff]! + TABLE[y & 0xffff]!;
    sums[1] = TABLE[x >>> 16]! + TABLE[y >>> 16]!;
    const u = sumBits[0]!;
    const w = sumBits[1]!;
    c[ic + k] = ((u + 0x7fff + ((u >>> 16) & 1)) >>> 16) | (((w + 0x7fff + ((w >>> 16) & 1)) >>> 16) << 16);
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Word pairs line up when every array starts on a word and all three offsets share parity. */
function pairable(a: Uint16Array, ia: number, b: Uint16Array, ib: number, c: Uint16Array, ic: number): boolean {
  return LITTLE_ENDIAN && a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0 && c.byteOffset % 4 === 0
    && (ia & 1) === (ic & 1) && (ib & 1) === (ic & 1);
}

export const bfloat16Add: StridedLoop = (n, data, offs, strides) => {
  const a = data[0] as Uint16Array;
  const b = data[1] as Uint16Array;
  const dst = data[2] as Uint16Array;
  let ia = offs[0]!;
  let ib = offs[1]!;
  let o = offs[2]!;
  const sa = strides[0]!;
  const sb = strides[1]!;
  const so = strides[2]!;
  if (sa === 1 && sb === 1 && so === 1 && n >= 8 && pairable(a, ia, b, ib, dst, o)) {
    let rest = n;
    if ((o & 1) === 1) { dst[o++] = addOne(a[ia++]!, b[ib++]!); rest--; }
    const words = rest >>> 1;
    addPairs(words, wordsOf(a), ia >>> 1, wordsOf(b), ib >>> 1, wordsOf(dst), o >>> 1);
    if ((rest & 1) === 1) dst[o + 2 * words] = addOne(a[ia + 2 * words]!, b[ib + 2 * words]!);
    return;
  }
  for (let k = 0; k < n; k++, ia += sa, ib += sb, o += so) dst[o] = addOne(a[ia]!, b[ib]!);
};
