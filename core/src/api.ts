import type { DType, DTypeFamily } from './dtype/dtype.js';
import type { NDArray } from './array/ndarray.js';
import { defaultRegistry } from './registry/default.js';
import type { Registry } from './registry/registry.js';
import * as create from './array/create.js';
import { resultType as resultTypeIn, promoteTypes as promoteTypesIn } from './dtype/promotion.js';
import { canCast as canCastIn } from './casting/cast.js';
import type { Casting } from './casting/levels.js';
import { DTypeError } from './errors.js';
import type { Plugin } from './registry/types.js';

/** Creation options; `registry` selects a non-default registry (tests, isolated apps). */
export interface ArrayOptions extends create.CreateOptions {
  readonly registry?: Registry;
}

const reg = (o?: { readonly registry?: Registry }): Registry => o?.registry ?? defaultRegistry();

/** Parses a dtype spec (`'float64'`, `'str[utf8,16]'`) or returns a descriptor as is. */
export function dtype(spec: string | DType | DTypeFamily, registry?: Registry): DType {
  return (registry ?? defaultRegistry()).dtype(spec);
}

/** Installs a plugin in the default registry (idempotent). */
export function use(plugin: Plugin, registry?: Registry): Registry {
  return (registry ?? defaultRegistry()).use(plugin);
}

export function array(data: unknown, opts?: ArrayOptions): NDArray {
  return create.array(reg(opts), data, opts);
}

/** Like `array`, but returns an NDArray argument unchanged when its dtype already matches. */
export function asarray(data: unknown, opts?: ArrayOptions): NDArray {
  const r = reg(opts);
  if (typeof data === 'object' && data !== null && (data as Record<symbol, unknown>)[Symbol.for('dtkit.ndarray')] === true) {
    const a = data as NDArray;
    const d = create.resolveDTypeOption(r, opts?.dtype);
    if (d === undefined || d === a.dtype) return a;
  }
  return create.array(r, data, opts);
}

export function zeros(shape: number | readonly number[], opts?: ArrayOptions): NDArray {
  return create.zeros(reg(opts), shape, opts);
}

export function ones(shape: number | readonly number[], opts?: ArrayOptions): NDArray {
  return create.ones(reg(opts), shape, opts);
}

export function empty(shape: number | readonly number[], opts?: ArrayOptions): NDArray {
  return create.empty(reg(opts), shape, opts);
}

export function full(shape: number | readonly number[], value: unknown, opts?: ArrayOptions): NDArray {
  return create.full(reg(opts), shape, value, opts);
}

/** `arange(stop)`, `arange(start, stop, step?, opts?)`. */
export function arange(start: number, stop?: number, step?: number, opts?: ArrayOptions): NDArray {
  return create.arange(reg(opts), start, stop, step, opts);
}

export function linspace(start: number, stop: number, num?: number, opts?: ArrayOptions): NDArray {
  return create.linspace(reg(opts), start, stop, num, opts);
}

export function fromBytes(bytes: Uint8Array, dtypeSpec: DType | string, shape?: readonly number[], registry?: Registry): NDArray {
  return create.fromBytes(registry ?? defaultRegistry(), bytes, dtypeSpec, shape);
}

/** NumPy 2 `result_type` over dtypes, arrays and weak JS scalars. */
export function resultType(...operands: unknown[]): DType {
  return resultTypeIn(defaultRegistry(), operands);
}

export function promoteTypes(a: DType | string, b: DType | string, registry?: Registry): DType {
  const r = registry ?? defaultRegistry();
  return promoteTypesIn(r, r.dtype(a), r.dtype(b));
}

export function canCast(from: DType | string | NDArray, to: DType | string, casting: Casting = 'safe', registry?: Registry): boolean {
  const r = registry ?? defaultRegistry();
  const f = typeof from === 'object' && 'shape' in from ? from.dtype : r.dtype(from as DType | string);
  return canCastIn(r, f, r.dtype(to), casting);
}

function constantsOf(d: DType, what: string, kinds: readonly string[]): Readonly<Record<string, unknown>> {
  if (!kinds.includes(d.kind) || d.family.spec.constants === undefined) {
    throw new DTypeError(`${what} is not defined for dtype ${d.name}`, 'NO_INFO');
  }
  return d.family.spec.constants;
}

/** Machine limits of a floating-point dtype (NumPy `finfo`). */
export function finfo(d: DType | string, registry?: Registry): Readonly<Record<string, unknown>> {
  return constantsOf((registry ?? defaultRegistry()).dtype(d), 'finfo', ['float', 'complex']);
}

/** Machine limits of an integer dtype (NumPy `iinfo`). */
export function iinfo(d: DType | string, registry?: Registry): Readonly<Record<string, unknown>> {
  return constantsOf((registry ?? defaultRegistry()).dtype(d), 'iinfo', ['int', 'uint']);
}
