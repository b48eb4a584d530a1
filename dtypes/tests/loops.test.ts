/**
 * Runs every builtin loop table entry against NumPy 2's outputs (tests/reference/loops.json,
 * produced by dtypes/scripts/gen_loop_reference.py): contiguous, then strided with a negative
 * input stride. Comparison is bit-exact (any NaN matches any NaN) except for the functions in
 * ULP_TOLERANCE, whose documented bound is checked instead.
 */
import { describe, expect, it } from 'vitest';
import { builtinLoops } from '../src/loops/index.js';
import { generatedLoops } from '../src/loops/generated/index.generated.js';
import type { LoopEntry } from '../src/loops/index.js';
import type { TypedArray } from '../../core/src/storage/typed.js';
import {
  CTX, allocate, compareArrays, decode, lanesOf, loadReference, type LoopRef,
} from './reference/loops_support.js';

const reference = loadReference();
const key = (ufunc: string, dtypes: readonly string[]): string => `${ufunc}:${dtypes.join(',')}`;

/**
 * Documented ulp bounds, keyed by signature, measured against the stored NumPy reference
 * (unit: ulps of the output's float type; complex: per part). float64 transcendentals use V8's
 * fdlibm-derived Math.* and differ from glibc/NumPy SIMD by ≤ 1 ulp (hypot ≤ 2); float32 ones are
 * computed in float64 and rounded once, and differ from NumPy's float32 kernels by ≤ 2 ulps.
 * float16 transcendentals match exactly. Everything not listed matches NumPy bit for bit.
 */
const ULP_TOLERANCE: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    ['arccos', 'arcsin', 'arctan', 'cos', 'cosh', 'exp', 'exp2', 'expm1', 'log', 'log10', 'log1p', 'log2',
      'sin', 'sinh', 'tan', 'tanh', 'cbrt', 'arcsinh', 'arccosh', 'arctanh'].flatMap((u) => [[`${u}:float64,float64`, 1], [`${u}:float32,float32`, 1]]),
  ),
  'arcsin:float32,float32': 2, 'tan:float32,float32': 2, 'exp:float32,float32': 2,
  'arctan2:float64,float64,float64': 1, 'arctan2:float32,float32,float32': 2,
  'power:float64,float64,float64': 1, 'power:float32,float32,float32': 1,
  'hypot:float64,float64,float64': 2,
  'logaddexp:float64,float64,float64': 1, 'logaddexp:float32,float32,float32': 1,
  'logaddexp2:float64,float64,float64': 2, 'logaddexp2:float32,float32,float32': 1,
  'absolute:complex128,float64': 1, 'absolute:complex64,float32': 2,
  'sign:complex128,complex128': 3,
  'sqrt:complex128,complex128': 2, 'sqrt:complex64,complex64': 1,
  'exp:complex128,complex128': 2, 'exp:complex64,complex64': 2,
  'log:complex128,complex128': 2, 'log:complex64,complex64': 1,
  // complex functions NumPy composes itself (funcs.inc.src) or takes from glibc (csinh, ctanh …)
  'exp2:complex128,complex128': 2, 'exp2:complex64,complex64': 2,
  'expm1:complex128,complex128': 2, 'expm1:complex64,complex64': 3,
  'log2:complex128,complex128': 2, 'log2:complex64,complex64': 2,
  'log10:complex128,complex128': 3, 'log10:complex64,complex64': 2,
  // log1p: log(hypot(1 + re, im)) near |1 + z| = 1 amplifies a 1-ulp hypot difference
  'log1p:complex128,complex128': 32, 'log1p:complex64,complex64': 1,
  'sin:complex128,complex128': 2, 'sin:complex64,complex64': 2,
  'cos:complex128,complex128': 2, 'cos:complex64,complex64': 2,
  'tan:complex128,complex128': 2, 'tan:complex64,complex64': 4,
  'sinh:complex128,complex128': 2, 'sinh:complex64,complex64': 2,
  'cosh:complex128,complex128': 2, 'cosh:complex64,complex64': 2,
  'tanh:complex128,complex128': 2, 'tanh:complex64,complex64': 4,
  // Non-integer complex powers are exp(b·log a): a 1–2 ulp clog difference is multiplied by
  // |b·log a| (up to ~1e3 in the reference data). Also: where NumPy's result carries the sign of
  // an x86 "default NaN" (copysign(0, generated NaN) = −0) we give +0 (1 ulp in this metric).
  'power:complex128,complex128,complex128': 6535, 'power:complex64,complex64,complex64': 56,
};

/** LOOPS_ULP_REPORT=1 prints the measured worst ulp distance of every inexact signature. */
const REPORT = process.env['LOOPS_ULP_REPORT'] === '1';

