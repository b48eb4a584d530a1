/**
 * NumPy's pairwise summation (loops_utils.h.src): below 8 elements a plain running sum from -0;
 * up to 128 elements 8 interleaved accumulators combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))
 * plus the tail; above that, split at a multiple of 8 near the middle and recurse.
 * Written out per element type so every addition rounds exactly like the C code.
 */
import { f16BitsToNumber } from '@dtkit/core';

const BLOCK = 128;

/** Where a pairwise sum of more than 128 elements splits: the middle, rounded down to a multiple of 8. */
export function pairwiseHalf(n: number): number {
  const half = Math.floor(n / 2);
  return half - (half % 8);
}

export function pairwiseF64(a: Float64Array, start: number, n: number, stride: number): number {
  if (n < 8) {
    let sum = -0;
    for (let i = 0, k = start; i < n; i++, k += stride) sum += a[k]!;
    return sum;
  }
  if (n <= BLOCK) {
    let r0 = a[start]!, r1 = a[start + stride]!, r2 = a[start + 2 * stride]!, r3 = a[start + 3 * stride]!;
    let r4 = a[start + 4 * stride]!, r5 = a[start + 5 * stride]!, r6 = a[start + 6 * stride]!, r7 = a[start + 7 * stride]!;
    const unrolledEnd = n - (n % 8);
    let i = 8;
    for (let k = start + 8 * stride; i < unrolledEnd; i += 8, k += 8 * stride) {
      r0 += a[k]!; r1 += a[k + stride]!; r2 += a[k + 2 * stride]!; r3 += a[k + 3 * stride]!;
      r4 += a[k + 4 * stride]!; r5 += a[k + 5 * stride]!; r6 += a[k + 6 * stride]!; r7 += a[k + 7 * stride]!;
    }
    let sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (let k = start + i * stride; i < n; i++, k += stride) sum += a[k]!;
    return sum;
  }
  const half = pairwiseHalf(n);
  return pairwiseF64(a, start, half, stride) + pairwiseF64(a, start + half * stride, n - half, stride);
}

/** float32 values, float32 accumulators (every sum rounded with Math.fround). */
export function pairwiseF32(a: Float32Array, start: number, n: number, stride: number): number {
  const f = Math.fround;
  if (n < 8) {
    let sum = -0;
    for (let i = 0, k = start; i < n; i++, k += stride) sum = f(sum + a[k]!);
    return sum;
  }
  if (n <= BLOCK) {
    let r0 = a[start]!, r1 = a[start + stride]!, r2 = a[start + 2 * stride]!, r3 = a[start + 3 * stride]!;
    let r4 = a[start + 4 * stride]!, r5 = a[start + 5 * stride]!, r6 = a[start + 6 * stride]!, r7 = a[start + 7 * stride]!;
    const unrolledEnd = n - (n % 8);
    let i = 8;
    for (let k = start + 8 * stride; i < unrolledEnd; i += 8, k += 8 * stride) {
      r0 = f(r0 + a[k]!); r1 = f(r1 + a[k + stride]!); r2 = f(r2 + a[k + 2 * stride]!); r3 = f(r3 + a[k + 3 * stride]!);
      r4 = f(r4 + a[k + 4 * stride]!); r5 = f(r5 + a[k + 5 * stride]!); r6 = f(r6 + a[k + 6 * stride]!); r7 = f(r7 + a[k + 7 * stride]!);
    }
    let sum = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
    for (let k = start + i * stride; i < n; i++, k += stride) sum = f(sum + a[k]!);
    return sum;
  }
  const half = pairwiseHalf(n);
  return f(pairwiseF32(a, start, half, stride) + pairwiseF32(a, start + half * stride, n - half, stride));
}

/** float16 bits, summed with float32 accumulators (NumPy's HALF pairwise sum returns a float). */
export function pairwiseF16(a: Uint16Array, start: number, n: number, stride: number): number {
  const f = Math.fround;
  const at = (k: number): number => f16BitsToNumber(a[k]!);
  if (n < 8) {
    let sum = -0;
    for (let i = 0, k = start; i < n; i++, k += stride) sum = f(sum + at(k));
    return sum;
  }
  if (n <= BLOCK) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => at(start + j * stride));
    const unrolledEnd = n - (n % 8);
    let i = 8;
    for (let k = start + 8 * stride; i < unrolledEnd; i += 8, k += 8 * stride) {
      for (let j = 0; j < 8; j++) r[j] = f(r[j]! + at(k + j * stride));
    }
    let sum = f(f(f(r[0]! + r[1]!) + f(r[2]! + r[3]!)) + f(f(r[4]! + r[5]!) + f(r[6]! + r[7]!)));
    for (let k = start + i * stride; i < n; i++, k += stride) sum = f(sum + at(k));
    return sum;
  }
  const half = pairwiseHalf(n);
  return f(pairwiseF16(a, start, half, stride) + pairwiseF16(a, start + half * stride, n - half, stride));
}

/**
 * Complex pairwise sum over `n` complex elements (NumPy counts 2n lanes: blocks of 128 lanes,
 * accumulators r0..r7 alternate re/im of 4 consecutive elements). Writes [re, im] into `out`.
 */
export function pairwiseComplex(
  a: Float32Array | Float64Array, start: number, n: number, stride: number, round: (x: number) => number, out: Float64Array,
): void {
  const lanes = 2 * n;
  if (lanes < 8) {
    let re = -0, im = -0;
    for (let i = 0, k = 2 * start; i < n; i++, k += 2 * stride) { re = round(re + a[k]!); im = round(im + a[k + 1]!); }
    out[0] = re; out[1] = im;
    return;
  }
  if (lanes <= BLOCK) {
    const r = new Float64Array(8);
    for (let j = 0; j < 4; j++) { r[2 * j] = a[2 * (start + j * stride)]!; r[2 * j + 1] = a[2 * (start + j * stride) + 1]!; }
    const unrolledEnd = n - (n % 4);
    let i = 4;
    for (; i < unrolledEnd; i += 4) {
      for (let j = 0; j < 4; j++) {
        const k = 2 * (start + (i + j) * stride);
        r[2 * j] = round(r[2 * j]! + a[k]!);
        r[2 * j + 1] = round(r[2 * j + 1]! + a[k + 1]!);
      }
    }
    let re = round(round(r[0]! + r[2]!) + round(r[4]! + r[6]!));
    let im = round(round(r[1]! + r[3]!) + round(r[5]! + r[7]!));
    for (; i < n; i++) { const k = 2 * (start + i * stride); re = round(re + a[k]!); im = round(im + a[k + 1]!); }
    out[0] = re; out[1] = im;
    return;
  }
  const half = pairwiseHalf(lanes) / 2;
  pairwiseComplex(a, start, half, stride, round, out);
  const re = out[0]!, im = out[1]!;
  pairwiseComplex(a, start + half * stride, n - half, stride, round, out);
  out[0] = round(re + out[0]!);
  out[1] = round(im + out[1]!);
}
