// add/subtract/multiply/divide/sqrt/fma through the dtkit ufuncs, bit-exact against GCC __float128.
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { fma } from '@dtkit/float128';
import { readVectors, sameResult } from './vector-io.js';
import { fromHex, strings, toHex } from './plugin-helpers.js';

function mismatches(name: string, run: (args: dt.NDArray[]) => dt.NDArray, nIn: number): string[] {
  const rows = readVectors(name);
  const args = Array.from({ length: nIn }, (_, k) => fromHex(rows.map((r) => r[k]!)));
  const got = toHex(run(args));
  return rows.filter((r, i) => !sameResult(got[i]!, r[nIn]!)).map((r, i) => `${r.join(' ')} got ${got[i]}`);
}

describe('float128 arithmetic through dt.* vs libquadmath (10000 vectors each, bit-exact)', () => {
  const binary: [string, dt.UFunc][] = [['add', dt.add], ['sub', dt.subtract], ['mul', dt.multiply], ['div', dt.divide]];
  for (const [name, uf] of binary) {
    it(name, () => {
      expect(mismatches(name, ([a, b]) => uf(a!, b!) as dt.NDArray, 2).slice(0, 3)).toEqual([]);
    });
  }
  it('sqrt', () => {
    expect(mismatches('sqrt', ([a]) => dt.sqrt(a!) as dt.NDArray, 1).slice(0, 3)).toEqual([]);
  });
  it('fma (single rounding)', () => {
    expect(mismatches('fma', ([a, b, c]) => fma(a!, b!, c!) as dt.NDArray, 3).slice(0, 3)).toEqual([]);
  });
  it('writes into out, strided views and broadcasting', () => {
    const rows = readVectors('add').slice(0, 6);
    const a = fromHex(rows.map((r) => r[0]!)), b = fromHex(rows.map((r) => r[1]!));
    const out = dt.empty([6], { dtype: a.dtype });
    dt.add(a, b, { out });
    expect(toHex(out)).toEqual(rows.map((r) => r[2]));
    const every2 = dt.add(a.slice('::2'), b.slice('::2'));
    expect(toHex(every2)).toEqual([rows[0]![2], rows[2]![2], rows[4]![2]]);
    const m = dt.multiply(dt.array(['1', '2', '3'], { dtype: a.dtype }).reshape([3, 1]), dt.array(['0.5', '0.25'], { dtype: a.dtype }));
    expect(m.shape).toEqual([3, 2]);
    expect(strings(m.reshape([6]))).toEqual(['0.5', '0.25', '1.0', '0.5', '1.5', '0.75']);
  });
  it('0.1 + 0.2 in binary128: one ulp above 0.3, printed with the digits that tell them apart', () => {
    const s = dt.add(dt.array(['0.1'], { dtype: 'float128' }), dt.array(['0.2'], { dtype: 'float128' }));
    expect(toHex(s)).toEqual(['3ffd3333333333333333333333333334']);
    expect(String(s.get(0))).toBe('0.30000000000000000000000000000000004');
    expect(toHex(dt.array(['0.3'], { dtype: 'float128' }))).toEqual(['3ffd3333333333333333333333333333']);
  });
});
