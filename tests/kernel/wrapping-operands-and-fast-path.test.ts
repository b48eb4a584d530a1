import { describe, expect, it } from 'vitest';
import { array, defineDType, NDArray, type DType, type Registry } from '@dtkit/core';
import { add, multiply, power } from '@dtkit/ufunc-registry';
import { float64Registry, binaryNumberLoop } from './fixtures/registry-setup.js';

/**
 * `tag[k]`: a test-only parametric wrapper over float64 whose parameter is an integer. Its
 * wrapping loops exercise three kernel points: rewrap reading operand values (`readsOperands`),
 * rewrap asking for an input cast (a differing input descriptor), and the small-array fast path
 * for parametric descriptors.
 */
function setup(): { reg: Registry; tagOf: (k: number) => DType; rewraps: { n: number } } {
  const reg = float64Registry();
  reg.registerLoop('power', { dtypes: ['float64', 'float64', 'float64'], loop: binaryNumberLoop(Math.pow) });
  const f64 = reg.dtype('float64');
  const fam = defineDType({
    name: 'tag', kind: 'other', parametric: true, storage: { kind: 'typed', type: 'float64' },
    getItem: (_d, s, k) => (s as { data: Float64Array }).data[k],
    setItem: (_d, s, k, v) => { (s as { data: Float64Array }).data[k] = v as number; },
    parse: (args) => tagOf(Number(args[0])),
    wrapped: () => f64,
  });
  const tagOf = (k: number): DType => fam.instance(`tag[${k}]`, { k });
  const kOf = (d: DType | null | undefined): number => (d?.family === fam ? (d.params['k'] as number) : 0);
  reg.addDType(fam);
  const rewraps = { n: 0 };
  const unwrap = (given: readonly (DType | null)[]) => given.map((d) => (d === null ? null : d.family === fam ? f64 : d));
  // tag[a] + tag[b] -> tag[a], the right operand cast to tag[a] first.
  reg.registerWrappingLoop('add', {
    dtypes: [fam, fam, fam], unwrap,
    rewrap: (_w, given) => { rewraps.n++; const t = tagOf(kOf(given[0])); return [t, t, t]; },
  });
  // tag[a] * tag[b] -> tag[a+b]: parametric, a function of the descriptors only.
  reg.registerWrappingLoop('multiply', {
    dtypes: [fam, fam, fam], unwrap,
    rewrap: (_w, given) => { rewraps.n++; return [given[0]!, given[1]!, tagOf(kOf(given[0]) + kOf(given[1]))]; },
  });
  // tag[a] ** x -> tag[a*x]: reads the exponent's value.
  reg.registerWrappingLoop('power', {
    dtypes: [fam, null, fam], unwrap, readsOperands: true,
    rewrap: (w, given, operands) => [given[0]!, w[1]!, tagOf(kOf(given[0]) * (operands![1]!.item() as number))],
  });
  // tag[a] -> tag[b]: value * 10^(a-b).
  reg.registerCast({
    from: fam, to: fam, casting: 'same_kind',
    resolveDescriptors: (from, to) => ({ to: to ?? from, casting: to === null || to === from ? 'no' : 'same_kind' }),
    loop: (n, data, offs, strides, ctx) => {
      const f = 10 ** (kOf(ctx.descriptors[0]) - kOf(ctx.descriptors[1]));
      const a = data[0] as Float64Array, b = data[1] as Float64Array;
      for (let i = 0; i < n; i++) b[offs[1]! + i * strides[1]!] = a[offs[0]! + i * strides[0]!]! * f;
    },
  });
  return { reg, tagOf, rewraps };
}

describe('wrapping loops: operand values, input casts and the fast path', () => {
  it('rewrap reads the operands when readsOperands is set; results are not cached by descriptor', () => {
    const { reg } = setup();
    const a = array([2, 3], { dtype: 'tag[3]', registry: reg });
    const sq = power(a, 2);
    expect(sq.dtype.name).toBe('tag[6]');
    expect(sq.toArray()).toEqual([4, 9]);
    const cube = power(a, 3); // same descriptors as before, another value
    expect(cube.dtype.name).toBe('tag[9]');
    expect(cube.toArray()).toEqual([8, 27]);
    const b = array([2, 3], { dtype: 'tag[1]', registry: reg });
    expect(power(b, array(4, { registry: reg })).dtype.name).toBe('tag[4]'); // 0-d array exponent, fast-path shape
  });

  it('a rewrapped input descriptor that differs from the operand casts that operand first', () => {
    const { reg } = setup();
    const a = array([1, 2], { dtype: 'tag[0]', registry: reg });
    const b = array([3, 4], { dtype: 'tag[1]', registry: reg });
    const s = add(a, b);
    expect(s.dtype.name).toBe('tag[0]');
    expect(s.toArray()).toEqual([31, 42]);
    expect(b.toArray()).toEqual([3, 4]);
  });

  it('parametric descriptors take the fast path: a repeated call resolves once', () => {
    const { reg, rewraps } = setup();
    const a = array([1, 2], { dtype: 'tag[1]', registry: reg });
    const b = array([3, 4], { dtype: 'tag[2]', registry: reg });
    const first = multiply(a, b);
    const n = rewraps.n;
    const second = multiply(a, b);
    expect(rewraps.n).toBe(n); // the inline cache answered
    expect(second.dtype.name).toBe('tag[3]');
    expect(second.toArray()).toEqual([3, 8]);
    const out = new NDArray(reg, first.dtype, first.store, first.shape);
    multiply(a, b, { out });
    expect(rewraps.n).toBe(n);
    // Other descriptors miss the cache and resolve again.
    expect(multiply(b, b).dtype.name).toBe('tag[4]');
    expect(rewraps.n).toBe(n + 1);
  });
});
