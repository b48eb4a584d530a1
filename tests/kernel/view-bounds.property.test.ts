// Issue 19, property test: random chains of slice / reshape / transpose / constructor calls, with
// valid and invalid arguments, on arrays of several dtypes (1, 2 and 4 lanes, a composite). Each
// call either throws a typed error or gives a view whose every reachable element lies inside its
// store; slices with valid specs also match an independent Python-semantics reference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as dt from 'dtkit';
import { DTKitError, NDArray, type DType, type Registry, type Store } from '@dtkit/core';
import { plugin as quad, float128 } from '@dtkit/float128';
import { builtinRegistry } from './fixtures/registry-setup.js';
import { intervalPlugin } from './fixtures/interval-dtype.js';

dt.use(quad);
const intervalRegistry = builtinRegistry().use(intervalPlugin);

const TYPED_CODES = new Set(['SLICE', 'INDEX', 'INDEX_COUNT', 'SHAPE', 'STRIDES', 'VIEW_BOUNDS', 'AXES', 'AXIS']);

/** Elements a store holds, computed here independently of the kernel. */
function storeElements(store: Store, dtype: DType): number {
  if (store.kind === 'typed') return Math.floor(store.data.length / ((dtype.storage.kind === 'typed' && dtype.storage.lanes) || 1));
  if (store.kind === 'bitmap') return store.length;
  return Math.min(...Object.values(store.parts).map((p) => (p.kind === 'typed' ? p.data.length : p.kind === 'bitmap' ? p.length : Infinity)));
}

/** Store element index of every element, as nested arrays (what the view reaches). */
function indexTree(v: NDArray): unknown {
  const walk = (dim: number, k: number): unknown => {
    if (dim === v.ndim) return k;
    return Array.from({ length: v.shape[dim]! }, (_, i) => walk(dim + 1, k + i * v.strides[dim]!));
  };
  return walk(0, v.offset);
}

function expectInside(v: NDArray): void {
  const n = storeElements(v.store, v.dtype);
  for (const d of v.shape) expect(Number.isSafeInteger(d) && d >= 0).toBe(true);
  for (const s of v.strides) expect(Number.isSafeInteger(s)).toBe(true);
  expect(Number.isSafeInteger(v.offset)).toBe(true);
  if (v.size === 0) return;
  const all = [indexTree(v)].flat(64) as number[];
  for (const k of all) {
    if (!(k >= 0 && k < n)) expect.fail(`element index ${k} outside a store of ${n} (shape ${v.shape}, strides ${v.strides}, offset ${v.offset})`);
  }
}

function expectTyped(e: unknown): void {
  if (!(e instanceof DTKitError)) throw e;
  expect(TYPED_CODES).toContain(e.code);
}

// --- an independent reference for valid slice specs (Python's slice.indices) ---

type Axis = { index: number } | { start: number | null; stop: number | null; step: number | null };

function referenceAxis(spec: unknown): Axis | undefined {
  const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  const bound = (x: unknown): number | null | undefined => (x === null || x === undefined ? null : isInt(x) ? x : undefined);
  if (isInt(spec)) return { index: spec };
  if (spec === null) return { start: null, stop: null, step: null };
  if (typeof spec === 'string') {
    const parts = spec.split(':');
    if (parts.length < 2 || parts.length > 3) return undefined;
    const nums = parts.map((p) => (p.trim() === '' ? null : /^[+-]?[0-9]+$/.test(p.trim()) ? Number(p.trim()) : undefined));
    if (nums.includes(undefined)) return undefined;
    return { start: nums[0]!, stop: nums[1]!, step: nums[2] ?? null };
  }
  if (Array.isArray(spec) && spec.length >= 1 && spec.length <= 3) {
    const [a, b, c] = [bound(spec[0]), bound(spec[1]), bound(spec[2])];
    if (a === undefined || b === undefined || c === undefined) return undefined;
    return { start: a, stop: b, step: c };
  }
  return undefined;
}

