// Which NaN comes out, bit for bit, on every backend (js, wasm, wasm with 2 threads); the rules
// are in dtypes/src/wasm/README.md ("NaN bits"):
// - minimum/maximum reductions: the first NaN met (float64 bits kept, float32 quieted);
// - float sums: the first NaN met, quieted; ∞ − ∞ alone gives the default NaN 0xfff8…;
// - elementwise minimum/maximum: the NaN operand (the first if both), float64 bits kept
//   (signalling too, as NumPy), float32 quieted (a float32 read into a JS number is quieted).
import { afterAll, describe, expect, it } from 'vitest';
import * as dt from 'dtkit';

const order = [...dt.backendsFor('cpu')];
afterAll(async () => {
  dt.setBackendPreference(order);
  await dt.setThreads(1);
});

/** Hex bits of element i of a float64 / float32 result. */
function hex(a: dt.NDArray, i = 0): string {
  const bytes = a.toBytes();
  return a.dtype.name === 'float64'
    ? new BigUint64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8)[i]!.toString(16)
    : new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4)[i]!.toString(16);
}

/** 0, 1, 2, … with raw bit patterns at some indices; copied so large arrays live in wasm memory. */
function withBits(dtype: 'float64' | 'float32', n: number, at: Record<number, bigint | number>): dt.NDArray {
  const values = dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = i;
  const bits = dtype === 'float64' ? new BigUint64Array(values.buffer) : new Uint32Array(values.buffer);
  for (const [k, v] of Object.entries(at)) bits[Number(k)] = v as never;
  return dt.fromBytes(new Uint8Array(values.buffer), dtype).copy();
}

/** The result bits with the js loops, the wasm loops, and the wasm loops on two threads. */
async function everyBackend(f: () => string): Promise<string[]> {
  dt.setBackendPreference(['js']);
  const js = f();
  dt.setBackendPreference(['wasm', 'js']);
  await dt.setThreads(1);
  const wasm = f();
  expect(await dt.setThreads(2)).toBe(2);
  const threads = f();
  await dt.setThreads(1);
  dt.setBackendPreference(order);
  return [js, wasm, threads];
}

const Q64 = 0x7ff8000000000123n, NEG64 = 0xfff8000000000abcn, SNAN64 = 0x7ff0000000000001n, NEG_SNAN64 = 0xfff0000000000005n;
const Q32 = 0x7fc00123, NEG32 = 0xffc00abc, SNAN32 = 0x7f800001;
// below 8 (scalar), a pairwise block, SIMD sizes over several blocks, and a threaded size (≥ 2^17)
const SIZES = [5, 40, 1000, 4099, 300_007];

