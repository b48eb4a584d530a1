// Arithmetic through dt.add / dt.subtract / dt.multiply / dt.divide against the exact-rational
// reference vectors (vectors/arith.json: exact result → float32 → type, from
// scripts/gen_reference.py), plus the other loops and the reductions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { plugin, bfloat16, float8_e4m3fn, float8_e5m2 } from '@dtkit/bfloat16';
import { codesOf, fromCodes, hex } from './helpers.js';

dt.use(plugin);

const arith = JSON.parse(readFileSync(new URL('./vectors/arith.json', import.meta.url), 'utf8')) as {
  bfloat16: string[];
  float8_e4m3fn: Record<string, string>;
  float8_e5m2: Record<string, string>;
};

const OPS = [['add', dt.add], ['sub', dt.subtract], ['mul', dt.multiply], ['div', dt.divide]] as const;

function isNanCode(code: number, d: dt.DType): boolean {
  if (d === bfloat16) return (code & 0x7f80) === 0x7f80 && (code & 0x7f) !== 0;
  if (d === float8_e4m3fn) return (code & 0x7f) === 0x7f;
  return (code & 0x7c) === 0x7c && (code & 0x3) !== 0;
}

/** Indices where got differs from want; any NaN code matches any NaN code. */
function mismatches(got: number[], want: number[], d: dt.DType): number[] {
  const bad: number[] = [];
  for (let i = 0; i < want.length; i++) {
    if (got[i] !== want[i] && !(isNanCode(got[i]!, d) && isNanCode(want[i]!, d))) bad.push(i);
  }
  return bad;
}

/** A stride-2 view of the codes (every other element of a twice-as-long array). */
function spread(codes: number[]): dt.NDArray {
  return fromCodes(codes.flatMap((c) => [c, 0]), bfloat16).slice('::2');
}

describe('arithmetic vs exact-rational reference (float32 then one rounding)', () => {
  const rows = arith.bfloat16.map((line) => line.split(' ').map(hex));
  const a = fromCodes(rows.map((r) => r[0]!), bfloat16);
  const b = fromCodes(rows.map((r) => r[1]!), bfloat16);
  OPS.forEach(([name, ufunc], k) => {
    it(`bfloat16 ${name}: ${rows.length} pairs`, () => {
      const want = rows.map((r) => r[2 + k]!);
      expect(mismatches(codesOf(ufunc(a, b)), want, bfloat16)).toEqual([]);
      // Strided operands take the generic (non word-pair) path of the add loop.
      const strided = ufunc(spread(rows.map((r) => r[0]!)), spread(rows.map((r) => r[1]!)));
      expect(mismatches(codesOf(strided), want, bfloat16)).toEqual([]);
    });
  });

  for (const d of [float8_e4m3fn, float8_e5m2]) {
    const all = Array.from({ length: 65536 }, (_, i) => i);
    const a8 = fromCodes(all.map((i) => i >>> 8), d);
    const b8 = fromCodes(all.map((i) => i & 0xff), d);
    const table = arith[d.name as 'float8_e4m3fn' | 'float8_e5m2'];
    OPS.forEach(([name, ufunc]) => {
      it(`${d.name} ${name}: all 65536 pairs`, () => {
        const hexes = table[name]!;
        const want = all.map((i) => hex(hexes.slice(2 * i, 2 * i + 2)));
        expect(mismatches(codesOf(ufunc(a8, b8)), want, d)).toEqual([]);
      });
    });
  }

  it('odd offsets and lengths around the word-pair add path', () => {
    const x = dt.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { dtype: bfloat16 });
    const y = dt.array([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], { dtype: bfloat16 });
    expect(dt.add(x.slice('1:12'), y.slice('1:12')).toArray()).toEqual([2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5]);
    expect(dt.add(x.slice('1:10'), y.slice('2:11')).toArray()).toEqual([2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5]);
    const out = dt.zeros([12], { dtype: bfloat16 });
    dt.add(x.slice('0:11'), y.slice('0:11'), { out: out.slice('1:12') });
    expect(out.toArray()).toEqual([0, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5]);
  });
});

