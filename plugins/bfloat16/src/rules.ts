/**
 * Promotion and casting levels against the builtins, written as data so the README table and
 * the code cannot drift apart. The principle is NumPy's for float16: the result of a promotion
 * is the smallest type that holds both operands exactly (so both casts into it are 'safe').
 */
import type { Casting } from '@dtkit/core';
import type { BuiltinDTypeName } from '@dtkit/dtypes';
import type { MinifloatName } from './formats.js';

export type PeerName = BuiltinDTypeName | MinifloatName;

/**
 * bfloat16 holds bool, int8 and uint8 exactly (8 significant bits); 16-bit integers need
 * float32, wider ones float64 — as NumPy promotes float16 with integers.
 */
const BF16_PROMOTION: Readonly<Record<PeerName, PeerName>> = {
  bool: 'bfloat16', int8: 'bfloat16', uint8: 'bfloat16',
  int16: 'float32', uint16: 'float32',
  int32: 'float64', uint32: 'float64', int64: 'float64', uint64: 'float64',
  float16: 'float32', // neither holds the other (range vs precision); float32 holds both
  float32: 'float32', float64: 'float64', complex64: 'complex64', complex128: 'complex128',
  bfloat16: 'bfloat16', float8_e4m3fn: 'bfloat16', float8_e5m2: 'bfloat16',
};

/**
 * float8 holds only bool exactly; int8/uint8 fit float16 (11 significant bits). Every float8
 * value is exact in float16 and in bfloat16; e4m3fn and e5m2 meet in float16.
 */
const F8_PROMOTION: Readonly<Record<PeerName, PeerName | 'self'>> = {
  bool: 'self', int8: 'float16', uint8: 'float16',
  int16: 'float32', uint16: 'float32',
  int32: 'float64', uint32: 'float64', int64: 'float64', uint64: 'float64',
  float16: 'float16', float32: 'float32', float64: 'float64',
  complex64: 'complex64', complex128: 'complex128',
  bfloat16: 'bfloat16', float8_e4m3fn: 'float16', float8_e5m2: 'float16',
};

/** Common dtype name of a minifloat and any builtin or minifloat. */
export function promoteMinifloat(self: MinifloatName, other: PeerName): PeerName {
  if (self === other) return self;
  if (self === 'bfloat16') return BF16_PROMOTION[other];
  const r = F8_PROMOTION[other];
  return r === 'self' ? self : r;
}

const INTS_EXACT_IN_BF16 = new Set<PeerName>(['bool', 'int8', 'uint8']);

/** Level of a cast from a builtin or minifloat into a minifloat (NumPy's float16 analogue). */
export function castLevelInto(to: MinifloatName, from: PeerName): Casting {
  if (from === to) return 'no';
  if (from === 'bool') return 'safe';
  if (to === 'bfloat16' && INTS_EXACT_IN_BF16.has(from)) return 'safe';
  if (to === 'bfloat16' && (from === 'float8_e4m3fn' || from === 'float8_e5m2')) return 'safe';
  if (from === 'complex64' || from === 'complex128') return 'unsafe';
  return 'same_kind'; // any int or float: int → float is same_kind in NumPy
}

/** Level of a cast from a minifloat to a builtin (minifloat ↔ minifloat: see castLevelInto). */
export function castLevelFrom(from: MinifloatName, to: BuiltinDTypeName): Casting {
  switch (to) {
    case 'float32': case 'float64': case 'complex64': case 'complex128':
      return 'safe';
    case 'float16':
      return from === 'bfloat16' ? 'same_kind' : 'safe'; // every float8 value is exact in float16
    default:
      return 'unsafe'; // float → bool / int
  }
}
