/**
 * Two module instances of @dtkit/core in one process (as with duplicated node_modules): after
 * vi.resetModules(), a dynamic import evaluates the kernel sources again, giving distinct classes.
 */
import { describe, expect, it, vi } from 'vitest';
import { add, catalogPlugin } from '@dtkit/ufunc-registry';

type Core = typeof import('@dtkit/core');

async function freshCore(): Promise<Core> {
  vi.resetModules();
  return import('@dtkit/core');
}

/** Copy A with the builtins (and their wasm backend) loaded against it. */
async function freshCoreWithBuiltins(): Promise<{ core: Core; dtypes: typeof import('@dtkit/dtypes') }> {
  vi.resetModules();
  const dtypes = await import('@dtkit/dtypes');
  const core = await import('@dtkit/core');
  return { core, dtypes };
}

function dataOf(arr: import('@dtkit/core').NDArray): import('@dtkit/core').TypedArray {
  return (arr.store as import('@dtkit/core').TypedStore).data;
}

function tinyFamily(core: Core, name = 'tiny', kind: 'float' | 'other' = 'float') {
  return core.defineDType({
    name,
    kind,
    storage: { kind: 'typed', type: 'float64' },
    getItem: (_d, s, k) => ((s as import('@dtkit/core').TypedStore).data as Float64Array)[k],
    setItem: (_d, s, k, v) => { ((s as import('@dtkit/core').TypedStore).data as Float64Array)[k] = v as number; },
  });
}

