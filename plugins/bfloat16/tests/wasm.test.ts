// The bfloat16 wasm kernels (backend 'wasm') against the JS loops, bit for bit — NaN codes
// included — on random codes mixed with NaN (both signs, several payloads), ±inf, ±0,
// subnormals and overflow edges: contiguous, unaligned, strided, broadcast and reversed operands.
import { afterAll, describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { defaultRegistry, loopDataOf } from '@dtkit/core';
import { wasmRuntime } from '@dtkit/dtypes';
import { plugin, bfloat16 } from '@dtkit/bfloat16';
import { BF16_WASM_KERNELS } from '../src/wasm/index.js';
import { codesOf, fromCodes } from './helpers.js';

dt.use(plugin);

const N = 100_000;

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIAL = [
  0x0000, 0x8000, 0x7f80, 0xff80, 0x7fc0, 0xffc0, 0x7f81, 0xff81, 0x7fff, 0xffff, 0x7fa5, 0xffd3,
  0x0001, 0x8001, 0x007f, 0x807f, 0x0080, 0x8080, 0x7f7f, 0xff7f, 0x7f7e, 0x3f80, 0xbf80, 0x4000,
];

function randomCodes(n: number, seed: number): number[] {
  const r = rng(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = r();
    if (u < 0.25) out.push(SPECIAL[Math.floor(r() * SPECIAL.length)]!);
    // Nearby exponents so that sums and differences round (and cancel) non-trivially.
    else if (u < 0.5) out.push((r() < 0.5 ? 0x8000 : 0) | ((0x3c + Math.floor(r() * 8)) << 8) | Math.floor(r() * 256));
    else out.push(Math.floor(r() * 65536));
  }
  return out;
}

const OPS = Object.keys(BF16_WASM_KERNELS) as (keyof typeof dt & string)[];
type Binary = (a: dt.NDArray, b: dt.NDArray) => dt.NDArray;
const fn = (name: string): Binary => (dt as unknown as Record<string, Binary>)[name]!;

const runtime = wasmRuntime();
const owned = (a: dt.NDArray): boolean => runtime !== null && runtime.owns(loopDataOf(a.store) as Uint16Array);

function both(op: Binary, a: dt.NDArray, b: dt.NDArray): { js: number[]; wasm: number[] } {
  dt.setBackendPreference(['js']);
  const js = codesOf(op(a, b));
  dt.setBackendPreference(['wasm', 'js']);
  const wasm = codesOf(op(a, b));
  return { js, wasm };
}

function firstDiff(x: number[], y: number[]): string {
  const i = x.findIndex((v, k) => v !== y[k]);
  return i < 0 ? 'none' : `#${i}: js ${x[i]?.toString(16)} wasm ${y[i]?.toString(16)}`;
}

afterAll(() => dt.setBackendPreference(['webgpu', 'wasm', 'js']));

it('the wasm runtime is available here (Node 20 has SIMD and shared memory)', () => expect(runtime).not.toBeNull());

describe('bfloat16 wasm kernels = JS loops, bit for bit', () => {
  const a = fromCodes(randomCodes(2 * N + 7, 1), bfloat16);
  const b = fromCodes(randomCodes(2 * N + 7, 2), bfloat16);

  it('registers a wasm loop per kernel and the test arrays live in wasm memory', () => {
    for (const name of OPS) {
      const entries = (defaultRegistry().loops.get(name) ?? []).filter((e) => e.backendName === 'wasm' && e.families.every((f) => f.name === 'bfloat16'));
      expect(entries.length, name).toBe(1);
    }
    expect(owned(a) && owned(b)).toBe(true);
  });

  const layouts: [string, (x: dt.NDArray) => dt.NDArray, (y: dt.NDArray) => dt.NDArray][] = [
    ['contiguous', (x) => x.slice(`0:${N}`), (y) => y.slice(`0:${N}`)],
    ['unaligned, odd length', (x) => x.slice(`3:${N + 3 + 13}`), (y) => y.slice(`1:${N + 1 + 13}`)],
    ['strided', (x) => x.slice(`0:${2 * N}:2`), (y) => y.slice(`1:${2 * N}:2`)],
    ['reversed', (x) => x.slice('::-1'), (y) => y.slice(`0:${2 * N + 7}`)],
    ['mixed strides', (x) => x.slice(`0:${N}`), (y) => y.slice(`0:${2 * N}:2`)],
  ];

  for (const name of OPS) {
    for (const [label, pa, pb] of layouts) {
      it(`${name}: ${label}, both operand orders`, () => {
        const x = pa(a);
        const y = pb(b);
        for (const [p, q] of [[x, y], [y, x]] as const) {
          const { js, wasm } = both(fn(name), p, q);
          expect(wasm.length).toBe(js.length);
          expect(firstDiff(js, wasm)).toBe('none');
        }
      });
    }

    it(`${name}: one operand broadcast (every special code as the scalar)`, () => {
      const scalars = fromCodes([...SPECIAL, ...randomCodes(1000, 3)], bfloat16);
      expect(owned(scalars)).toBe(true);
      const x = a.slice(`0:${N / 10}`);
      for (let k = 0; k < SPECIAL.length + 8; k++) {
        const s = scalars.slice(`${k}:${k + 1}`);
        for (const [p, q] of [[x, s], [s, x]] as const) {
          const { js, wasm } = both(fn(name), p, q);
          expect(firstDiff(js, wasm), `scalar ${codesOf(s)[0]!.toString(16)}`).toBe('none');
        }
      }
    });

    it(`${name}: every pair of special codes`, () => {
      const xs: number[] = [];
      const ys: number[] = [];
      for (const p of SPECIAL) for (const q of SPECIAL) { xs.push(p); ys.push(q); }
      const { js, wasm } = both(fn(name), fromCodes(xs, bfloat16), fromCodes(ys, bfloat16));
      expect(firstDiff(js, wasm)).toBe('none');
    });
  }

  it('short runs and foreign operands give the same codes (JS fallback)', () => {
    const x = fromCodes(randomCodes(40, 4), bfloat16);
    const y = fromCodes(randomCodes(40, 5), bfloat16);
    for (const name of OPS) {
      const { js, wasm } = both(fn(name), x, y);
      expect(firstDiff(js, wasm)).toBe('none');
    }
  });
});
