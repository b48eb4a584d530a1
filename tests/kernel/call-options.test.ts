// Options of every call (ufunc __call__, reduce, accumulate, outer, argmin/argmax, astype) are
// validated up front, looked up as own keys only, and a bad one leaves every array untouched.
// NumPy 2 reference for the where/out overlap cases: tests/kernel/fixtures/where-overlap-numpy.py.
import { describe, expect, it, afterEach } from 'vitest';
import * as dt from 'dtkit';
import { CastingError, DTKitError, DTypeError, IndexError, ValueError, type NDArray } from 'dtkit';
import { createRegistry } from '@dtkit/core';
import { catalogPlugin } from '@dtkit/ufunc-registry';
import { BUILTIN_FAMILIES } from '../../dtypes/src/families/builtin.js';
import { binaryNumberLoop, addOp, float64Registry, registerFloat64Arith } from './fixtures/registry-setup.js';

/** Bit-exact snapshot of the whole store behind an array (not only its view). */
function bits(a: NDArray): number[] {
  if (a.store.kind !== 'typed') throw new Error('typed stores only');
  const d = a.store.data;
  return [...new Uint8Array(d.buffer, d.byteOffset, d.byteLength)];
}

type ErrorClass = new (...args: never[]) => DTKitError;

/** Runs `call`, expects a DTKitError of `cls` with `code`, and that no array changed. */
function expectRejected(arrays: readonly NDArray[], cls: ErrorClass, code: string, call: () => unknown): DTKitError {
  const before = arrays.map(bits);
  let err: unknown;
  try { call(); } catch (e) { err = e; }
  expect(err).toBeInstanceOf(cls);
  expect((err as DTKitError).code).toBe(code);
  arrays.forEach((a, i) => expect(bits(a)).toEqual(before[i]));
  return err as DTKitError;
}

const f64 = (v: unknown): NDArray => dt.array(v);
const PROTO_KEYS = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'bogus', ''];

describe('casting: only the five levels (no prototype keys)', () => {
  for (const c of PROTO_KEYS) {
    it(`casting '${c}' is ValueError OPTION, even where a float64 → int8 out would need 'unsafe'`, () => {
      const x = f64([1.5, 2.5]);
      const out = dt.zeros([2], { dtype: 'int8' });
      const e = expectRejected([x, out], ValueError, 'OPTION', () => dt.add(x, x, { out, casting: c as dt.Casting }));
      expect(e.message).toContain('casting must be one of');
    });
  }

  it("casting 'bogus' is rejected when no cast is needed, in every kind of call", () => {
    const x = f64([1, 2]);
    const bad = { casting: 'bogus' as dt.Casting };
    expectRejected([x], ValueError, 'OPTION', () => dt.add(x, x, bad));
    expectRejected([x], ValueError, 'OPTION', () => dt.add.call([x, x], bad));
    expectRejected([x], ValueError, 'OPTION', () => dt.add.outer(x, x, bad));
    expectRejected([x], ValueError, 'OPTION', () => dt.add.reduce(x, bad));
    expectRejected([x], ValueError, 'OPTION', () => dt.add.accumulate(x, bad));
    expectRejected([x], ValueError, 'OPTION', () => dt.sum(x, bad));
    expectRejected([x], ValueError, 'OPTION', () => dt.mean(x, bad));
    expectRejected([x], ValueError, 'OPTION', () => x.astype('float64', bad));
  });

  it("astype casting 'toString' no longer allows float64 → int8", () => {
    const x = f64([1.5]);
    expectRejected([x], ValueError, 'OPTION', () => x.astype('int8', { casting: 'toString' as dt.Casting }));
    expectRejected([x], CastingError, 'CASTING', () => x.astype('int8', { casting: 'safe' }));
  });

  it('canCast / castingRank reject prototype keys too', () => {
    expect(() => dt.castingRank('constructor' as dt.Casting)).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(() => dt.canCast('float64', 'int8', '__proto__' as dt.Casting)).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(dt.isCasting('toString')).toBe(false);
    expect(dt.isCasting('same_kind')).toBe(true);
  });
});

