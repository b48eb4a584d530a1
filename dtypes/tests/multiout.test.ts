/**
 * divmod and frexp (nout = 2) against NumPy 2 (reference/promotion.json `loops`, from
 * dtypes/scripts/gen_promotion_reference.py): every signature bit for bit on edge values (0, -0,
 * inf, nan, subnormals, division by zero, INT_MIN // -1), strided, through dt with the JS loops
 * and the default backends; plus out=[a, b], where=, aliasing and typed errors for a bad out.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { builtinMultiOutputLoops } from '../src/loops/index.js';
import { generatedLoops } from '../src/loops/generated/index.generated.js';
import type { TypedArray } from '../../core/src/storage/typed.js';
import { compareArrays, decode } from './reference/loops_support.js';
import { BACKEND_ORDERS, arrayFrom, loadPromotionReference } from './reference/promotion_support.js';

const ref = loadPromotionReference();
const contents = (a: dt.NDArray) => decode(Buffer.from(a.toBytes()).toString('base64'), a.dtype.name);
const pair = (r: unknown): [dt.NDArray, dt.NDArray] => {
  expect(Array.isArray(r)).toBe(true);
  const [a, b] = r as dt.NDArray[];
  return [a!, b!];
};

afterAll(() => dt.setBackendPreference(['webgpu', 'wasm', 'js']));

describe(`divmod / frexp vs NumPy ${ref.numpy}`, () => {
  it('has one loop per NumPy signature, generated literals for number dtypes', () => {
    const keys = builtinMultiOutputLoops.map((l) => `${l.ufunc}:${l.dtypes.join(',')}`);
    expect(keys).toEqual(ref.loops.map((l) => `${l.ufunc}:${l.dtypes.join(',')}`));
    const factoryMade = ['int64', 'uint64', 'float16']; // BigInt and binary16 storage: hand-written kernels
    for (const l of builtinMultiOutputLoops) {
      if (l.dtypes.some((d) => factoryMade.includes(d))) continue;
      expect(l.loop, l.dtypes.join(',')).toBe(generatedLoops[`${l.ufunc}:${l.dtypes.join(',')}`]);
    }
  });

  for (const [label, order] of BACKEND_ORDERS) {
    for (const r of ref.loops) {
      const sig = `${r.ufunc}(${r.dtypes.join(',')})`;
      it(`${sig} matches NumPy bit for bit, contiguous and strided [${label}]`, () => {
        dt.setBackendPreference(order);
        const nin = r.ufunc === 'divmod' ? 2 : 1;
        const ins = r.in.map((b, i) => arrayFrom(b, r.dtypes[i]!, 2));
        for (const strided of [false, true]) {
          // strided: every second element of the doubled input, read backwards
          const args = strided ? ins.map((a) => a.slice([null, null, -2])) : ins.map((a) => a.slice([0, r.n]));
          const outs = pair(dt.ufuncs[r.ufunc]!.call(args));
          outs.forEach((o, k) => {
            const dtype = r.dtypes[nin + k]!;
            expect(o.dtype.name).toBe(dtype);
            const want = decode(r.out[k]!, dtype);
            const expected = strided ? reorder(want, r.n) : want;
            const [worst, first] = compareArrays(contents(o), expected, dtype, 0);
            expect(worst, `${sig} output ${k}${strided ? ' strided' : ''} at ${first}`).toBe(0);
          });
        }
      });
    }
  }
});

/** NumPy's outputs in the order of `slice([null, null, -2])` over the input repeated twice. */
function reorder(want: TypedArray, n: number): TypedArray {
  const out = new (want.constructor as new (length: number) => TypedArray)(n);
  for (let i = 2 * n - 1, k = 0; i >= 0; i -= 2, k++) (out as Float64Array)[k] = (want as Float64Array)[i % n]!;
  return out;
}

