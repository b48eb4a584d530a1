// Exact elementwise ops, comparisons, classification and reductions of float128 through dt.*.
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { Float128, float128, fma } from '@dtkit/float128';
import { readVectors, sameResult } from './vector-io.js';
import { fromHex, thrown, toHex } from './plugin-helpers.js';

const q = (xs: readonly (string | number)[]): dt.NDArray => dt.array(xs.map(String), { dtype: float128 });
const strs = (a: dt.NDArray): string[] => (a.toArray() as Float128[]).map(String);

function vectorMismatches(name: string, nIn: number, run: (args: dt.NDArray[]) => dt.NDArray): string[] {
  const rows = readVectors(name);
  const args = Array.from({ length: nIn }, (_, k) => fromHex(rows.map((r) => r[k]!)));
  const got = toHex(run(args));
  return rows.filter((r, i) => !sameResult(got[i]!, r[nIn]!)).map((r, i) => `${r.join(' ')} got ${got[i]}`);
}

describe('exact ops vs libquadmath', () => {
  const unary: [string, dt.UFunc][] = [['floor', dt.floor], ['ceil', dt.ceil], ['trunc', dt.trunc], ['rint', dt.rint]];
  for (const [name, uf] of unary) {
    it(name, () => expect(vectorMismatches(name, 1, ([a]) => uf(a!) as dt.NDArray)).toEqual([]));
  }
  it('fmod', () => expect(vectorMismatches('fmod', 2, ([a, b]) => dt.fmod(a!, b!) as dt.NDArray)).toEqual([]));
  it('nextafter', () => expect(vectorMismatches('nextafter', 2, ([a, b]) => dt.nextafter(a!, b!) as dt.NDArray)).toEqual([]));
  it('ldexp(float128, int32) and (float128, int64)', () => {
    const rows = readVectors('ldexp');
    const a = fromHex(rows.map((r) => r[0]!));
    const want = rows.map((r) => r[2]!);
    expect(toHex(dt.ldexp(a, dt.array(rows.map((r) => Number(r[1])), { dtype: 'int32' })) as dt.NDArray)).toEqual(want);
    expect(toHex(dt.ldexp(a, dt.array(rows.map((r) => BigInt(r[1]!)), { dtype: 'int64' })) as dt.NDArray)).toEqual(want);
  });
  it('ldexp with int8/uint16/uint64 exponents goes through the int32/int64 loops', () => {
    const x = dt.array(['1.5', '-3'], { dtype: float128 });
    for (const t of ['int8', 'uint16', 'uint64']) {
      expect(strs(dt.ldexp(x, dt.array([2, 3], { dtype: t })) as dt.NDArray)).toEqual(['6.0', '-24.0']);
    }
  });
  it('frexp gives the mantissa and an int32 exponent', () => {
    const rows = readVectors('frexp');
    const [m, e] = dt.frexp(fromHex(rows.map((r) => r[0]!))) as unknown as dt.NDArray[];
    expect(toHex(m!)).toEqual(rows.map((r) => r[1]));
    expect(e!.dtype.name).toBe('int32');
    expect(e!.toArray()).toEqual(rows.map((r) => Number(r[2])));
  });
});

