import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { convert } from '@dtkit/units';
import { q } from './helpers.js';

interface Case { unit: string; to: string; value: number; expected: number }
const data = JSON.parse(readFileSync(new URL('./data/pint-reference.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('conversion factors agree with pint 0.19 to 1e-12 relative (scripts/pint-reference.py)', () => {
  it.each(data.cases.map((c) => [`${c.value} ${c.unit} -> ${c.to}`, c] as const))('%s', (_label, c) => {
    const got = convert(q([c.value], c.unit), c.to).item() as number;
    expect(Math.abs(got - c.expected) / Math.abs(c.expected)).toBeLessThanOrEqual(1e-12);
  });

  it('exact definitions convert exactly (one rounding of the exact rational)', () => {
    expect(convert(q([1], 'mi'), 'm').item()).toBe(1609.344);
    expect(convert(q([1], 'gal'), 'L').item()).toBe(3.785411784);
    expect(convert(q([1], 'ft'), 'in').item()).toBe(12);
    expect(convert(q([1], 'kWh'), 'J').item()).toBe(3.6e6);
    expect(convert(q([1], '%'), '1').item()).toBe(0.01);
    expect(convert(q([1], 'Qm'), 'qm').item()).toBe(1e60);
    expect(convert(q([1], 'ly'), 'm').item()).toBe(9460730472580800);
    expect(convert(q([1], 'knot'), 'km/h').item()).toBe(1.852);
    expect(convert(q([100], 'degC'), 'degF').item()).toBe(212);
  });
});
