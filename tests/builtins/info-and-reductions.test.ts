// finfo/iinfo and reductions through dispatch, against values from NumPy 2
// (tests/reference/builtins-misc.json, made by tests/reference/gen_builtins_misc.py).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as dt from 'dtkit';

const ref = JSON.parse(readFileSync(new URL('../reference/builtins-misc.json', import.meta.url), 'utf8')) as {
  info: Record<string, Record<string, number | string>>;
  reductions: Record<string, unknown>;
};
const R = ref.reductions;

describe('finfo / iinfo equal NumPy', () => {
  it.each(['float16', 'float32', 'float64'])('finfo(%s)', (name) => {
    const f = dt.finfo(name);
    for (const [k, v] of Object.entries(ref.info[name]!)) expect(f[k]).toBe(v);
  });
  it.each(['int8', 'uint16', 'int64', 'uint64'])('iinfo(%s)', (name) => {
    const i = dt.iinfo(name);
    expect(String(i['min'])).toBe(ref.info[name]!['min']);
    expect(String(i['max'])).toBe(ref.info[name]!['max']);
    expect(i['bits']).toBe(ref.info[name]!['bits']);
  });
  it('finfo of an integer dtype is a typed error', () => {
    expect(() => dt.finfo('int8')).toThrow(expect.objectContaining({ code: 'NO_INFO' }));
  });
});

describe.each([['js'], ['wasm', 'js']])('reductions via dispatch (backends %s)', (...backends) => {
  const m = dt.array(R['m'] as number[][]);
  const close = (a: unknown, b: unknown): void => {
    const x = (a as number[]).flat(2) as number[];
    const y = (b as number[]).flat(2) as number[];
    expect(x.length).toBe(y.length);
    x.forEach((v, i) => expect(v).toBeCloseTo(y[i]!, 12));
  };
  const withBackends = (f: () => void): void => {
    dt.setBackendPreference(backends);
    try { f(); } finally { dt.setBackendPreference(['webgpu', 'wasm', 'js']); }
  };
  it('sum / prod / max / min / mean along axes', () => withBackends(() => {
    close(dt.sum(m, { axis: 0 }).toArray(), R['sum0']);
    close(dt.sum(m, { axis: 1 }).toArray(), R['sum1']);
    close(dt.sum(m.T, { axis: 1 }).toArray(), R['sumT']);
    close(dt.prod(m, { axis: 1 }).toArray(), R['prod1']);
    expect(dt.max(m, { axis: 0 }).toArray()).toEqual(R['max0']);
    expect(dt.min(m, { axis: 1 }).toArray()).toEqual(R['min1']);
    close(dt.mean(m, { axis: 0 }).toArray(), R['mean0']);
  }));
  it('argmin / argmax', () => withBackends(() => {
    expect(dt.argmax(m, { axis: 1 }).toArray()).toEqual((R['argmax1'] as number[]).map(BigInt));
    expect(dt.argmin(m, { axis: 0 }).toArray()).toEqual((R['argmin0'] as number[]).map(BigInt));
  }));
  it('accumulate and non-commutative reduce', () => withBackends(() => {
    close(dt.add.accumulate(m, { axis: 1 }).toArray(), R['cumsum1']);
    close(dt.subtract.reduce(m, { axis: 1 }).toArray(), R['subtract_reduce1']);
    expect(dt.maximum.accumulate(m, { axis: 0 }).toArray()).toEqual(R['maximum_accumulate0']);
  }));
  it('small integers accumulate in int64 / uint64, bool sums count', () => withBackends(() => {
    const s = dt.sum(dt.array([100, 100, -100, 27], { dtype: 'int8' }));
    expect(s.dtype.name).toBe(R['i8sum_dtype']);
    expect(s.item()).toBe(BigInt(R['i8sum'] as number));
    expect(dt.prod(dt.array([200, 3], { dtype: 'uint8' })).item()).toBe(BigInt(R['u8prod'] as number));
    expect(dt.sum(dt.array([true, false, true])).item()).toBe(BigInt(R['bool_sum'] as number));
  }));
  it('min of an empty array has no identity: typed error', () => withBackends(() => {
    expect(() => dt.min(dt.zeros([0]))).toThrow(expect.objectContaining({ code: 'REDUCE_IDENTITY' }));
    expect(dt.sum(dt.zeros([0])).item()).toBe(0);
  }));
});
