/**
 * finfo('float128'): NumPy's finfo fields for IEEE binary128. Float values are `Float128`
 * scalars (most do not fit a JS number: max ≈ 1.19e4932, tiny = 2^-16382); the integer
 * fields are plain numbers, as in the builtin dtypes' finfo.
 */
import { Float128 } from './soft/index.js';

const pow2 = (e: number): Float128 => Float128.fromBits(BigInt(e + 16383) << 112n);

export const FLOAT128_INFO = {
  dtype: 'float128',
  bits: 128,
  /** 2^-112: the gap between 1 and the next value. */
  eps: Float128.EPSILON,
  /** 2^-113: the gap between 1 and the previous value. */
  epsneg: pow2(-113),
  /** (2 − 2^-112)·2^16383. */
  max: Float128.MAX_VALUE,
  min: Float128.MAX_VALUE.neg(),
  /** Smallest positive normal, 2^-16382 (same as smallest_normal, NumPy's alias). */
  tiny: pow2(-16382),
  smallest_normal: pow2(-16382),
  /** 2^-16494. */
  smallest_subnormal: Float128.MIN_VALUE,
  /** Decimal digits that survive a round trip through float128: floor(112·log10(2)) = 33. */
  precision: 33,
  /** 10^-precision. */
  resolution: Float128.from('1e-33'),
  maxexp: 16384,
  minexp: -16382,
  nmant: 112,
  nexp: 15,
} as const;
