/**
 * The DType families bfloat16, float8_e4m3fn and float8_e5m2: raw bits in Uint16/Uint8 storage,
 * JS `number` elements, NumPy/ml_dtypes finfo constants and the promotion rules of rules.ts.
 */
import {
  CastingError, WeakBool, WeakComplex, WeakFloat, WeakInt, bigintToMinifloat, defineDType,
  encodeMinifloat, isComplexValue, minifloatInfo,
  type DType, type DTypeConstants, type DTypeFamily, type Store, type TypedStore,
} from '@dtkit/core';
import { BUILTIN_FAMILIES, BUILTIN_DTYPE_NAMES, type BuiltinDTypeName } from '@dtkit/dtypes';
import { BF16, E4M3FN, E5M2, type MinifloatName, type MinifloatType } from './formats.js';
import { promoteMinifloat, type PeerName } from './rules.js';
import { formatMinifloat } from './format.js';

function bitsOf(store: Store): Uint16Array {
  return (store as TypedStore).data as Uint16Array;
}

function describe(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return `'${v}'`;
  return typeof v === 'object' && v !== null ? Object.prototype.toString.call(v) : String(v);
}

/** Encodes one JS value with a single rounding; anything that is not a real number is refused. */
export function encodeValue(t: MinifloatType, d: DType, v: unknown): number {
  if (typeof v === 'number') return encodeMinifloat(v, t.format);
  if (typeof v === 'bigint') return bigintToMinifloat(v, t.format);
  if (typeof v === 'boolean') return v ? encodeMinifloat(1, t.format) : 0;
  if (isComplexValue(v) && v.im === 0) return encodeMinifloat(v.re, t.format);
  throw new CastingError(`cannot store ${describe(v)} in ${d.name}: expected a real number, bigint or boolean`, 'VALUE_CAST');
}

/** The value `x` becomes when stored (used by toString for shortest round-trip digits). */
function roundTo(t: MinifloatType): (x: number) => number {
  return (x) => t.decode[encodeMinifloat(x, t.format)]!;
}

/** finfo with NumPy / ml_dtypes field names; `resolution` is 10^-precision in the type, as NumPy. */
function finfoOf(t: MinifloatType): DTypeConstants {
  const i = minifloatInfo(t.format);
  return Object.freeze({
    dtype: t.name, bits: i.bits, eps: i.eps, epsneg: i.epsneg, max: i.max, min: i.min,
    tiny: i.tiny, smallest_normal: i.smallestNormal, smallest_subnormal: i.smallestSubnormal,
    precision: i.precision, resolution: roundTo(t)(i.resolution),
    nmant: i.nmant, nexp: i.nexp, maxexp: i.maxexp, minexp: i.minexp,
  });
}

const minifloatFamilies = new Map<DTypeFamily, MinifloatName>();
const builtinNames = new Map<DTypeFamily, BuiltinDTypeName>(
  BUILTIN_DTYPE_NAMES.map((n) => [BUILTIN_FAMILIES[n], n]),
);

function peerName(f: DTypeFamily): PeerName | undefined {
  return minifloatFamilies.get(f) ?? builtinNames.get(f);
}

function makeFamily(t: MinifloatType, byName: (n: PeerName) => DTypeFamily): DTypeFamily {
  const round = roundTo(t);
  const fam = defineDType({
    name: t.name,
    kind: 'float',
    storage: { kind: 'typed', type: t.storage, lanes: 1 },
    getItem: (_d, s, k) => t.decode[bitsOf(s)[k]!]!,
    setItem: (d, s, k, v) => { bitsOf(s)[k] = encodeValue(t, d, v); },
    roundScalar: round,
    format: (v) => formatMinifloat(v as number, round),
    constants: finfoOf(t),
    commonDType(other) {
      // NEP 50: weak bool/int/float scalars keep the minifloat; a weak complex needs complex64.
      if (other === WeakBool || other === WeakInt || other === WeakFloat) return fam;
      if (other === WeakComplex) return BUILTIN_FAMILIES.complex64;
      const peer = peerName(other);
      return peer === undefined ? undefined : byName(promoteMinifloat(t.name, peer));
    },
  });
  minifloatFamilies.set(fam, t.name);
  return fam;
}

const lookup = (n: PeerName): DTypeFamily => (n in MINIFLOAT_FAMILIES ? MINIFLOAT_FAMILIES[n as MinifloatName] : BUILTIN_FAMILIES[n as BuiltinDTypeName]);

/** The three families by name (registered by `plugin`). */
export const MINIFLOAT_FAMILIES: Readonly<Record<MinifloatName, DTypeFamily>> = {
  bfloat16: makeFamily(BF16, lookup),
  float8_e4m3fn: makeFamily(E4M3FN, lookup),
  float8_e5m2: makeFamily(E5M2, lookup),
};

/** The bfloat16 DType family (its only descriptor is `bfloat16`). */
export const BFloat16DType: DTypeFamily = MINIFLOAT_FAMILIES.bfloat16;
/** The float8_e4m3fn DType family (its only descriptor is `float8_e4m3fn`). */
export const Float8E4M3FNDType: DTypeFamily = MINIFLOAT_FAMILIES.float8_e4m3fn;
/** The float8_e5m2 DType family (its only descriptor is `float8_e5m2`). */
export const Float8E5M2DType: DTypeFamily = MINIFLOAT_FAMILIES.float8_e5m2;

/** bfloat16 (1 sign, 8 exponent, 7 fraction bits): float32's range with 8 significant bits. */
export const bfloat16: DType = BFloat16DType.default;
/** OCP FP8 E4M3FN: bias 7, no infinities, NaN = S.1111.111, max 448. */
export const float8_e4m3fn: DType = Float8E4M3FNDType.default;
/** OCP FP8 E5M2: bias 15, IEEE-like with ±inf, max 57344. */
export const float8_e5m2: DType = Float8E5M2DType.default;
