/**
 * Which NaN a float reduction returns, pinned down so the JS loops, the wasm kernels
 * (dtypes/wasm/reduce.ts, firstNaN64/32) and threaded runs agree bit for bit: hardware keeps one
 * NaN operand by position, and the order of additions differs between SIMD lanes, pairwise
 * blocks and thread splits. Only called once a result is NaN, so NaN-free calls pay nothing.
 * (Float64 words are read little-endian, as everywhere in dtkit.)
 */
const word = new Float64Array(1);
const halves = new Uint32Array(word.buffer);
const QUIET_HIGH = 0x00080000;

/** The x86 default NaN (sign set, 0xfff8…): what ∞ − ∞ gives there and in NumPy on x86-64. */
export const DEFAULT_NAN: number = (() => {
  halves[0] = 0;
  halves[1] = 0xfff80000;
  return word[0]!;
})();

/** `x` (a NaN) with its quiet bit set, sign and payload kept, as an IEEE addition returns it. */
function quiet(x: number): number {
  word[0] = x;
  halves[1] = halves[1]! | QUIET_HIGH;
  return word[0]!;
}

/** The first NaN met: the accumulator if it is one, else the first NaN of the input; `acc` when there is none. */
export function firstNaN(acc: number, a: ArrayLike<number>, offset: number, n: number, stride: number): number {
  if (acc !== acc) return acc;
  for (let i = 0, k = offset; i < n; i++, k += stride) {
    const x = a[k]!;
    if (x !== x) return x;
  }
  return acc;
}

/** A float sum that came out NaN: the first NaN operand met, quieted; ∞ − ∞ alone gives {@link DEFAULT_NAN}. */
export function nanSum(acc: number, a: ArrayLike<number>, offset: number, n: number, stride: number): number {
  const nan = firstNaN(acc, a, offset, n, stride);
  return nan !== nan ? quiet(nan) : DEFAULT_NAN;
}
