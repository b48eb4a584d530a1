import { isDType, type DType, type DTypeFamily } from '../dtype/dtype.js';
import type { Registry } from '../registry/registry.js';
import { NDArray, isNDArray } from './ndarray.js';
import { checkShape, contiguousStrides, sizeOf } from './shape.js';
import { allocateStore } from '../storage/allocate.js';
import { isComplexValue } from '../dtype/weak.js';
import { discoverScalar } from '../dtype/promotion.js';
import { commonFamilyOf, commonDescriptor } from '../dtype/promotion.js';
import { DTypeError, ValueError } from '../errors.js';
import type { TypedArray } from '../storage/typed.js';

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

/** Element values in C order and the shape of nested JS arrays (elements end where `isScalar` says). */
function flatten(data: unknown, isElement: (v: unknown) => boolean): { shape: number[]; values: unknown[] } {
  const shape: number[] = [];
  let probe: unknown = data;
  while ((Array.isArray(probe) || ArrayBuffer.isView(probe)) && !isElement(probe)) {
    const arr = probe as ArrayLike<unknown>;
    shape.push(arr.length);
    if (arr.length === 0) break;
    probe = arr[0];
  }
  const values: unknown[] = [];
  const walk = (v: unknown, dim: number): void => {
    if (dim === shape.length) {
      if ((Array.isArray(v) || ArrayBuffer.isView(v)) && !isElement(v)) throw new ValueError('inhomogeneous nested data: the sequences have different depths', 'RAGGED');
      values.push(v);
      return;
    }
    if (!(Array.isArray(v) || ArrayBuffer.isView(v)) || isElement(v)) throw new ValueError('inhomogeneous nested data: the sequences have different depths', 'RAGGED');
    const arr = v as ArrayLike<unknown>;
    if (arr.length !== shape[dim]) throw new ValueError(`inhomogeneous nested data: length ${arr.length} where ${shape[dim]} was expected at depth ${dim}`, 'RAGGED');
    for (let i = 0; i < arr.length; i++) walk(arr[i], dim + 1);
  };
  walk(data, 0);
  return { shape, values };
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
    const store = allocateStore(d, src.length);
    if (store.kind === 'typed') (store.data as Float64Array).set(src as Float64Array);
    return new NDArray(reg, d, store, [src.length], [1], 0, opts.device ?? 'cpu');
  }
  const { shape, values } = flatten(data, isElement);
  const d = given ?? discoverDType(reg, values);
  return fromValues(reg, d, shape, values, opts.device);
}

/** Builds an array from C-ordered values; every value is validated by setItem before use. */
export function fromValues(reg: Registry, d: DType, shape: readonly number[], values: readonly unknown[], device = 'cpu'): NDArray {
  if (d.family.abstract) throw new DTypeError(`cannot create an array of abstract dtype ${d.name}`, 'DTYPE_ABSTRACT');
  const store = allocateStore(d, values.length);
  const set = d.family.spec.setItem;
  for (let i = 0; i < values.length; i++) set(d, store, i, values[i]);
  return new NDArray(reg, d, store, shape, contiguousStrides(shape), 0, device);
}

function shapeArg(shape: number | readonly number[]): number[] {
  return checkShape(typeof shape === 'number' ? [shape] : shape);
}

/** Uninitialised in NumPy; here zero-filled (fresh memory is zeroed anyway). */
export function empty(reg: Registry, shape: number | readonly number[], opts: CreateOptions = {}): NDArray {
  const s = shapeArg(shape);
  const d = resolveDTypeOption(reg, opts.dtype) ?? reg.dtype('float64');
  if (d.family.abstract) throw new DTypeError(`cannot create an array of abstract dtype ${d.name}`, 'DTYPE_ABSTRACT');
  return new NDArray(reg, d, allocateStore(d, sizeOf(s)), s, contiguousStrides(s), 0, opts.device ?? 'cpu');
}

export function full(reg: Registry, shape: number | readonly number[], value: unknown, opts: CreateOptions = {}): NDArray {
  const s = shapeArg(shape);
  const d = resolveDTypeOption(reg, opts.dtype) ?? discoverDType(reg, [value]);
  const a = empty(reg, s, { ...opts, dtype: d });
  const n = a.size;
  if (n === 0) return a;
  const set = d.family.spec.setItem;
  set(d, a.store, 0, value);
  if (a.store.kind === 'typed') {
    const lanes = a.store.lanes;
    const data = a.store.data as Float64Array;
    for (let i = 1; i < n; i++) for (let l = 0; l < lanes; l++) data[i * lanes + l] = data[l]!;
  } else {
    for (let i = 1; i < n; i++) set(d, a.store, i, value);
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


/** Values start, start+step, ... < stop (NumPy arange; length ceil((stop-start)/step)). */
export function arange(reg: Registry, start: number, stop?: number, step?: number, opts: CreateOptions = {}): NDArray {
  const [lo, hi] = stop === undefined ? [0, start] : [start, stop];
  const st = step ?? 1;
  if (st === 0 || !Number.isFinite(st)) throw new ValueError('arange step must be finite and non-zero');
  const n = Math.max(0, Math.ceil((hi - lo) / st));
  const allInt = Number.isInteger(lo) && Number.isInteger(hi) && Number.isInteger(st);
  const d = resolveDTypeOption(reg, opts.dtype) ?? reg.dtype(allInt ? 'int64' : 'float64');
  const values = new Array<unknown>(n);
  for (let i = 0; i < n; i++) values[i] = lo + i * st;
  return fromValues(reg, d, [n], values, opts.device);
}

/** `num` evenly spaced values over [start, stop] (endpoint included, as NumPy's default). */
export function linspace(reg: Registry, start: number, stop: number, num = 50, opts: CreateOptions = {}): NDArray {
  if (!Number.isInteger(num) || num < 0) throw new ValueError('linspace num must be a non-negative integer');
  const d = resolveDTypeOption(reg, opts.dtype) ?? reg.dtype('float64');
  const values = new Array<number>(num);
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  for (let i = 0; i < num; i++) values[i] = start + i * step;
  if (num > 1) values[num - 1] = stop;
  return fromValues(reg, d, [num], values, opts.device);
}

/** Reinterprets little-endian element bytes as an array (fixed-size typed dtypes only). */
export function fromBytes(reg: Registry, bytes: Uint8Array, dtypeSpec: DType | string, shape?: readonly number[]): NDArray {
  const d = resolveDTypeOption(reg, dtypeSpec)!;
  const size = d.itemsize;
  const st = d.storage;
  if (size === undefined || st.kind !== 'typed') throw new DTypeError(`fromBytes needs a fixed-size dtype, not ${d.name}`, 'DTYPE_NOT_FIXED');
  if (bytes.length % size !== 0) throw new ValueError(`${bytes.length} bytes is not a multiple of the ${d.name} item size ${size}`);
  const n = bytes.length / size;
  const s = shape ? checkShape(shape) : [n];
  if (sizeOf(s) !== n) throw new ValueError(`cannot view ${n} elements as shape (${s.join(', ')})`, 'SHAPE');
  const store = allocateStore(d, n);
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
