// Hostile and careless input to the creation functions and to ufuncs given JS data (issue 19,
// items 2, 3 and 6): every case is a typed DTKitError with a stable code, raised before anything
// is allocated or written; no input makes the process abort or overflow the stack.
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { DTKitError } from '@dtkit/core';
import { MAX_SPEC_DEPTH, parseSpec } from '../../core/src/dtype/spec-parser.js';

function thrown(call: () => unknown): DTKitError {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(DTKitError);
    return e as DTKitError;
  }
  throw new Error('did not throw');
}

function expectCode(call: () => unknown, name: string, code: string): void {
  const e = thrown(call);
  expect(e.name).toBe(name);
  expect(e.code).toBe(code);
}

function nestedDeep(levels: number, leaf: unknown = 1): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

const bytesOf = (a: dt.NDArray): number[] => [...a.toBytes()];

describe('self-referencing and deep nested data', () => {
  const self: unknown[] = [];
  self.push(self);
  const inner: unknown[] = [[1, 2], [3, 4]];
  (inner[1] as unknown[])[1] = inner; // the cycle is off the first-element path
  const a: unknown[] = [0, 0];
  const b: unknown[] = [a, a];
  a[0] = b; // a and b refer to each other
  a[1] = b;

  it.each([['c = [c]', self], ['a cycle below the second row', inner], ['two arrays referring to each other', a]])('%s → ValueError NESTING', (_n, data) => {
    expectCode(() => dt.array(data), 'ValueError', 'NESTING');
    expectCode(() => dt.asarray(data), 'ValueError', 'NESTING');
  });

  it('ufuncs and reductions given a cycle → NESTING, out untouched', () => {
    const out = dt.array([7, 8]);
    const before = bytesOf(out);
    expectCode(() => dt.sum(self), 'ValueError', 'NESTING');
    expectCode(() => dt.add(self, 1), 'ValueError', 'NESTING');
    expectCode(() => dt.add(1, self, { out }), 'ValueError', 'NESTING');
    expectCode(() => dt.add.reduce(self), 'ValueError', 'NESTING');
    expectCode(() => dt.add.accumulate(self), 'ValueError', 'NESTING');
    expectCode(() => dt.multiply.outer(self, [1, 2]), 'ValueError', 'NESTING');
    expect(bytesOf(out)).toEqual(before);
  });

  it('1e5-deep nesting → ValueError MAX_DIMS (no RangeError)', () => {
    const deep = nestedDeep(100_000) as number[];
    expectCode(() => dt.array(deep), 'ValueError', 'MAX_DIMS');
    expectCode(() => dt.sum(deep), 'ValueError', 'MAX_DIMS');
    expectCode(() => dt.add(deep, 1), 'ValueError', 'MAX_DIMS');
  });

  it('64 levels make a 64-d array, 65 are refused (NumPy NPY_MAXDIMS)', () => {
    const a64 = dt.array(nestedDeep(63, [1, 2]));
    expect(a64.ndim).toBe(64);
    expect(a64.shape).toEqual([...new Array<number>(63).fill(1), 2]);
    expect(a64.toBytes()).toEqual(dt.array([1, 2]).toBytes());
    expectCode(() => dt.array(nestedDeep(64, [1, 2])), 'ValueError', 'MAX_DIMS');
    expectCode(() => dt.zeros(new Array<number>(65).fill(1)), 'ValueError', 'MAX_DIMS');
    expect(dt.zeros(new Array<number>(64).fill(1)).ndim).toBe(64);
  });

  it('aliased rows that would expand to 2^41 elements → ValueError ALLOCATION before walking', () => {
    let v: unknown = [1, 1];
    for (let i = 0; i < 40; i++) v = [v, v];
    const laughs = v as number[];
    expectCode(() => dt.array(laughs), 'ValueError', 'ALLOCATION');
    expectCode(() => dt.add(laughs, 1), 'ValueError', 'ALLOCATION');
  });

  it('shared (acyclic) rows are fine', () => {
    const row = [1, 2];
    expect(dt.array([row, row]).toArray()).toEqual([[1, 2], [1, 2]]);
  });

  it.each([
    ['[[1, 2], [3]]', [[1, 2], [3]]],
    ['[[1, 2], 3]', [[1, 2], 3]],
    ['[1, [2, 3]]', [1, [2, 3]]],
    ['[[[1]], [2]]', [[[1]], [2]]],
    ['[[1], []]', [[1], []]],
    ['[[], [1]]', [[], [1]]],
    ['[1, c] with c = [c]', [1, self]],
  ])('ragged %s → ValueError RAGGED', (_n, data) => {
    expectCode(() => dt.array(data), 'ValueError', 'RAGGED');
    expectCode(() => dt.add(data, 1), 'ValueError', 'RAGGED');
  });

  it('not sequences: DataView, array-likes, holes → DTypeError DTYPE_DISCOVER', () => {
    for (const data of [new DataView(new ArrayBuffer(8)), { length: 2, 0: 1, 1: 2 }, [1, , 3], undefined]) {
      expectCode(() => dt.array(data), 'DTypeError', 'DTYPE_DISCOVER');
    }
  });
});

