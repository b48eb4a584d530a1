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

  it('errors carry a stable code across copies', async () => {
    const A = await freshCore();
    const B = await freshCore();
    let err: unknown;
    try { A.createRegistry().dtype('nope'); } catch (e) { err = e; }
    expect(err instanceof B.DTKitError).toBe(false);
    expect(err instanceof A.DTKitError).toBe(true);
    expect((err as { code: string }).code).toBe('DTYPE_UNKNOWN');
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
});
