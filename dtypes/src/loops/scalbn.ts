/**
 * x · 2ⁿ rounded once, as musl scalbn: the scale is applied in at most three exact steps so only
 * the last multiply rounds (a subnormal result is not rounded twice). A leaf module: the generated
 * loops import it.
 */
const TWO_1023 = 2 ** 1023;
const TWO_M969 = 2 ** -1022 * 2 ** 53; // keeps the partial product normal

export function ldexpF64(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= TWO_1023;
    n -= 1023;
    if (n > 1023) {
      y *= TWO_1023;
      n = Math.min(n - 1023, 1023);
    }
  } else if (n < -1022) {
    y *= TWO_M969;
    n += 1022 - 53;
    if (n < -1022) {
      y *= TWO_M969;
      n = Math.max(n + 1022 - 53, -1022);
    }
  }
  return y * 2 ** n;
}
