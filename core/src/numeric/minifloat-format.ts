/**
 * Small binary floating-point formats (IEEE 754-2019 §3.3 parameters, plus the OCP FP8 "fn"
 * variant): descriptors, derived bit constants and finfo-style limits.
 */

/** How a format spends its all-ones exponent field. */
export type MinifloatNanStyle = 'ieee' | 'fn';

/** What a finite value too large for the format becomes. */
export type MinifloatOverflow = 'inf' | 'saturate';

/**
 * A sign / exponent / fraction format with `expBits + mantBits + 1` bits.
 * `nanStyle: 'ieee'`: exponent all ones is ±inf (fraction 0) or NaN, as IEEE 754 §3.4.
 * `nanStyle: 'fn'`: no infinities; only S.1…1.1…1 is NaN, the rest of the top binade is finite.
 */
export interface MinifloatFormat {
  readonly name: string;
  readonly expBits: number;
  readonly mantBits: number;
  readonly bias: number;
  readonly hasInf: boolean;
  readonly nanStyle: MinifloatNanStyle;
}

export const FLOAT16: MinifloatFormat = Object.freeze({
  name: 'float16', expBits: 5, mantBits: 10, bias: 15, hasInf: true, nanStyle: 'ieee',
});

export const BFLOAT16: MinifloatFormat = Object.freeze({
  name: 'bfloat16', expBits: 8, mantBits: 7, bias: 127, hasInf: true, nanStyle: 'ieee',
});

/** OCP FP8 E4M3 ("fn" = finite + NaN): max 448, NaN only at S.1111.111. */
export const FLOAT8_E4M3FN: MinifloatFormat = Object.freeze({
  name: 'float8_e4m3fn', expBits: 4, mantBits: 3, bias: 7, hasInf: false, nanStyle: 'fn',
});

/** OCP FP8 E5M2: IEEE-like with infinities, max 57344. */
export const FLOAT8_E5M2: MinifloatFormat = Object.freeze({
  name: 'float8_e5m2', expBits: 5, mantBits: 2, bias: 15, hasInf: true, nanStyle: 'ieee',
});

/** Bit patterns and exponent limits derived once per format. */
export interface MinifloatBits {
  readonly signBit: number;
  /** Mask of all magnitude bits (everything but the sign). */
  readonly magMask: number;
  /** Largest finite magnitude pattern. */
  readonly maxBits: number;
  /** Smallest magnitude pattern that is not finite: inf for 'ieee', the NaN pattern for 'fn'. */
  readonly overflowBits: number;
  /** Result of overflow without saturation: inf, or NaN for formats without inf. */
  readonly overflowCode: number;
  /** Canonical quiet NaN magnitude (IEEE 754 §6.2.1: top fraction bit set). */
  readonly quietNanBits: number;
  /** Infinity magnitude, or -1 when the format has none. */
  readonly infBits: number;
  /** Exponent of the smallest normal, 1 − bias. */
  readonly minExp: number;
  /** Exponent of the largest finite value. */
  readonly maxExp: number;
}

const bitsCache = new Map<MinifloatFormat, MinifloatBits>();

/** Derives (and caches) the bit constants of a format. */
export function minifloatBits(fmt: MinifloatFormat): MinifloatBits {
  const cached = bitsCache.get(fmt);
  if (cached !== undefined) return cached;
  const { expBits, mantBits, bias } = fmt;
  const signBit = 1 << (expBits + mantBits);
  const magMask = signBit - 1;
  const expAllOnes = (1 << expBits) - 1;
  const topFraction = 1 << (mantBits - 1);
  let derived: MinifloatBits;
  if (fmt.nanStyle === 'ieee') {
    const infBits = expAllOnes << mantBits;
    derived = {
      signBit, magMask, maxBits: infBits - 1, overflowBits: infBits,
      overflowCode: fmt.hasInf ? infBits : infBits | topFraction,
      quietNanBits: infBits | topFraction, infBits,
      minExp: 1 - bias, maxExp: expAllOnes - 1 - bias,
    };
  } else {
    // 'fn': only the all-ones pattern is NaN, so the top binade stops one fraction step early.
    derived = {
      signBit, magMask, maxBits: magMask - 1, overflowBits: magMask, overflowCode: magMask,
      quietNanBits: magMask, infBits: -1,
      minExp: 1 - bias, maxExp: expAllOnes - bias,
    };
  }
  bitsCache.set(fmt, derived);
  return derived;
}

/** NumPy `finfo`-style limits (all as plain numbers). */
export interface MinifloatInfo {
  readonly bits: number;
  /** Distance from 1 to the next larger value, 2^-mantBits. */
  readonly eps: number;
  /** Distance from 1 to the next smaller value, 2^-(mantBits+1). */
  readonly epsneg: number;
  readonly max: number;
  readonly min: number;
  /** Smallest positive normal (NumPy's `tiny` / `smallest_normal`). */
  readonly tiny: number;
  readonly smallestNormal: number;
  readonly smallestSubnormal: number;
  /** Decimal digits of precision. */
  readonly precision: number;
  /** 10^-precision. */
  readonly resolution: number;
  readonly nexp: number;
  readonly nmant: number;
  /** Exponent such that 2^maxexp overflows (NumPy's `maxexp`). */
  readonly maxexp: number;
  /** Exponent of the smallest normal (NumPy's `minexp`). */
  readonly minexp: number;
}

// ml_dtypes fixes precision 1 for its 8-bit floats (int(-log10(eps)) would give 0); NumPy uses
// int(-log10(eps)) for float16 (3) and ml_dtypes gives bfloat16 2, which the formula reproduces.
const PRECISION_OVERRIDES: Readonly<Record<string, number>> = {
  float8_e4m3fn: 1,
  float8_e5m2: 1,
};

/** finfo-style constants of a format. */
export function minifloatInfo(fmt: MinifloatFormat): MinifloatInfo {
  const d = minifloatBits(fmt);
  const m = fmt.mantBits;
  const maxFraction = d.maxBits & ((1 << m) - 1);
  const max = (1 + maxFraction / 2 ** m) * 2 ** d.maxExp;
  const eps = 2 ** -m;
  const precision = PRECISION_OVERRIDES[fmt.name] ?? Math.floor(-Math.log10(eps));
  return {
    bits: 1 + fmt.expBits + m,
    eps,
    epsneg: 2 ** -(m + 1),
    max,
    min: -max,
    tiny: 2 ** d.minExp,
    smallestNormal: 2 ** d.minExp,
    smallestSubnormal: 2 ** (d.minExp - m),
    precision,
    resolution: Number(`1e-${precision}`),
    nexp: fmt.expBits,
    nmant: m,
    maxexp: d.maxExp + 1,
    minexp: d.minExp,
  };
}
