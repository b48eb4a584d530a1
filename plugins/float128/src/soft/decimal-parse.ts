// Exact decimal → binary128 conversion (correctly rounded, RNE) with BigInt arithmetic:
// the decimal is an exact rational M·10^E; for E < 0 enough quotient bits are produced that
// the remainder only serves as a sticky bit (IEEE 754-2019 §5.12.2).
//
// Linear time in the length of the text, whatever it holds: one regex that cannot backtrack
// more than once per character checks the syntax before any BigInt work, huge exponents are
// decided by a digit count, and only a bounded number of significant digits reach BigInt.
import { ValueError } from '@dtkit/core';
import { packInf, packNaN, packZero } from './round-pack.js';
import { bitLength, roundFromBig } from './bigint-bridge.js';

/**
 * Python float() syntax: underscores only between two digits ('1_000', not '_1', '1_', '1__0').
 * Linear: each part is `\d(?:_?\d)*`, and what may follow a digit run ('.', 'e', end) is never a
 * digit or '_', so on failure each run is given back one character at a time at most once.
 */
const DIGITS = String.raw`\d(?:_?\d)*`;
const SYNTAX = new RegExp(String.raw`^([+-])?(?:(inf(?:inity)?)|(nan)|(?:(${DIGITS})(?:\.(${DIGITS})?)?|\.(${DIGITS}))(?:e([+-]?${DIGITS}))?)$`, 'i');

/**
 * Significant digits kept. A binary128 midpoint or value is odd·2^q with q ≥ −16495 and odd < 2^114,
 * so it has at most ⌈log10(2^114 · 5^16495)⌉ = 11564 significant digits. Truncating a longer
 * decimal to KEEP ≥ 11564 digits and appending a nonzero digit when the rest is nonzero leaves
 * it strictly between the same two multiples of 10^(lead − KEEP) — no midpoint lies in between —
 * so it rounds exactly as the full decimal does.
 */
export const KEEP_DIGITS = 11600;

/** Exponents are clamped here; far beyond ±(4967 + digit count), anything is ±inf or ±0. */
const EXP_CLAMP = 1e15;

function shown(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text) + (text.length > 60 ? ` (${text.length} characters)` : '');
}

const ZERO = 48;

/** Parses a decimal string (also 'inf', 'infinity', 'nan', signed). Throws ValueError 'PARSE' otherwise. */
export function parseDecimal(text: string, out: Uint32Array, oi: number): void {
  const m = SYNTAX.exec(text.trim());
  if (m === null) throw new ValueError(`invalid float128 literal: ${shown(text)}`, 'PARSE');
  const neg = m[1] === '-';
  const sign = neg ? 0x80000000 : 0;
  if (m[2] !== undefined) { packInf(sign, out, oi); return; }
  if (m[3] !== undefined) { packNaN(out, oi); if (neg) out[oi + 3] = (out[oi + 3]! | 0x80000000) >>> 0; return; }
  const intPart = (m[4] ?? '').replace(/_/g, '');
  const fracPart = (m[5] ?? m[6] ?? '').replace(/_/g, '');
  const all = intPart + fracPart;
  let first = 0;
  while (first < all.length && all.charCodeAt(first) === ZERO) first++;
  let end = all.length;
  while (end > first && all.charCodeAt(end - 1) === ZERO) end--;
  if (first === end) { packZero(sign, out, oi); return; }
  const rawExp = m[7] === undefined ? 0 : Number(m[7].replace(/_/g, ''));
  // value = digits · 10^e10 with digits = all[first, end) (no leading or trailing zeros)
  let e10 = Math.max(-EXP_CLAMP, Math.min(EXP_CLAMP, rawExp)) - fracPart.length + (all.length - end);
  const nd = end - first;
  if (nd - 1 + e10 > 4933) { packInf(sign, out, oi); return; } // ≥ 1e4934 > max ≈ 1.19e4932
  if (nd + e10 < -4967) { packZero(sign, out, oi); return; } // < 1e-4967 < min subnormal / 2
  let digits = all.slice(first, end);
  if (nd > KEEP_DIGITS) {
    // The dropped digits end in a nonzero one: a trailing '1' stands for them (see KEEP_DIGITS).
    digits = `${digits.slice(0, KEEP_DIGITS)}1`;
    e10 += nd - KEEP_DIGITS - 1;
  }
  const mant = BigInt(digits);
  if (e10 >= 0) {
    roundFromBig(neg, mant * 10n ** BigInt(e10), 0, false, out, oi);
    return;
  }
  const den = 10n ** BigInt(-e10);
  // Produce ≥ 147 quotient bits so the remainder acts purely as a sticky bit.
  const k = Math.max(0, 147 + bitLength(den) - bitLength(mant));
  const num = mant << BigInt(k);
  const q = num / den;
  roundFromBig(neg, q, -k, q * den !== num, out, oi);
}
