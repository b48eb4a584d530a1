/**
 * The hot bfloat16 add, written out by hand: a shared generic loop calls its operation through
 * a closure, which V8 cannot inline once several operations share the loop's code.
 * Decode: 65536-entry Float32Array (exact). Add: stored into a Float32Array, i.e. rounded to
 * float32 (exact inputs, so f64-then-f32 equals a float32 add). Encode: the kernel's
 * round-to-nearest-even bit loop on the float32 patterns.
 */
import { bfloat16DecodeTable, float32ToBFloat16, type StridedLoop } from '@dtkit/core';
import { CHUNK } from '../casts/options.js';

const TABLE = bfloat16DecodeTable();
const sums = new Float32Array(CHUNK);

export const bfloat16Add: StridedLoop = (n, data, offs, strides) => {
  const a = data[0] as Uint16Array;
  const b = data[1] as Uint16Array;
  const dst = data[2] as Uint16Array;
  const sa = strides[0]!;
  const sb = strides[1]!;
  const so = strides[2]!;
  let ia = offs[0]!;
  let ib = offs[1]!;
  let o = offs[2]!;
  for (let done = 0; done < n; done += CHUNK) {
    const m = Math.min(CHUNK, n - done);
    if (sa === 1 && sb === 1) {
      for (let j = 0; j < m; j++) sums[j] = TABLE[a[ia + j]!]! + TABLE[b[ib + j]!]!;
      ia += m;
      ib += m;
    } else {
      for (let j = 0; j < m; j++, ia += sa, ib += sb) sums[j] = TABLE[a[ia]!]! + TABLE[b[ib]!]!;
    }
    float32ToBFloat16(m, sums, 0, 1, dst, o, so);
    o += m * so;
  }
};
