// use() is a transaction (issue 19 item 8, issue 15): a plugin whose install throws midway
// leaves the registry exactly as it was, dependencies, backend preference and forbidden set included.
import { describe, expect, it } from 'vitest';
import {
  array, createRegistry, defineDType, DTypeError, type DTypeFamily, type Plugin, type Registry, type StridedLoop, type TypedStore,
} from '@dtkit/core';
import { add } from '@dtkit/ufunc-registry';
import { plugin as builtins } from '@dtkit/dtypes';
import { registrySnapshot } from './fixtures/registry-snapshot.js';

function family(name: string): DTypeFamily {
  return defineDType({
    name,
    kind: 'float',
    storage: { kind: 'typed', type: 'float64' },
    getItem: (_d, s, k) => ((s as TypedStore).data as Float64Array)[k],
    setItem: (_d, s, k, v) => { ((s as TypedStore).data as Float64Array)[k] = v as number; },
  });
}

const fill = (v: number): StridedLoop => (n, d, o, s) => {
  for (let i = 0; i < n; i++) (d[d.length - 1] as Float64Array)[o[d.length - 1]! + i * s[d.length - 1]!] = v;
};

function errorOf(f: () => unknown): unknown {
  try { f(); } catch (e) { return e; }
  throw new Error('expected a throw');
}

/** A registry with the builtins (JS and, where available, wasm loops). */
function builtinsRegistry(): Registry {
  return createRegistry().use(builtins);
}

const boom = (): never => { throw new DTypeError('boom', 'BOOM'); };

/** A dependency that registers a family, a ufunc, its loop and changes the backend preference. */
function depPlugin(dep: DTypeFamily): Plugin {
  return {
    name: 'dep',
    install(r) {
      r.addDType(dep);
      r.defineUfunc({ name: 'twist', nin: 1, nout: 1 });
      r.registerLoop('twist', { dtypes: [dep, dep], loop: fill(5) });
      r.setBackendPreference(['js']);
    },
  };
}

/** Touches every kind of registration, installs a nested plugin, then throws. */
function kitchenSink(fam: DTypeFamily, dep: DTypeFamily, nested: DTypeFamily, onLast: () => void): Plugin {
  const inner: Plugin = { name: 'inner', install: (r) => { r.addDType(nested); r.forbidBackends(['wasm']); } };
  return {
    name: 'sink',
    dependencies: [depPlugin(dep)],
    install(r) {
      r.addDType(fam);
      r.registerCast({ from: fam, to: 'float64', casting: 'safe', loop: fill(1) });
      r.registerCast({ from: 'float64', to: fam, casting: 'same_kind', loop: fill(2) });
      r.registerBackend({ name: 'fast', devices: ['cpu', 'gpu'], available: () => true });
      r.registerBackend({ name: 'js', devices: ['cpu', 'gpu'], available: () => true }); // replaces the builtin one
      r.registerCastLoop(fam, 'float64', 'fast', fill(3));
      r.registerCastLoop('float64', 'float64', 'fast', fill(4)); // a new backend on an existing pair
      r.defineUfunc({ name: 'sink_op', nin: 2, nout: 1 });
      r.registerLoop('sink_op', { dtypes: [fam, fam, fam], loop: fill(6) });
      r.registerLoop('add', { dtypes: [fam, fam, fam], loop: fill(7) }); // onto an existing list
      r.registerLoop('add', { dtypes: ['float64', 'float64', 'float64'], backend: 'fast', loop: fill(8) });
      r.registerPromoter('add', [fam, null], () => [fam, fam, fam]);
      r.registerPromoter('sink_op', [fam], () => [fam, fam, fam]);
      r.registerWrappingLoop('multiply', { dtypes: [fam, fam, fam], unwrap: (g) => g, rewrap: (w) => w });
      r.registerArgLoop({ dtype: fam, kind: 'argmax', loop: () => 0 });
      r.use(inner);
      r.setBackendPreference(['fast', 'wasm', 'js']);
      r.forbidBackends(['js']);
      onLast();
    },
  };
}