describe('unknown option names: ValueError OPTION (NumPy: TypeError)', () => {
  const x = f64([1, 2, 3]);
  const cases: [string, () => unknown][] = [
    ['f(a, b, { casing })', () => dt.add(x, x, { casing: 'safe' })],
    ['f(a, 1, { outt })', () => dt.add(x, 1, { outt: x })],
    ['f.call', () => dt.add.call([x, x], { axis: 0 })],
    ['f.outer', () => dt.add.outer(x, x, { keepdims: true })],
    ['f.reduce', () => dt.add.reduce(x, { axes: [0] })],
    ['f.accumulate', () => dt.add.accumulate(x, { keepdims: true } as dt.AccumulateOptions)],
    ['sum', () => dt.sum(x, { keepdim: true })],
    ['mean', () => dt.mean(x, { skipna: true })],
    ['argmax', () => dt.argmax(x, { out: x } as dt.ArgOptions)],
    ['astype', () => x.astype('float32', { rounding: 'up' })],
  ];
  for (const [name, call] of cases) {
    it(name, () => {
      const e = expectRejected([x], ValueError, 'OPTION', call);
      expect(e.message).toContain('unexpected option');
    });
  }

  it('the fast path does not skip validation: an own unknown key next to an inherited out', () => {
    const out = dt.zeros([3]);
    const opts = Object.create({ out }) as Record<string, unknown>;
    opts['foo'] = 1;
    expectRejected([x, out], ValueError, 'OPTION', () => dt.add(x, x, opts));
  });

  it('inherited options are never read: an out on the prototype is ignored', () => {
    const out = dt.zeros([3]);
    const opts = Object.create({ out, casting: 'unsafe' }) as dt.UFuncCallOptions;
    const r = dt.add(x, x, opts);
    expect(r).not.toBe(out);
    expect(r.toArray()).toEqual([2, 4, 6]);
    expect(out.toArray()).toEqual([0, 0, 0]);
  });

  it('options that are not an object are ValueError OPTION', () => {
    expectRejected([x], ValueError, 'OPTION', () => dt.add.reduce(x, 5 as unknown as dt.ReduceOptions));
    expectRejected([x], ValueError, 'OPTION', () => x.astype('float32', 'unsafe' as unknown as Record<string, unknown>));
  });
});

describe('extra options a loop, cast or ufunc declares', () => {
  it('a name declared by a registered loop (options: [...]) is accepted and reaches ctx.options', () => {
    const reg = float64Registry();
    const seen: unknown[] = [];
    reg.registerLoop('subtract', {
      dtypes: ['float64', 'float64', 'float64'], options: ['scale'],
      loop: (n, data, offs, strides, ctx) => {
        seen.push(ctx.options['scale']);
        binaryNumberLoop(addOp)(n, data, offs, strides, ctx);
      },
    });
    const a = dt.array([1, 2], { registry: reg });
    expect((dt.subtract.call([a, a], { scale: 3 }) as NDArray).toArray()).toEqual([2, 4]); // the loop adds
    expect(seen).toEqual([3]);
    expect(reg.declaredOptions().has('scale')).toBe(true);
    // Still an unknown name in a registry where nothing declares it.
    const plain = f64([1, 2]);
    expectRejected([plain], ValueError, 'OPTION', () => dt.subtract.call([plain, plain], { scale: 3 }));
  });

  it('a name declared by a cast is accepted by astype and by calls whose outputs are cast', () => {
    const reg = createRegistry(); // builtin families without their casts: this test registers float64 → float32
    reg.use(catalogPlugin);
    for (const fam of Object.values(BUILTIN_FAMILIES)) reg.addDType(fam);
    registerFloat64Arith(reg);
    reg.registerCast({ from: 'float64', to: 'float32', casting: 'same_kind', options: ['rounding'], loop: (n, data, offs, strides, ctx) => {
      const s = data[0] as Float64Array, d = data[1] as Float32Array;
      const up = ctx.options['rounding'] === 'up';
      for (let i = 0; i < n; i++) { const v = s[offs[0]! + i * strides[0]!]!; d[offs[1]! + i * strides[1]!] = up ? Math.ceil(v) : v; }
    } });
    const a = dt.array([1.25, 2.5], { registry: reg });
    expect(a.astype('float32', { rounding: 'up' }).toArray()).toEqual([2, 3]);
    const out = dt.zeros([2], { dtype: 'float32', registry: reg });
    dt.add.call([a, a], { out, rounding: 'up' });
    expect(out.toArray()).toEqual([3, 5]);
  });

  it('a ufunc may declare options for all its loops (defineUfunc options)', () => {
    const reg = float64Registry();
    reg.defineUfunc({ name: 'scaled_add', nin: 2, nout: 1, options: ['scale'] });
    expect(reg.declaredOptions().has('scale')).toBe(true);
  });
});