describe('creation: shapes', () => {
  const creators: [string, (shape: unknown) => unknown][] = [
    ['zeros', (s) => dt.zeros(s as number[])],
    ['ones', (s) => dt.ones(s as number[])],
    ['empty', (s) => dt.empty(s as number[])],
    ['full', (s) => dt.full(s as number[], 2)],
  ];

  it.each(creators)('%s: huge shapes → ValueError ALLOCATION before allocating', (_n, create) => {
    expectCode(() => create([2 ** 40, 2 ** 40]), 'ValueError', 'ALLOCATION');
    expectCode(() => create(2 ** 33), 'ValueError', 'ALLOCATION');
    expectCode(() => create([2 ** 53, 2 ** 53, 2 ** 53]), 'ValueError', 'ALLOCATION');
  });

  it.each(creators)('%s: non-array shapes and bad dimensions → ValueError SHAPE', (_n, create) => {
    for (const s of ['3', {}, null, undefined, true, 3n, new Set([2]), { length: 1, 0: 2 }]) expectCode(() => create(s), 'ValueError', 'SHAPE');
    for (const s of [[-1], [1.5], [NaN], [Infinity], [2, -0.5], ['2'], [2n], [null], -1, 0.5, NaN]) expectCode(() => create(s), 'ValueError', 'SHAPE');
  });

  it('good shapes still work (-0 is 0)', () => {
    expect(dt.zeros([2, 3]).shape).toEqual([2, 3]);
    expect(dt.ones(2).toArray()).toEqual([1, 1]);
    expect(dt.full([2], 7, { dtype: 'int8' }).toArray()).toEqual([7, 7]);
    expect(Object.is(dt.zeros([-0]).shape[0], 0)).toBe(true);
    expect(dt.empty([0, 5]).size).toBe(0);
  });

  it('full: a bad value is refused before the array is allocated', () => {
    expectCode(() => dt.full([2], {}), 'DTypeError', 'DTYPE_DISCOVER');
    expectCode(() => dt.full([2], undefined), 'DTypeError', 'DTYPE_DISCOVER');
    expectCode(() => dt.full([2], 300, { dtype: 'int8' }), 'CastingError', 'VALUE_CAST');
    expectCode(() => dt.full([2], 'x', { dtype: 'float64' }), 'CastingError', 'VALUE_CAST');
    // A bad value with a shape too big to allocate reports the value (it is checked first, on one element).
    expectCode(() => dt.full([2 ** 31], 300, { dtype: 'int8' }), 'CastingError', 'VALUE_CAST');
  });
});

