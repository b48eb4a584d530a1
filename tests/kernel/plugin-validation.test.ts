// Plugins and registration arguments are validated before anything changes (issue 19 item 8,
// issue 15): typed errors with stable codes, the registry untouched (snapshot and version).
import { describe, expect, it } from 'vitest';
import * as core from '@dtkit/core';
import {
  createRegistry, defineDType, DTypeError, DTypeFamily, ValueError, type DTypeSpec, type Plugin, type Registry, type TypedStore,
} from '@dtkit/core';
import * as dt from 'dtkit';
import { builtinRegistry, binaryNumberLoop, addOp } from './fixtures/registry-setup.js';
import { registrySnapshot } from './fixtures/registry-snapshot.js';

const spec = (name: string): DTypeSpec => ({
  name,
  kind: 'float',
  storage: { kind: 'typed', type: 'float64' },
  getItem: (_d, s, k) => ((s as TypedStore).data as Float64Array)[k],
  setItem: (_d, s, k, v) => { ((s as TypedStore).data as Float64Array)[k] = v as number; },
});

type ErrorClass = typeof DTypeError | typeof ValueError;

/** Runs `f` against a fresh builtin registry and asserts the error and that nothing changed. */
function expectRejected(f: (r: Registry) => unknown, cls: ErrorClass, code: string): void {
  const r = builtinRegistry();
  const before = registrySnapshot(r);
  const v0 = r.version;
  let err: unknown;
  try { f(r); } catch (e) { err = e; }
  expect(err).toBeInstanceOf(cls);
  expect((err as { code?: string }).code).toBe(code);
  expect(r.version).toBe(v0);
  expect(registrySnapshot(r)).toEqual(before);
}

const never = (x: unknown): never => x as never;
const loop = binaryNumberLoop(addOp);
const f64x3 = ['float64', 'float64', 'float64'];

describe('use() rejects what is not a plugin with DTypeError PLUGIN', () => {
  const notPlugins: [string, unknown][] = [
    ['null', null], ['undefined', undefined], ['42', 42], ['a string', 'float128'], ['{}', {}], ['an array', []],
    ['a function', () => undefined],
    ['no name', { install: () => undefined }],
    ['an empty name', { name: '', install: () => undefined }],
    ['a blank name', { name: '   ', install: () => undefined }],
    ['a numeric name', { name: 42, install: () => undefined }],
    ['no install', { name: 'p' }],
    ['install not a function', { name: 'p', install: 'yes' }],
    ['dependencies not an array', { name: 'p', install: () => undefined, dependencies: 'dep' }],
    ['a dependency that is not a plugin', { name: 'p', install: () => undefined, dependencies: [null] }],
    ['a nameless dependency', { name: 'p', install: () => undefined, dependencies: [{ install: () => undefined }] }],
  ];
  for (const [label, value] of notPlugins) {
    it(`Registry.use(${label})`, () => {
      expectRejected((r) => r.use(never(value)), DTypeError, 'PLUGIN');
    });
  }

  it('core.use and dt.use (the default registry) too, leaving it untouched', () => {
    const before = registrySnapshot(dt.defaultRegistry());
    for (const value of [null, 42, {}, undefined]) {
      expect(() => dt.use(never(value))).toThrow(expect.objectContaining({ name: 'DTypeError', code: 'PLUGIN' }));
      expect(() => core.use(never(value), createRegistry())).toThrow(DTypeError);
    }
    expect(registrySnapshot(dt.defaultRegistry())).toEqual(before);
  });

  it('a dependency that is not a plugin is found before any dependency installs', () => {
    let installed = 0;
    const fine: Plugin = { name: 'fine', install: () => { installed++; } };
    expectRejected((r) => r.use({ name: 'p', dependencies: [fine, never(7)], install: () => undefined }), DTypeError, 'PLUGIN');
    expect(installed).toBe(0);
  });
});

