/**
 * Reduce and arg-reduce loops against NumPy: np.<ufunc>.reduce(x[1:], initial=x[0]) per
 * (ufunc, dtype), np.sum of PRNG data (pairwise summation, bit for bit), np.argmin/argmax.
 */
import { describe, expect, it } from 'vitest';
import { builtinArgLoops, builtinReduceLoops } from '../src/loops/index.js';
import { numberToF16Bits } from '../../core/src/numeric/float16.js';
import type { TypedArray } from '../../core/src/storage/typed.js';
import { CTX, allocate, compareArrays, decode, lanesOf, loadReference, prngFloats, type SumRef } from './reference/loops_support.js';

const reference = loadReference();

describe('reduce loops vs np.<ufunc>.reduce', () => {
  it('has a reference for every reduce loop', () => {
    const have = new Set(reference.reduce.map((r) => `${r.ufunc}:${r.dtype}`));
    expect(builtinReduceLoops.map((e) => `${e.ufunc}:${e.dtype}`).filter((k) => !have.has(k))).toEqual([]);
  });

  for (const ref of reference.reduce) {
    const entry = builtinReduceLoops.find((e) => e.ufunc === ref.ufunc && e.dtype === ref.dtype);
    it(`${ref.ufunc}.reduce ${ref.dtype} (n=${ref.n})`, () => {
      expect(entry, 'reduce loop exists').toBeDefined();
      const acc = decode(ref.initial, ref.dtype);
      entry!.loop(ref.n, [decode(ref.input, ref.dtype), acc], [0, 0], [1, 0], CTX);
      const [worst] = compareArrays(acc, decode(ref.output, ref.dtype), ref.dtype, 0);
      expect(worst).toBe(0);
    });
  }
});

/** The PRNG data the script summed, in `dtype`'s storage. */
function sumData(ref: SumRef): TypedArray {
  const base = prngFloats(ref.seed, 2 * ref.count);
  const data = allocate(ref.dtype, ref.count);
  for (let i = 0; i < ref.count; i++) {
    if (ref.dtype === 'complex128' || ref.dtype === 'complex64') {
      (data as Float64Array)[2 * i] = base[2 * i]!;
      (data as Float64Array)[2 * i + 1] = base[2 * i + 1]!;
    } else if (ref.dtype === 'float16') {
      (data as Uint16Array)[i] = numberToF16Bits(base[i]! / 2 ** 10);
    } else {
      (data as Float64Array)[i] = base[i]!;
    }
  }
  return data;
}

describe('pairwise add.reduce equals np.sum bit for bit', () => {
  for (const ref of reference.sums) {
    it(`${ref.dtype} n=${ref.n} stride=${ref.stride}`, () => {
      const loop = builtinReduceLoops.find((e) => e.ufunc === 'add' && e.dtype === ref.dtype)!.loop;
      const data = sumData(ref);
      // np.sum starts from the add identity (+0) and hands the whole run (contiguous or
      // strided, up to 1e5 elements) to a single inner-loop call: acc + pairwise(run).
      const acc = allocate(ref.dtype, 1);
      loop(ref.n, [data, acc], [0, 0], [ref.stride, 0], CTX);
      const [worst] = compareArrays(acc, decode(ref.sum, ref.dtype), ref.dtype, 0);
      expect(worst).toBe(0);
    });
  }

  it('sum of [-0.0] keeps NumPy’s sign of zero', () => {
    const loop = builtinReduceLoops.find((e) => e.ufunc === 'add' && e.dtype === 'float64')!.loop;
    const acc = new Float64Array([0]);
    loop(1, [new Float64Array([-0]), acc], [0, 0], [1, 0], CTX);
    expect(Object.is(acc[0], decode(reference.sumSignedZero['float64']!, 'float64')[0])).toBe(true);
  });
});

describe('argmin / argmax vs NumPy', () => {
  it('has an arg loop for every builtin dtype', () => {
    expect(builtinArgLoops.length).toBe(28);
  });
  for (const ref of reference.arg) {
    it(`${ref.kind} ${ref.dtype} (n=${ref.n})`, () => {
      const entry = builtinArgLoops.find((e) => e.kind === ref.kind && e.dtype === ref.dtype)!;
      const values = decode(ref.input, ref.dtype);
      expect(entry.loop(ref.n, values, 0, 1, CTX)).toBe(ref.result);
      // stride 2 with junk in between, and a starting offset of 1
      const lanes = lanesOf(ref.dtype);
      const spread = allocate(ref.dtype, 2 * ref.n + 1);
      for (let i = 0; i < ref.n; i++) for (let l = 0; l < lanes; l++) {
        (spread as Float64Array)[(1 + 2 * i) * lanes + l] = (values as Float64Array)[i * lanes + l]!;
      }
      expect(entry.loop(ref.n, spread, 1, 2, CTX)).toBe(ref.result);
    });
  }
});