describe('creation: arange and linspace', () => {
  it('arange with NaN, infinite bounds or lengths, step 0 → typed errors', () => {
    expectCode(() => dt.arange(NaN), 'ValueError', 'VALUE');
    expectCode(() => dt.arange(Infinity), 'ValueError', 'VALUE');
    expectCode(() => dt.arange(0, -Infinity, -1), 'ValueError', 'VALUE');
    expectCode(() => dt.arange(0, 1, 0), 'ValueError', 'VALUE');
    expectCode(() => dt.arange(0, 1, NaN), 'ValueError', 'VALUE');
    expectCode(() => dt.arange(0, 1, Infinity), 'ValueError', 'VALUE');
    expectCode(() => dt.arange(0, 1e300), 'ValueError', 'ALLOCATION');
    expectCode(() => dt.arange(-1e308, 1e308), 'ValueError', 'ALLOCATION'); // the length overflows to Infinity
    expectCode(() => dt.arange(0, 1, 1e-300), 'ValueError', 'ALLOCATION');
    for (const bad of ['5', 5n, null, {}, [3]]) expectCode(() => dt.arange(bad as number), 'ValueError', 'VALUE');
    expectCode(() => dt.arange(0, '5' as unknown as number), 'ValueError', 'VALUE');
    expectCode(() => dt.arange(0, 5, '1' as unknown as number), 'ValueError', 'VALUE');
  });

  it('arange values (numpy.arange)', () => {
    expect(dt.arange(5).toArray()).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(dt.arange(0, 1, 0.25).toArray()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(dt.arange(3, 0, -1).toArray()).toEqual([3n, 2n, 1n]);
    expect(dt.arange(1, 0).size).toBe(0);
  });

  it('linspace with a bad num or non-number bounds → ValueError VALUE; huge num → ALLOCATION', () => {
    for (const num of [NaN, -1, 1.5, Infinity, '5', 5n, null]) expectCode(() => dt.linspace(0, 1, num as number), 'ValueError', 'VALUE');
    expectCode(() => dt.linspace('0' as unknown as number, 1, 3), 'ValueError', 'VALUE');
    expectCode(() => dt.linspace(0, {} as unknown as number, 3), 'ValueError', 'VALUE');
    expectCode(() => dt.linspace(0, 1, 1e12), 'ValueError', 'ALLOCATION');
    expect(dt.linspace(0, 1, 5).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(dt.linspace(2, 3, 1).toArray()).toEqual([2]);
    expect(dt.linspace(0, 1, 0).size).toBe(0);
  });
});

describe('creation: fromBytes', () => {
  it('anything but a Uint8Array → ValueError BYTES', () => {
    const fake = { length: 8, byteLength: 8, [Symbol.toStringTag]: 'Uint8Array' };
    const dv = new DataView(new ArrayBuffer(8));
    Object.defineProperty(dv, Symbol.toStringTag, { value: 'Uint8Array' });
    for (const bytes of ['abcdefgh', [1, 2, 3, 4, 5, 6, 7, 8], new Float64Array(1), new Uint16Array(4), new Int8Array(8), new Uint8ClampedArray(8), new ArrayBuffer(8), dv, fake, null, undefined]) {
      expectCode(() => dt.fromBytes(bytes as Uint8Array, 'float64'), 'ValueError', 'BYTES');
    }
  });

  it('length and shape must fit the item size; the dtype must be a dtype', () => {
    expectCode(() => dt.fromBytes(new Uint8Array(7), 'float64'), 'ValueError', 'VALUE');
    expectCode(() => dt.fromBytes(new Uint8Array(16), 'float64', [3]), 'ValueError', 'SHAPE');
    expectCode(() => dt.fromBytes(new Uint8Array(16), 'float64', '2' as unknown as number[]), 'ValueError', 'SHAPE');
    expectCode(() => dt.fromBytes(new Uint8Array(16), 'float64', [1.5]), 'ValueError', 'SHAPE');
    expectCode(() => dt.fromBytes(new Uint8Array(16), undefined as unknown as string), 'DTypeError', 'DTYPE_SPEC');
    expectCode(() => dt.fromBytes(new Uint8Array(16), 'bogus'), 'DTypeError', 'DTYPE_UNKNOWN');
  });

  it('a Uint8Array (also a Buffer or an offset view) is copied as little-endian elements', () => {
    const src = new Uint8Array(new Float64Array([1.5, -2]).buffer);
    expect(dt.fromBytes(src, 'float64').toArray()).toEqual([1.5, -2]);
    expect(dt.fromBytes(Buffer.from(src), 'float64', [2, 1]).toArray()).toEqual([[1.5], [-2]]);
    const padded = new Uint8Array(24);
    padded.set(src, 8);
    expect(dt.fromBytes(padded.subarray(8), 'float64').toArray()).toEqual([1.5, -2]);
  });
});

describe('dtype specs', () => {
  it('1e5-character hostile specs → DTypeError DTYPE_SPEC with a short message', () => {
    for (const spec of ['['.repeat(100_000), `list${'['.repeat(50_000)}${']'.repeat(50_000)}`, `x[${']'.repeat(100_000)}`, `x[${'a,'.repeat(50_000)}`]) {
      const e = thrown(() => dt.dtype(spec));
      expect(e.name).toBe('DTypeError');
      expect(e.code).toBe('DTYPE_SPEC');
      expect(e.message.length).toBeLessThan(200);
    }
  });

  it(`brackets nest at most ${MAX_SPEC_DEPTH} deep`, () => {
    const nested = (depth: number): string => `${'a['.repeat(depth)}b${']'.repeat(depth)}`;
    expect(parseSpec(nested(MAX_SPEC_DEPTH))).toEqual({ name: 'a', args: [nested(MAX_SPEC_DEPTH - 1)] });
    expectCode(() => parseSpec(nested(MAX_SPEC_DEPTH + 1)), 'DTypeError', 'DTYPE_SPEC');
  });

  it('a spec that is not a string → DTypeError DTYPE_SPEC', () => {
    for (const spec of [null, undefined, 3, {}]) expectCode(() => dt.dtype(spec as string), 'DTypeError', 'DTYPE_SPEC');
  });
});