function toleranceFor(signature: string): number {
  if (REPORT) return Infinity;
  return ULP_TOLERANCE[signature] ?? 0;
}

/** Runs `entry` on the reference inputs, optionally with reversed inputs and stride-2 outputs. */
function run(entry: LoopEntry, ref: LoopRef, strided: boolean): TypedArray[] {
  const n = ref.n;
  const nin = ref.inputs.length;
  const data: TypedArray[] = [];
  const offsets: number[] = [];
  const strides: number[] = [];
  ref.inputs.forEach((b64, j) => {
    const dtype = entry.dtypes[j]!;
    const values = decode(b64, dtype);
    if (!strided) {
      data.push(values); offsets.push(0); strides.push(1);
      return;
    }
    // Reversed copy read with stride -1 from the last element.
    const lanes = lanesOf(dtype);
    const reversed = allocate(dtype, n);
    for (let i = 0; i < n; i++) for (let l = 0; l < lanes; l++) {
      (reversed as Float64Array)[(n - 1 - i) * lanes + l] = (values as Float64Array)[i * lanes + l]!;
    }
    data.push(reversed); offsets.push(n - 1); strides.push(-1);
  });
  const outDtypes = entry.dtypes.slice(nin);
  for (const dtype of outDtypes) {
    data.push(allocate(dtype, strided ? 2 * n + 1 : n));
    offsets.push(strided ? 1 : 0);
    strides.push(strided ? 2 : 1);
  }
  entry.loop(n, data, offsets, strides, CTX);
  return outDtypes.map((dtype, k) => {
    const out = data[nin + k]!;
    if (!strided) return out;
    const lanes = lanesOf(dtype);
    const packed = allocate(dtype, n);
    for (let i = 0; i < n; i++) for (let l = 0; l < lanes; l++) {
      (packed as Float64Array)[i * lanes + l] = (out as Float64Array)[(1 + 2 * i) * lanes + l]!;
    }
    return packed;
  });
}

const refsByKey = new Map<string, LoopRef[]>();
for (const ref of reference.loops) {
  const k = key(ref.ufunc, ref.dtypes);
  refsByKey.set(k, [...(refsByKey.get(k) ?? []), ref]);
}

describe(`builtin loops vs NumPy ${reference.numpy}`, () => {
  it('has exactly one table entry per signature', () => {
    const keys = builtinLoops.map((e) => key(e.ufunc, e.dtypes));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses a generated own-literal loop for every number-typed signature', () => {
    const numberTypes = new Set(['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'float32', 'float64']);
    const tableLoops = new Map(builtinLoops.map((e) => [key(e.ufunc, e.dtypes), e.loop]));
    const notGenerated = [...tableLoops.entries()]
      .filter(([k]) => k.split(':')[1]!.split(',').every((d) => numberTypes.has(d)))
      .filter(([k, loop]) => generatedLoops[k] !== loop)
      .map(([k]) => k);
    expect(notGenerated).toEqual([]);
  });

  it('has a NumPy reference for every table entry', () => {
    const missing = builtinLoops.filter((e) => !refsByKey.has(key(e.ufunc, e.dtypes))).map((e) => key(e.ufunc, e.dtypes));
    expect(missing).toEqual([]);
  });

  for (const entry of builtinLoops) {
    const k = key(entry.ufunc, entry.dtypes);
    for (const ref of refsByKey.get(k) ?? []) {
      if (ref.error) {
        it(`${k} throws ValueError where NumPy raises ${ref.error}`, () => {
          expect(() => run(entry, ref, false)).toThrow(expect.objectContaining({ code: 'NEGATIVE_POWER' }));
        });
        continue;
      }
      for (const strided of [false, true]) {
        it(`${k}${strided ? ' (strided, negative input stride)' : ''}`, () => {
          const outputs = run(entry, ref, strided);
          ref.outputs.forEach((b64, j) => {
            const dtype = entry.dtypes[ref.inputs.length + j]!;
            const want = decode(b64, dtype);
            const tolerance = toleranceFor(k);
            const [worst, firstBad] = compareArrays(outputs[j]!, want, dtype, tolerance);
            if (REPORT && worst > 0 && !strided) console.log(`ULP ${k} ${worst}`);
            if (firstBad >= 0) {
              const lanes = lanesOf(dtype);
              const element = Math.floor(firstBad / lanes);
              const inputs = ref.inputs.map((b, m) => {
                const v = decode(b, entry.dtypes[m]!);
                return Array.from({ length: lanes }, (_, l) => String(v[element * lanes + l]));
              });
              throw new Error(`${k}: element ${element} inputs ${JSON.stringify(inputs)} got ${String(outputs[j]![firstBad])} ` +
                `want ${String(want[firstBad])} (worst ${worst} ulp, allowed ${tolerance})`);
            }
          });
        });
      }
    }
  }
});
