import { ValueError } from '../errors.js';

/** Casting safety levels, weakest requirement last (NumPy's `casting=`). */
export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';

export const CASTING_LEVELS: readonly Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

const RANK: Readonly<Record<Casting, number>> = { no: 0, equiv: 1, safe: 2, same_kind: 3, unsafe: 4 };

/** Rank of a level: a cast whose level is ≤ the allowed level's rank is permitted. */
export function castingRank(level: Casting): number {
  const r = RANK[level];
  if (r === undefined) throw new ValueError(`unknown casting level '${String(level)}'; expected one of ${CASTING_LEVELS.join(', ')}`);
  return r;
}

/** The stricter (more permissive needed) of two levels: the level a chain of casts needs. */
export function maxCasting(a: Casting, b: Casting): Casting {
  return castingRank(a) >= castingRank(b) ? a : b;
}
