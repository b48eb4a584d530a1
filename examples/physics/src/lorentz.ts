/**
 * `lorentz`: a four-vector record dtype (px, py, pz, E in GeV, natural units c = 1), stored as
 * four float64 lanes, with the ufuncs `mass`, `pt`, `eta`, `phi` (new) and `add` (a new loop for
 * the catalog's add). Outputs carry units: mass in GeV/c^2, pt in GeV/c, phi in rad, eta bare.
 */
import * as dt from 'dtkit';
import { quantity, plugin as unitsPlugin } from '@dtkit/units';
import { defineHepUnits } from './hep-units.js';

export interface FourVector {
  readonly px: number;
  readonly py: number;
  readonly pz: number;
  readonly E: number;
}

const lanes = (s: unknown): Float64Array => (s as { data: Float64Array }).data;

export const lorentz: dt.DType = dt.defineDType({
  name: 'lorentz',
  kind: 'other',
  storage: { kind: 'typed', type: 'float64', lanes: 4 },
  getItem: (_d, s, k) => {
    const a = lanes(s);
    return { px: a[4 * k]!, py: a[4 * k + 1]!, pz: a[4 * k + 2]!, E: a[4 * k + 3]! };
  },
  setItem: (_d, s, k, v) => {
    const p = v as FourVector;
    if (typeof p !== 'object' || p === null || ![p.px, p.py, p.pz, p.E].every((x) => typeof x === 'number')) {
      throw new dt.ValueError(`a lorentz element is { px, py, pz, E } (numbers), got ${JSON.stringify(v)}`, 'LORENTZ_VALUE');
    }
    const a = lanes(s);
    a[4 * k] = p.px; a[4 * k + 1] = p.py; a[4 * k + 2] = p.pz; a[4 * k + 3] = p.E;
  },
  format: (v) => {
    const p = v as FourVector;
    return `(${p.px.toFixed(3)}, ${p.py.toFixed(3)}, ${p.pz.toFixed(3)}; ${p.E.toFixed(3)})`;
  },
}).default;

export const mass = dt.defineUfunc({ name: 'mass', nin: 1, nout: 1 });
export const pt = dt.defineUfunc({ name: 'pt', nin: 1, nout: 1 });
export const eta = dt.defineUfunc({ name: 'eta', nin: 1, nout: 1 });
export const phi = dt.defineUfunc({ name: 'phi', nin: 1, nout: 1 });

/** A unary loop lorentz → float64 storage: out = f(px, py, pz, E). */
function unary(f: (px: number, py: number, pz: number, E: number) => number): dt.StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as Float64Array, o = data[1] as Float64Array;
    for (let i = 0; i < n; i++) {
      const k = 4 * (offs[0]! + i * strides[0]!);
      o[offs[1]! + i * strides[1]!] = f(a[k]!, a[k + 1]!, a[k + 2]!, a[k + 3]!);
    }
  };
}

const invariantMass = (px: number, py: number, pz: number, E: number): number => {
  const m2 = E * E - (px * px + py * py + pz * pz);
  return m2 >= 0 ? Math.sqrt(m2) : -Math.sqrt(-m2); // ROOT's TLorentzVector::M convention for spacelike
};
const transverse = (px: number, py: number): number => Math.hypot(px, py);
const pseudorapidity = (px: number, py: number, pz: number): number => Math.asinh(pz / Math.hypot(px, py));

export const lorentzPlugin: dt.Plugin = {
  name: '@dtkit/example-physics',
  dependencies: [unitsPlugin],
  install(reg) {
    defineHepUnits();
    reg.addDType(lorentz.family);
    for (const u of [mass, pt, eta, phi]) reg.defineUfunc(u);
    const withOut = (unit: string | null) => (): readonly dt.DType[] => [lorentz, unit === null ? reg.dtype('float64') : quantity(unit, 'float64', reg)];
    reg.registerLoop('mass', { dtypes: ['lorentz', 'quantity'], resolveDescriptors: withOut('GeV/c^2'), loop: unary(invariantMass) });
    reg.registerLoop('pt', { dtypes: ['lorentz', 'quantity'], resolveDescriptors: withOut('GeV/c'), loop: unary(transverse) });
    reg.registerLoop('phi', { dtypes: ['lorentz', 'quantity'], resolveDescriptors: withOut('rad'), loop: unary((px, py) => Math.atan2(py, px)) });
    reg.registerLoop('eta', { dtypes: ['lorentz', 'float64'], loop: unary(pseudorapidity) });
    reg.registerLoop('add', {
      dtypes: ['lorentz', 'lorentz', 'lorentz'],
      loop: (n, data, offs, strides) => {
        const a = data[0] as Float64Array, b = data[1] as Float64Array, o = data[2] as Float64Array;
        for (let i = 0; i < n; i++) {
          const ka = 4 * (offs[0]! + i * strides[0]!), kb = 4 * (offs[1]! + i * strides[1]!), ko = 4 * (offs[2]! + i * strides[2]!);
          for (let c = 0; c < 4; c++) o[ko + c] = a[ka + c]! + b[kb + c]!;
        }
      },
    });
  },
};
