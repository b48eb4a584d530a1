// floor/ceil/trunc/rint/round, fmod/remainder/nextafter, ldexp/frexp against libquadmath (exact ops).
import { describe, expect, it } from 'vitest';
import {
  ceil128, compare128, floor128, fmod128, frexp128, ldexp128, nextafter128, remainder128, rint128, round128, trunc128,
} from '../src/soft/index.js';
import { hexToLanes, lanesToHex, readVectors, sameResult } from './vector-io.js';

type Un = (a: Uint32Array, ai: number, o: Uint32Array, oi: number) => void;
type Bin = (a: Uint32Array, ai: number, b: Uint32Array, bi: number, o: Uint32Array, oi: number) => void;

describe('exact operations vs libquadmath (bit-exact, 1000 vectors each)', () => {
  const unary: [string, Un][] = [['floor', floor128], ['ceil', ceil128], ['trunc', trunc128], ['rint', rint128], ['round', round128]];
  for (const [name, op] of unary) {
    it(name, () => {
      const u = new Uint32Array(8);
      const rows = readVectors(name);
      expect(rows.length).toBe(1000);
      const bad = rows.filter(([a, r]) => { hexToLanes(a!, u, 0); op(u, 0, u, 4); return !sameResult(lanesToHex(u, 4), r!); });
      expect(bad).toEqual([]);
    });
  }
  const binary: [string, Bin][] = [['fmod', fmod128], ['remainder', remainder128], ['nextafter', nextafter128]];
  for (const [name, op] of binary) {
    it(name, () => {
      const u = new Uint32Array(12);
      const bad = readVectors(name).filter(([a, b, r]) => {
        hexToLanes(a!, u, 0); hexToLanes(b!, u, 4); op(u, 0, u, 4, u, 8);
        return !sameResult(lanesToHex(u, 8), r!);
      });
      expect(bad).toEqual([]);
    });
  }
  it('ldexp (rounds subnormal results, overflows to inf)', () => {
    const u = new Uint32Array(8);
    const bad = readVectors('ldexp').filter(([a, e, r]) => { hexToLanes(a!, u, 0); ldexp128(u, 0, Number(e), u, 4); return !sameResult(lanesToHex(u, 4), r!); });
    expect(bad).toEqual([]);
  });
  it('frexp', () => {
    const u = new Uint32Array(8);
    const bad = readVectors('frexp').filter(([a, m, e]) => {
      hexToLanes(a!, u, 0);
      const ex = frexp128(u, 0, u, 4);
      return !sameResult(lanesToHex(u, 4), m!) || ex !== Number(e);
    });
    expect(bad).toEqual([]);
  });
  it('compare: ordering, signed zeros, NaN unordered', () => {
    const u = new Uint32Array(8);
    const cmp = (a: string, b: string): number => { hexToLanes(a, u, 0); hexToLanes(b, u, 4); return compare128(u, 0, u, 4); };
    expect(cmp('00000000000000000000000000000000', '80000000000000000000000000000000')).toBe(0);
    expect(cmp('bfff0000000000000000000000000000', '3fff0000000000000000000000000000')).toBe(-1);
    expect(cmp('c0000000000000000000000000000000', 'bfff0000000000000000000000000000')).toBe(-1);
    expect(cmp('7fff0000000000000000000000000000', '7ffeffffffffffffffffffffffffffff')).toBe(1);
    expect(cmp('00000000000000000000000000000001', '00000000000000000000000000000000')).toBe(1);
    expect(Number.isNaN(cmp('7fff8000000000000000000000000000', '3fff0000000000000000000000000000'))).toBe(true);
  });
});
