import { describe, expect, it } from 'vitest';
import { array, createRegistry, defineDType, DTypeError, NoLoopError, type Plugin, type Registry, type TypedStore } from '@dtkit/core';
import { add, catalogPlugin, multiply } from '@dtkit/ufunc-registry';
import { binaryNumberLoop, builtinRegistry, addOp } from './fixtures/registry-setup.js';

function counterPlugin(name: string, counter: { n: number }, deps: readonly Plugin[] = []): Plugin {
  return { name, dependencies: deps, install: () => { counter.n++; } };
}

function errorOf(f: () => unknown): DTypeError & { code: string } {
  try { f(); } catch (e) { return e as DTypeError; }
  throw new Error('expected a throw');
}

function f64(r: Registry, v: number[]) {
  return array(v, { dtype: 'float64', registry: r });
}

describe('plugins', () => {
  it('use(plugin) is idempotent and installs dependencies once', () => {
    const r = createRegistry();
    const depCount = { n: 0 };
    const count = { n: 0 };
    const dep = counterPlugin('dep', depCount);
    const p = counterPlugin('main', count, [dep]);
    expect(r.use(p)).toBe(r);
    r.use(p).use(dep);
    expect(count.n).toBe(1);
    expect(depCount.n).toBe(1);
    expect(r.hasPlugin('main') && r.hasPlugin('dep')).toBe(true);
  });

  it('a different plugin with the same name is a PLUGIN_CLASH', () => {
    const r = createRegistry();
    r.use(counterPlugin('same', { n: 0 }));
    const e = errorOf(() => r.use(counterPlugin('same', { n: 0 })));
    expect(e).toBeInstanceOf(DTypeError);
    expect(e.code).toBe('PLUGIN_CLASH');
  });

  it('a plugin whose install throws is not recorded as installed', () => {
    const r = createRegistry();
    const bad: Plugin = { name: 'bad', install: () => { throw new DTypeError('boom', 'BOOM'); } };
    expect(() => r.use(bad)).toThrow(expect.objectContaining({ code: 'BOOM' }));
    expect(r.hasPlugin('bad')).toBe(false);
  });
});

const spec = {
  kind: 'float' as const,
  storage: { kind: 'typed' as const, type: 'float64' as const },
  getItem: (_d: unknown, s: unknown, k: number) => ((s as TypedStore).data as Float64Array)[k],
  setItem: (_d: unknown, s: unknown, k: number, v: unknown) => { ((s as TypedStore).data as Float64Array)[k] = v as number; },
};

describe('dtype and loop registration clashes', () => {
  it('same family twice is a no-op; another family with a taken name is DTYPE_CLASH', () => {
    const r = createRegistry();
    const a = defineDType({ name: 'thing', ...spec });
    expect(r.addDType(a)).toBe(a);
    expect(r.addDType(a)).toBe(a);
    const e = errorOf(() => r.addDType(defineDType({ name: 'thing', ...spec })));
    expect(e).toBeInstanceOf(DTypeError);
    expect(e.code).toBe('DTYPE_CLASH');
    expect(r.family('thing')).toBe(a);
  });

  it('a second loop for the same ufunc, families and backend is LOOP_CLASH (another backend is fine)', () => {
    const r = builtinRegistry();
    const loop = binaryNumberLoop(addOp);
    r.registerLoop('add', { dtypes: ['float64', 'float64', 'float64'], loop });
    const e = errorOf(() => r.registerLoop('add', { dtypes: ['float64', 'float64', 'float64'], loop }));
    expect(e).toBeInstanceOf(DTypeError);
    expect(e.code).toBe('LOOP_CLASH');
    r.registerBackend({ name: 'fast', devices: ['cpu'], available: () => true });
    expect(() => r.registerLoop('add', { dtypes: ['float64', 'float64', 'float64'], loop, backend: 'fast' })).not.toThrow();
    expect(r.loops.get('add')!.map((l) => l.backendName)).toEqual(['js', 'fast']);
  });

  it('loop registration validates arity and the ufunc name', () => {
    const r = builtinRegistry();
    const loop = binaryNumberLoop(addOp);
    expect(() => r.registerLoop('add', { dtypes: ['float64', 'float64'], loop })).toThrow(expect.objectContaining({ code: 'VALUE' }));
    expect(() => r.registerLoop('nosuch', { dtypes: ['float64'], loop })).toThrow(expect.objectContaining({ code: 'UFUNC_UNKNOWN' }));
    expect(() => r.registerLoop('add', { dtypes: ['float64', 'float64', 'nosuch'], loop })).toThrow(expect.objectContaining({ code: 'DTYPE_UNKNOWN' }));
  });
});

