// Bit-exact checks of the lane-level arithmetic against GCC __float128 reference vectors.
import { describe, expect, it } from 'vitest';
import { add128, div128, fma128, mul128, sqrt128, sub128 } from '../src/soft/index.js';
import { hexToLanes, lanesToHex, readVectors, sameResult } from './vector-io.js';

type Bin = (a: Uint32Array, ai: number, b: Uint32Array, bi: number, o: Uint32Array, oi: number) => void;

/** Runs every vector and returns the mismatching lines (empty when all are bit-exact). */
function mismatches(name: string, run: (u: Uint32Array) => void, nIn: number): string[] {
  const bad: string[] = [];
  const u = new Uint32Array(20);
  for (const v of readVectors(name)) {
    for (let k = 0; k < nIn; k++) hexToLanes(v[k]!, u, 4 * k);
    run(u);
    const got = lanesToHex(u, 16);
    if (!sameResult(got, v[nIn]!)) bad.push(`${v.join(' ')} got ${got}`);
  }
  return bad;
}

describe('binary128 arithmetic vs GCC __float128 (bit-exact, NaN = any NaN)', () => {
  const binary: [string, Bin][] = [['add', add128], ['sub', sub128], ['mul', mul128], ['div', div128]];
  for (const [name, op] of binary) {
    it(`${name}: 10000 vectors`, () => {
      expect(readVectors(name).length).toBe(10000);
      expect(mismatches(name, (u) => op(u, 0, u, 4, u, 16), 2).slice(0, 5)).toEqual([]);
    });
  }
  it('sqrt: 10000 vectors (reference corrected exactly with GMP)', () => {
    expect(mismatches('sqrt', (u) => sqrt128(u, 0, u, 16), 1).slice(0, 5)).toEqual([]);
  });
  it('fma: 10000 vectors', () => {
    expect(mismatches('fma', (u) => fma128(u, 0, u, 4, u, 8, u, 16), 3).slice(0, 5)).toEqual([]);
  });
  it('writes in place when out aliases an input', () => {
    const u = new Uint32Array(8);
    hexToLanes('3fff8000000000000000000000000000', u, 0); // 1.5
    hexToLanes('40000000000000000000000000000000', u, 4); // 2
    mul128(u, 0, u, 4, u, 0);
    expect(lanesToHex(u, 0)).toBe('40008000000000000000000000000000'); // 3
    div128(u, 0, u, 4, u, 0);
    expect(lanesToHex(u, 0)).toBe('3fff8000000000000000000000000000');
  });
});
