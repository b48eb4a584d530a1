import { describe, expect, it } from 'vitest';
import { gather, scatter, popcount, allSet, zeroMasked } from '../src/bitmap.js';

// Deterministic pseudo-random bits (xorshift) so every run checks the same cases.
function rand(seed: number) {
  let s = seed;
  return () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), (s >>> 0) / 2 ** 32);
}
const bit = (w: Int32Array, k: number) => (w[k >>> 5]! >>> (k & 31)) & 1;

describe('word-at-a-time bitmap runs match a per-bit reference', () => {
  it('gather / scatter at every bit offset 0..70, strides 1, 2, -1, 0', () => {
    const r = rand(7);
    const src = new Int32Array(16).map(() => (r() * 2 ** 32) | 0);
    for (const stride of [1, 2, -1, 0]) {
      for (let off = 0; off <= 70; off++) {
        const n = stride === -1 ? Math.min(off + 1, 200) : stride === 2 ? 100 : 300;
        const dst = new Int32Array(16);
        gather(src, off, stride, n, dst);
        for (let i = 0; i < n; i++) expect(bit(dst, i)).toBe(bit(src, off + i * stride));
        if (stride === 0) continue;
        const target = new Int32Array(16).map(() => (r() * 2 ** 32) | 0);
        const before = target.slice();
        scatter(target, off, stride, n, dst);
        const written = new Set<number>();
        for (let i = 0; i < n; i++) { expect(bit(target, off + i * stride)).toBe(bit(dst, i)); written.add(off + i * stride); }
        for (let k = 0; k < 512; k++) if (!written.has(k)) expect(bit(target, k)).toBe(bit(before, k));
      }
    }
  });
  it('popcount, allSet and zeroMasked', () => {
    const w = new Int32Array([-1, 0b1011, 0]);
    expect(popcount(w, 32)).toBe(32);
    expect(popcount(w, 36)).toBe(35);
    expect(allSet(w, 32)).toBe(true);
    expect(allSet(w, 34)).toBe(true);
    expect(allSet(w, 35)).toBe(false);
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    zeroMasked(new Int32Array([0b101101]), 6, data, 0, 1, 1);
    expect([...data]).toEqual([1, 0, 3, 4, 0, 6]);
    const big = new BigInt64Array([1n, 2n, 3n]);
    zeroMasked(new Int32Array([0b101]), 3, big, 0, 1, 1);
    expect([...big]).toEqual([1n, 0n, 3n]);
    const quad = new Uint32Array(12).fill(7);
    zeroMasked(new Int32Array([0b01]), 2, quad, 1, 1, 4); // elements 1, 2 of a 4-lane dtype
    expect([...quad]).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0]);
  });
});