describe('promoters', () => {
  function promoReg(): Registry {
    const r = builtinRegistry();
    r.registerLoop('add', { dtypes: ['float64', 'float64', 'float64'], loop: binaryNumberLoop(addOp) });
    r.registerLoop('add', { dtypes: ['float32', 'float32', 'float32'], loop: binaryNumberLoop(addOp) });
    return r;
  }
  const i8 = (r: Registry) => array([1, 2], { dtype: 'int8', registry: r });
  const f32 = (r: Registry) => array([0.5, 0.25], { dtype: 'float32', registry: r });

  it('without a promoter, the default promoter uses the common dtype (int8+float32 → float32)', () => {
    const r = promoReg();
    const s = add(i8(r), f32(r));
    expect(s.dtype.name).toBe('float32');
    expect(s.toArray()).toEqual([1.5, 2.25]);
  });

  it('a matching promoter overrides the default; the most specific pattern wins', () => {
    const r = promoReg();
    const F = (n: string) => r.family(n);
    r.registerPromoter('add', [F('int8'), null], () => [F('float64'), F('float64'), F('float64')]);
    expect(add(i8(r), f32(r)).dtype.name).toBe('float64');
    r.registerPromoter('add', [F('int8'), F('float32')], () => [F('float32'), F('float32'), F('float32')]);
    expect(add(i8(r), f32(r)).dtype.name).toBe('float32');
    // the less specific one still serves other signatures
    expect(add(i8(r), array([1], { dtype: 'int16', registry: r })).dtype.name).toBe('float64');
  });

  it('a promoter returning undefined declines', () => {
    const r = promoReg();
    r.registerPromoter('add', [null, null], () => undefined);
    expect(add(i8(r), f32(r)).dtype.name).toBe('float32');
  });

  it('two equally specific promoters that disagree are a PROMOTER_TIE', () => {
    const r = promoReg();
    const F = (n: string) => r.family(n);
    r.registerPromoter('add', [F('int8'), null], () => [F('float64'), F('float64'), F('float64')]);
    r.registerPromoter('add', [null, F('float32')], () => [F('float32'), F('float32'), F('float32')]);
    const e = errorOf(() => add(i8(r), f32(r)));
    expect(e).toBeInstanceOf(DTypeError);
    expect(e.code).toBe('PROMOTER_TIE');
    expect(e.message).toContain('add(int8, float32)');
  });

  it('two equally specific promoters that agree are fine', () => {
    const r = promoReg();
    const F = (n: string) => r.family(n);
    r.registerPromoter('add', [F('int8'), null], () => [F('float64'), F('float64'), F('float64')]);
    r.registerPromoter('add', [null, F('float32')], () => [F('float64'), F('float64'), F('float64')]);
    expect(add(i8(r), f32(r)).dtype.name).toBe('float64');
  });
});

