/**
 * Lookups over the generated builtin rules (NumPy 2 / NEP 50). The data lives in
 * `builtin-rules.generated.ts`; this file only indexes it, so regenerating never touches logic.
 *
 * @example
 * promoteBuiltin('int8', 'uint8');            // 'int16'
 * canCastBuiltin('int64', 'float64', 'safe'); // true
 * weakResultBuiltin('uint8', 'float');        // 'float16'
 */
import {
  BUILTIN_DTYPE_NAMES,
  BUILTIN_INDEX,
  CASTING_LEVELS,
  CAST_TABLE,
  PROMOTION_TABLE,
  WEAK_RESULT_TABLE,
  type BuiltinDTypeName,
  type CastingLevel,
  type WeakScalarKind,
} from './builtin-rules.generated.js';

export {
  BUILTIN_DTYPE_NAMES,
  CASTING_LEVELS,
  type BuiltinDTypeName,
  type CastingLevel,
  type WeakScalarKind,
} from './builtin-rules.generated.js';

const builtinNames: ReadonlySet<string> = new Set(BUILTIN_DTYPE_NAMES);

export function isBuiltinDTypeName(name: string): name is BuiltinDTypeName {
  return builtinNames.has(name);
}

/** Rows are tuples of 14, so indexing by BUILTIN_INDEX is always in range. */
function cell<T>(row: readonly T[], name: BuiltinDTypeName): T {
  return row[BUILTIN_INDEX[name]] as T;
}

/** `np.promote_types(a, b)`; every builtin pair has a common dtype. */
export function promoteBuiltin(a: BuiltinDTypeName, b: BuiltinDTypeName): BuiltinDTypeName {
  return cell(cell(PROMOTION_TABLE, a), b);
}

/** The strictest casting level at which `from` may be cast to `to`. */
export function minimalCastingBuiltin(from: BuiltinDTypeName, to: BuiltinDTypeName): CastingLevel {
  return cell(cell(CAST_TABLE, from), to);
}

/** `np.can_cast(from, to, casting)`: levels are ordered, so compare positions. */
export function canCastBuiltin(from: BuiltinDTypeName, to: BuiltinDTypeName, casting: CastingLevel = 'safe'): boolean {
  return CASTING_LEVELS.indexOf(minimalCastingBuiltin(from, to)) <= CASTING_LEVELS.indexOf(casting);
}

/** Result dtype of `array(dtype) op <weak JS scalar of kind>`; value range is checked by the caller. */
export function weakResultBuiltin(dtype: BuiltinDTypeName, kind: WeakScalarKind): BuiltinDTypeName {
  return cell(WEAK_RESULT_TABLE[kind], dtype);
}
