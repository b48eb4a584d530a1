/**
 * Type resolution for bool/integer inputs against NumPy 2 (reference/promotion.json from
 * dtypes/scripts/gen_promotion_reference.py): sqrt(int8) → float16, arctan2(int16, 2) → float32,
 * divide(int, int) → float64, floor_divide(bool, bool) → int8, through the JS loops and the default
 * backend order. Values are NumPy's outputs on edge inputs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { builtinLoops, builtinMultiOutputLoops, LEGACY_PROMOTED_UFUNCS } from '../src/loops/index.js';
import { compareArrays, decode } from './reference/loops_support.js';
import {
  BACKEND_ORDERS, arrayFrom, bytesOf, loadPromotionReference, type ValuesRef, type WeakOperand,
} from './reference/promotion_support.js';

const ref = loadPromotionReference();
const withLoops = new Set([...builtinLoops, ...builtinMultiOutputLoops].map((l) => l.ufunc));
/** Reads a result back as the TypedArray of its dtype. */
const contents = (a: dt.NDArray) => decode(Buffer.from(a.toBytes()).toString('base64'), a.dtype.name);
const asList = (r: dt.NDArray | dt.NDArray[]): dt.NDArray[] => (Array.isArray(r) ? r : [r]);

/** ulps allowed per ufunc: the float loops' documented bounds (dtypes/tests/loops.test.ts); exact elsewhere. */
const INEXACT = new Set(['exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'arcsin', 'arccos',
  'arctan', 'sinh', 'cosh', 'tanh', 'arctan2', 'hypot', 'power', 'cbrt', 'arcsinh', 'arccosh', 'arctanh',
  'logaddexp', 'logaddexp2']);
/** Loops documented as not provided (dtypes/src/loops/README.md): NoLoopError where NumPy has one. */
const NOT_PROVIDED = new Set(['arcsin(complex64)', 'arcsin(complex128)', 'arccos(complex64)', 'arccos(complex128)',
  'arctan(complex64)', 'arctan(complex128)', 'arcsinh(complex64)', 'arcsinh(complex128)', 'arccosh(complex64)',
  'arccosh(complex128)', 'arctanh(complex64)', 'arctanh(complex128)']);
// logaddexp2 near cancellation (y + log2(1 + 2^(x−y)) ≈ 0) turns a 1-ulp exp2/log1p difference into a few result ulps.
const tolerance = (ufunc: string, dtype: string): number =>
  (!INEXACT.has(ufunc) || dtype === 'float16' ? 0 : ufunc === 'logaddexp2' ? 4 : 2);

afterAll(() => dt.setBackendPreference(['webgpu', 'wasm', 'js']));