describe('overflow cast option: ' + "'inf' (default) | 'saturate'", () => {
  it("builtin casts into float16 / float32 / complex64 saturate finite values with overflow: 'saturate'", () => {
    // NumPy (and overflow: 'inf'): 1e6 → float16 is inf; saturating gives ±65504, as bfloat16 → float16 does.
    const src = f64([1e6, -1e6, Infinity, -Infinity, 65519, 1]);
    expect(src.astype('float16').toArray()).toEqual([Infinity, -Infinity, Infinity, -Infinity, 65504, 1]);
    expect(src.astype('float16', { overflow: 'inf' }).toArray()).toEqual([Infinity, -Infinity, Infinity, -Infinity, 65504, 1]);
    expect(src.astype('float16', { overflow: 'saturate' }).toArray()).toEqual([65504, -65504, Infinity, -Infinity, 65504, 1]);
    const nan = (f64([NaN]).astype('float16', { overflow: 'saturate' }).toArray() as number[])[0];
    expect(Number.isNaN(nan as number)).toBe(true);
    const big = f64([1e300, -1e39, 3e38]);
    expect(big.astype('float32', { overflow: 'saturate' }).toArray()).toEqual([3.4028234663852886e38, -3.4028234663852886e38, Math.fround(3e38)]);
    expect(dt.array([70000], { dtype: 'int32' }).astype('float16', { overflow: 'saturate' }).toArray()).toEqual([65504]);
    expect(dt.array([1e5], { dtype: 'float32' }).astype('float16', { overflow: 'saturate' }).toArray()).toEqual([65504]);
    const c = dt.array([1e300, 2], { dtype: 'complex128' }).astype('complex64', { overflow: 'saturate' }).toArray();
    expect(c).toEqual([{ re: 3.4028234663852886e38, im: 0 }, { re: 2, im: 0 }]);
  });

  it('a float64 result cast into a float16 out saturates too', () => {
    const out = dt.zeros([2], { dtype: 'float16' });
    dt.multiply.call([f64([1e5, 2]), 10], { out, casting: 'unsafe', overflow: 'saturate' });
    expect(out.toArray()).toEqual([65504, 20]);
  });

  it('a bad overflow value is CastingError CAST_OPTION before anything is written', () => {
    const x = f64([1e6]);
    const out = dt.zeros([1], { dtype: 'float16' });
    expectRejected([x], CastingError, 'CAST_OPTION', () => x.astype('float16', { overflow: 'wrap' }));
    expectRejected([x, out], CastingError, 'CAST_OPTION', () => dt.add.call([x, x], { out, casting: 'unsafe', overflow: 'clamp' }));
    expectRejected([x], CastingError, 'CAST_OPTION', () => dt.sum(x, { overflow: 1 }));
  });
});

