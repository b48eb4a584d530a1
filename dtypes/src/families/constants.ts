/** finfo / iinfo constants, generated once from NumPy 2 (see dtypes/scripts/gen_constants.py). */

export const INT_INFO = {
  int8: { dtype: 'int8', bits: 8, min: -128n, max: 127n },
  int16: { dtype: 'int16', bits: 16, min: -32768n, max: 32767n },
  int32: { dtype: 'int32', bits: 32, min: -2147483648n, max: 2147483647n },
  int64: { dtype: 'int64', bits: 64, min: -9223372036854775808n, max: 9223372036854775807n },
  uint8: { dtype: 'uint8', bits: 8, min: 0n, max: 255n },
  uint16: { dtype: 'uint16', bits: 16, min: 0n, max: 65535n },
  uint32: { dtype: 'uint32', bits: 32, min: 0n, max: 4294967295n },
  uint64: { dtype: 'uint64', bits: 64, min: 0n, max: 18446744073709551615n },
} as const;

export const FLOAT_INFO = {
  float16: { dtype: 'float16', bits: 16, eps: 0.0009765625, epsneg: 0.00048828125, max: 65504.0, min: -65504.0, tiny: 6.103515625e-05, smallest_normal: 6.103515625e-05, smallest_subnormal: 5.960464477539063e-08, precision: 3, resolution: 0.0010004043579101562, maxexp: 16, minexp: -14, nmant: 10, nexp: 5 },
  float32: { dtype: 'float32', bits: 32, eps: 1.1920928955078125e-07, epsneg: 5.960464477539063e-08, max: 3.4028234663852886e+38, min: -3.4028234663852886e+38, tiny: 1.1754943508222875e-38, smallest_normal: 1.1754943508222875e-38, smallest_subnormal: 1.401298464324817e-45, precision: 6, resolution: 9.999999974752427e-07, maxexp: 128, minexp: -126, nmant: 23, nexp: 8 },
  float64: { dtype: 'float64', bits: 64, eps: 2.220446049250313e-16, epsneg: 1.1102230246251565e-16, max: 1.7976931348623157e+308, min: -1.7976931348623157e+308, tiny: 2.2250738585072014e-308, smallest_normal: 2.2250738585072014e-308, smallest_subnormal: 5e-324, precision: 15, resolution: 1e-15, maxexp: 1024, minexp: -1022, nmant: 52, nexp: 11 },
  complex64: { dtype: 'float32', bits: 32, eps: 1.1920928955078125e-07, epsneg: 5.960464477539063e-08, max: 3.4028234663852886e+38, min: -3.4028234663852886e+38, tiny: 1.1754943508222875e-38, smallest_normal: 1.1754943508222875e-38, smallest_subnormal: 1.401298464324817e-45, precision: 6, resolution: 9.999999974752427e-07, maxexp: 128, minexp: -126, nmant: 23, nexp: 8 },
  complex128: { dtype: 'float64', bits: 64, eps: 2.220446049250313e-16, epsneg: 1.1102230246251565e-16, max: 1.7976931348623157e+308, min: -1.7976931348623157e+308, tiny: 2.2250738585072014e-308, smallest_normal: 2.2250738585072014e-308, smallest_subnormal: 5e-324, precision: 15, resolution: 1e-15, maxexp: 1024, minexp: -1022, nmant: 52, nexp: 11 },
} as const;