describe('divmod / frexp call semantics', () => {
  const a = () => dt.array([7, -7, 7, -7, 0], { dtype: 'int32' });
  const b = () => dt.array([2, 2, -2, -2, 0], { dtype: 'int32' });

  it('returns [quotient, remainder] with Python signs; integer division by zero gives 0 like floor_divide', () => {
    const [q, r] = pair(dt.divmod(a(), b()));
    expect(q.toArray()).toEqual([3, -4, -4, 3, 0]);
    expect(r.toArray()).toEqual([1, 1, -1, -1, 0]);
    expect(dt.floorDivide(a(), b()).toArray()).toEqual(q.toArray());
    expect(dt.remainder(a(), b()).toArray()).toEqual(r.toArray());
  });

  it('bool inputs resolve to the int8 loop, as NumPy does', () => {
    const [q, r] = pair(dt.divmod(dt.array([true, false]), dt.array([true, true])));
    expect([q.dtype.name, r.dtype.name]).toEqual(['int8', 'int8']);
    expect([q.toArray(), r.toArray()]).toEqual([[1, 0], [0, 0]]);
  });

  it('writes out=[q, r], and accepts null for either entry', () => {
    const q = dt.zeros([5], { dtype: 'int32' });
    const r = dt.zeros([5], { dtype: 'float64' }); // the int32 remainder is cast into it
    const res = pair(dt.divmod.call([a(), b()], { out: [q, r] }));
    expect(res[0]).toBe(q);
    expect(res[1]).toBe(r);
    expect(r.toArray()).toEqual([1, 1, -1, -1, 0]);
    const only = dt.zeros([5], { dtype: 'int32' });
    const [q2, r2] = pair(dt.divmod.call([a(), b()], { out: [null, only] }));
    expect(r2).toBe(only);
    expect(q2.toArray()).toEqual([3, -4, -4, 3, 0]);
    expect(only.toArray()).toEqual([1, 1, -1, -1, 0]);
  });

  it('out=[x, y] aliasing the inputs element for element is computed from the old values', () => {
    const x = a(), y = b();
    dt.divmod.call([x, y], { out: [x, y] });
    expect(x.toArray()).toEqual([3, -4, -4, 3, 0]);
    expect(y.toArray()).toEqual([1, 1, -1, -1, 0]);
  });

  it('where= leaves masked-out elements of both outputs untouched', () => {
    const q = dt.full([5], 9, { dtype: 'int32' });
    const r = dt.full([5], 8, { dtype: 'int32' });
    const where = dt.array([true, false, true, false, true]);
    dt.divmod.call([a(), b()], { out: [q, r], where });
    expect(q.toArray()).toEqual([3, 9, -4, 9, 0]);
    expect(r.toArray()).toEqual([1, 8, -1, 8, 0]);
  });

  it('frexp gives a float mantissa and an int32 exponent; integers go through the float loop', () => {
    const [m, e] = pair(dt.frexp(dt.array([8, 0, -3, 0.75])));
    expect(m.toArray()).toEqual([0.5, 0, -0.75, 0.75]);
    expect(e.dtype.name).toBe('int32');
    expect(e.toArray()).toEqual([4, 0, 2, 0]);
    const [m8, e8] = pair(dt.frexp(dt.array([8, -3], { dtype: 'int8' })));
    expect([m8.dtype.name, e8.dtype.name]).toEqual(['float16', 'int32']);
    expect([m8.toArray(), e8.toArray()]).toEqual([[0.5, -0.75], [4, 2]]);
  });

  it('frexp with where= and out', () => {
    const m = dt.full([3], 7, { dtype: 'float32' });
    const e = dt.full([3], 7, { dtype: 'int32' });
    dt.frexp.call([dt.array([1, 2, 4], { dtype: 'float32' })], { out: [m, e], where: dt.array([true, false, true]) });
    expect([m.toArray(), e.toArray()]).toEqual([[0.5, 7, 0.5], [1, 7, 3]]);
  });

  describe('a bad out is a typed error and nothing is written', () => {
    const cases: ReadonlyArray<readonly [string, () => unknown, string]> = [
      ['a single array for two outputs', () => dt.zeros([5], { dtype: 'int32' }), 'OUT'],
      ['a one-entry tuple', () => [dt.zeros([5], { dtype: 'int32' })], 'OUT'],
      ['a three-entry tuple', () => [null, null, null], 'OUT'],
      ['a non-array entry', () => [null, [1, 2, 3, 4, 5]], 'OUT'],
    ];
    for (const [what, makeOut, code] of cases) {
      it(what, () => {
        const x = a(), y = b();
        const out = makeOut();
        const outs = (Array.isArray(out) ? out : [out]).filter((o): o is dt.NDArray => dt.isNDArray(o));
        const before = [x, y, ...outs].map((t) => t.toBytes());
        let err: unknown;
        try {
          dt.divmod.call([x, y], { out: out as dt.NDArray });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(dt.ValueError);
        expect((err as dt.ValueError).code).toBe(code);
        expect([x, y, ...outs].map((t) => t.toBytes())).toEqual(before);
      });
    }

    it('an out of the wrong shape: BroadcastError, other out untouched', () => {
      const q = dt.full([5], 9, { dtype: 'int32' });
      const r = dt.zeros([4], { dtype: 'int32' });
      const before = [q.toBytes(), r.toBytes()];
      expect(() => dt.divmod.call([a(), b()], { out: [q, r] })).toThrow(dt.BroadcastError);
      expect([q.toBytes(), r.toBytes()]).toEqual(before);
    });

    it('an out needing an unsafe cast: CastingError before either output is written', () => {
      const q = dt.full([5], 9, { dtype: 'int32' });
      const r = dt.full([5], 9, { dtype: 'int32' });
      const before = [q.toBytes(), r.toBytes()];
      const f = dt.array([1.5, 2, 3, 4, 5]);
      expect(() => dt.divmod.call([f, f], { out: [q, r] })).toThrow(dt.CastingError);
      expect([q.toBytes(), r.toBytes()]).toEqual(before);
    });

    it('reduce of a two-output ufunc is refused with a typed error', () => {
      expect(() => dt.divmod.reduce(a())).toThrow(dt.DTKitError);
    });
  });
});