describe('axis of argmin / argmax', () => {
  const m = dt.array([[3, 1], [0, 4]]);
  for (const axis of [1.5, NaN, '0', [0], [0, 0], {}, true, Infinity]) {
    it(`axis ${typeof axis === 'number' ? String(axis) : JSON.stringify(axis)} → ValueError AXIS`, () => {
      expectRejected([m], ValueError, 'AXIS', () => dt.argmax(m, { axis: axis as number }));
      expectRejected([m], ValueError, 'AXIS', () => dt.argmin(m, { axis: axis as number }));
    });
  }

  it('out of range → IndexError AXIS', () => {
    expectRejected([m], IndexError, 'AXIS', () => dt.argmax(m, { axis: 2 }));
    expectRejected([m], IndexError, 'AXIS', () => dt.argmin(m, { axis: -3 }));
  });

  it('valid axes give NumPy values; keepdims without axis has shape (1,)*ndim (NumPy 2)', () => {
    expect(dt.argmax(m, { axis: 0 }).toArray()).toEqual([0n, 1n]);
    expect(dt.argmax(m, { axis: -1 }).toArray()).toEqual([0n, 1n]);
    expect(dt.argmin(m, { axis: 1, keepdims: true }).toArray()).toEqual([[1n], [0n]]);
    const k = dt.argmax(m, { keepdims: true });
    expect(k.shape).toEqual([1, 1]);
    expect(k.toArray()).toEqual([[3n]]);
    expect(dt.argmin(dt.zeros([2, 3, 4]), { keepdims: true }).shape).toEqual([1, 1, 1]);
    expect(dt.argmax(m, { axis: null }).toArray()).toBe(3n);
  });

  it('keepdims must be a boolean', () => {
    expectRejected([m], ValueError, 'OPTION', () => dt.argmax(m, { keepdims: 1 as unknown as boolean }));
  });
});

describe('axis of reductions', () => {
  const m = dt.array([[1, 2], [3, 4]]);
  for (const axis of [1.5, NaN, '0', {}, true, [0, 1.5], [0, '1']]) {
    it(`axis ${typeof axis === 'number' ? String(axis) : JSON.stringify(axis)} → ValueError AXIS (sum, max, add.reduce, accumulate)`, () => {
      const out = dt.zeros([2]);
      expectRejected([m, out], ValueError, 'AXIS', () => dt.sum(m, { axis: axis as number, out }));
      expectRejected([m], ValueError, 'AXIS', () => dt.max(m, { axis: axis as number }));
      expectRejected([m], ValueError, 'AXIS', () => dt.add.reduce(m, { axis: axis as number }));
      if (!Array.isArray(axis)) expectRejected([m], ValueError, 'AXIS', () => dt.add.accumulate(m, { axis: axis as number }));
    });
  }

  it('duplicates → ValueError AXIS; out of range → IndexError AXIS', () => {
    expectRejected([m], ValueError, 'AXIS', () => dt.sum(m, { axis: [0, 0] }));
    expectRejected([m], ValueError, 'AXIS', () => dt.sum(m, { axis: [1, -1] }));
    expectRejected([m], IndexError, 'AXIS', () => dt.sum(m, { axis: 2 }));
    expectRejected([m], IndexError, 'AXIS', () => dt.prod(m, { axis: [0, -3] }));
    expectRejected([m], IndexError, 'AXIS', () => dt.add.accumulate(m, { axis: 2 }));
  });

  it('keepdims must be a boolean', () => {
    expectRejected([m], ValueError, 'OPTION', () => dt.sum(m, { keepdims: 'yes' as unknown as boolean }));
  });
});