function referencePositions(ax: Axis, n: number): number[] | number | undefined {
  if ('index' in ax) return ax.index >= -n && ax.index < n ? (ax.index + n) % n : undefined;
  const step = ax.step ?? 1;
  if (step === 0) return undefined;
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  const norm = (v: number | null, dflt: number, lo: number, hi: number) => (v === null ? dflt : clamp(v < 0 ? v + n : v, lo, hi));
  const out: number[] = [];
  if (step > 0) for (let i = norm(ax.start, 0, 0, n), stop = norm(ax.stop, n, 0, n); i < stop; i += step) out.push(i);
  else for (let i = norm(ax.start, n - 1, -1, n - 1), stop = norm(ax.stop, -1, -1, n - 1); i > stop; i += step) out.push(i);
  return out;
}

/** The expected index tree of `v.slice(...specs)`, or undefined when the specs are invalid. */
function referenceSlice(v: NDArray, specs: readonly unknown[]): unknown {
  if (specs.length > v.ndim) return undefined;
  const picks: (number[] | number)[] = [];
  for (let d = 0; d < v.ndim; d++) {
    const ax = d < specs.length ? referenceAxis(specs[d]) : { start: null, stop: null, step: null };
    if (ax === undefined) return undefined;
    const p = referencePositions(ax, v.shape[d]!);
    if (p === undefined) return undefined;
    picks.push(p);
  }
  const walk = (d: number, k: number): unknown => {
    if (d === v.ndim) return k;
    const p = picks[d]!;
    return typeof p === 'number' ? walk(d + 1, k + p * v.strides[d]!) : p.map((i) => walk(d + 1, k + i * v.strides[d]!));
  };
  return walk(0, v.offset);
}

// --- arbitraries ---

const JUNK = [true, false, {}, 3n, NaN, 1.5, -0.5, Infinity, undefined, 'a:b', '1.5:', '0x2:', ':::', [1.5], [0, 2, 0], [NaN, 1], ['1'], [], [1, 2, 3, 4]];
const junk = fc.constantFrom(...JUNK);
const bound = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -8, max: 8 }) }, fc.constant(null), fc.constantFrom(1e300, -1e300, 2 ** 53), fc.constantFrom(0.5, NaN, -Infinity));
const step = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -4, max: 4 }) }, fc.constant(null), fc.constantFrom(1e300, -1e300, 0.5, NaN));
const spec = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -7, max: 7 }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: fc.tuple(bound, bound, step, fc.integer({ min: 1, max: 3 })).map(([a, b, c, n]) => [a, b, c].slice(0, n)) },
  { weight: 3, arbitrary: fc.tuple(bound, bound, step, fc.boolean()).map(([a, b, c, two]) => (two ? `${a ?? ''}:${b ?? ''}` : `${a ?? ''}:${b ?? ''}:${c ?? ''}`)) },
  { weight: 1, arbitrary: junk },
);

type Op =
  | { kind: 'slice'; specs: unknown[] }
  | { kind: 'reshape'; args: unknown[] }
  | { kind: 'reshapeValid'; k: number; flat: boolean }
  | { kind: 'transpose'; axes: unknown }
  | { kind: 'permute'; keys: number[] }
  | { kind: 'construct'; shape: unknown; strides: unknown; offset: unknown };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.array(spec, { maxLength: 5 }).map((specs): Op => ({ kind: 'slice', specs })) },
  { weight: 1, arbitrary: fc.oneof(fc.array(fc.integer({ min: -2, max: 13 }), { maxLength: 4 }).map((s) => [s]), fc.array(fc.oneof(fc.integer({ min: -1, max: 6 }), junk), { maxLength: 3 }), junk.map((j) => [j])).map((args): Op => ({ kind: 'reshape', args })) },
  { weight: 2, arbitrary: fc.record({ k: fc.integer({ min: 1, max: 6 }), flat: fc.boolean() }).map((r): Op => ({ kind: 'reshapeValid', ...r })) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(undefined), fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), junk), { maxLength: 5 }), junk).map((axes): Op => ({ kind: 'transpose', axes })) },
  { weight: 2, arbitrary: fc.array(fc.nat(), { maxLength: 5 }).map((keys): Op => ({ kind: 'permute', keys })) },
  {
    weight: 3,
    arbitrary: fc.integer({ min: 0, max: 3 }).chain((nd) => fc.record({
      shape: fc.oneof({ weight: 8, arbitrary: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: nd, maxLength: nd }) }, fc.array(fc.oneof(fc.integer({ min: -1, max: 6 }), junk), { maxLength: 3 })),
      strides: fc.oneof({ weight: 8, arbitrary: fc.array(fc.integer({ min: -12, max: 12 }), { minLength: nd, maxLength: nd }) }, fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), junk), { maxLength: 3 })),
      offset: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -3, max: 40 }) }, fc.constantFrom(1.5, NaN, -0.5, 2 ** 53, '3')),
    })).map((r): Op => ({ kind: 'construct', ...r })),
  },
);

