// Exhaustive: every code of each type widens exactly and narrows back to itself (NaN to NaN)
// through the public astype casts.
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { plugin, bfloat16, float8_e4m3fn, float8_e5m2 } from '@dtkit/bfloat16';
import { codesOf, fromCodes } from './helpers.js';

dt.use(plugin);

function nanCode(code: number, d: dt.DType): boolean {
  if (d === bfloat16) return (code & 0x7f80) === 0x7f80 && (code & 0x7f) !== 0;
  if (d === float8_e4m3fn) return (code & 0x7f) === 0x7f;
  return (code & 0x7c) === 0x7c && (code & 0x3) !== 0;
}

/** Codes that did not come back (NaN codes must come back as a NaN of the same sign). */
function lost(codes: number[], back: number[], d: dt.DType, signBit: number): number[] {
  return codes.filter((c, i) => {
    const b = back[i]!;
    if (nanCode(c, d)) return !nanCode(b, d) || (b & signBit) !== (c & signBit);
    return b !== c;
  });
}

const CASES = [
  { d: bfloat16, count: 65536, sign: 0x8000, via: ['float32', 'float64', 'complex64', 'complex128'] },
  { d: float8_e4m3fn, count: 256, sign: 0x80, via: ['float16', 'float32', 'float64', 'bfloat16', 'complex64'] },
  { d: float8_e5m2, count: 256, sign: 0x80, via: ['float16', 'float32', 'float64', 'bfloat16', 'complex128'] },
] as const;

describe('every code round-trips through wider types', () => {
  for (const { d, count, sign, via } of CASES) {
    const codes = Array.from({ length: count }, (_, i) => i);
    for (const wide of via) {
      it(`${d.name} → ${wide} → ${d.name} (${count} codes)`, () => {
        const back = codesOf(fromCodes(codes, d).astype(wide).astype(d));
        expect(lost(codes, back, d, sign)).toEqual([]);
      });
    }
  }

  it('bfloat16 codes that float16 holds exactly round-trip through float16', () => {
    const codes = Array.from({ length: 65536 }, (_, i) => i).filter((c) => !nanCode(c, bfloat16));
    const values = fromCodes(codes, bfloat16).toArray() as number[];
    const viaF16 = fromCodes(codes, bfloat16).astype('float16').toArray() as number[];
    const exact = codes.filter((_, i) => Object.is(values[i], viaF16[i]));
    // Per sign: exponents −14..15 (30 × 128), −15..−17 (3 × 128), then 64, 32, ..., 1 codes
    // down to 2^−24, plus zero and inf: 2 × (3840 + 384 + 127 + 2) = 8706.
    expect(exact.length).toBe(8706);
    expect(codesOf(fromCodes(exact, bfloat16).astype('float16').astype(bfloat16))).toEqual(exact);
  });
});
