import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { convert, unitOf, UnitError } from '@dtkit/units';
import { expectError, q } from './helpers.js';

describe('+ − convert to the left unit, × ÷ combine, comparisons convert', () => {
  it('m + km is in m, km + m in km; the right operand is converted once', () => {
    const m = q([1, 2, 3], 'm'), km = q([1, 2, 3], 'km');
    const s = dt.add(m, km);
    expect(unitOf(s)).toBe('m');
    expect(s.toArray()).toEqual([1001, 2002, 3003]);
    expect(dt.add(km, m).toArray()).toEqual([1.001, 2.002, 3.003]);
    expect(dt.subtract(km, m).toArray()).toEqual([0.999, 1.998, 2.997]);
    expect(km.toArray()).toEqual([1, 2, 3]);
    expect(dt.add(q([1], 'N'), q([1], 'kg*m/s^2')).toArray()).toEqual([2]);
  });

  it('the converted operand is converted chunk by chunk: long, strided and broadcast operands', () => {
    const n = 40000; // > 2 chunks
    const m = q(Array.from({ length: n }, (_, i) => i), 'm');
    const km = q(Array.from({ length: 2 * n }, (_, i) => i % 2 ? -1 : i / 2), 'km').slice('::2');
    const s = dt.add(m, km).toArray() as number[];
    expect(s.length).toBe(n);
    expect(s.every((v, i) => v === i + i * 1000)).toBe(true);
    const col = q([[1], [2]], 'km');
    expect(dt.add(q([[1, 2, 3], [4, 5, 6]], 'm'), col).toArray()).toEqual([[1001, 1002, 1003], [2004, 2005, 2006]]);
    expect(dt.less(q(Array(n).fill(999), 'm'), q(Array(n).fill(1), 'km')).toArray()).toEqual(Array(n).fill(true));
  });

  it('× ÷ combine units (no conversion of values)', () => {
    const m = q([2, 4], 'm'), s = q([4, 8], 's');
    const v = dt.divide(m, s);
    expect(unitOf(v)).toBe('m/s');
    expect(v.toArray()).toEqual([0.5, 0.5]);
    expect(unitOf(dt.multiply(m, m))).toBe('m^2');
    expect(unitOf(dt.multiply(q([1], 'km'), q([1], 'm')))).toBe('km*m');
    expect(unitOf(dt.divide(m, m))).toBe('1');
    expect(unitOf(dt.multiply(v, s))).toBe('m');
    // Bare numbers and JS scalars are unitless factors.
    expect(dt.multiply(m, 3).toArray()).toEqual([6, 12]);
    expect(unitOf(dt.multiply(m, 3))).toBe('m');
    expect(unitOf(dt.divide(1, s))).toBe('1/s');
    expect(dt.divide(1, s).toArray()).toEqual([0.25, 0.125]);
  });

  it('comparisons convert the right operand to the left unit and give bare booleans', () => {
    const a = q([999, 1000, 1001], 'm'), b = q([1, 1, 1], 'km');
    expect(dt.less(a, b).toArray()).toEqual([true, false, false]);
    expect(dt.equal(a, b).toArray()).toEqual([false, true, false]);
    expect(dt.greaterEqual(b, a).toArray()).toEqual([true, true, false]);
    expect(dt.less(a, b).dtype.name).toBe('bool');
    expect(dt.maximum(a, b).toArray()).toEqual([1000, 1000, 1001]);
  });

  it('different dimensions: UnitError naming both units and dimensions; nothing written', () => {
    const m = q([1, 2], 'm'), s = q([3, 4], 's'), out = q([7, 7], 'm');
    const msg = expectError(() => dt.add(m, s, { out }), UnitError, 'DIMENSION');
    expect(msg).toContain("'m' ([length])");
    expect(msg).toContain("'s' ([time])");
    expect(out.toArray()).toEqual([7, 7]);
    expect(m.toArray()).toEqual([1, 2]);
    expectError(() => dt.less(m, s), UnitError, 'DIMENSION');
    expectError(() => dt.add(m, 1), UnitError, 'DIMENSION');
  });

  it('dimensionless quantities mix with bare numbers (a bare number is unit 1)', () => {
    const r = q([1, 2], 'm/km');
    expect(dt.add(r, 1).toArray()).toEqual([1001, 1002]);
    expect(unitOf(dt.add(r, 1))).toBe('m/km');
    expect(dt.add(q([0.5], '1'), dt.array([1.5])).toArray()).toEqual([2]);
  });

  it('out in another unit of the same dimension receives converted values', () => {
    const out = q([0, 0], 'km');
    dt.add(q([1000, 2000], 'm'), q([1, 1], 'km'), { out });
    expect(out.toArray()).toEqual([2, 3]);
    const bare = dt.zeros([2]);
    expect(() => dt.add(q([1, 2], 'm'), q([1, 2], 'm'), { out: bare })).toThrow(dt.CastingError);
    expect(bare.toArray()).toEqual([0, 0]);
  });

  it('works for float32 and mixes bases by promotion', () => {
    const a = q([1, 2], 'm', 'float32'), b = q([1, 2], 'km', 'float32');
    expect(dt.add(a, b).dtype.name).toBe('quantity[float32,m]');
    expect(dt.add(a, b).toArray()).toEqual([1001, 2002]);
    expect(dt.add(a, q([1, 1], 'm')).dtype.name).toBe('quantity[float64,m]');
    expect(dt.multiply(a, 2).dtype.name).toBe('quantity[float32,m]');
  });
});