describe('where= masks must be bool (NumPy casts them under safe: TypeError)', () => {
  const x = f64([1, 2, 3, 4]);
  const masks: [string, () => unknown][] = [
    ['float64 array', () => dt.array([1, 0, 1, 0])],
    ['int64 array', () => dt.array([1n, 0n, 1n, 0n])],
    ['uint8 array', () => dt.array([1, 0, 1, 0], { dtype: 'uint8' })],
    ['complex128 array', () => dt.array([1, 0, 1, 0], { dtype: 'complex128' })],
    ['JS numbers', () => [1, 0, 1, 0]],
    ['a number', () => 1],
    ['a string', () => 'true'],
    ['an object', () => ({})],
  ];
  for (const [name, mask] of masks) {
    it(`${name} → CastingError WHERE (call and reduce), out untouched`, () => {
      const out = dt.full([4], 7);
      expectRejected([x, out], CastingError, 'WHERE', () => dt.add.call([x, 1], { out, where: mask() as NDArray }));
      expectRejected([x, out], CastingError, 'WHERE', () => dt.add(x, 1, { out, where: mask() as NDArray }));
      expectRejected([x], CastingError, 'WHERE', () => dt.sum(x, { where: mask() as NDArray }));
    });
  }

  it('bool masks still work: arrays, nested JS booleans, true / false', () => {
    const out = dt.full([4], 7);
    dt.add.call([x, 1], { out, where: dt.array([true, false, true, false]) });
    expect(out.toArray()).toEqual([2, 7, 4, 7]);
    dt.add.call([x, 1], { out, where: [false, true, false, true] });
    expect(out.toArray()).toEqual([2, 3, 4, 5]);
    expect(dt.sum(x, { where: [true, false, false, true] }).item()).toBe(5);
    expect(dt.add.call([x, 1], { out, where: false })).toBe(out);
    expect(out.toArray()).toEqual([2, 3, 4, 5]);
  });
});

describe('out, dtype and other option values', () => {
  const x = f64([1, 2]);
  it('out that is not an array, a wrong-length list, or a list of non-arrays → ValueError OUT', () => {
    const o = dt.zeros([2]);
    expectRejected([x, o], ValueError, 'OUT', () => dt.add(x, x, { out: 5 as unknown as NDArray }));
    expectRejected([x, o], ValueError, 'OUT', () => dt.add(x, x, { out: [o, o] }));
    expectRejected([x, o], ValueError, 'OUT', () => dt.add(x, x, { out: [] }));
    expectRejected([x, o], ValueError, 'OUT', () => dt.add(x, x, { out: [[1, 2]] as unknown as NDArray[] }));
    expectRejected([x, o], ValueError, 'OUT', () => dt.add(x, x, { out: {} as NDArray }));
    expectRejected([x, o], ValueError, 'OUT', () => dt.divmod.call([x, x], { out: o }));
    expectRejected([x, o], ValueError, 'OUT', () => dt.sum(x, { out: 5 as unknown as NDArray }));
    expectRejected([x, o], ValueError, 'OUT', () => dt.add.accumulate(x, { out: [o, o] as unknown as NDArray }));
  });

  it('out of the wrong shape → BroadcastError BROADCAST; a disposed out → DisposedError', () => {
    const o3 = dt.zeros([3]);
    expectRejected([x, o3], dt.BroadcastError, 'BROADCAST', () => dt.add(x, x, { out: o3 }));
    expectRejected([x, o3], dt.BroadcastError, 'BROADCAST', () => dt.sum(x, { out: o3 }));
    const gone = dt.zeros([2]);
    gone.dispose();
    expectRejected([x], dt.DisposedError, 'DISPOSED', () => dt.add.call([x, x], { out: gone, where: [true, false] }));
  });

  it('a dtype option with an unknown spec or of the wrong type → DTypeError', () => {
    expectRejected([x], DTypeError, 'DTYPE_UNKNOWN', () => dt.add(x, x, { dtype: 'float65' }));
    expectRejected([x], DTypeError, 'DTYPE_SPEC', () => dt.add(x, x, { dtype: {} as dt.DType }));
    expectRejected([x], DTypeError, 'DTYPE_SPEC', () => dt.sum(x, { dtype: 5 as unknown as dt.DType }));
    expectRejected([x], DTypeError, 'DTYPE_UNKNOWN', () => dt.add.accumulate(x, { dtype: 'nope' }));
  });

  it('order must be K, A, C or F; new outputs follow it', () => {
    expectRejected([x], ValueError, 'OPTION', () => dt.add(x, x, { order: 'Z' }));
    const m = dt.array([[1, 2, 3], [4, 5, 6]]);
    expect((dt.add.call([m, 1], { order: 'F' }) as NDArray).strides).toEqual([1, 2]);
    expect((dt.add.call([m.T, 1], { order: 'C' }) as NDArray).strides).toEqual([2, 1]);
    expect((dt.add.call([m.T, 1], { order: 'K' }) as NDArray).strides).toEqual([1, 3]);
    expect((dt.add.call([m.T, 1], { order: 'A' }) as NDArray).strides).toEqual([1, 3]);
    expect((dt.add.call([m.T, 1], { order: 'F' }) as NDArray).toArray()).toEqual([[2, 5], [3, 6], [4, 7]]);
  });

  it('registry must be a Registry', () => {
    expectRejected([x], ValueError, 'OPTION', () => dt.sum(x, { registry: {} as dt.Registry }));
  });
});

