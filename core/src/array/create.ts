import { isDType, type DType, type DTypeFamily } from '../dtype/dtype.js';
import type { Registry } from '../registry/registry.js';
import { NDArray, isNDArray } from './ndarray.js';
import { checkShape, contiguousStrides, sizeOf } from './shape.js';
import { flattenNested, MAX_DIMS } from './nested.js';
import { allocateStore } from '../storage/allocate.js';
import { isComplexValue } from '../dtype/weak.js';
import { discoverScalar } from '../dtype/promotion.js';
import { commonFamilyOf, commonDescriptor } from '../dtype/promotion.js';
import { DTypeError, ValueError } from '../errors.js';
import type { TypedArray } from '../storage/typed.js';
import type { Store } from '../storage/types.js';

/** V8's TypedArray length limit on 64-bit (2^32 elements); larger counts are refused before allocating. */
const MAX_TYPED_LENGTH = 2 ** 32;

/** Options of the creation functions. */
export interface CreateOptions {
  readonly dtype?: DType | DTypeFamily | string;
  readonly device?: string;
}

const TYPED_DTYPE: ReadonlyArray<readonly [new (...a: never[]) => TypedArray, string]> = [
  [Float64Array, 'float64'], [Float32Array, 'float32'], [Int8Array, 'int8'], [Uint8Array, 'uint8'],
  [Int16Array, 'int16'], [Uint16Array, 'uint16'], [Int32Array, 'int32'], [Uint32Array, 'uint32'],
  [BigInt64Array, 'int64'], [BigUint64Array, 'uint64'],
];

function typedDTypeName(x: unknown): string | undefined {
  for (const [ctor, name] of TYPED_DTYPE) if (x instanceof ctor) return name;
  return undefined;
}

export function resolveDTypeOption(reg: Registry, d: DType | DTypeFamily | string | undefined): DType | undefined {
  if (d === undefined) return undefined;
  return isDType(d) ? d : reg.dtype(d);
}

/** The dtype of JS values when none is given: number → float64, bigint → int64, boolean → bool. */
function discoverDType(reg: Registry, values: readonly unknown[]): DType {
  if (values.length === 0) return reg.dtype('float64');
  const seen = new Map<DTypeFamily, DType[]>();
  for (const v of values) {
    let d: DType | undefined;
    if (typeof v === 'number') d = reg.dtype('float64');
    else if (typeof v === 'bigint') d = reg.dtype('int64');
    else if (typeof v === 'boolean') d = reg.dtype('bool');
    else if (isComplexValue(v)) d = reg.dtype('complex128');
    else d = discoverScalar(reg, v);
    if (d === undefined) throw new DTypeError(`cannot determine a dtype for the value ${String(v)}; pass { dtype }`, 'DTYPE_DISCOVER');
    const list = seen.get(d.family);
    if (list === undefined) seen.set(d.family, [d]);
    else if (!list.includes(d)) list.push(d);
  }
  const fam = commonFamilyOf(reg, [...seen.keys()]);
  return commonDescriptor(reg, [...seen.values()].flat(), fam);
}

/** Creates an array from nested JS arrays, a TypedArray, an NDArray or a scalar (always copies). */
export function array(reg: Registry, data: unknown, opts: CreateOptions = {}): NDArray {
  const given = resolveDTypeOption(reg, opts.dtype);
  if (isNDArray(data)) return given && given !== data.dtype ? data.astype(given) : data.copy();
  const isElement = given?.family.spec.isElement ?? (() => false);
  const typedName = typedDTypeName(data);
  if (typedName !== undefined && (given === undefined || given.name === typedName)) {
    const d = given ?? reg.dtype(typedName);
    const src = data as TypedArray;
    const store = allocateChecked(d, src.length);
    if (store.kind === 'typed') (store.data as Float64Array).set(src as Float64Array);
    return new NDArray(reg, d, store, [src.length], [1], 0, opts.device ?? 'cpu');
  }
  const { shape, values } = flattenNested(data, isElement);
  const d = given ?? discoverDType(reg, values);
  return fromValues(reg, d, shape, values, opts.device);
}

/** Builds an array from C-ordered values; every value is validated by setItem before use. */
export function fromValues(reg: Registry, d: DType, shape: readonly number[], values: readonly unknown[], device = 'cpu'): NDArray {
  const store = allocateChecked(d, values.length);
  const set = d.family.spec.setItem;
  for (let i = 0; i < values.length; i++) set(d, store, i, values[i]);
  return new NDArray(reg, d, store, shape, contiguousStrides(shape), 0, device);
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'bigint') return `${v}n`;
  return typeof v === 'object' && v !== null ? Object.prototype.toString.call(v) : String(v);
}

