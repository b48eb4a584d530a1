/**
 * Lane-level ops NumPy defines on top of IEEE primitives (positive, square, sign, spacing,
 * fmax/fmin, Python-style floor_divide/remainder), built from the soft/ functions with
 * module-level scratch lanes (no allocation).
 */
import {
  add128, copysign128, div128, fmod128, isInf128, isNaN128, isZero128, mul128, nextafter128,
  signBit128, sub128, compare128, floor128, fromNumber, max128, min128,
} from '../soft/index.js';

const T = new Uint32Array(16); // scratch: mod at 0, div at 4, floor at 8, constants at 12
const ONE = new Uint32Array(4);
fromNumber(1, ONE, 0);
const HALF = new Uint32Array(4);
fromNumber(0.5, HALF, 0);
const POS_INF = new Uint32Array(4);
fromNumber(Infinity, POS_INF, 0);

function copy(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void {
  out[oi] = a[ai]!; out[oi + 1] = a[ai + 1]!; out[oi + 2] = a[ai + 2]!; out[oi + 3] = a[ai + 3]!;
}

export function positive128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void {
  copy(a, ai, out, oi);
}

export function square128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void {
  mul128(a, ai, a, ai, out, oi);
}

/** NumPy sign: −1, +1, +0 for ±0, NaN for NaN. */
export function sign128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void {
  if (isNaN128(a, ai)) copy(a, ai, out, oi);
  else if (isZero128(a, ai)) fromNumber(0, out, oi);
  else fromNumber(signBit128(a, ai) ? -1 : 1, out, oi);
}

/** NumPy spacing: nextafter(x, copysign(inf, x)) − x; NaN for ±inf and NaN. */
export function spacing128(a: Uint32Array, ai: number, out: Uint32Array, oi: number): void {
  if (isNaN128(a, ai) || isInf128(a, ai)) { fromNumber(NaN, out, oi); return; }
  copysign128(POS_INF, 0, a, ai, T, 12);
  nextafter128(a, ai, T, 12, T, 8);
  sub128(T, 8, a, ai, out, oi);
}

/** fmax: the non-NaN operand when one is NaN, else maximum. */
export function fmax128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  if (isNaN128(b, bi)) copy(a, ai, out, oi);
  else if (isNaN128(a, ai)) copy(b, bi, out, oi);
  else max128(a, ai, b, bi, out, oi);
}

export function fmin128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  if (isNaN128(b, bi)) copy(a, ai, out, oi);
  else if (isNaN128(a, ai)) copy(b, bi, out, oi);
  else min128(a, ai, b, bi, out, oi);
}

const signDiffers = (x: Uint32Array, xi: number, y: Uint32Array, yi: number): boolean => signBit128(x, xi) !== signBit128(y, yi);

/** Python/NumPy remainder: fmod, then shifted by b when the signs differ; 0 takes b's sign. */
export function pyRemainder128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  fmod128(a, ai, b, bi, T, 0);
  if (isZero128(b, bi) || isNaN128(T, 0)) { copy(T, 0, out, oi); return; }
  if (!isZero128(T, 0)) {
    if (signDiffers(b, bi, T, 0)) add128(T, 0, b, bi, out, oi);
    else copy(T, 0, out, oi);
  } else copysign128(T, 0, b, bi, out, oi);
}

/** NumPy floor_divide (npy_divmod): quotient snapped so that a ≈ q·b + remainder(a, b). */
export function floorDivide128(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number): void {
  if (isZero128(b, bi)) { div128(a, ai, b, bi, out, oi); return; }
  fmod128(a, ai, b, bi, T, 0);
  sub128(a, ai, T, 0, T, 4);
  div128(T, 4, b, bi, T, 4);
  if (!isZero128(T, 0) && signDiffers(b, bi, T, 0)) sub128(T, 4, ONE, 0, T, 4);
  if (isNaN128(T, 4) || !isZero128(T, 4)) {
    floor128(T, 4, T, 8);
    sub128(T, 4, T, 8, T, 12);
    if (compare128(T, 12, HALF, 0) === 1) add128(T, 8, ONE, 0, T, 8);
    copy(T, 8, out, oi);
    return;
  }
  // Zero quotient: the sign of the true quotient a/b.
  div128(a, ai, b, bi, T, 12);
  copysign128(T, 4, T, 12, out, oi);
}