describe('NoLoopError and the dispatch cache', () => {
  it('the message lists dtypes, backend and what is registered', () => {
    const r = builtinRegistry();
    r.registerLoop('add', { dtypes: ['float64', 'float64', 'float64'], loop: binaryNumberLoop(addOp) });
    const a = array([1, 2], { dtype: 'int8', registry: r });
    let err: unknown;
    try { add(a, a); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(NoLoopError);
    expect((err as NoLoopError).code).toBe('NO_LOOP');
    expect((err as NoLoopError).message).toBe("no loop for ufunc 'add' with dtypes (int8, int8) on backend js; registered: js:(float64,float64,float64)");
  });

  it('a call that failed works after the loop is registered (cache invalidated)', () => {
    const r = builtinRegistry();
    const a = array([1, 2], { dtype: 'int32', registry: r });
    expect(() => multiply(a, a)).toThrow(NoLoopError);
    const v0 = r.version;
    r.registerLoop('multiply', { dtypes: ['int32', 'int32', 'int32'], loop: binaryNumberLoop((x, y) => Math.imul(x, y)) });
    expect(r.version).toBeGreaterThan(v0);
    const p = multiply(a, a);
    expect(p.dtype.name).toBe('int32');
    expect(p.toArray()).toEqual([1, 4]);
  });

  it('a cached exact loop is superseded by a promoter registered later', () => {
    const r = builtinRegistry();
    r.registerLoop('add', { dtypes: ['float64', 'float64', 'float64'], loop: binaryNumberLoop(addOp) });
    r.registerLoop('add', { dtypes: ['float32', 'float32', 'float32'], loop: binaryNumberLoop(addOp) });
    const a = array([1], { dtype: 'int16', registry: r });
    const b = array([1], { dtype: 'float32', registry: r });
    expect(add(a, b).dtype.name).toBe('float32');
    r.registerPromoter('add', [r.family('int16'), r.family('float32')], () => [r.family('float64'), r.family('float64'), r.family('float64')]);
    expect(add(a, b).dtype.name).toBe('float64');
  });
});

describe('backend preference', () => {
  function backendReg(): Registry {
    const r = builtinRegistry();
    r.registerBackend({ name: 'fast', devices: ['cpu'], available: () => true });
    r.registerLoop('add', { dtypes: ['float64', 'float64', 'float64'], loop: binaryNumberLoop(addOp) });
    // the 'fast' loop is recognisable: it adds 1000
    r.registerLoop('add', { dtypes: ['float64', 'float64', 'float64'], backend: 'fast', loop: binaryNumberLoop((x, y) => x + y + 1000) });
    return r;
  }

  it('an unlisted backend is not used by default', () => {
    const r = backendReg();
    expect(r.backendsFor('cpu')).toEqual(['js']);
    expect(add(f64(r, [1]), f64(r, [2])).toArray()).toEqual([3]);
  });

  it('the preferred backend wins when it has a loop', () => {
    const r = backendReg();
    r.setBackendPreference(['fast', 'js']);
    expect(r.backendsFor('cpu')).toEqual(['fast', 'js']);
    expect(add(f64(r, [1]), f64(r, [2])).toArray()).toEqual([1003]);
  });

  it("setBackendPreference(['js']) and forbidBackends(['fast']) select the js loop", () => {
    const r = backendReg();
    r.setBackendPreference(['fast', 'js']);
    expect(add(f64(r, [1]), f64(r, [2])).toArray()).toEqual([1003]);
    r.forbidBackends(['fast']);
    expect(r.backendsFor('cpu')).toEqual(['js']);
    expect(add(f64(r, [1]), f64(r, [2])).toArray()).toEqual([3]);
    r.forbidBackends([]);
    expect(add(f64(r, [1]), f64(r, [2])).toArray()).toEqual([1003]);
    r.setBackendPreference(['js']);
    expect(add(f64(r, [1]), f64(r, [2])).toArray()).toEqual([3]);
  });

  it('an unavailable backend is skipped; falls back to the next with a loop', () => {
    const r = builtinRegistry();
    r.registerBackend({ name: 'gone', devices: ['cpu'], available: () => false });
    r.registerBackend({ name: 'fast', devices: ['cpu'], available: () => true });
    r.registerLoop('add', { dtypes: ['float64', 'float64', 'float64'], backend: 'gone', loop: binaryNumberLoop(() => -1) });
    r.registerLoop('add', { dtypes: ['float64', 'float64', 'float64'], backend: 'fast', loop: binaryNumberLoop((x, y) => x + y + 1000) });
    r.setBackendPreference(['gone', 'fast', 'js']);
    expect(r.backendsFor('cpu')).toEqual(['fast', 'js']);
    expect(add(f64(r, [1]), f64(r, [2])).toArray()).toEqual([1003]);
    // preferred backend without a loop for this signature falls through to js
    r.registerLoop('add', { dtypes: ['int8', 'int8', 'int8'], loop: binaryNumberLoop(addOp) });
    const i = array([1, 2], { dtype: 'int8', registry: r });
    expect(add(i, i).toArray()).toEqual([2, 4]);
  });

  it('the catalog plugin defines each ufunc once per registry', () => {
    const r = createRegistry().use(catalogPlugin);
    expect(r.ufuncSpecs.get('add')).toEqual({ name: 'add', nin: 2, nout: 1, identity: 0 });
    expect(() => r.defineUfunc({ name: 'add', nin: 1, nout: 1 })).toThrow(expect.objectContaining({ code: 'UFUNC_CLASH' }));
  });
});