describe('where= mask sharing memory with out (NumPy uses the mask as it was)', () => {
  afterEach(() => dt.forbidBackends([]));
  for (const backend of ['wasm', 'js']) {
    describe(`${backend} backend first`, () => {
      const setup = (): void => dt.forbidBackends(backend === 'js' ? ['wasm'] : []);
      const bools = (): NDArray => dt.array([true, false, true, false, false]);

      it('logical_not(a[1:], out=a[1:], where=a[:-1]) → [T,T,T,T,F]', () => {
        setup();
        const a = bools();
        dt.logicalNot.call([a.slice('1:')], { out: a.slice('1:'), where: a.slice(':-1') });
        expect(a.toArray()).toEqual([true, true, true, true, false]);
      });

      it('the callable form takes the same path: logicalNot(a[1:], { out, where })', () => {
        setup();
        const a = bools();
        dt.logicalNot(a.slice('1:'), { out: a.slice('1:'), where: a.slice(':-1') });
        expect(a.toArray()).toEqual([true, true, true, true, false]);
      });

      it('logical_not(a[:-1], out=a[:-1], where=a[1:]) → [T,T,T,F,F]', () => {
        setup();
        const a = bools();
        dt.logicalNot.call([a.slice(':-1')], { out: a.slice(':-1'), where: a.slice('1:') });
        expect(a.toArray()).toEqual([true, true, true, false, false]);
      });

      it('input and mask both overlapping out: logical_not(a[::-1], out=a, where=a) and (a, out=a, where=a[::-1])', () => {
        setup();
        const a = bools();
        dt.logicalNot.call([a.slice('::-1')], { out: a, where: a });
        expect(a.toArray()).toEqual([true, false, false, false, false]);
        const b = bools();
        dt.logicalNot.call([b], { out: b, where: b.slice('::-1') });
        expect(b.toArray()).toEqual([true, false, false, false, true]);
      });

      it('a comparison into a bool out shifted against its mask: greater(x, 2, out=a[1:], where=a[:-1])', () => {
        setup();
        const a = bools();
        dt.greater.call([dt.array([1, 3, 3, 1]), 2], { out: a.slice('1:'), where: a.slice(':-1') });
        expect(a.toArray()).toEqual([true, false, true, true, false]);
      });

      it('a broadcast row of out as mask: logical_not(m, out=m, where=m[0])', () => {
        setup();
        const m = dt.array([[true, false], [false, true], [true, true]]);
        dt.logicalNot.call([m], { out: m, where: m.slice(0) });
        expect(m.toArray()).toEqual([[false, false], [true, true], [false, true]]);
      });
    });
  }
});
