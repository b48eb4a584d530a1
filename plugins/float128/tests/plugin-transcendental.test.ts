// Transcendental loops: each one soft/ provides is ≤ 1 ulp from libquadmath through dt.*;
// each one it does not provide yet raises NoLoopError for float128 (never a silent float64 path).
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { MISSING_TRANSCENDENTALS, TRANSCENDENTALS } from '../src/loops/transcendental.js';
import { isNaNHex, readVectors, ulpDistance } from './vector-io.js';
import { fromHex, thrown, toHex } from './plugin-helpers.js';

/** NumPy ufunc name → libquadmath vector file. */
const VECTOR_FILE: Readonly<Record<string, string>> = {
  arcsin: 'asin', arccos: 'acos', arctan: 'atan', arcsinh: 'asinh', arccosh: 'acosh', arctanh: 'atanh',
  arctan2: 'atan2', power: 'pow',
};

function ufunc(name: string): dt.UFunc {
  return dt.ufuncs[name]!;
}

function worst(name: string, nIn: number): { bad: string[]; count: number } {
  const rows = readVectors(VECTOR_FILE[name] ?? name);
  const args = Array.from({ length: nIn }, (_, k) => fromHex(rows.map((r) => r[k]!)));
  const got = toHex(ufunc(name)(...args) as dt.NDArray);
  const bad = rows.filter((r, i) => {
    const want = r[nIn]!, g = got[i]!;
    if (isNaNHex(want) || isNaNHex(g)) return isNaNHex(want) !== isNaNHex(g);
    return ulpDistance(g, want) > 1;
  }).map((r) => r.join(' '));
  return { bad, count: rows.length };
}

describe('float128 transcendentals', () => {
  it('every catalog transcendental is either registered or listed as missing', () => {
    const all = [...Object.keys(TRANSCENDENTALS.unary), ...Object.keys(TRANSCENDENTALS.binary), ...MISSING_TRANSCENDENTALS].sort();
    expect(all).toEqual(['arccos', 'arccosh', 'arcsin', 'arcsinh', 'arctan', 'arctan2', 'arctanh', 'cbrt', 'cos', 'cosh',
      'exp', 'exp2', 'expm1', 'hypot', 'log', 'log10', 'log1p', 'log2', 'power', 'sin', 'sinh', 'tan', 'tanh']);
  });
  for (const name of Object.keys(TRANSCENDENTALS.unary)) {
    it(`${name}: ≤ 1 ulp from libquadmath`, () => expect(worst(name, 1).bad.slice(0, 3)).toEqual([]));
  }
  for (const name of Object.keys(TRANSCENDENTALS.binary)) {
    it(`${name}: ≤ 1 ulp from libquadmath`, () => expect(worst(name, 2).bad.slice(0, 3)).toEqual([]));
  }
  it('the ones soft/ does not provide yet raise NoLoopError naming float128', () => {
    const x = dt.array(['0.5'], { dtype: 'float128' });
    for (const name of MISSING_TRANSCENDENTALS) {
      const u = ufunc(name);
      const e = thrown(() => (u.nin === 1 ? u(x) : u(x, x)));
      expect([name, e.code]).toEqual([name, 'NO_LOOP']);
      expect(e.message).toContain('float128');
    }
  });
});