describe('other elementwise loops', () => {
  const x = dt.array([2, -0.5, 0, -0, 1.5, 2.5, NaN, Infinity, -Infinity], { dtype: bfloat16 });

  it('math in float32, rounded once', () => {
    expect(dt.sqrt(dt.array([2, 4, -1], { dtype: bfloat16 })).toArray()).toEqual([1.4140625, 2, NaN]);
    expect(dt.exp(dt.array([1, 0], { dtype: bfloat16 })).toArray()).toEqual([2.71875, 1]);
    expect(dt.log(dt.array([2, 0], { dtype: bfloat16 })).toArray()).toEqual([0.69140625, -Infinity]);
    expect(dt.sin(dt.array([1], { dtype: bfloat16 })).toArray()).toEqual([0.83984375]);
    expect(dt.cos(dt.array([1], { dtype: bfloat16 })).toArray()).toEqual([0.5390625]);
    expect(dt.tanh(dt.array([0.5], { dtype: bfloat16 })).toArray()).toEqual([0.462890625]);
    expect(dt.square(dt.array([3, 1e20], { dtype: bfloat16 })).toArray()).toEqual([9, Infinity]); // float32 overflow
    expect(dt.square(dt.array([20], { dtype: float8_e4m3fn })).toArray()).toEqual([384]); // 400: tie → even
  });

  it('rint (ties to even), floor, ceil', () => {
    const v = dt.array([0.5, 1.5, 2.5, -0.5, -1.5, 3.25], { dtype: bfloat16 });
    const r = dt.rint(v).toArray() as number[];
    expect(r).toEqual([0, 2, 2, -0, -2, 3]);
    expect(Object.is(r[3], -0)).toBe(true);
    expect(dt.floor(v).toArray()).toEqual([0, 1, 2, -1, -2, 3]);
    expect(dt.ceil(v).toArray()).toEqual([1, 2, 3, -0, -1, 4]);
  });

  it('negative and absolute flip / clear the sign bit exactly', () => {
    expect(codesOf(dt.negative(fromCodes([0x3f80, 0x0000, 0x7fc0, 0xff80], bfloat16)))).toEqual([0xbf80, 0x8000, 0xffc0, 0x7f80]);
    expect(codesOf(dt.absolute(fromCodes([0xbf80, 0x8000, 0xffc0], bfloat16)))).toEqual([0x3f80, 0x0000, 0x7fc0]);
    expect(codesOf(dt.negative(fromCodes([0x7f, 0x38], float8_e4m3fn)))).toEqual([0xff, 0xb8]);
  });

  it('maximum/minimum propagate NaN; fmax/fmin skip it', () => {
    const p = dt.array([1, NaN, 3, NaN], { dtype: bfloat16 });
    const q = dt.array([2, 1, NaN, NaN], { dtype: bfloat16 });
    expect(dt.maximum(p, q).toArray()).toEqual([2, NaN, NaN, NaN]);
    expect(dt.minimum(p, q).toArray()).toEqual([1, NaN, NaN, NaN]);
    expect(dt.fmax(p, q).toArray()).toEqual([2, 1, 3, NaN]);
    expect(dt.fmin(p, q).toArray()).toEqual([1, 1, 3, NaN]);
  });

  it('comparisons and classification give bool', () => {
    const y = dt.array([2, 0.5, -0, 0, 1, 3, NaN, Infinity, 0], { dtype: bfloat16 });
    expect(dt.equal(x, y).toArray()).toEqual([true, false, true, true, false, false, false, true, false]);
    expect(dt.notEqual(x, y).toArray()).toEqual([false, true, false, false, true, true, true, false, true]);
    expect(dt.less(x, y).toArray()).toEqual([false, true, false, false, false, true, false, false, true]);
    expect(dt.lessEqual(x, y).toArray()).toEqual([true, true, true, true, false, true, false, true, true]);
    expect(dt.greater(x, y).toArray()).toEqual([false, false, false, false, true, false, false, false, false]);
    expect(dt.greaterEqual(x, y).toArray()).toEqual([true, false, true, true, true, false, false, true, false]);
    expect(dt.isnan(x).toArray()).toEqual([false, false, false, false, false, false, true, false, false]);
    expect(dt.isinf(x).toArray()).toEqual([false, false, false, false, false, false, false, true, true]);
    expect(dt.isfinite(x).toArray()).toEqual([true, true, true, true, true, true, false, false, false]);
    expect(dt.isinf(fromCodes([0x7e, 0x7f], float8_e4m3fn)).toArray()).toEqual([false, false]);
    expect(dt.less(x, 2).dtype.name).toBe('bool');
  });

  it('arithmetic overflow: inf, or NaN for e4m3fn', () => {
    expect(dt.add(dt.array([3e38], { dtype: bfloat16 }), dt.array([3e38], { dtype: bfloat16 })).toArray()).toEqual([Infinity]);
    expect(dt.add(dt.array([448], { dtype: float8_e4m3fn }), dt.array([32], { dtype: float8_e4m3fn })).toArray()).toEqual([NaN]);
    expect(dt.add(dt.array([448], { dtype: float8_e4m3fn }), dt.array([16], { dtype: float8_e4m3fn })).toArray()).toEqual([448]);
    expect(dt.multiply(dt.array([57344], { dtype: float8_e5m2 }), 2).toArray()).toEqual([Infinity]);
  });
});

