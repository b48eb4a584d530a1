/**
 * Reduce loops (data = [input, accumulator], accumulator at acc[offsets[1]]) and argmin/argmax.
 * add/multiply: the kernel calls the reduce loop once per run along the reduced axes with the
 * accumulator in the minifloat; the loop decodes it, folds the whole run in float32 (rounding
 * to float32 after every step) and rounds to the type once at the end. A reduction that the
 * kernel splits into several runs therefore rounds to the type once per run.
 */
import { encodeMinifloat, type ArgReduceLoop, type LoopData, type MinifloatStorage, type StridedLoop } from '@dtkit/core';
import type { MinifloatType } from '../formats.js';

/** A kernel called from one literal per ufunc with an inline op (see elementwise.ts on why). */
export function foldReduceKernel(
  t: MinifloatType, n: number, data: readonly LoopData[], offs: ArrayLike<number>, strides: ArrayLike<number>,
  op: (acc: number, x: number) => number,
): void {
  const table = t.decode;
  const src = data[0] as MinifloatStorage;
  const acc = data[1] as MinifloatStorage;
  const o = offs[1]!;
  const step = strides[0]!;
  let sum = table[acc[o]!]!;
  for (let k = 0, i = offs[0]!; k < n; k++, i += step) sum = Math.fround(op(sum, table[src[i]!]!));
  acc[o] = encodeMinifloat(sum, t.format);
}

/** maximum/minimum: picks a code (exact, no rounding); the first NaN wins and stays. */
export function pickReduceLoop(t: MinifloatType, better: (x: number, best: number) => boolean): StridedLoop {
  const table = t.decode;
  return (n, data, offs, strides) => {
    const src = data[0] as MinifloatStorage;
    const acc = data[1] as MinifloatStorage;
    const o = offs[1]!;
    let bestCode = acc[o]!;
    let best = table[bestCode]!;
    if (best !== best) return;
    for (let k = 0, i = offs[0]!; k < n; k++, i += strides[0]!) {
      const code = src[i]!;
      const x = table[code]!;
      if (x !== x) { bestCode = code; break; }
      if (better(x, best)) { best = x; bestCode = code; }
    }
    acc[o] = bestCode;
  };
}

/** Index of the first extreme; a NaN counts as the extreme (first NaN wins), as in NumPy. */
export function argReduceLoop(t: MinifloatType, better: (x: number, best: number) => boolean): ArgReduceLoop {
  const table = t.decode;
  return (n, data, offset, stride) => {
    const src = data as MinifloatStorage;
    let bestIndex = 0;
    let best = table[src[offset]!]!;
    if (best !== best) return 0;
    for (let k = 1, i = offset + stride; k < n; k++, i += stride) {
      const x = table[src[i]!]!;
      if (x !== x) return k;
      if (better(x, best)) { best = x; bestIndex = k; }
    }
    return bestIndex;
  };
}