describe('power, sqrt, cbrt, transcendental functions', () => {
  it('power with an integer scalar raises the unit; sqrt halves exponents', () => {
    const a = q([2, 3], 'm/s');
    expect(unitOf(dt.power(a, 2))).toBe('m^2/s^2');
    expect(dt.power(a, 2).toArray()).toEqual([4, 9]);
    expect(unitOf(dt.power(a, -1))).toBe('s/m');
    expect(unitOf(dt.power(a, dt.array(3)))).toBe('m^3/s^3');
    expect(unitOf(dt.sqrt(q([4, 9], 'm^2')))).toBe('m');
    expect(dt.sqrt(q([4, 9], 'm^2')).toArray()).toEqual([2, 3]);
    expect(unitOf(dt.square(q([3], 'A')))).toBe('A^2');
    expectError(() => dt.power(a, 0.5), UnitError, 'POWER');
    expectError(() => dt.power(a, dt.array([1, 2])), UnitError, 'POWER');
    expectError(() => dt.power(a, q([2], 'm')), UnitError, 'DIMENSION');
  });

  it('exp/log/sin need dimensionless input; m/km carries its scale, deg feeds trig in rad', () => {
    expect(dt.exp(q([1000], 'm/km')).toArray()).toEqual([Math.E]);
    expect(unitOf(dt.exp(q([1000], 'm/km')))).toBe('1');
    expect(dt.sin(q([90], 'deg')).toArray()).toEqual([1]);
    expect(dt.cos(q([180], 'deg')).toArray()).toEqual([-1]);
    expect(dt.sin(q([Math.PI / 2], 'rad')).toArray()).toEqual([1]);
    expect(dt.log10(q([100], '%')).toArray()).toEqual([0]);
    expect(unitOf(dt.arcsin(q([1], '1')))).toBe('rad');
    expect(convert(dt.arctan(q([1], '1')), 'deg').toArray()).toEqual([45]);
    const m = q([1], 'm');
    expect(expectError(() => dt.exp(m), UnitError, 'DIMENSION')).toContain("'m' ([length])");
  });
});

describe('offset temperatures (pint rules)', () => {
  const c = (v: number[]) => q(v, 'degC');
  it('degC − degC → delta_degC; degC ± delta → degC; degC + degC → UnitError', () => {
    const d = dt.subtract(c([30, 25]), c([20, 5]));
    expect(unitOf(d)).toBe('delta_degC');
    expect(d.toArray()).toEqual([10, 20]);
    const e = dt.add(c([20]), q([9], 'delta_degF'));
    expect(unitOf(e)).toBe('degC');
    expect(e.toArray()).toEqual([25]);
    expect(dt.subtract(c([20]), q([5], 'delta_degC')).toArray()).toEqual([15]);
    expect(unitOf(dt.add(q([5], 'delta_degC'), c([20])))).toBe('degC');
    const out = c([1]);
    expectError(() => dt.add(c([20]), c([5]), { out }), UnitError, 'OFFSET_UNIT');
    expect(out.toArray()).toEqual([1]);
    expectError(() => dt.multiply(c([20]), 2), UnitError, 'OFFSET_UNIT');
    expectError(() => dt.subtract(q([5], 'delta_degC'), c([20])), UnitError, 'OFFSET_UNIT');
    expectError(() => dt.sum(c([1, 2])), UnitError, 'OFFSET_UNIT');
  });

  it('degC − degF converts the right operand with its offset; comparisons convert', () => {
    expect(dt.subtract(c([100]), q([212], 'degF')).toArray()).toEqual([0]);
    expect(convert(c([100, -40]), 'degF').toArray()).toEqual([212, -40]);
    const k = convert(q([212, 32], 'degF'), 'K').toArray() as number[];
    expect(k[0]).toBeCloseTo(373.15, 12); // 212 * 5/9 + 45967/180: two roundings, as pint
    expect(k[1]).toBeCloseTo(273.15, 12);
    expect(dt.less(q([273.14, 273.16], 'K'), c([0, 0])).toArray()).toEqual([true, false]);
    expect(dt.mean(c([10, 20])).item()).toBe(15);
  });
});