describe('NumPy semantics', () => {
  it('remainder and floor_divide follow Python (sign of the divisor), divmod agrees', () => {
    const a = q(['7', '-7', '7', '-7', '1e30', '0.3']), b = q(['2', '2', '-2', '-2', '7', '0.1']);
    const rem = dt.remainder(a, b) as dt.NDArray;
    expect(strs(rem).slice(0, 5)).toEqual(['1.0', '1.0', '-1.0', '-1.0', '1.0']);
    // 0.3 − 2·0.1 in binary128, exact (checked with Python fractions).
    expect(toHex(rem)[5]).toBe('3ffb9999999999999999999999999998');
    const fd = dt.floorDivide(a, b) as dt.NDArray;
    expect(strs(fd)).toEqual(['3.0', '-4.0', '-4.0', '3.0', '1.42857142857142857142857142857e+29', '2.0']);
    expect(toHex(fd)[4]).toBe('405fcd98a8b00a10b446092492490000'); // 142857142857142857142857142857 exactly
    const [qq, rr] = dt.divmod(a, b) as unknown as dt.NDArray[];
    expect(strs(qq!)).toEqual(strs(dt.floorDivide(a, b) as dt.NDArray));
    expect(strs(rr!)).toEqual(strs(dt.remainder(a, b) as dt.NDArray));
    expect(strs(dt.remainder(q(['-0', '0', '1']), q(['3', '-3', '0'])) as dt.NDArray)).toEqual(['0.0', '-0.0', 'nan']);
    expect(strs(dt.floorDivide(q(['1', '-1', '0']), q(['0', '0', '0'])) as dt.NDArray)).toEqual(['inf', '-inf', 'nan']);
  });
  it('negative, positive, absolute, square, sign, copysign, spacing', () => {
    const a = q(['-1.5', '0', '-0', 'inf', 'nan', '3']);
    expect(strs(dt.negative(a) as dt.NDArray)).toEqual(['1.5', '-0.0', '0.0', '-inf', 'nan', '-3.0']);
    expect(strs(dt.positive(a) as dt.NDArray)).toEqual(['-1.5', '0.0', '-0.0', 'inf', 'nan', '3.0']);
    expect(strs(dt.absolute(a) as dt.NDArray)).toEqual(['1.5', '0.0', '0.0', 'inf', 'nan', '3.0']);
    expect(strs(dt.square(a) as dt.NDArray)).toEqual(['2.25', '0.0', '0.0', 'inf', 'nan', '9.0']);
    expect(strs(dt.sign(a) as dt.NDArray)).toEqual(['-1.0', '0.0', '0.0', '1.0', 'nan', '1.0']);
    expect(strs(dt.copysign(q(['2', '2']), q(['-0', '1'])) as dt.NDArray)).toEqual(['-2.0', '2.0']);
    const sp = dt.spacing(q(['1', '-1', '0', 'inf'])) as dt.NDArray;
    expect(toHex(sp)).toEqual(['3f8f0000000000000000000000000000', 'bf8f0000000000000000000000000000', '00000000000000000000000000000001', toHex(sp)[3]]);
    expect(String(sp.get(3))).toBe('nan');
  });
  it('maximum/minimum propagate NaN; fmax/fmin ignore it; −0 < +0', () => {
    const a = q(['1', 'nan', '2', '-0', 'nan']), b = q(['2', '1', 'nan', '0', 'nan']);
    expect(strs(dt.maximum(a, b) as dt.NDArray)).toEqual(['2.0', 'nan', 'nan', '0.0', 'nan']);
    expect(strs(dt.minimum(a, b) as dt.NDArray)).toEqual(['1.0', 'nan', 'nan', '-0.0', 'nan']);
    expect(strs(dt.fmax(a, b) as dt.NDArray)).toEqual(['2.0', '1.0', '2.0', '0.0', 'nan']);
    expect(strs(dt.fmin(a, b) as dt.NDArray)).toEqual(['1.0', '1.0', '2.0', '-0.0', 'nan']);
  });
  it('comparisons give bool, NaN is unordered, 1 + 2^-112 ≠ 1', () => {
    const a = q(['1', '1.0000000000000000000000000000000002', 'nan', '-0']), b = q(['1', '1', 'nan', '0']);
    expect((dt.equal(a, b) as dt.NDArray).toArray()).toEqual([true, false, false, true]);
    expect((dt.notEqual(a, b) as dt.NDArray).toArray()).toEqual([false, true, true, false]);
    expect((dt.less(a, b) as dt.NDArray).toArray()).toEqual([false, false, false, false]);
    expect((dt.lessEqual(a, b) as dt.NDArray).toArray()).toEqual([true, false, false, true]);
    expect((dt.greater(a, b) as dt.NDArray).toArray()).toEqual([false, true, false, false]);
    expect((dt.greaterEqual(a, b) as dt.NDArray).toArray()).toEqual([true, true, false, true]);
    expect((dt.greater(a, 1) as dt.NDArray).dtype.name).toBe('bool');
  });
  it('isnan, isinf, isfinite, signbit', () => {
    const a = q(['1', '-inf', 'nan', '-0']);
    expect((dt.isnan(a) as dt.NDArray).toArray()).toEqual([false, false, true, false]);
    expect((dt.isinf(a) as dt.NDArray).toArray()).toEqual([false, true, false, false]);
    expect((dt.isfinite(a) as dt.NDArray).toArray()).toEqual([true, false, false, true]);
    expect((dt.signbit(a) as dt.NDArray).toArray()).toEqual([false, true, false, true]);
  });
});