describe(`bool/integer type resolution vs NumPy ${ref.numpy}`, () => {
  it('promotes exactly the ufuncs NumPy resolves by a safe cast (derived from ufunc.types)', () => {
    const expected = ref.legacyPromoted.filter((u) => withLoops.has(u)).sort();
    expect([...LEGACY_PROMOTED_UFUNCS, 'divide'].sort()).toEqual(expected);
  });

  for (const [label, order] of BACKEND_ORDERS) {
    it(`resolves every catalog ufunc over every builtin input dtype (pair) as NumPy does [${label}]`, () => {
      dt.setBackendPreference(order);
      const wrong: string[] = [];
      let checked = 0;
      for (const row of ref.dispatch) {
        if (!withLoops.has(row.ufunc)) continue;
        const args = row.inputs.map((d) => dt.ones([2], { dtype: d }));
        let got: string[] | null;
        try {
          got = asList(dt.ufuncs[row.ufunc]!.call(args)).map((a) => a.dtype.name);
        } catch (e) {
          if (!(e instanceof dt.NoLoopError)) throw e;
          got = null;
        }
        checked++;
        const want = NOT_PROVIDED.has(`${row.ufunc}(${row.inputs.join(',')})`) ? null : row.outputs;
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          wrong.push(`${row.ufunc}(${row.inputs.join(',')}): got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
        }
      }
      expect(checked).toBeGreaterThan(5000);
      expect(wrong).toEqual([]);
    });

    it(`computes NumPy's values for bool/integer inputs [${label}]`, () => {
      dt.setBackendPreference(order);
      const bad: string[] = [];
      const cases = ref.values.filter((v) => withLoops.has(v.ufunc));
      expect(cases.length).toBeGreaterThan(250);
      for (const v of cases) bad.push(...checkValues(v));
      expect(bad).toEqual([]);
    });

    it(`treats JS scalars as NumPy treats Python scalars (NEP 50) [${label}]`, () => {
      dt.setBackendPreference(order);
      for (const w of ref.weak) {
        const args = w.operands.map(operand);
        const got = asList(dt.ufuncs[w.ufunc]!.call(args));
        expect(got.map((a) => a.dtype.name), `${w.ufunc}(${JSON.stringify(w.operands.map((o) => ('dtype' in o ? o.dtype : o.scalar)))})`).toEqual(w.outputs);
        got.forEach((a, k) => {
          expect(a.shape).toEqual(w.shape);
          const [worst] = compareArrays(contents(a), decode(w.out[k]!, w.outputs[k]!), w.outputs[k]!, tolerance(w.ufunc, w.outputs[k]!));
          expect(worst, `${w.ufunc} output ${k}`).toBeLessThanOrEqual(tolerance(w.ufunc, w.outputs[k]!));
        });
      }
    });
  }
});

function operand(o: WeakOperand): dt.NDArray | number | boolean {
  return 'dtype' in o ? dt.fromBytes(bytesOf(o.values), o.dtype) : o.scalar;
}

/** Runs one reference case on inputs repeated to ≥ 256 elements (so wasm kernels take the long runs). */
function checkValues(v: ValuesRef): string[] {
  const reps = Math.ceil(256 / v.n);
  const args = v.inputs.map((d, i) => arrayFrom(v.in[i]!, d, reps));
  const got = asList(dt.ufuncs[v.ufunc]!.call(args));
  const bad: string[] = [];
  const sig = `${v.ufunc}(${v.inputs.join(',')})`;
  if (got.map((a) => a.dtype.name).join() !== v.outputs.join()) return [`${sig}: dtypes ${got.map((a) => a.dtype.name)}`];
  got.forEach((a, k) => {
    const want = decode(v.out[k]!, v.outputs[k]!);
    const all = contents(a);
    const tol = tolerance(v.ufunc, v.outputs[k]!);
    for (let r = 0; r < reps; r++) {
      const [worst, first] = compareArrays(all.subarray(r * v.n, (r + 1) * v.n), want, v.outputs[k]!, tol);
      if (worst > tol) {
        bad.push(`${sig} output ${k}: ${worst} ulps at ${first} (got ${all[r * v.n + first]}, NumPy ${want[first]})`);
        break;
      }
    }
  });
  return bad;
}

describe('promotion edge cases', () => {
  it('an explicit out of another dtype takes the promoted loop, then casts (NumPy: sqrt(int8, out=f64) is float16-precise)', () => {
    const out = dt.zeros([2], { dtype: 'float64' });
    dt.sqrt.call([dt.array([1, 2], { dtype: 'int8' })], { out });
    expect(out.toArray()).toEqual([1, 1.4140625]);
  });

  it('dtype= still forces the loop (sqrt(int8, dtype=float32) → float32)', () => {
    const r = dt.sqrt.call([dt.array([4, 2], { dtype: 'int8' })], { dtype: 'float32' }) as dt.NDArray;
    expect(r.dtype.name).toBe('float32');
    expect(r.toArray()).toEqual([2, Math.fround(Math.SQRT2)]);
  });

  it('complex with integers still has no real loop: NoLoopError, inputs untouched', () => {
    const a = dt.array([1, 2], { dtype: 'int8' });
    const b = dt.array([{ re: 1, im: 0 }, { re: 2, im: 0 }], { dtype: 'complex64' });
    const before = [a.toBytes(), b.toBytes()];
    expect(() => dt.arctan2(a, b)).toThrow(dt.NoLoopError);
    expect([a.toBytes(), b.toBytes()]).toEqual(before);
  });

  it('logaddexp reduces from its identity -inf (NumPy: logaddexp.reduce([]) is -inf)', () => {
    expect(dt.logaddexp.identity).toBe(-Infinity);
    expect(dt.logaddexp.reduce(dt.array([], { dtype: 'float64' })).toArray()).toBe(-Infinity);
    expect(dt.logaddexp.reduce(dt.array([0, 0])).toArray()).toBe(Math.LN2);
  });

  it('a second call with the same dtypes hits the dispatch cache (same result dtype, promoter not re-run)', () => {
    const a = dt.array([1, 4, 9], { dtype: 'int16' });
    expect(dt.sqrt(a).toArray()).toEqual([1, 2, 3]);
    expect(dt.sqrt(a).dtype.name).toBe('float32');
  });
});
