// Shortest round-trip decimal for binary128 (≤ 36 significant digits), computed exactly with
// BigInt: the result is the decimal with fewest digits inside the rounding interval of x
// (the interval's endpoints are included when the significand is even, matching RNE parsing),
// choosing the one nearest x (ties → even last digit). Same goal as Steele & White / Ryu.
import { toParts } from './bigint-bridge.js';

/** Shortest digits and decimal exponent: value = ±digits · 10^exp10. */
export interface ShortestDecimal {
  neg: boolean;
  digits: string;
  exp10: number;
}

const LOG10_2 = 0.30102999566398120;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Shortest decimal for a finite nonzero element (caller handles zero/inf/nan). */
export function shortestDecimal(u: Uint32Array, i: number): ShortestDecimal {
  const { neg, mant, exp } = toParts(u, i);
  const hiField = (u[i + 3]! >>> 16) & 0x7fff;
  // Interval endpoints as numerators over 2^(exp-2): x = 4m, hi = 4m+2, lo = 4m-2
  // (or 4m-1 when m is a power of two at the bottom of a binade: the gap below is halved).
  const x4 = mant << 2n;
  const lo4 = mant === 1n << 112n && hiField > 1 ? x4 - 1n : x4 - 2n;
  const hi4 = x4 + 2n;
  const inclusive = (mant & 1n) === 0n;
  const e2 = exp - 2;
  const bits = mant.toString(2).length;
  const k = Math.floor((bits - 1 + exp) * LOG10_2);
  // Finds the candidate with n significant digits (grid 10^p, p = k − n + 1), if any.
  const attempt = (n: number): ShortestDecimal | null => {
    const p = k - n + 1; // candidate = D·10^p
    // x·10^-p = x4·2^e2·10^-p = num/den
    const scale = (e2 > 0 ? 1n << BigInt(e2) : 1n) * (p < 0 ? pow10(-p) : 1n);
    const num = x4 * scale;
    const den = (e2 < 0 ? 1n << BigInt(-e2) : 1n) * (p > 0 ? pow10(p) : 1n);
    const d0 = num / den;
    const r = num - d0 * den;
    const lo = lo4 * scale, hi = hi4 * scale;
    const within = (d: bigint): boolean => {
      const lhs = d * den; // d·10^p vs bound·2^e2, both scaled by den/2^e2…
      return inclusive ? lhs >= lo && lhs <= hi : lhs > lo && lhs < hi;
    };
    const okLo = within(d0);
    const okHi = r !== 0n && within(d0 + 1n);
    if (!okLo && !okHi) return null;
    let d: bigint;
    if (okLo && okHi) {
      const twice = 2n * r;
      d = twice < den ? d0 : twice > den ? d0 + 1n : (d0 & 1n) === 0n ? d0 : d0 + 1n;
    } else d = okLo ? d0 : d0 + 1n;
    let s = d.toString();
    let e = p;
    while (s.length > 1 && s.endsWith('0')) { s = s.slice(0, -1); e += 1; }
    return { neg, digits: s, exp10: e };
  };
  // Grids are nested (an n-digit hit implies hits for all larger n), so binary search works.
  let lowN = 1, highN = 38;
  let best = attempt(highN);
  while (lowN < highN) {
    const mid = (lowN + highN) >> 1;
    const got = attempt(mid);
    if (got !== null) { best = got; highN = mid; } else lowN = mid + 1;
  }
  if (best !== null) return best;
  throw new Error('unreachable: 36 digits always round-trip');
}

/**
 * Python-repr-like formatting: positional when the decimal exponent of the first digit is in
 * [-4, 16), else scientific with at least two exponent digits ('1e+20', '1.5e-07').
 */
export function formatDecimal(u: Uint32Array, i: number): string {
  const hi = u[i + 3]!;
  const neg = (hi & 0x80000000) !== 0;
  const e = (hi >>> 16) & 0x7fff;
  const fz = ((hi & 0xffff) | u[i + 2]! | u[i + 1]! | u[i]!) === 0;
  if (e === 0x7fff) return fz ? (neg ? '-inf' : 'inf') : 'nan';
  if (e === 0 && fz) return neg ? '-0.0' : '0.0';
  const { digits, exp10 } = shortestDecimal(u, i);
  const sgn = neg ? '-' : '';
  const lead = exp10 + digits.length - 1; // exponent of the first digit
  if (lead >= -4 && lead < 16) {
    if (exp10 >= 0) return `${sgn}${digits}${'0'.repeat(exp10)}.0`;
    const point = digits.length + exp10;
    if (point > 0) return `${sgn}${digits.slice(0, point)}.${digits.slice(point)}`;
    return `${sgn}0.${'0'.repeat(-point)}${digits}`;
  }
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const ee = Math.abs(lead);
  return `${sgn}${mant}e${lead < 0 ? '-' : '+'}${ee < 10 ? '0' : ''}${ee}`;
}
