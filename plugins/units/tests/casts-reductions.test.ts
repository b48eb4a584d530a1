import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { convert, quantity, unitOf, UnitError } from '@dtkit/units';
import { expectError, q } from './helpers.js';

describe('casts', () => {
  it('to the bare base only with casting unsafe (dimensionless values convert to unit 1)', () => {
    const m = q([1, 2], 'km');
    expect(() => m.astype('float64', { casting: 'same_kind' })).toThrow(dt.CastingError);
    expect(m.astype('float64', { casting: 'unsafe' }).toArray()).toEqual([1, 2]);
    expect(q([5, 50], '%').astype('float64', { casting: 'same_kind' }).toArray()).toEqual([0.05, 0.5]);
    expect(dt.canCast(quantity('m'), 'float64', 'same_kind')).toBe(false);
    expect(dt.canCast(quantity('m'), 'float64', 'unsafe')).toBe(true);
    expect(dt.canCast('float64', quantity('m'), 'same_kind')).toBe(false);
    expect(dt.canCast(quantity('km'), quantity('m'), 'same_kind')).toBe(true);
    expect(dt.canCast(quantity('km'), quantity('m'), 'safe')).toBe(false);
    expect(dt.canCast(quantity('N'), quantity('kg*m/s^2'), 'equiv')).toBe(true);
    expect(dt.canCast(quantity('km'), quantity('s'), 'unsafe')).toBe(false);
  });

  it('astype between units and bases converts in the target base', () => {
    const a = q([1.5, 2], 'km', 'float32');
    const b = a.astype(quantity('m', 'float64'));
    expect(b.toArray()).toEqual([1500, 2000]);
    expect(dt.array([1, 2]).astype(quantity('m/km')).toArray()).toEqual([1000, 2000]);
  });

  it('convert() keeps the base; different dimensions → UnitError; unitOf needs a quantity', () => {
    const c = convert(q([1], 'km', 'float32'), 'm');
    expect(c.dtype.name).toBe('quantity[float32,m]');
    expect(c.item()).toBe(1000);
    expectError(() => convert(q([1], 'km'), 's'), UnitError, 'DIMENSION');
    expectError(() => unitOf(dt.array([1])), UnitError, 'NOT_QUANTITY');
  });

  it('the descriptor name parses back; quantity needs a float base', () => {
    expect(dt.dtype('quantity[float64,m/s]')).toBe(quantity('m/s'));
    expect(dt.dtype('quantity[m/s]')).toBe(quantity('m/s'));
    expectError(() => quantity('m', 'int32'), UnitError, 'QUANTITY_BASE');
    expect(q([1.5], 'm').toString()).toContain('1.5');
  });
});

describe('reductions keep the unit', () => {
  const a = q([[1, 2], [3, 4]], 'm');
  it('sum, min, max, mean, accumulate: the same unit', () => {
    expect(unitOf(dt.sum(a))).toBe('m');
    expect(dt.sum(a).item()).toBe(10);
    expect(dt.sum(a, { axis: 0 }).toArray()).toEqual([4, 6]);
    expect(dt.max(a).item()).toBe(4);
    expect(unitOf(dt.min(a, { axis: 1 }))).toBe('m');
    expect(dt.mean(a).item()).toBe(2.5);
    expect(unitOf(dt.mean(a))).toBe('m');
    expect(dt.add.accumulate(q([1, 2, 3], 's')).toArray()).toEqual([1, 3, 6]);
    expect(dt.argmax(a).item()).toBe(3n);
    expect(dt.any(a).item()).toBe(true);
  });

  it('prod gives unit^n, n elements per result', () => {
    expect(unitOf(dt.prod(a))).toBe('m^4');
    expect(dt.prod(a).item()).toBe(24);
    expect(unitOf(dt.prod(a, { axis: 0 }))).toBe('m^2');
    expect(dt.prod(a, { axis: 0 }).toArray()).toEqual([3, 8]);
  });

  it('out of a reduction must carry the result unit; nothing written otherwise', () => {
    const out = q(0, 'm');
    dt.sum(a, { out });
    expect(out.item()).toBe(10);
    const wrong = q(7, 's');
    expectError(() => dt.sum(a, { out: wrong }), UnitError, 'DIMENSION');
    expect(wrong.item()).toBe(7);
    expectError(() => dt.multiply.accumulate(q([1, 2], 'm')), UnitError, 'DIMENSION');
  });
});
