// The generated loops have two contiguous paths (whole arrays at offset 0, and offset runs):
// both must give the same elements as each other and as the strided path.
import { describe, expect, it } from 'vitest';
import { generatedLoops } from '../src/loops/generated/index.generated.js';

const CTORS: Record<string, new (n: number) => Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array> = {
  bool: Uint8Array, int8: Int8Array, uint8: Uint8Array, int16: Int16Array, uint16: Uint16Array,
  int32: Int32Array, uint32: Uint32Array, float32: Float32Array, float64: Float64Array,
};

function fill(a: ArrayLike<number> & { [i: number]: number }, dtype: string, seed: number): void {
  for (let i = 0; i < a.length; i++) {
    const x = Math.sin(i * 12.9898 + seed) * 43758.5453;
    a[i] = dtype === 'bool' ? (x > 0 ? 1 : 0) : dtype.startsWith('float') ? x / 97 : Math.floor(x) % 50 + 1;
  }
}

const ctx = { descriptors: [], options: {}, auxdata: undefined };

describe('generated loops: offset-0, offset and strided contiguous runs agree', () => {
  const entries = Object.entries(generatedLoops);
  it('covers the generated table', () => expect(entries.length).toBeGreaterThan(300));
  it.each(entries.map(([k, loop]) => [k, loop]))('%s', (key, loop) => {
    const dtypes = (key as string).split(':')[1]!.split(',');
    const n = 37;
    // whole arrays at offset 0
    const ins0 = dtypes.slice(0, -1).map((d, j) => { const a = new CTORS[d]!(n); fill(a, d, j); return a; });
    const out0 = new CTORS[dtypes[dtypes.length - 1]!]!(n);
    const run = (f: () => void): string | null => { try { f(); return null; } catch (e) { return (e as { code?: string }).code ?? 'error'; } };
    const err0 = run(() => (loop as typeof generatedLoops[string])(n, [...ins0, out0], dtypes.map(() => 0), dtypes.map(() => 1), ctx));
    // the same elements at offset 3 inside larger arrays
    const ins1 = dtypes.slice(0, -1).map((d, j) => { const a = new CTORS[d]!(n + 3); a.set(ins0[j]! as never, 3); return a; });
    const out1 = new CTORS[dtypes[dtypes.length - 1]!]!(n + 3);
    const err1 = run(() => (loop as typeof generatedLoops[string])(n, [...ins1, out1], dtypes.map(() => 3), dtypes.map(() => 1), ctx));
    expect(err1).toBe(err0);
    if (err0 === null) expect(Array.from(out1.subarray(3))).toEqual(Array.from(out0));
  });
});
