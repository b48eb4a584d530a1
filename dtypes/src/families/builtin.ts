import {
  defineDType, f16BitsToNumber, numberToF16Bits, CastingError, WeakBool, WeakInt, WeakFloat, WeakComplex,
  isComplexValue, type DType, type DTypeFamily, type DTypeKind, type Store, type TypedArrayKind, type TypedStore,
} from '@dtkit/core';
import { BUILTIN_DTYPE_NAMES, type BuiltinDTypeName } from '../tables/builtin-rules.generated.js';
import { isBuiltinDTypeName, promoteBuiltin, weakResultBuiltin } from '../tables/builtin-rules.js';
import { formatComplex, formatFloat } from './format.js';
import { FLOAT_INFO, INT_INFO } from './constants.js';

interface Layout {
  readonly kind: DTypeKind;
  readonly type: TypedArrayKind;
  readonly lanes: number;
}

const LAYOUT: Readonly<Record<BuiltinDTypeName, Layout>> = {
  bool: { kind: 'bool', type: 'uint8', lanes: 1 },
  int8: { kind: 'int', type: 'int8', lanes: 1 },
  int16: { kind: 'int', type: 'int16', lanes: 1 },
  int32: { kind: 'int', type: 'int32', lanes: 1 },
  int64: { kind: 'int', type: 'bigint64', lanes: 1 },
  uint8: { kind: 'uint', type: 'uint8', lanes: 1 },
  uint16: { kind: 'uint', type: 'uint16', lanes: 1 },
  uint32: { kind: 'uint', type: 'uint32', lanes: 1 },
  uint64: { kind: 'uint', type: 'biguint64', lanes: 1 },
  float16: { kind: 'float', type: 'uint16', lanes: 1 },
  float32: { kind: 'float', type: 'float32', lanes: 1 },
  float64: { kind: 'float', type: 'float64', lanes: 1 },
  complex64: { kind: 'complex', type: 'float32', lanes: 2 },
  complex128: { kind: 'complex', type: 'float64', lanes: 2 },
};

const byFamily = new Map<DTypeFamily, BuiltinDTypeName>();

/** The builtin name of a family, if it is one of ours. */
export function builtinNameOf(f: DTypeFamily): BuiltinDTypeName | undefined {
  return byFamily.get(f);
}

function data(store: Store): Float64Array {
  return (store as TypedStore).data as Float64Array;
}

function badValue(d: DType, v: unknown, why: string): never {
  throw new CastingError(`cannot store ${typeof v === 'bigint' ? `${v}n` : String(v)} in ${d.name}: ${why}`, 'VALUE_CAST');
}

/** A JS value as an exact integer for an integer dtype; checks the range (NumPy 2 OverflowError). */
function toIntegerValue(d: DType, v: unknown, min: bigint, max: bigint): bigint {
  let b: bigint;
  if (typeof v === 'bigint') b = v;
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) badValue(d, v, 'not a finite number');
    b = BigInt(Math.trunc(v));
  } else if (typeof v === 'boolean') b = v ? 1n : 0n;
  else return badValue(d, v, 'expected a number, bigint or boolean');
  if (b < min || b > max) badValue(d, v, `out of bounds [${min}, ${max}]`);
  return b;
}

function toFloatValue(d: DType, v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isComplexValue(v)) {
    if (v.im !== 0) badValue(d, `${v.re}+${v.im}j`, 'complex value with a non-zero imaginary part');
    return v.re;
  }
  if (typeof v === 'object' && v !== null && typeof (v as { toNumber?: unknown }).toNumber === 'function') return (v as { toNumber(): number }).toNumber();
  return badValue(d, v, 'expected a number');
}