describe('fma ufunc', () => {
  it('is a 3-input ufunc named fma with a single rounding', () => {
    expect([fma.name, fma.nin, fma.nout]).toEqual(['fma', 3, 1]);
    // (1 + 2^-112)(1 − 2^-112) − 1 = −2^-224 exactly: a separate multiply would round to 0.
    const e = Float128.EPSILON;
    const r = fma(q([String(Float128.ONE.add(e))]), q([String(Float128.ONE.sub(e))]), q(['-1'])) as dt.NDArray;
    expect(toHex(r)).toEqual(['bf1f0000000000000000000000000000']);
    expect(strs(dt.subtract(dt.multiply(q([String(Float128.ONE.add(e))]), q([String(Float128.ONE.sub(e))])) as dt.NDArray, q(['1'])) as dt.NDArray)).toEqual(['0.0']);
  });
  it('mixes with other dtypes by promotion and refuses complex', () => {
    expect(strs(fma(q(['0.1']), dt.array([10], { dtype: 'int32' }), 1) as dt.NDArray)).toEqual(['2.0']);
    expect(thrown(() => fma(dt.array([1]), dt.array([2]), dt.array([3]))).code).toBe('NO_LOOP');
  });
});

describe('reductions in float128', () => {
  const a = q(['0.1', '0.2', '0.3', '1e-30', '-0.6']);
  it('sum is computed in float128 (not float64)', () => {
    const s = dt.sum(a) as dt.NDArray;
    expect(s.dtype).toBe(float128);
    // Sequential, each step rounded to binary128 (reference: Python fractions, rounded per step);
    // in float64 the same sum would be 1.0000000000555e-30-ish garbage of the 1e-17 rounding errors.
    expect(toHex(s)).toEqual(['3f9b4490000000000000000000000000']);
    expect(String(s.item())).toBe('1.0001354201202915784919693455843528e-30');
  });
  it('prod, mean, max, min, argmax, argmin, axis and keepdims', () => {
    const m = q(['1', '2', '3', '4', '5', '6']).reshape([2, 3]);
    expect(strs(dt.multiply.reduce(m, { axis: 1 }) as dt.NDArray)).toEqual(['6.0', '120.0']);
    expect(String((dt.prod(m) as dt.NDArray).item())).toBe('720.0');
    expect(String((dt.mean(m) as dt.NDArray).item())).toBe('3.5');
    expect(toHex(dt.mean(q(['1', '2', '2'])) as dt.NDArray)).toEqual(['3fffaaaaaaaaaaaaaaaaaaaaaaaaaaab']); // RN(5/3)
    const cols = dt.sum(m, { axis: 0, keepdims: true }) as dt.NDArray;
    expect(cols.shape).toEqual([1, 3]);
    expect(strs(cols.reshape([3]))).toEqual(['5.0', '7.0', '9.0']);
    expect(String((dt.max(a) as dt.NDArray).item())).toBe('0.3');
    expect(String((dt.min(a) as dt.NDArray).item())).toBe('-0.6');
    expect((dt.argmax(a) as dt.NDArray).item()).toBe(2n);
    expect((dt.argmin(a) as dt.NDArray).item()).toBe(4n);
    expect((dt.argmax(m, { axis: 1 }) as dt.NDArray).toArray()).toEqual([2n, 2n]);
  });
  it('max/argmax propagate NaN (first NaN wins)', () => {
    const b = q(['1', 'nan', '3', 'nan']);
    expect(String((dt.max(b) as dt.NDArray).item())).toBe('nan');
    expect((dt.argmax(b) as dt.NDArray).item()).toBe(1n);
    expect((dt.argmin(b) as dt.NDArray).item()).toBe(1n);
  });
});
