// Exact decimal → binary128 conversion (correctly rounded, RNE) with BigInt arithmetic:
// the decimal is an exact rational M·10^E; for E < 0 enough quotient bits are produced that
// the remainder only serves as a sticky bit (IEEE 754-2019 §5.12.2).
import { packInf, packNaN, packZero } from './round-pack.js';
import { bitLength, roundFromBig } from './bigint-bridge.js';

const SYNTAX = /^([+-])?(?:(inf(?:inity)?)|(nan)|(\d+\.?\d*|\.\d+)(?:e([+-]?\d+))?)$/i;

/** Parses a decimal string (also 'inf', 'infinity', 'nan', signed). Throws SyntaxError otherwise. */
export function parseDecimal(text: string, out: Uint32Array, oi: number): void {
  const m = SYNTAX.exec(text.trim().replace(/_/g, ''));
  if (m === null) throw new SyntaxError(`invalid float128 literal: ${JSON.stringify(text)}`);
  const neg = m[1] === '-';
  const sign = neg ? 0x80000000 : 0;
  if (m[2] !== undefined) { packInf(sign, out, oi); return; }
  if (m[3] !== undefined) { packNaN(out, oi); if (neg) out[oi + 3] = (out[oi + 3]! | 0x80000000) >>> 0; return; }
  const body = m[4]!;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const fracPart = dot < 0 ? '' : body.slice(dot + 1);
  const digits = (intPart + fracPart).replace(/^0+/, '');
  if (digits.length === 0) { packZero(sign, out, oi); return; }
  // Exponents beyond ±1e9 are clamped; anything that large is already ±inf or ±0.
  const rawExp = m[5] === undefined ? 0 : Math.max(-1e9, Math.min(1e9, Number(m[5])));
  const e10 = rawExp - fracPart.length;
  const nd = digits.length;
  if (nd - 1 + e10 > 4933) { packInf(sign, out, oi); return; } // ≥ 1e4934 > max ≈ 1.19e4932
  if (nd + e10 < -4967) { packZero(sign, out, oi); return; } // < 1e-4967 < min subnormal / 2
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
