// Transcendental functions against MPFR (correctly rounded at 113 bits, with subnormals):
// every vector must be within 1 ulp (NaN = any NaN); the exact-match count is reported too.
import { describe, expect, it } from 'vitest';
import * as soft from '../src/soft/index.js';
import { hexToLanes, isNaNHex, lanesToHex, readVectors, sameResult, ulpDistance } from './vector-io.js';

type Un = (a: Uint32Array, ai: number, o: Uint32Array, oi: number) => void;
type Bin = (a: Uint32Array, ai: number, b: Uint32Array, bi: number, o: Uint32Array, oi: number) => void;

const unary: [string, Un][] = [
  ['exp', soft.exp128], ['exp2', soft.exp2_128], ['expm1', soft.expm1_128], ['log', soft.log128],
  ['log2', soft.log2_128], ['log10', soft.log10_128], ['log1p', soft.log1p128], ['sin', soft.sin128],
  ['cos', soft.cos128], ['tan', soft.tan128], ['asin', soft.asin128], ['acos', soft.acos128], ['atan', soft.atan128],
  ['sinh', soft.sinh128], ['cosh', soft.cosh128], ['tanh', soft.tanh128], ['asinh', soft.asinh128],
  ['acosh', soft.acosh128], ['atanh', soft.atanh128], ['cbrt', soft.cbrt128],
];
const binary: [string, Bin][] = [['atan2', soft.atan2_128], ['pow', soft.pow128], ['hypot', soft.hypot128]];

function check(name: string, run: (u: Uint32Array) => void, nIn: number): { far: string[]; exact: number; total: number } {
  const u = new Uint32Array(16);
  const far: string[] = [];
  let exact = 0, total = 0;
  for (const v of readVectors(name)) {
    for (let k = 0; k < nIn; k++) hexToLanes(v[k]!, u, 4 * k);
    run(u);
    const got = lanesToHex(u, 12), want = v[nIn]!;
    total++;
    if (sameResult(got, want)) { exact++; continue; }
    const d = isNaNHex(got) || isNaNHex(want) ? Infinity : ulpDistance(got, want);
    if (d > 1) far.push(`${v.join(' ')} got ${got}`);
  }
  return { far, exact, total };
}

describe('transcendentals vs MPFR (≤ 1 ulp, 2000 vectors each)', () => {
  for (const [name, f] of unary) {
    it(name, () => {
      const r = check(name, (u) => f(u, 0, u, 12), 1);
      expect(r.total).toBe(2000);
      expect(r.far).toEqual([]);
      expect(r.exact).toBeGreaterThanOrEqual(1990); // in practice all are correctly rounded
    });
  }
  for (const [name, f] of binary) {
    it(name, () => {
      const r = check(name, (u) => f(u, 0, u, 4, u, 12), 2);
      expect(r.total).toBe(2000);
      expect(r.far).toEqual([]);
      expect(r.exact).toBeGreaterThanOrEqual(1990);
    });
  }
});

describe('transcendental special values', () => {
  const F = soft.Float128;
  const un = (f: Un, x: string): string => { const u = new Uint32Array(8); F.from(x).writeLanes(u, 0); f(u, 0, u, 4); return F.fromLanes(u, 4).toString(); };
  const bin = (f: Bin, x: string, y: string): string => {
    const u = new Uint32Array(12); F.from(x).writeLanes(u, 0); F.from(y).writeLanes(u, 4); f(u, 0, u, 4, u, 8);
    return F.fromLanes(u, 8).toString();
  };
  it('exact and limiting cases', () => {
    expect(un(soft.exp128, '0')).toBe('1.0');
    expect(un(soft.exp128, '-inf')).toBe('0.0');
    expect(un(soft.exp2_128, '-16494')).toBe('6e-4966');
    expect(un(soft.log128, '0')).toBe('-inf');
    expect(un(soft.log128, '-1')).toBe('nan');
    expect(un(soft.log2_128, '1024')).toBe('10.0');
    expect(un(soft.log10_128, '1e30')).toBe('30.0');
    expect(un(soft.expm1_128, '-0')).toBe('-0.0');
    expect(un(soft.sin128, '-0')).toBe('-0.0');
    expect(un(soft.cos128, 'inf')).toBe('nan');
    expect(un(soft.atanh128, '1')).toBe('inf');
    expect(un(soft.acos128, '-1')).toBe('3.1415926535897932384626433832795028');
    expect(un(soft.cbrt128, '-27')).toBe('-3.0');
    expect(bin(soft.pow128, 'nan', '0')).toBe('1.0');
    expect(bin(soft.pow128, '1', 'nan')).toBe('1.0');
    expect(bin(soft.pow128, '-1', 'inf')).toBe('1.0');
    expect(bin(soft.pow128, '-0', '-3')).toBe('-inf');
    expect(bin(soft.pow128, '-2', '0.5')).toBe('nan');
    expect(bin(soft.pow128, '-2', '3')).toBe('-8.0');
    expect(bin(soft.pow128, '2', '-1074')).toBe(F.from(2 ** -1074).toString()); // exact power of two
    expect(bin(soft.hypot128, 'nan', '-inf')).toBe('inf');
    expect(bin(soft.hypot128, '3', '4')).toBe('5.0');
    expect(bin(soft.atan2_128, '-0', '-1')).toBe('-3.1415926535897932384626433832795028');
    expect(bin(soft.atan2_128, '1', 'inf')).toBe('0.0');
  });
});
