/**
 * NumPy's npy_logaddexp / npy_logaddexp2 (npy_math_internal.h.src), and the degree ↔ radian
 * scalings with NumPy's constants. A leaf module: the generated loops import these. The float32
 * versions (float16 too, which NumPy computes in float32) round every step to float32 as the C
 * code does, with float64 Math.* standing in for expf/log1pf/exp2f; the scalings are exact
 * (NumPy's float32 constant and one float32 multiply).
 */
const LN2 = Math.LN2;
const LOG2E = Math.LOG2E;

export function logaddexp(x: number, y: number): number {
  if (x === y) return x + LN2; // equal infinities without an inf − inf
  const d = x - y;
  if (d > 0) return x + Math.log1p(Math.exp(-d));
  if (d <= 0) return y + Math.log1p(Math.exp(d));
  return d; // NaN
}

export function logaddexp2(x: number, y: number): number {
  if (x === y) return x + 1;
  const d = x - y;
  if (d > 0) return x + LOG2E * Math.log1p(Math.pow(2, -d));
  if (d <= 0) return y + LOG2E * Math.log1p(Math.pow(2, d));
  return d;
}

const f = Math.fround;
const LN2_F32 = f(Math.LN2);
const LOG2E_F32 = f(Math.LOG2E);

export function logaddexpF32(x: number, y: number): number {
  if (x === y) return f(x + LN2_F32);
  const d = f(x - y);
  if (d > 0) return f(x + f(Math.log1p(f(Math.exp(-d)))));
  if (d <= 0) return f(y + f(Math.log1p(f(Math.exp(d)))));
  return d;
}

export function logaddexp2F32(x: number, y: number): number {
  if (x === y) return f(x + 1);
  const d = f(x - y);
  if (d > 0) return f(x + f(LOG2E_F32 * f(Math.log1p(f(Math.pow(2, -d))))));
  if (d <= 0) return f(y + f(LOG2E_F32 * f(Math.log1p(f(Math.pow(2, d))))));
  return d;
}

/** NPY_PI / 180 and 180 / NPY_PI in float64, and NumPy's float32 versions (NPY_PIf / 180.0f). */
export const DEG2RAD_F64 = Math.PI / 180;
export const RAD2DEG_F64 = 180 / Math.PI;
export const DEG2RAD_F32 = Math.fround(Math.fround(Math.PI) / 180);
export const RAD2DEG_F32 = Math.fround(180 / Math.fround(Math.PI));
