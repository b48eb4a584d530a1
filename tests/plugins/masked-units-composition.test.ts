// Plugins compose through the kernel only: masked[quantity[T,unit]] needs no code in either plugin.
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { plugin as masked } from '@dtkit/masked';
import { plugin as units, unitOf, UnitError } from '@dtkit/units';
import { plugin as quad } from '@dtkit/float128';

dt.use(quad); dt.use(masked); dt.use(units);

describe('masked[quantity[...]]', () => {
  const m = () => dt.array([1, null, 3], { dtype: 'masked[quantity[float64,m]]' });
  const km = () => dt.array([1, 2, null], { dtype: 'masked[quantity[float64,km]]' });

  it('parses, round-trips its name and keeps NA through unit conversion', () => {
    expect(m().dtype.name).toBe('masked[quantity[float64,m]]');
    expect(dt.dtype('masked[quantity[float128,GeV]]').name).toBe('masked[quantity[float128,GeV]]');
    const s = dt.add(m(), km());
    expect(s.dtype.name).toBe('masked[quantity[float64,m]]');
    expect(s.toArray()).toEqual([1001, null, null]);
  });

  it('reductions skip NA and keep the unit', () => {
    const r = dt.sum(m());
    expect(r.dtype.name).toBe('masked[quantity[float64,m]]');
    expect(r.item()).toBe(4);
  });

  it('a dimension mismatch is a UnitError and leaves out untouched', () => {
    const out = m();
    const s = dt.array([1, 2, 3], { dtype: 'quantity[float64,s]' });
    let err: unknown;
    try { dt.add(out, s, { out }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(UnitError);
    expect((err as UnitError).code).toBe('DIMENSION');
    expect(out.toArray()).toEqual([1, null, 3]);
  });

  it('float128 base: exact decimal values under the mask wrapper', () => {
    const q = dt.array(['0.1', null], { dtype: 'masked[quantity[float128,GeV]]' });
    const t = dt.add(q, dt.array(['0.2', '1'], { dtype: 'quantity[float128,GeV]' }));
    expect(t.dtype.name).toBe('masked[quantity[float128,GeV]]');
    // binary128 rounding, as plain float128: 0.1 + 0.2 = 0.30000000000000000000000000000000004
    const plain = dt.add(dt.array(['0.1'], { dtype: 'float128' }), dt.array(['0.2'], { dtype: 'float128' }));
    expect(String(t.get(0))).toBe(String(plain.get(0)));
    expect(String(t.get(0))).toBe('0.30000000000000000000000000000000004');
    expect(t.get(1)).toBeNull();
    expect(unitOf(dt.array([1], { dtype: 'quantity[float64,GeV]' }))).toBe('GeV');
  });
});