/**
 * A store for `n` elements of `d`, or a typed error: abstract dtypes, element counts beyond
 * what a TypedArray can hold and failed allocations give DTKitErrors, never a bare RangeError.
 */
function allocateChecked(d: DType, n: number, zeroed = true): Store {
  if (d.family.abstract) throw new DTypeError(`cannot create an array of abstract dtype ${d.name}`, 'DTYPE_ABSTRACT');
  const lanes = d.storage.kind === 'typed' ? d.storage.lanes ?? 1 : 1;
  if (!(n * lanes <= MAX_TYPED_LENGTH)) throw new ValueError(`cannot allocate ${n} elements of ${d.name}: more than a TypedArray can hold`, 'ALLOCATION');
  try {
    return allocateStore(d, n, zeroed);
  } catch (e) {
    if (e instanceof RangeError) throw new ValueError(`cannot allocate ${n} elements of ${d.name}: ${e.message}`, 'ALLOCATION');
    throw e;
  }
}

/** A shape argument (a dimension or an array of them) checked: integers ≥ 0, at most MAX_DIMS. */
function shapeArg(shape: unknown): number[] {
  const dims = typeof shape === 'number' ? [shape] : Array.isArray(shape) ? (shape as readonly unknown[]) : null;
  if (dims === null) throw new ValueError(`a shape is a non-negative integer or an array of them, not ${describe(shape)}`, 'SHAPE');
  if (dims.length > MAX_DIMS) throw new ValueError(`maximum supported dimension for an array is ${MAX_DIMS}, found ${dims.length}`, 'MAX_DIMS');
  return checkShape(dims).map((n) => n + 0); // + 0 turns -0 into 0
}

/** Uninitialised in NumPy; here zero-filled (fresh memory is zeroed anyway). */
export function empty(reg: Registry, shape: number | readonly number[], opts: CreateOptions = {}): NDArray {
  const s = shapeArg(shape);
  const d = resolveDTypeOption(reg, opts.dtype) ?? reg.dtype('float64');
  return new NDArray(reg, d, allocateChecked(d, sizeOf(s)), s, contiguousStrides(s), 0, opts.device ?? 'cpu');
}

export function full(reg: Registry, shape: number | readonly number[], value: unknown, opts: CreateOptions = {}): NDArray {
  const s = shapeArg(shape);
  const d = resolveDTypeOption(reg, opts.dtype) ?? discoverDType(reg, [value]);
  const set = d.family.spec.setItem;
  // The value is converted (and rejected) once, into a scratch element, before the real allocation.
  const one = allocateChecked(d, 1);
  set(d, one, 0, value);
  const a = empty(reg, s, { ...opts, dtype: d });
  const n = a.size;
  if (a.store.kind === 'typed' && one.kind === 'typed') {
    const lanes = a.store.lanes;
    const data = a.store.data as Float64Array;
    const src = one.data as Float64Array;
    for (let i = 0; i < n; i++) for (let l = 0; l < lanes; l++) data[i * lanes + l] = src[l]!;
  } else {
    for (let i = 0; i < n; i++) set(d, a.store, i, value);
  }
  return a;
}

export function zeros(reg: Registry, shape: number | readonly number[], opts: CreateOptions = {}): NDArray {
  const d = resolveDTypeOption(reg, opts.dtype) ?? reg.dtype('float64');
  return d.storage.kind === 'typed' && d.family.kind !== 'other' && d.family.kind !== 'string' ? empty(reg, shape, { ...opts, dtype: d }) : full(reg, shape, zeroOf(d), { ...opts, dtype: d });
}

function zeroOf(d: DType): unknown {
  return d.family.kind === 'bool' ? false : d.family.kind === 'string' ? '' : 0;
}

export function ones(reg: Registry, shape: number | readonly number[], opts: CreateOptions = {}): NDArray {
  const d = resolveDTypeOption(reg, opts.dtype) ?? reg.dtype('float64');
  return full(reg, shape, d.family.kind === 'bool' ? true : 1, { ...opts, dtype: d }); // setItem converts 1 for every numeric dtype
}

/** A 1-d array of `n` values `valueAt(i)`, written straight into the store (no JS array of n values). */
function sequence(reg: Registry, d: DType, n: number, valueAt: (i: number) => number, device = 'cpu'): NDArray {
  const store = allocateChecked(d, n);
  const set = d.family.spec.setItem;
  for (let i = 0; i < n; i++) set(d, store, i, valueAt(i));
  return new NDArray(reg, d, store, [n], [1], 0, device);
}

