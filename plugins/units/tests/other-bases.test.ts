import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { plugin as quad } from '@dtkit/float128';
import { plugin as ml } from '@dtkit/bfloat16';
import { convert, unitOf } from '@dtkit/units';
import { q } from './helpers.js';

dt.use(quad);
dt.use(ml);

describe('any float base through the wrapping loops (no per-base code)', () => {
  it('float128: m + km, multiply, convert, sum', () => {
    const a = q(['1', '2'], 'm', 'float128'), b = q(['1', '2'], 'km', 'float128');
    const s = dt.add(a, b);
    expect(s.dtype.name).toBe('quantity[float128,m]');
    expect((s.toArray() as unknown[]).map(String)).toEqual(['1001.0', '2002.0']);
    expect(unitOf(dt.multiply(a, b))).toBe('km*m');
    expect((convert(b, 'm').toArray() as unknown[]).map(String)).toEqual(['1000.0', '2000.0']);
    expect(String(dt.sum(b).item())).toBe('3.0');
  });

  it('bfloat16: m + km rounds once in bfloat16; comparisons convert', () => {
    const a = q([1, 2], 'm', 'bfloat16'), b = q([1, 2], 'km', 'bfloat16');
    const s = dt.add(a, b);
    expect(s.dtype.name).toBe('quantity[bfloat16,m]');
    expect(s.toArray()).toEqual([1000, 2000]); // 1001 and 2002 round to bfloat16's 8 bits
    expect(dt.less(a, b).toArray()).toEqual([true, true]);
  });
});