const DTYPES: readonly (string | DType)[] = ['float64', 'int8', 'bool', 'int64', 'complex128', 'float16', float128, 'interval'];
const base = fc.record({
  dtype: fc.constantFrom(...DTYPES),
  shape: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }),
  big: fc.boolean(), // a leading axis of 40 puts float64/complex arrays in wasm memory
});

/** Valid arguments must give a view: a refusal fails the test (not a typed error to skip). */
function mustWork(f: () => NDArray, what: string): NDArray {
  try {
    return f();
  } catch (e) {
    return expect.fail(`${what} was refused: ${String(e)}`);
  }
}

function describeSpecs(specs: readonly unknown[]): string {
  return specs.map((x) => (typeof x === 'bigint' ? `${x}n` : JSON.stringify(x) ?? String(x))).join(', ');
}

function makeBase(b: { dtype: string | DType; shape: number[]; big: boolean }): NDArray {
  const shape = b.big ? [40, ...b.shape.slice(0, 2)] : b.shape;
  const registry: Registry | undefined = b.dtype === 'interval' ? intervalRegistry : undefined;
  return dt.zeros(shape, registry ? { dtype: b.dtype, registry } : { dtype: b.dtype });
}

function apply(v: NDArray, o: Op): NDArray {
  switch (o.kind) {
    case 'slice': {
      const expected = referenceSlice(v, o.specs);
      let out: NDArray;
      try {
        out = v.slice(...(o.specs as dt.SliceSpec[]));
      } catch (e) {
        if (expected !== undefined) expect.fail(`valid slice specs ${describeSpecs(o.specs)} were refused: ${String(e)}`);
        throw e;
      }
      if (expected === undefined) expect.fail(`invalid slice specs ${describeSpecs(o.specs)} were accepted`);
      expect(indexTree(out)).toEqual(expected);
      return out;
    }
    case 'reshape':
      return v.reshape(...(o.args as number[]));
    case 'reshapeValid': {
      const target = o.flat || v.size === 0 ? [-1] : v.size % o.k === 0 ? [o.k, -1] : [v.size];
      const out = mustWork(() => v.reshape(target), `reshape(${target}) of shape (${v.shape})`);
      expect(out.size).toBe(v.size);
      return out;
    }
    case 'transpose':
      return v.transpose(o.axes as number[]);
    case 'permute': {
      const perm = [...Array(v.ndim).keys()].sort((a, b) => (o.keys[a] ?? 0) - (o.keys[b] ?? 0) || a - b);
      const out = mustWork(() => v.transpose(perm), `transpose(${perm})`);
      expect(out.shape).toEqual(perm.map((p) => v.shape[p]));
      return out;
    }
    case 'construct':
      return new NDArray(v.registry, v.dtype, v.store, o.shape as number[], o.strides as number[], o.offset as number);
  }
}

describe('random view chains stay inside their stores', () => {
  it('every call gives a typed error or an in-bounds view (seeded)', () => {
    fc.assert(
      fc.property(base, fc.array(op, { minLength: 1, maxLength: 5 }), (b, ops) => {
        let v = makeBase(b);
        expectInside(v);
        for (const o of ops) {
          try {
            v = apply(v, o);
          } catch (e) {
            expectTyped(e);
            continue;
          }
          expectInside(v);
        }
        v.toArray(); // reading every element works
      }),
      { seed: 19, numRuns: 2000 },
    );
  });
});