describe('NaN bits are identical on every backend', () => {
  it('min/max reductions return the first NaN met (float64 bits kept, also signalling; float32 quieted)', async () => {
    for (const n of SIZES) {
      const first = Math.min(3, n - 2);
      const a64 = withBits('float64', n, { [first]: SNAN64, [n - 1]: NEG64 });
      const a32 = withBits('float32', n, { [first]: SNAN32, [n - 1]: NEG32 });
      const b64 = withBits('float64', n, { [first]: NEG64, [n - 1]: Q64 });
      for (const reduce of [dt.max, dt.min]) {
        expect(await everyBackend(() => hex(reduce(a64)))).toEqual(Array(3).fill('7ff0000000000001'));
        expect(await everyBackend(() => hex(reduce(b64)))).toEqual(Array(3).fill('fff8000000000abc'));
        expect(await everyBackend(() => hex(reduce(a32)))).toEqual(Array(3).fill('7fc00001'));
      }
    }
    // along an axis: every row its own first NaN (row 2 has none: its max is 2999)
    const m = withBits('float64', 4 * 1000, { 5: Q64, 9: NEG64, 1500: NEG64, 3999: Q64 }).reshape([4, 1000]);
    expect(await everyBackend(() => [0, 1, 2, 3].map((i) => hex(dt.max(m, { axis: 1 }), i)).join())).toEqual(
      Array(3).fill(['7ff8000000000123', 'fff8000000000abc', '40a76e0000000000', '7ff8000000000123'].join()),
    );
  });

  it('float sums return the first NaN met, quieted, whatever the lane, block or thread it sits in', async () => {
    for (const n of SIZES) {
      // a negative NaN in a later lane but earlier index than a positive one, and the reverse
      const late = Math.max(0, n - 1), early = Math.min(1, n - 1);
      const cases: Array<[dt.NDArray, string]> = [
        [withBits('float64', n, { [early]: NEG_SNAN64, [late]: Q64 }), 'fff8000000000005'],
        [withBits('float64', n, { [early]: Q64, [late]: NEG64 }), '7ff8000000000123'],
        [withBits('float32', n, { [early]: NEG32, [late]: SNAN32 }), 'ffc00abc'],
        [withBits('float32', n, { [early]: SNAN32, [late]: NEG32 }), '7fc00001'],
      ];
      for (const [a, bits] of cases) expect(await everyBackend(() => hex(dt.sum(a)))).toEqual(Array(3).fill(bits));
    }
    const big = withBits('float64', 300_007, { 200_000: NEG64, 250_000: Q64 }); // both in the second threaded half
    expect(await everyBackend(() => hex(dt.sum(big)))).toEqual(Array(3).fill('fff8000000000abc'));
    // a NaN initial value comes first
    const x = withBits('float64', 1000, { 7: NEG64 });
    expect(await everyBackend(() => hex(dt.sum(x, { initial: NaN })))).toEqual(Array(3).fill('7ff8000000000000'));
    // ∞ − ∞ with no NaN operand: the default NaN
    const inf = dt.array(Array.from({ length: 1000 }, (_, i) => (i === 10 ? Infinity : i === 900 ? -Infinity : i)));
    expect(await everyBackend(() => hex(dt.sum(inf)))).toEqual(Array(3).fill('fff8000000000000'));
    expect(await everyBackend(() => hex(dt.sum(inf.astype('float32'))))).toEqual(Array(3).fill('ffc00000'));
  });

  it('elementwise maximum/minimum return the NaN operand (the first if both): float64 bits kept, float32 quieted', async () => {
    for (const n of [20, 1000, 300_007]) {
      const s64 = withBits('float64', n, Object.fromEntries(Array.from({ length: n }, (_, i) => [i, i % 2 ? SNAN64 : NEG64])));
      const q64 = withBits('float64', n, Object.fromEntries(Array.from({ length: n }, (_, i) => [i, Q64])));
      const s32 = withBits('float32', n, Object.fromEntries(Array.from({ length: n }, (_, i) => [i, i % 2 ? SNAN32 : NEG32])));
      const one64 = dt.full([n], 1, { dtype: 'float64' }), one32 = dt.full([n], 1, { dtype: 'float32' });
      for (const op of [dt.maximum, dt.minimum]) {
        for (const i of [0, 1, n - 1]) {
          const odd = i % 2 === 1;
          expect(await everyBackend(() => hex(op(s64, one64), i))).toEqual(Array(3).fill(odd ? '7ff0000000000001' : 'fff8000000000abc'));
          expect(await everyBackend(() => hex(op(one64, s64), i))).toEqual(Array(3).fill(odd ? '7ff0000000000001' : 'fff8000000000abc'));
          expect(await everyBackend(() => hex(op(q64, s64), i))).toEqual(Array(3).fill('7ff8000000000123'));
          expect(await everyBackend(() => hex(op(s32, one32), i))).toEqual(Array(3).fill(odd ? '7fc00001' : 'ffc00abc'));
          expect(await everyBackend(() => hex(op(one32, s32), i))).toEqual(Array(3).fill(odd ? '7fc00001' : 'ffc00abc'));
        }
      }
    }
  });
});
