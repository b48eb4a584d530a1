import { ValueError } from '../errors.js';

/** Casting safety levels, weakest requirement last (NumPy's `casting=`). */
export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';

export const CASTING_LEVELS: readonly Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

// A null-prototype map: 'toString', 'constructor' or '__proto__' are not levels.
const RANK: Readonly<Record<string, number>> = Object.assign(Object.create(null) as Record<string, number>, {
  no: 0, equiv: 1, safe: 2, same_kind: 3, unsafe: 4,
});

/** True when `level` is one of the five casting levels (own keys only). */
export function isCasting(level: unknown): level is Casting {
  return typeof level === 'string' && RANK[level] !== undefined;
}

/** Rank of a level: a cast whose level is ≤ the allowed level's rank is permitted. */
export function castingRank(level: Casting): number {
  const r = typeof level === 'string' ? RANK[level] : undefined;
  if (r === undefined) throw new ValueError(`unknown casting level '${String(level)}'; expected one of ${CASTING_LEVELS.join(', ')}`, 'OPTION');
  return r;
}

/** The stricter (more permissive needed) of two levels: the level a chain of casts needs. */
export function maxCasting(a: Casting, b: Casting): Casting {
  return castingRank(a) >= castingRank(b) ? a : b;
}
