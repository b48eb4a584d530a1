// The 'wasm' float128 add/subtract/multiply/divide/sqrt kernels: bit-exact against the GCC __float128
// vectors, and bit-identical (NaN payloads included) to the JS loops on random bit patterns,
// contiguous and strided.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { wasmRuntime } from '@dtkit/dtypes';
import { float128 } from '@dtkit/float128';
import { readVectors } from './vector-io.js';
import { fromHex, hexToBytes, toHex } from './plugin-helpers.js';

const rt = wasmRuntime();
const OPS: [string, string, dt.UFunc][] = [
  ['add', 'add', dt.add], ['sub', 'subtract', dt.subtract], ['mul', 'multiply', dt.multiply], ['div', 'divide', dt.divide],
];

/** Storage of an array (its Uint32Array lanes), to check where it lives. */
function lanesOf(a: dt.NDArray): { readonly buffer: ArrayBufferLike } {
  const st = a.store;
  if (st.kind !== 'typed') throw new Error('float128 arrays use typed storage');
  return st.data;
}

/** Random element patterns biased towards interesting exponents, NaN payloads, zeros, inf and subnormals. */
function randomHex(n: number, seed: number): string[] {
  let s = seed >>> 0;
  const next = (): number => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s; };
  const h8 = (v: number): string => (v >>> 0).toString(16).padStart(8, '0');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = next() % 16;
    let hi = next(), m2 = next(), m1 = next(), m0 = next();
    const sign = next() & 0x80000000;
    if (kind === 0) hi = (hi & 0x0000ffff) | sign; // subnormal
    else if (kind === 1) { hi = sign | 0x7fff0000; m2 = m1 = m0 = 0; } // inf
    else if (kind === 2) hi = sign | 0x7fff0000 | (hi & 0xffff) | (m0 === 0 ? 1 : 0); // NaN (signalling or quiet)
    else if (kind === 3) { hi = sign; m2 = m1 = m0 = 0; } // zero
    else if (kind === 4) { hi = sign | ((next() % 3) << 16) | (hi & 0xffff); } // near the subnormal boundary
    else if (kind === 5) { hi = sign | ((0x7ffc + (next() % 3)) << 16) | (hi & 0xffff); } // near overflow
    else if (kind < 10) { hi = sign | ((0x3fff - 8 + (next() % 16)) << 16) | (hi & 0xffff); } // close exponents
    else if (kind === 10) { m0 = 0; m1 &= 0xffff0000; } // short significands (exact cases)
    out.push(h8(hi) + h8(m2) + h8(m1) + h8(m0));
  }
  return out;
}

function withBackend<T>(order: string[], f: () => T): T {
  dt.setBackendPreference(order);
  try { return f(); } finally { dt.setBackendPreference(['webgpu', 'wasm', 'js']); }
}

it('the wasm runtime is available here (Node 20 has SIMD and shared memory)', () => expect(rt).not.toBeNull());