describe('dependency cycles are a DTypeError PLUGIN_CYCLE naming the cycle', () => {
  function cycleError(root: Plugin): DTypeError {
    const r = builtinRegistry();
    const before = registrySnapshot(r, [], ['a', 'b', 'c']);
    let err: unknown;
    try { r.use(root); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(DTypeError);
    expect(registrySnapshot(r, [], ['a', 'b', 'c'])).toEqual(before);
    return err as DTypeError;
  }

  it('a -> b -> c -> a', () => {
    const deps: Plugin[][] = [[], [], []];
    const [a, b, c] = ['a', 'b', 'c'].map((name, i) => ({ name, install: () => undefined, dependencies: deps[i] }));
    deps[0]!.push(b!);
    deps[1]!.push(c!);
    deps[2]!.push(a!);
    const err = cycleError(a!);
    expect(err.code).toBe('PLUGIN_CYCLE');
    expect(err.message).toBe('plugin dependency cycle: a -> b -> c -> a');
  });

  it('a plugin depending on itself', () => {
    const deps: Plugin[] = [];
    const a: Plugin = { name: 'a', install: () => undefined, dependencies: deps };
    deps.push(a);
    const err = cycleError(a);
    expect(err.code).toBe('PLUGIN_CYCLE');
    expect(err.message).toBe('plugin dependency cycle: a -> a');
  });

  it('a cycle through install-time use()', () => {
    const b: Plugin = { name: 'b', install: (r) => { r.use(a); } };
    const a: Plugin = { name: 'a', install: (r) => { r.use(b); } };
    const err = cycleError(a);
    expect(err.code).toBe('PLUGIN_CYCLE');
    expect(err.message).toBe('plugin dependency cycle: a -> b -> a');
  });

  it('a diamond is not a cycle: the shared dependency installs once', () => {
    let n = 0;
    const d: Plugin = { name: 'd', install: () => { n++; } };
    const b: Plugin = { name: 'b', install: () => undefined, dependencies: [d] };
    const c: Plugin = { name: 'c', install: () => undefined, dependencies: [d] };
    const r = createRegistry().use({ name: 'a', install: () => undefined, dependencies: [b, c] });
    expect(n).toBe(1);
    expect(['a', 'b', 'c', 'd'].map((x) => r.hasPlugin(x))).toEqual([true, true, true, true]);
  });

  it('another plugin with the name of one being installed is a PLUGIN_CLASH', () => {
    const impostor: Plugin = { name: 'a', install: () => undefined };
    const a: Plugin = { name: 'a', install: () => undefined, dependencies: [impostor] };
    const r = builtinRegistry();
    const before = registrySnapshot(r, [], ['a']);
    expect(() => r.use(a)).toThrow(expect.objectContaining({ name: 'DTypeError', code: 'PLUGIN_CLASH' }));
    expect(registrySnapshot(r, [], ['a'])).toEqual(before);
  });
});

describe('addDType accepts only real families with valid names', () => {
  it('plain objects and descriptors are DTYPE_FAMILY', () => {
    expectRejected((r) => r.addDType(never({ name: 'fake', kind: 'float' })), DTypeError, 'DTYPE_FAMILY');
    expectRejected((r) => r.addDType(never({ [Symbol.for('dtkit.dtypeFamily')]: true, name: 'forged' })), DTypeError, 'DTYPE_FAMILY');
    expectRejected((r) => r.addDType(never(r.dtype('float64'))), DTypeError, 'DTYPE_FAMILY');
    expectRejected((r) => r.addDType(never(null)), DTypeError, 'DTYPE_FAMILY');
  });

  for (const name of ['undefined', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'null', 'NaN', 'prototype']) {
    it(`a family named '${name}' is DTYPE_NAME`, () => {
      expectRejected((r) => r.addDType(defineDType(spec(name))), DTypeError, 'DTYPE_NAME');
    });
  }

  it('numeric and non-identifier names are DTYPE_NAME (families built around defineDType)', () => {
    for (const name of [42, '42', '', 'a b', 'x[1]', undefined]) {
      expectRejected((r) => r.addDType(new DTypeFamily(spec(never(name)))), DTypeError, 'DTYPE_NAME');
    }
  });

  it('valid names still register', () => {
    const r = createRegistry();
    const fam = defineDType(spec('_my_dtype2'));
    expect(r.addDType(fam)).toBe(fam);
    expect(r.dtype('_my_dtype2')).toBe(fam.default);
  });
});

describe('registration arguments', () => {
  it('family references must be families, descriptors or registered names', () => {
    expectRejected((r) => r.registerLoop('add', { dtypes: [never({ name: 'float64' }), 'float64', 'float64'], loop }), DTypeError, 'DTYPE_FAMILY');
    expectRejected((r) => r.registerLoop('add', { dtypes: ['float64', never(null), 'float64'], loop }), DTypeError, 'DTYPE_FAMILY');
    expectRejected((r) => r.registerLoop('add', { dtypes: ['float64', 'float64', 'undefined'], loop }), DTypeError, 'DTYPE_UNKNOWN');
    expectRejected((r) => r.registerCast({ from: never(3), to: 'float64', casting: 'safe', loop }), DTypeError, 'DTYPE_FAMILY');
    expectRejected((r) => r.registerArgLoop({ dtype: never({}), kind: 'argmax', loop: () => 0 }), DTypeError, 'DTYPE_FAMILY');
    expectRejected((r) => r.registerPromoter('add', [never(1), null], () => undefined), DTypeError, 'DTYPE_FAMILY');
  });

  it('loop dtypes lists: an array of the right length', () => {
    expectRejected((r) => r.registerLoop('add', { dtypes: never('float64'), loop }), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerLoop('add', { dtypes: never(undefined), loop }), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerLoop('add', { dtypes: ['float64', 'float64'], loop }), ValueError, 'VALUE');
    expectRejected((r) => r.registerWrappingLoop('add', { dtypes: never({}), unwrap: (g) => g, rewrap: (w) => w }), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerLoop('add', never(null)), ValueError, 'REGISTRATION');
  });

  it('loops, promoters and wrapping loops need functions', () => {
    expectRejected((r) => r.registerLoop('add', { dtypes: f64x3 }), ValueError, 'VALUE');
    expectRejected((r) => r.registerLoop('add', { dtypes: f64x3, loop: never(5) }), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerLoop('add', { dtypes: f64x3, loop, reduceLoop: never('fast') }), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerPromoter('add', [null, null], never(null)), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerWrappingLoop('add', { dtypes: f64x3, unwrap: never(undefined), rewrap: (w) => w }), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerCast({ from: 'float64', to: 'int8', casting: 'unsafe', loop: never({}) }), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerCastLoop('float64', 'int8', 'js', never(0)), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerArgLoop({ dtype: 'float64', kind: never('argfoo'), loop: () => 0 }), ValueError, 'REGISTRATION');
  });

  it('promoter patterns: 1 to nin + nout entries', () => {
    expectRejected((r) => r.registerPromoter('add', [], () => undefined), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerPromoter('add', [null, null, null, null], () => undefined), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerPromoter('add', never('float64'), () => undefined), ValueError, 'REGISTRATION');
  });

  it('cast levels are one of the five, not prototype keys', () => {
    for (const casting of ['toString', '__proto__', 'constructor', 'bogus', undefined]) {
      expectRejected((r) => r.registerCast({ from: 'float64', to: 'int8', casting: never(casting), loop }), ValueError, 'REGISTRATION');
    }
  });

  it('ufunc names must be known; loops for unknown or non-string ufuncs are UFUNC_UNKNOWN', () => {
    for (const u of ['nosuch', '__proto__', 'constructor', 42, null, {}, { name: 7 }]) {
      expectRejected((r) => r.registerLoop(never(u), { dtypes: f64x3, loop }), DTypeError, 'UFUNC_UNKNOWN');
    }
    expectRejected((r) => r.registerPromoter('toString', [null], () => undefined), DTypeError, 'UFUNC_UNKNOWN');
    expectRejected((r) => r.registerWrappingLoop('nosuch', { dtypes: f64x3, unwrap: (g) => g, rewrap: (w) => w }), DTypeError, 'UFUNC_UNKNOWN');
  });

  it('defineUfunc: identifier names, integer nin/nout from 1', () => {
    for (const name of ['__proto__', 'constructor', 'undefined', '', 'a-b', 3]) {
      expectRejected((r) => r.defineUfunc({ name: never(name), nin: 1, nout: 1 }), DTypeError, 'UFUNC_NAME');
    }
    for (const [nin, nout] of [[0, 1], [1, 0], [1.5, 1], [NaN, 1], [1, '1'], [1e9, 1]]) {
      expectRejected((r) => r.defineUfunc({ name: 'fresh', nin: never(nin), nout: never(nout) }), ValueError, 'REGISTRATION');
    }
    expectRejected((r) => r.defineUfunc(never(null)), ValueError, 'REGISTRATION');
  });

  it('backends: valid names, an array of devices, an available() function', () => {
    expectRejected((r) => r.registerBackend({ name: '__proto__', devices: ['cpu'], available: () => true }), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerBackend({ name: never(1), devices: ['cpu'], available: () => true }), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerBackend({ name: 'fast', devices: never('cpu'), available: () => true }), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerBackend({ name: 'fast', devices: ['cpu'], available: never(true) }), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerLoop('add', { dtypes: f64x3, loop, backend: never(7) }), ValueError, 'REGISTRATION');
    expectRejected((r) => r.registerCastLoop('float64', 'int8', 'constructor', loop), ValueError, 'REGISTRATION');
  });

  it('setBackendPreference / forbidBackends take arrays of backend names', () => {
    expectRejected((r) => r.setBackendPreference(never('wasm')), ValueError, 'REGISTRATION');
    expectRejected((r) => r.setBackendPreference(never([1])), ValueError, 'REGISTRATION');
    expectRejected((r) => r.setBackendPreference(never(null)), ValueError, 'REGISTRATION');
    expectRejected((r) => r.forbidBackends(never('wasm')), ValueError, 'REGISTRATION');
    expectRejected((r) => r.forbidBackends(never([{}])), ValueError, 'REGISTRATION');
    const r = builtinRegistry();
    r.setBackendPreference(['wasm-threads', 'js']); // unknown names are allowed (registered later)
    expect(r.backendsFor('cpu')).toEqual(['js']);
  });

  it('a valid registration after rejected ones works', () => {
    const r = builtinRegistry();
    expect(() => r.registerLoop('add', { dtypes: f64x3, loop: never(5) })).toThrow(ValueError);
    r.registerLoop('add', { dtypes: f64x3, loop });
    const x = core.array([1, 2], { dtype: 'float64', registry: r });
    expect(dt.add(x, x).toArray()).toEqual([2, 4]);
  });
});