function requireNumber(fn: string, what: string, v: unknown): number {
  if (typeof v !== 'number') throw new ValueError(`${fn} ${what} must be a number, not ${describe(v)}`, 'VALUE');
  return v;
}

/** Values start, start+step, ... < stop (NumPy arange; length ceil((stop-start)/step)). */
export function arange(reg: Registry, start: number, stop?: number, step?: number, opts: CreateOptions = {}): NDArray {
  const [lo, hi] = stop === undefined ? [0, requireNumber('arange', 'stop', start)] : [requireNumber('arange', 'start', start), requireNumber('arange', 'stop', stop)];
  const st = step === undefined ? 1 : requireNumber('arange', 'step', step);
  if (st === 0 || !Number.isFinite(st)) throw new ValueError('arange step must be finite and non-zero');
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new ValueError(`arange cannot compute a length from start ${lo} and stop ${hi} (both must be finite)`);
  const n = Math.max(0, Math.ceil((hi - lo) / st));
  const allInt = Number.isInteger(lo) && Number.isInteger(hi) && Number.isInteger(st);
  const d = resolveDTypeOption(reg, opts.dtype) ?? reg.dtype(allInt ? 'int64' : 'float64');
  return sequence(reg, d, n, (i) => lo + i * st, opts.device);
}

/** `num` evenly spaced values over [start, stop] (endpoint included, as NumPy's default). */
export function linspace(reg: Registry, start: number, stop: number, num = 50, opts: CreateOptions = {}): NDArray {
  requireNumber('linspace', 'start', start);
  requireNumber('linspace', 'stop', stop);
  if (!Number.isInteger(num) || num < 0) throw new ValueError(`linspace num must be a non-negative integer, not ${describe(num)}`);
  const d = resolveDTypeOption(reg, opts.dtype) ?? reg.dtype('float64');
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  return sequence(reg, d, num, (i) => (i === num - 1 && num > 1 ? stop : start + i * step), opts.device);
}

/** The [[TypedArrayName]] of a TypedArray (undefined otherwise); unlike instanceof it works across realms and cannot be faked. */
const typedArrayName = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype) as object, Symbol.toStringTag)!.get as (this: unknown) => string | undefined;

/** Reinterprets little-endian element bytes as an array (fixed-size typed dtypes only). */
export function fromBytes(reg: Registry, bytes: Uint8Array, dtypeSpec: DType | string, shape?: readonly number[]): NDArray {
  if (typedArrayName.call(bytes) !== 'Uint8Array') throw new ValueError(`fromBytes needs a Uint8Array, not ${describe(bytes)}`, 'BYTES');
  const d = isDType(dtypeSpec) ? dtypeSpec : reg.dtype(dtypeSpec);
  const size = d.itemsize;
  const st = d.storage;
  if (size === undefined || st.kind !== 'typed') throw new DTypeError(`fromBytes needs a fixed-size dtype, not ${d.name}`, 'DTYPE_NOT_FIXED');
  if (bytes.length % size !== 0) throw new ValueError(`${bytes.length} bytes is not a multiple of the ${d.name} item size ${size}`);
  const n = bytes.length / size;
  const s = shape === undefined ? [n] : shapeArg(shape);
  if (sizeOf(s) !== n) throw new ValueError(`cannot view ${n} elements as shape (${s.join(', ')})`, 'SHAPE');
  const store = allocateChecked(d, n);
  if (store.kind === 'typed') new Uint8Array(store.data.buffer, store.data.byteOffset, bytes.length).set(bytes);
  return new NDArray(reg, d, store, s, contiguousStrides(s), 0, 'cpu');
}

/** C-order element bytes of an array (copies when not contiguous). */
export function toBytes(a: NDArray): Uint8Array {
  const size = a.dtype.itemsize;
  if (size === undefined || a.store.kind !== 'typed') throw new DTypeError(`toBytes needs a fixed-size dtype, not ${a.dtype.name}`, 'DTYPE_NOT_FIXED');
  const c = a.isContiguous ? a : a.copy();
  const data = c.store.kind === 'typed' ? c.store.data : undefined;
  const lanes = a.store.lanes;
  const start = data!.byteOffset + c.offset * lanes * data!.BYTES_PER_ELEMENT;
  const out = new Uint8Array(c.size * size);
  out.set(new Uint8Array(data!.buffer, start, c.size * size));
  return out;
}