describe('float128 wasm kernels', () => {
  beforeAll(() => dt.setBackendPreference(['wasm', 'js']));
  afterAll(() => dt.setBackendPreference(['webgpu', 'wasm', 'js']));

  for (const [file, name, uf] of OPS) {
    it(`${name}: GCC vectors bit-exact (NaN bits as the JS loop)`, () => {
      const rows = readVectors(file);
      expect(rows.length).toBeGreaterThanOrEqual(10000);
      const a = fromHex(rows.map((r) => r[0]!)), b = fromHex(rows.map((r) => r[1]!));
      expect(rt!.owns(lanesOf(a)) && rt!.owns(lanesOf(b))).toBe(true);
      const out = dt.empty([rows.length], { dtype: float128 });
      expect(rt!.owns(lanesOf(out))).toBe(true);
      withBackend(['wasm', 'js'], () => uf(a, b, { out }));
      const got = toHex(out);
      const jsOut = withBackend(['js'], () => uf(a, b) as dt.NDArray);
      const want = toHex(jsOut);
      const bad: string[] = [];
      rows.forEach((r, i) => {
        const ref = r[2]!;
        const refIsNaN = /^[7f]fff/.test(ref) && !/^[7f]fff0{28}$/.test(ref);
        // GCC's NaN payload choice may differ from soft/; the JS loop is the reference for NaN bits.
        if (refIsNaN ? got[i] !== want[i] : got[i] !== ref) bad.push(`${r.join(' ')} got ${got[i]}`);
      });
      expect(bad.slice(0, 5)).toEqual([]);
      expect(got).toEqual(want);
    });
  }

  for (const [, name, uf] of OPS) {
    it(`${name}: random bit patterns equal the JS loop, contiguous and strided`, () => {
      const n = 20000;
      const a = fromHex(randomHex(n, 17 + name.length)), b = fromHex(randomHex(n, 991 * name.length));
      const wasm = withBackend(['wasm', 'js'], () => uf(a, b) as dt.NDArray);
      expect(rt!.owns(lanesOf(wasm))).toBe(true);
      const js = withBackend(['js'], () => uf(a, b) as dt.NDArray);
      expect(toHex(wasm)).toEqual(toHex(js));
      // Strided inputs and output, a reversed view, and a broadcast scalar row.
      const as = a.slice('::3'), bs = b.slice('1::3');
      const m = as.shape[0]!;
      const outW = dt.empty([2 * m], { dtype: float128 }), outJ = dt.empty([2 * m], { dtype: float128 });
      withBackend(['wasm', 'js'], () => uf(as, bs.slice('::-1'), { out: outW.slice('::2') }));
      withBackend(['js'], () => uf(as, bs.slice('::-1'), { out: outJ.slice('::2') }));
      expect(toHex(outW)).toEqual(toHex(outJ));
      const one = b.slice('5:6');
      expect(toHex(withBackend(['wasm', 'js'], () => uf(a, one) as dt.NDArray)))
        .toEqual(toHex(withBackend(['js'], () => uf(a, one) as dt.NDArray)));
    });
  }

  it('sqrt: libquadmath vectors exactly rounded (NaN bits as the JS loop)', () => {
    const rows = readVectors('sqrt');
    expect(rows.length).toBeGreaterThanOrEqual(10000);
    const a = fromHex(rows.map((r) => r[0]!));
    const out = dt.empty([rows.length], { dtype: float128 });
    expect(rt!.owns(lanesOf(a)) && rt!.owns(lanesOf(out))).toBe(true);
    withBackend(['wasm', 'js'], () => dt.sqrt(a, { out }));
    const got = toHex(out);
    const want = toHex(withBackend(['js'], () => dt.sqrt(a) as dt.NDArray));
    const bad: string[] = [];
    rows.forEach((r, i) => {
      const ref = r[1]!;
      const refIsNaN = /^[7f]fff/.test(ref) && !/^[7f]fff0{28}$/.test(ref);
      if (refIsNaN ? got[i] !== want[i] : got[i] !== ref) bad.push(`${r.join(' ')} got ${got[i]}`);
    });
    expect(bad.slice(0, 5)).toEqual([]);
    expect(got).toEqual(want);
  });

  it('sqrt: random bit patterns equal the JS loop, contiguous and strided', () => {
    const n = 40000;
    // Half arbitrary patterns (all kinds, both signs), half positive so most take the full path.
    const hex = randomHex(n, 4242).map((h, i) => (i % 2 === 0 ? h : (parseInt(h[0]!, 16) & 7).toString(16) + h.slice(1)));
    hex.push('00000000000000000000000000000001', '0000ffffffffffffffffffffffffffff', '00010000000000000000000000000000',
      '7ffeffffffffffffffffffffffffffff', '3fffffffffffffffffffffffffffffff', '3ffeffffffffffffffffffffffffffff',
      '3fff0000000000000000000000000000', '40000000000000000000000000000000', '80000000000000000000000000000000',
      '00000000000000000000000000000000', '7fff0000000000000000000000000000', 'ffff0000000000000000000000000000',
      '7fff0000000000000000000000000001', 'ffff4000000000000000000000000000', '80000000000000000000000000000001');
    const a = fromHex(hex);
    const wasm = withBackend(['wasm', 'js'], () => dt.sqrt(a) as dt.NDArray);
    expect(rt!.owns(lanesOf(wasm))).toBe(true);
    const js = withBackend(['js'], () => dt.sqrt(a) as dt.NDArray);
    expect(toHex(wasm)).toEqual(toHex(js));
    // Strided and reversed input, strided output.
    const as = a.slice('::3').slice('::-1');
    const m = as.shape[0]!;
    const outW = dt.empty([2 * m], { dtype: float128 }), outJ = dt.empty([2 * m], { dtype: float128 });
    withBackend(['wasm', 'js'], () => dt.sqrt(as, { out: outW.slice('::2') }));
    withBackend(['js'], () => dt.sqrt(as, { out: outJ.slice('::2') }));
    expect(toHex(outW)).toEqual(toHex(outJ));
  });

  it('sqrt: perfect squares, their neighbours, and in place', () => {
    const n = 4096;
    const xs: number[] = [];
    let s = 777;
    const rnd = (): number => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
    for (let i = 0; i < n; i++) xs.push((1 + rnd()) * 2 ** Math.floor(rnd() * 400 - 200));
    const x = dt.array(xs, { dtype: float128 });
    const sq = dt.multiply(x, x) as dt.NDArray; // exact: 53 × 53 bits
    expect(toHex(withBackend(['wasm', 'js'], () => dt.sqrt(sq) as dt.NDArray))).toEqual(toHex(x));
    const up = dt.nextafter(sq, dt.full([n], Infinity, { dtype: float128 })) as dt.NDArray;
    const down = dt.nextafter(sq, dt.full([n], -Infinity, { dtype: float128 })) as dt.NDArray;
    for (const y of [up, down]) {
      const want = toHex(withBackend(['js'], () => dt.sqrt(y) as dt.NDArray));
      expect(toHex(withBackend(['wasm', 'js'], () => dt.sqrt(y) as dt.NDArray))).toEqual(want);
      withBackend(['wasm', 'js'], () => dt.sqrt(y, { out: y }));
      expect(toHex(y)).toEqual(want);
    }
  });

  it('in place (out aliases an input) and on arrays outside wasm memory', () => {
    const x = fromHex(randomHex(4096, 5)), y = fromHex(randomHex(4096, 6));
    const want = toHex(withBackend(['js'], () => dt.multiply(x, y) as dt.NDArray));
    withBackend(['wasm', 'js'], () => dt.multiply(x, y, { out: x }));
    expect(toHex(x)).toEqual(want);
    const small = fromHex(['3fff8000000000000000000000000000', '40000000000000000000000000000000']);
    expect(toHex(withBackend(['wasm', 'js'], () => dt.divide(small, small.slice('::-1')) as dt.NDArray)))
      .toEqual(['3ffe8000000000000000000000000000', '3fff5555555555555555555555555555']);
    expect(hexToBytes(['3fff8000000000000000000000000000']).length).toBe(16);
  });
  it('divide: exact quotients (products of doubles divided back) and 1 ulp either side', () => {
    const n = 4096;
    const bs: number[] = [], cs: number[] = [];
    let s = 12345;
    const rnd = (): number => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
    for (let i = 0; i < n; i++) {
      bs.push((rnd() + 0.5) * 2 ** Math.floor(rnd() * 200 - 100) * (rnd() < 0.5 ? -1 : 1));
      cs.push((1 + rnd()) * 2 ** Math.floor(rnd() * 60 - 30));
    }
    const b = dt.array(bs, { dtype: float128 }), c = dt.array(cs, { dtype: float128 });
    const a = dt.multiply(b, c) as dt.NDArray; // exact: 53 × 53 bits
    const q = withBackend(['wasm', 'js'], () => dt.divide(a, b) as dt.NDArray);
    expect(toHex(q)).toEqual(toHex(c));
    const up = dt.nextafter(a, dt.full([n], Infinity, { dtype: float128 })) as dt.NDArray;
    const down = dt.nextafter(a, dt.full([n], -Infinity, { dtype: float128 })) as dt.NDArray;
    for (const x of [up, down]) {
      expect(toHex(withBackend(['wasm', 'js'], () => dt.divide(x, b) as dt.NDArray)))
        .toEqual(toHex(withBackend(['js'], () => dt.divide(x, b) as dt.NDArray)));
    }
  });
});