function accessors(name: BuiltinDTypeName): { get: (d: DType, s: Store, k: number) => unknown; set: (d: DType, s: Store, k: number, v: unknown) => void } {
  const L = LAYOUT[name];
  switch (L.kind) {
    case 'bool':
      return {
        get: (_d, s, k) => data(s)[k] !== 0,
        set: (d, s, k, v) => {
          if (typeof v === 'boolean') data(s)[k] = v ? 1 : 0;
          else if (typeof v === 'number' || typeof v === 'bigint') data(s)[k] = v != 0 ? 1 : 0;
          else badValue(d, v, 'expected a boolean');
        },
      };
    case 'int':
    case 'uint': {
      const info = INT_INFO[name as keyof typeof INT_INFO]!;
      if (L.type === 'bigint64' || L.type === 'biguint64') {
        return {
          get: (_d, s, k) => (s as TypedStore).data[k] as bigint,
          set: (d, s, k, v) => { ((s as TypedStore).data as BigInt64Array)[k] = toIntegerValue(d, v, info.min, info.max); },
        };
      }
      return {
        get: (_d, s, k) => data(s)[k],
        set: (d, s, k, v) => {
          if (typeof v === 'number' && Number.isInteger(v) && v >= Number(info.min) && v <= Number(info.max)) data(s)[k] = v;
          else data(s)[k] = Number(toIntegerValue(d, v, info.min, info.max));
        },
      };
    }
    case 'float':
      if (name === 'float16') {
        return {
          get: (_d, s, k) => f16BitsToNumber(data(s)[k]!),
          set: (d, s, k, v) => { data(s)[k] = numberToF16Bits(toFloatValue(d, v)); },
        };
      }
      return {
        get: (_d, s, k) => data(s)[k],
        set: (d, s, k, v) => { data(s)[k] = toFloatValue(d, v); },
      };
    default:
      return {
        get: (_d, s, k) => ({ re: data(s)[2 * k]!, im: data(s)[2 * k + 1]! }),
        set: (d, s, k, v) => {
          const a = data(s);
          if (isComplexValue(v)) { a[2 * k] = v.re; a[2 * k + 1] = v.im; }
          else { a[2 * k] = toFloatValue(d, v); a[2 * k + 1] = 0; }
        },
      };
  }
}

function formatter(name: BuiltinDTypeName): (v: unknown) => string {
  const L = LAYOUT[name];
  if (L.kind === 'bool') return (v) => (v ? 'True' : 'False');
  if (L.kind === 'int' || L.kind === 'uint') return (v) => String(v);
  const digits = name === 'float16' || name === 'float32' || name === 'complex64' ? (name === 'float16' ? 5 : 9) : 17;
  const round = name === 'float16' ? (x: number) => f16BitsToNumber(numberToF16Bits(x)) : name === 'float64' || name === 'complex128' ? (x: number) => x : Math.fround;
  if (L.kind === 'float') return (v) => formatFloat(v as number, digits, round);
  return (v) => formatComplex((v as { re: number }).re, (v as { im: number }).im, digits, round);
}

/** Weak complex next to a builtin: complex keeps its dtype, float32/16 → complex64, else complex128. */
function weakComplexResult(name: BuiltinDTypeName): BuiltinDTypeName {
  if (name === 'complex64' || name === 'complex128') return name;
  return name === 'float16' || name === 'float32' ? 'complex64' : 'complex128';
}

function makeFamily(name: BuiltinDTypeName, lookup: (n: BuiltinDTypeName) => DTypeFamily): DTypeFamily {
  const L = LAYOUT[name];
  const { get, set } = accessors(name);
  const fmt = formatter(name);
  const fam = defineDType({
    name,
    kind: L.kind,
    storage: { kind: 'typed', type: L.type, lanes: L.lanes },
    getItem: get,
    setItem: set,
    format: (v) => fmt(v),
    ...(name === 'float32' ? { roundScalar: Math.fround } : name === 'float16' ? { roundScalar: (x: number) => f16BitsToNumber(numberToF16Bits(x)) } : {}),
    constants: L.kind === 'float' || L.kind === 'complex' ? FLOAT_INFO[name as keyof typeof FLOAT_INFO] : L.kind === 'bool' ? undefined : INT_INFO[name as keyof typeof INT_INFO],
    commonDType(other) {
      const o = byFamily.get(other);
      if (o !== undefined) return lookup(promoteBuiltin(name, o));
      if (other === WeakBool) return lookup(weakResultBuiltin(name, 'bool'));
      if (other === WeakInt) return lookup(weakResultBuiltin(name, 'int'));
      if (other === WeakFloat) return lookup(weakResultBuiltin(name, 'float'));
      if (other === WeakComplex) return lookup(weakComplexResult(name));
      return undefined;
    },
  });
  byFamily.set(fam, name);
  return fam;
}

const families = {} as Record<BuiltinDTypeName, DTypeFamily>;
for (const n of BUILTIN_DTYPE_NAMES) families[n] = makeFamily(n, (x) => families[x]);

/** The 14 builtin DType families by NumPy name. */
export const BUILTIN_FAMILIES: Readonly<Record<BuiltinDTypeName, DTypeFamily>> = families;

export const bool = families.bool.default;
export const int8 = families.int8.default;
export const int16 = families.int16.default;
export const int32 = families.int32.default;
export const int64 = families.int64.default;
export const uint8 = families.uint8.default;
export const uint16 = families.uint16.default;
export const uint32 = families.uint32.default;
export const uint64 = families.uint64.default;
export const float16 = families.float16.default;
export const float32 = families.float32.default;
export const float64 = families.float64.default;
export const complex64 = families.complex64.default;
export const complex128 = families.complex128.default;

export { isBuiltinDTypeName, LAYOUT };
