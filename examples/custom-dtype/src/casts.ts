/** Step 5 of the tutorial: casts between rational and the builtin numeric families. */
import type { CastSpec, StridedLoop } from '@dtkit/core';
import { INT32_MAX, INT32_MIN, overflow } from './arith.js';
import { CHECKED_INTEGER_SOURCES, SAFE_INTEGER_SOURCES, rationalFamily } from './family.js';

type IntSource = ArrayLike<number | bigint>;

/** integer (or bool) → rational: n/1, checking the int32 range (only fails for int64/uint32/uint64). */
const integerToRational: StridedLoop = (n, data, offs, strides) => {
  const src = data[0] as unknown as IntSource;
  const dst = data[1] as Int32Array;
  let i = offs[0]!;
  let o = 2 * offs[1]!;
  const si = strides[0]!;
  const so = 2 * strides[1]!;
  for (let k = 0; k < n; k++, i += si, o += so) {
    const v = Number(src[i]!);
    if (v < INT32_MIN || v > INT32_MAX) overflow(`integer ${String(src[i])}`);
    dst[o] = v;
    dst[o + 1] = 0; // denominator − 1
  }
};

/** rational → float64: the nearest double of n/d (one correctly rounded division). */
const rationalToFloat64: StridedLoop = (n, data, offs, strides) => {
  const src = data[0] as Int32Array;
  const dst = data[1] as Float64Array;
  let i = 2 * offs[0]!;
  let o = offs[1]!;
  const si = 2 * strides[0]!;
  const so = strides[1]!;
  for (let k = 0; k < n; k++, i += si, o += so) dst[o] = src[i]! / (src[i + 1]! + 1);
};

/**
 * rational → integer: truncation toward zero (C's n / d, as NumPy's rational does), computed
 * with exact integer steps; values beyond the target wrap like NumPy's integer casts.
 */
function rationalToInteger(big: boolean): StridedLoop {
  return (n, data, offs, strides) => {
    const src = data[0] as Int32Array;
    const dst = data[1] as unknown as { [k: number]: number | bigint };
    let i = 2 * offs[0]!;
    let o = offs[1]!;
    const si = 2 * strides[0]!;
    const so = strides[1]!;
    for (let k = 0; k < n; k++, i += si, o += so) {
      const num = src[i]!;
      const den = src[i + 1]! + 1;
      const q = (num - (num % den)) / den;
      dst[o] = big ? BigInt(q) : q;
    }
  };
}

/** rational → bool: non-zero is true (so 1/2 is true, as bool(Fraction(1, 2)) is). */
const rationalToBool: StridedLoop = (n, data, offs, strides) => {
  const src = data[0] as Int32Array;
  const dst = data[1] as Uint8Array;
  let i = 2 * offs[0]!;
  let o = offs[1]!;
  const si = 2 * strides[0]!;
  const so = strides[1]!;
  for (let k = 0; k < n; k++, i += si, o += so) dst[o] = src[i] !== 0 ? 1 : 0;
};

const INTEGER_TARGETS = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64'] as const;

/** Every cast the plugin registers. */
export function rationalCasts(): CastSpec[] {
  const casts: CastSpec[] = [];
  for (const from of SAFE_INTEGER_SOURCES) casts.push({ from, to: rationalFamily, casting: 'safe', loop: integerToRational });
  for (const from of CHECKED_INTEGER_SOURCES) casts.push({ from, to: rationalFamily, casting: 'same_kind', loop: integerToRational });
  // Rounds, but never fails and keeps sign and magnitude: the guarantee float64 → float32 has.
  casts.push({ from: rationalFamily, to: 'float64', casting: 'same_kind', loop: rationalToFloat64 });
  for (const to of INTEGER_TARGETS) {
    casts.push({ from: rationalFamily, to, casting: 'unsafe', loop: rationalToInteger(to === 'int64' || to === 'uint64') });
  }
  casts.push({ from: rationalFamily, to: 'bool', casting: 'unsafe', loop: rationalToBool });
  return casts;
}
