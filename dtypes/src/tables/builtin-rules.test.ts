// Cross-checks the generated tables against the independent per-case reference from NumPy.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_DTYPE_NAMES,
  canCastBuiltin,
  isBuiltinDTypeName,
  promoteBuiltin,
  type BuiltinDTypeName,
  type CastingLevel,
} from './builtin-rules.js';

interface Reference {
  dtypes: string[];
  promoteTypes: { a: string; b: string; expected: string }[];
  canCast: { from: string; to: string; casting: CastingLevel; expected: boolean }[];
}

const reference = JSON.parse(
  readFileSync(new URL('../../../tests/reference/promotion.json', import.meta.url), 'utf8'),
) as Reference;

function builtin(name: string): BuiltinDTypeName {
  if (!isBuiltinDTypeName(name)) throw new Error(`not a builtin dtype: ${name}`);
  return name;
}

describe('generated builtin rules', () => {
  it('lists the dtypes in the reference order', () => {
    expect([...BUILTIN_DTYPE_NAMES]).toEqual(reference.dtypes);
  });

  it('promoteBuiltin matches np.promote_types for every pair', () => {
    for (const c of reference.promoteTypes) {
      expect(promoteBuiltin(builtin(c.a), builtin(c.b)), `${c.a} + ${c.b}`).toBe(c.expected);
    }
  });

  it('canCastBuiltin matches np.can_cast for every pair and level', () => {
    for (const c of reference.canCast) {
      expect(canCastBuiltin(builtin(c.from), builtin(c.to), c.casting), `${c.from} -> ${c.to} (${c.casting})`).toBe(c.expected);
    }
  });
});