describe('reductions accumulate in float32 and round once per run', () => {
  it('sum: 256 + 1 + 1 + 1 + 1 = 260 (bfloat16 steps would stay at 256)', () => {
    const a = dt.array([256, 1, 1, 1, 1], { dtype: bfloat16 });
    expect(dt.sum(a).item()).toBe(260);
    expect(dt.sum(a).dtype).toBe(bfloat16);
    expect(dt.add.reduce(a).item()).toBe(260);
    // Elementwise accumulate rounds each partial result to bfloat16, like NumPy's float16.
    expect(dt.add.accumulate(a).toArray()).toEqual([256, 256, 256, 256, 256]);
  });

  it('reducing along the inner axis uses the float32 run; along an outer axis each step rounds', () => {
    const m = dt.array([[256, 1, 1, 1, 1], [512, 2, 2, 2, 2]], { dtype: bfloat16 });
    expect(dt.sum(m, { axis: 1 }).toArray()).toEqual([260, 520]);
    // Runs follow memory: the transposed view still reduces along contiguous runs.
    expect(dt.sum(m.transpose(), { axis: 0 }).toArray()).toEqual([260, 520]);
    const columns = dt.array([[256, 512], [1, 2], [1, 2], [1, 2], [1, 2]], { dtype: bfloat16 });
    expect(dt.sum(columns, { axis: 0 }).toArray()).toEqual([256, 512]);
    expect(dt.sum(columns, { axis: 0, dtype: 'float32' }).toArray()).toEqual([260, 520]);
    expect(dt.sum(m, { axis: 1, dtype: 'float32' }).toArray()).toEqual([260, 520]);
  });

  it('prod, max, min (first NaN wins), mean', () => {
    expect(dt.prod(dt.array([1.0078125, 1.0078125, 1.0078125, 1.0078125], { dtype: bfloat16 })).item()).toBe(1.03125);
    expect(dt.max(dt.array([1, 5, -3], { dtype: bfloat16 })).item()).toBe(5);
    expect(dt.min(dt.array([1, 5, -3], { dtype: bfloat16 })).item()).toBe(-3);
    expect(dt.max(dt.array([1, NaN, 7], { dtype: float8_e5m2 })).item()).toBeNaN();
    expect(dt.min(dt.array([[1, 2], [0, -1]], { dtype: float8_e4m3fn }), { axis: 1 }).toArray()).toEqual([1, -1]);
    expect(dt.mean(dt.array([1, 2, 3, 4], { dtype: bfloat16 })).item()).toBe(2.5);
    // mean = sum (float32 run, rounded once to bfloat16: 1500 → 1504) / count, rounded again.
    const ones = dt.full([1000], 1.5, { dtype: bfloat16 });
    expect(dt.sum(ones).item()).toBe(1504);
    expect(dt.mean(ones).item()).toBe(1.5078125);
    expect(dt.mean(ones, { dtype: 'float32' }).item()).toBe(1.5);
  });

  it('argmin / argmax', () => {
    const a = dt.array([3, -1, 7, 7, -1], { dtype: bfloat16 });
    expect(dt.argmax(a).item()).toBe(2n);
    expect(dt.argmin(a).item()).toBe(1n);
    expect(dt.argmax(dt.array([3, NaN, 7, NaN], { dtype: float8_e5m2 })).item()).toBe(1n);
    expect(dt.argmin(dt.array([[3, 1], [0, 4]], { dtype: float8_e4m3fn }), { axis: 1 }).toArray()).toEqual([1n, 0n]);
  });
});