describe('a plugin whose install throws midway', () => {
  it('leaves every queryable part of the registry as it was, dependencies included', () => {
    const r = builtinsRegistry();
    const [fam, dep, nested] = [family('sink_t'), family('dep_t'), family('inner_t')];
    const probe = [fam, dep, nested, r.family('float64'), r.family('int32')];
    const names = ['sink', 'dep', 'inner', '@dtkit/dtypes'];
    const before = registrySnapshot(r, probe, names);
    const v0 = r.version;
    const err = errorOf(() => r.use(kitchenSink(fam, dep, nested, boom)));
    expect(err).toBeInstanceOf(DTypeError);
    expect((err as DTypeError).code).toBe('BOOM');
    expect(registrySnapshot(r, probe, names)).toEqual(before);
    expect(r.version).toBeGreaterThan(v0); // caches were invalidated
    expect(() => r.dtype('sink_t')).toThrow(expect.objectContaining({ code: 'DTYPE_UNKNOWN' }));
    expect(() => r.dtype('dep_t')).toThrow(expect.objectContaining({ code: 'DTYPE_UNKNOWN' }));
  });

  it('dispatch still works afterwards: the builtin loops, backends and casts are back', () => {
    const r = builtinsRegistry();
    const backendsBefore = r.backendsFor('cpu');
    const x = array([1, 2, 3], { dtype: 'float64', registry: r });
    expect(add(x, x).toArray()).toEqual([2, 4, 6]); // fills the dispatch cache
    expect(() => r.use(kitchenSink(family('sink_t'), family('dep_t'), family('inner_t'), boom))).toThrow(expect.objectContaining({ code: 'BOOM' }));
    expect(r.backendsFor('cpu')).toEqual(backendsBefore);
    expect(add(x, x).toArray()).toEqual([2, 4, 6]);
    const big = array(Array.from({ length: 1000 }, (_, i) => i), { dtype: 'float64', registry: r });
    expect(add(big, 1).get(999)).toBe(1000);
    expect(x.astype('int32').toArray()).toEqual([1, 2, 3]);
  });

  it('can be retried: the same plugins install cleanly once install stops throwing', () => {
    const r = builtinsRegistry();
    const [fam, dep, nested] = [family('sink_t'), family('dep_t'), family('inner_t')];
    let fail = true;
    const sink = kitchenSink(fam, dep, nested, () => { if (fail) boom(); });
    expect(() => r.use(sink)).toThrow(expect.objectContaining({ code: 'BOOM' }));
    expect(() => r.use(sink)).toThrow(expect.objectContaining({ code: 'BOOM' })); // not recorded as installed
    fail = false;
    r.use(sink);
    expect(['sink', 'dep', 'inner'].map((n) => r.hasPlugin(n))).toEqual([true, true, true]);
    expect(r.backendsFor('cpu')[0]).toBe('fast'); // its preference, with 'js' forbidden
    expect(r.backendsFor('cpu')).not.toContain('js');
    r.forbidBackends([]);
    const a = array([1, 2], { dtype: fam, registry: r });
    expect(add(a, a).toArray()).toEqual([7, 7]);
  });

  it('a registration error midway (LOOP_CLASH) rolls back the same way', () => {
    const r = builtinsRegistry();
    const fam = family('clashy');
    const before = registrySnapshot(r, [fam], ['clashy']);
    const clashy: Plugin = {
      name: 'clashy',
      install(reg) {
        reg.addDType(fam);
        reg.setBackendPreference(['js']);
        reg.registerLoop('add', { dtypes: [fam, fam, fam], loop: fill(1) });
        reg.registerLoop('add', { dtypes: [fam, fam, fam], loop: fill(2) });
      },
    };
    expect(() => r.use(clashy)).toThrow(expect.objectContaining({ name: 'DTypeError', code: 'LOOP_CLASH' }));
    expect(registrySnapshot(r, [fam], ['clashy'])).toEqual(before);
  });

  it('a failing dependency rolls back the dependencies installed before it', () => {
    const r = builtinsRegistry();
    const first = family('first_t');
    const ok: Plugin = { name: 'ok', install: (reg) => { reg.addDType(first); reg.forbidBackends(['wasm']); } };
    const bad: Plugin = { name: 'bad', install: boom };
    const main: Plugin = { name: 'main', dependencies: [ok, bad], install: () => undefined };
    const before = registrySnapshot(r, [first], ['ok', 'bad', 'main']);
    expect(() => r.use(main)).toThrow(expect.objectContaining({ code: 'BOOM' }));
    expect(registrySnapshot(r, [first], ['ok', 'bad', 'main'])).toEqual(before);
    expect(r.hasPlugin('ok')).toBe(false);
  });

  it('an outer install that catches a nested failure keeps its own work, not the nested plugin\'s', () => {
    const r = builtinsRegistry();
    const [outerFam, innerFam] = [family('outer_t'), family('nested_t')];
    const failing: Plugin = { name: 'failing', install: (reg) => { reg.addDType(innerFam); reg.setBackendPreference([]); boom(); } };
    const outer: Plugin = {
      name: 'outer',
      install(reg) {
        reg.addDType(outerFam);
        try { reg.use(failing); } catch { /* optional extra: skipped */ }
      },
    };
    const order = r.backendsFor('cpu');
    r.use(outer);
    expect(r.families.get('outer_t')).toBe(outerFam);
    expect(r.families.has('nested_t')).toBe(false);
    expect(r.hasPlugin('failing')).toBe(false);
    expect(r.backendsFor('cpu')).toEqual(order);
  });

  it('an outer install that fails after a nested use succeeded rolls the nested plugin back too', () => {
    const r = builtinsRegistry();
    const innerFam = family('nested_t');
    const nested: Plugin = { name: 'nested', install: (reg) => { reg.addDType(innerFam); } };
    const outer: Plugin = { name: 'outer', install: (reg) => { reg.use(nested); boom(); } };
    const before = registrySnapshot(r, [innerFam], ['nested', 'outer']);
    expect(() => r.use(outer)).toThrow(expect.objectContaining({ code: 'BOOM' }));
    expect(registrySnapshot(r, [innerFam], ['nested', 'outer'])).toEqual(before);
  });
});
