import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { convert, unitOf, quantity } from '@dtkit/units';
import { dimuonSpectrum, eta, generateEvents, lorentz, lorentzPlugin, mass, phi, pt, Z_MASS } from '../src/index.js';

dt.use(lorentzPlugin);

describe('HEP units and the lorentz dtype', () => {
  it('HEP units: eV…TeV, pb/fb from b, GeV/c and GeV/c^2', () => {
    expect(convert(dt.array([1], { dtype: quantity('TeV') }), 'GeV').item()).toBe(1000);
    expect(convert(dt.array([1], { dtype: quantity('pb') }), 'fb').item()).toBe(1000);
    expect(convert(dt.array([1], { dtype: quantity('b') }), 'barn').item()).toBe(1);
    const p = convert(dt.array([1], { dtype: quantity('GeV/c') }), 'kg*m/s');
    expect(p.item()).toBeCloseTo(5.344285992678308e-19, 30);
    const m = convert(dt.array([1], { dtype: quantity('GeV/c^2') }), 'kg').item() as number;
    expect(Math.abs(m - 1.782661921627898e-27) / 1.782661921627898e-27).toBeLessThan(1e-12);
  });

  it('mass, pt, eta, phi and add on four-vectors, with units on the outputs', () => {
    const a = dt.array([{ px: 3, py: 4, pz: 0, E: 13 }], { dtype: lorentz });
    const b = dt.array([{ px: -3, py: -4, pz: 0, E: 13 }], { dtype: lorentz });
    expect(mass(a).item()).toBe(12);
    expect(unitOf(mass(a))).toBe('GeV/c^2');
    expect(pt(a).item()).toBe(5);
    expect(unitOf(pt(a))).toBe('GeV/c');
    expect(eta(a).item()).toBe(0);
    expect(phi(a).item()).toBe(Math.atan2(4, 3));
    expect(unitOf(phi(a))).toBe('rad');
    expect(dt.add(a, b).item()).toEqual({ px: 0, py: 0, pz: 0, E: 26 });
    expect(mass(dt.add(a, b)).item()).toBe(26);
    expect(() => dt.array([{ px: 1 }], { dtype: lorentz })).toThrow(expect.objectContaining({ code: 'LORENTZ_VALUE' }));
  });

  it('generated events: the di-muon spectrum peaks at the Z mass; the SVG is written', () => {
    const s = dimuonSpectrum(generateEvents(20000, 7));
    expect(Math.abs(s.peak - Z_MASS)).toBeLessThan(1.5); // 1 GeV bins, 2 % smearing
    expect(s.histogram.counts.reduce((x, y) => x + y, 0)).toBeGreaterThan(14000);
    expect(s.svg.startsWith('<svg')).toBe(true);
    expect(s.svg).toContain('di-muon invariant mass');
    expect(s.masses.dtype.name).toBe('quantity[float64,GeV/c^2]');
  });
});