describe('two copies of the kernel', () => {
  it('are really two module instances', async () => {
    const A = await freshCore();
    const B = await freshCore();
    expect(A).not.toBe(B);
    expect(A.NDArray).not.toBe(B.NDArray);
    expect(A.DType).not.toBe(B.DType);
    expect(A.Registry).not.toBe(B.Registry);
  });

  it('share the default registry behind Symbol.for("dtkit.registry")', async () => {
    const A = await freshCore();
    const B = await freshCore();
    const ra = A.defaultRegistry();
    expect(B.defaultRegistry()).toBe(ra);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('dtkit.registry')]).toBe(ra);
    // a family registered through copy A is visible through copy B's API
    const fam = tinyFamily(A);
    ra.addDType(fam);
    expect(B.dtype('tiny')).toBe(fam.default);
  });

  it("recognise each other's arrays and dtypes by brand, although instanceof fails", async () => {
    const A = await freshCore();
    const B = await freshCore();
    const reg = A.createRegistry();
    const fam = tinyFamily(A);
    reg.addDType(fam);
    const arr = A.array([1, 2, 3], { dtype: 'tiny', registry: reg });
    expect(arr instanceof B.NDArray).toBe(false);
    expect(B.isNDArray(arr)).toBe(true);
    expect(B.isDType(arr.dtype)).toBe(true);
    expect(B.isDTypeFamily(fam)).toBe(true);
    expect(arr.dtype instanceof B.DType).toBe(false);
    expect(B.isNDArray({ shape: [3] })).toBe(false);
    expect(B.isDType({ name: 'tiny' })).toBe(false);
  });

  it("copy B's API accepts copy A's arrays and families", async () => {
    const A = await freshCore();
    const B = await freshCore();
    const fam = tinyFamily(A);
    const regB = B.createRegistry();
    regB.addDType(fam); // a copy-A family in a copy-B registry
    const arrA = A.array([4, 5], { dtype: fam.default, registry: A.createRegistry().use({ name: 't', install: (r) => { r.addDType(fam); } }) });
    const asB = B.asarray(arrA, { registry: regB });
    expect(asB).toBe(arrA); // recognised as an array with the same dtype: no copy
    const copied = B.array(arrA, { registry: regB });
    expect(copied).not.toBe(arrA);
    expect(copied.toArray()).toEqual([4, 5]);
    expect(B.resultType(arrA, 1.5).name).toBe('tiny');
  });

  it("errors carry a stable code, and instanceof holds for the other copy's classes", async () => {
    const A = await freshCore();
    const B = await freshCore();
    let err: unknown;
    try { A.createRegistry().dtype('nope'); } catch (e) { err = e; }
    expect(err instanceof B.DTKitError).toBe(true);
    expect(err instanceof B.DTypeError).toBe(true);
    expect(err instanceof B.ValueError).toBe(false);
    expect(err instanceof A.DTKitError).toBe(true);
    expect((err as { code: string }).code).toBe('DTYPE_UNKNOWN');
    expect((err as Error).name).toBe('DTypeError');
  });

  it('instanceof works across copies for each error class, and only for its own lineage', async () => {
    const A = await freshCore();
    const B = await freshCore();
    const names = ['DTKitError', 'DTypeError', 'CastingError', 'NoLoopError', 'BroadcastError', 'IndexError', 'ValueError', 'DisposedError'] as const;
    const make = (core: Core, name: (typeof names)[number]): Error => {
      switch (name) {
        case 'DTKitError': return new core.DTKitError('SOME_CODE', 'm');
        case 'DTypeError': return new core.DTypeError('m', 'DTYPE_X');
        case 'CastingError': return new core.CastingError('m');
        case 'NoLoopError': return new core.NoLoopError('m');
        case 'BroadcastError': return new core.BroadcastError('m');
        case 'IndexError': return new core.IndexError('m');
        case 'ValueError': return new core.ValueError('m', 'VALUE_X');
        case 'DisposedError': return new core.DisposedError();
      }
    };
    for (const [from, to] of [[A, B], [B, A]] as const) {
      for (const made of names) {
        const err = make(from, made);
        expect(from[made]).not.toBe(to[made]);
        for (const cls of names) expect([made, cls, err instanceof to[cls]]).toEqual([made, cls, cls === made || cls === 'DTKitError']);
        expect(err instanceof Error).toBe(true);
        expect(err.name).toBe(made);
      }
    }
    expect(new B.DTypeError('m', 'C').code).toBe('C');
    for (const notError of [null, undefined, 42, 'DTypeError', { name: 'DTypeError', code: 'DTYPE' }, new Error('plain'), new TypeError('t')]) {
      expect(notError instanceof A.DTKitError).toBe(false);
      expect(notError instanceof B.DTypeError).toBe(false);
    }
  });

  it("a plugin's error subclass built on one copy is recognised by the other copy's base classes", async () => {
    const A = await freshCore();
    const B = await freshCore();
    class UnitError extends B.ValueError {
      constructor(message: string) { super(message, 'UNIT'); }
    }
    const e = new UnitError('m/s + kg');
    expect(e instanceof UnitError).toBe(true);
    expect(e instanceof A.ValueError).toBe(true);
    expect(e instanceof A.DTKitError).toBe(true);
    expect(e instanceof A.DTypeError).toBe(false);
    expect(new A.ValueError('plain') instanceof UnitError).toBe(false);
    expect(e.name).toBe('UnitError');
    expect(e.code).toBe('UNIT');
  });

  it('give families from both copies distinct ids, so the dispatch cache keeps their loops apart', async () => {
    const A = await freshCore();
    const B = await freshCore();
    const x = tinyFamily(A, 'xa', 'other');
    const y = tinyFamily(B, 'yb', 'other');
    expect(x.id).not.toBe(y.id);
    const reg = A.createRegistry().use(catalogPlugin);
    reg.addDType(x);
    reg.addDType(y);
    const constLoop = (v: number): import('@dtkit/core').StridedLoop => (n, d, o, s) => {
      for (let i = 0; i < n; i++) (d[2] as Float64Array)[o[2]! + i * s[2]!] = v;
    };
    reg.registerLoop('add', { dtypes: [x, x, x], loop: constLoop(111) });
    reg.registerLoop('add', { dtypes: [y, y, y], loop: constLoop(222) });
    const ax = A.array([1], { dtype: 'xa', registry: reg });
    const by = B.array([1], { dtype: 'yb', registry: reg });
    expect(add(ax, ax).toArray()).toEqual([111]);
    const r = add(by, by);
    expect(r.dtype.name).toBe('yb');
    expect(r.toArray()).toEqual([222]);
  });

  it('share the weak scalar families, so commonDType answers for JS scalars agree across copies', async () => {
    const A = await freshCore();
    const B = await freshCore();
    expect(B.WeakFloat).toBe(A.WeakFloat);
    expect(B.weakFamilyOf(1)).toBe(A.WeakInt);
    expect(B.isWeakFamily(A.WeakBool)).toBe(true);
    const wide = tinyFamily(A, 'wide');
    const narrow = A.defineDType({ ...tinyFamily(A, 'narrow').spec, commonDType: (o) => (o === A.WeakFloat ? wide : undefined) });
    const reg = A.createRegistry();
    reg.addDType(wide);
    reg.addDType(narrow);
    const arr = A.array([1], { dtype: 'narrow', registry: reg });
    expect(A.resultType(arr, 1.5).name).toBe('wide');
    expect(B.resultType(arr, 1.5).name).toBe('wide');
  });

  describe('share the wasm allocator and tidy/dispose', () => {
    async function setup() {
      const { core: A, dtypes } = await freshCoreWithBuiltins();
      const B = await freshCore();
      expect(B.NDArray).not.toBe(A.NDArray);
      const reg = A.createRegistry().use(dtypes.plugin); // installs copy A's wasm allocator
      const runtime = dtypes.wasmRuntime();
      return { A, B, reg, runtime, restore: () => A.setTypedAllocator(null) };
    }
    const large = 1024; // 8 KiB of float64: above the wasm allocator's small-array cut-off

    it("an array allocated through copy B lands in copy A's wasm arena", async () => {
      const { A, B, reg, runtime, restore } = await setup();
      try {
        expect(runtime).not.toBeNull();
        expect(B.getTypedAllocator()).toBe(A.getTypedAllocator());
        const b = B.zeros([large], { dtype: 'float64', registry: reg });
        const data = (b.store as import('@dtkit/core').TypedStore).data;
        expect(runtime!.owns(data)).toBe(true);
        expect(data.buffer).toBe(runtime!.memory.buffer);
        expect(B.full([large], 2.5, { dtype: 'float64', registry: reg }).get(large - 1)).toBe(2.5);
      } finally {
        restore();
      }
    });

    it("tidy from copy A releases arrays created through copy B (and hands wasm blocks back)", async () => {
      const { A, B, reg, restore } = await setup();
      try {
        let big: import('@dtkit/core').NDArray | undefined;
        let small: import('@dtkit/core').NDArray | undefined;
        let bigAddress = -1;
        const outside = B.full([large], 1, { dtype: 'float64', registry: reg });
        const kept = A.tidy(() => {
          big = B.full([large], 3, { dtype: 'float64', registry: reg });
          bigAddress = dataOf(big).byteOffset;
          small = B.full([4], 3, { dtype: 'float64', registry: reg });
          return B.full([large], 4, { dtype: 'float64', registry: reg });
        });
        expect(big!.isDisposed).toBe(true);
        expect(small!.isDisposed).toBe(true);
        expect(() => big!.get(0)).toThrow(expect.objectContaining({ code: 'DISPOSED' }));
        expect(kept.isDisposed).toBe(false);
        expect(kept.get(large - 1)).toBe(4);
        expect(outside.isDisposed).toBe(false);
        // The released wasm block went back to the arena: the next allocation of its size reuses it.
        const next = B.zeros([large], { dtype: 'float64', registry: reg });
        expect(dataOf(next).byteOffset).toBe(bigAddress);
        expect(next.get(0)).toBe(0);
      } finally {
        restore();
      }
    });

    it('dispose from copy A releases a copy-B array and its views; tidy from copy B releases copy-A arrays', async () => {
      const { A, B, reg, restore } = await setup();
      try {
        const b = B.full([large], 5, { dtype: 'float64', registry: reg });
        const view = b.reshape([32, 32]).transpose();
        const address = dataOf(b).byteOffset;
        A.dispose(b);
        expect(b.isDisposed).toBe(true);
        expect(view.isDisposed).toBe(true);
        expect(dataOf(B.zeros([large], { dtype: 'float64', registry: reg })).byteOffset).toBe(address);
        let a: import('@dtkit/core').NDArray | undefined;
        B.tidy(() => { a = A.full([large], 6, { dtype: 'float64', registry: reg }); });
        expect(a!.isDisposed).toBe(true);
      } finally {
        restore();
      }
    });
  });
});

