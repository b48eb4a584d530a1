/**
 * NumPy's legacy type resolution for ufuncs whose loop list skips some input dtypes (sqrt has
 * only e/f/d loops, floor_divide none for bool): take the first loop, in NumPy's loop order,
 * that every input casts to safely. int8 → float16, int16 → float32, int32/int64 → float64,
 * bool → float16 (or int8 for floor_divide); arctan2(int8, float32) → float32.
 *
 * Registered as a promoter per ufunc by the builtins plugin, so it runs only when no loop
 * matches the inputs exactly; dispatch caches its answer per (families, backend).
 */
import type { DTypeFamily, Promoter } from '@dtkit/core';
import { isBuiltinDTypeName, canCastBuiltin } from '../tables/builtin-rules.js';
import type { BuiltinDTypeName } from '../tables/builtin-rules.generated.js';
import type { LoopEntry } from './types.js';

/**
 * Ufuncs that resolve this way: exactly those where NumPy 2 has no loop for some bool/integer
 * input and still accepts it (dtypes/tests/promotion.test.ts checks this list against
 * `ufunc.types`). Not here: subtract/negative/positive/sign (NumPy rejects bool), and divide,
 * which has its own rule ({@link TRUE_DIVIDE}).
 */
export const LEGACY_PROMOTED_UFUNCS: readonly string[] = [
  'floor_divide', 'remainder', 'fmod', 'power', 'left_shift', 'right_shift', 'square',
  'sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p',
  'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh',
  'cbrt', 'arcsinh', 'arccosh', 'arctanh',
  'arctan2', 'hypot', 'logaddexp', 'logaddexp2', 'deg2rad', 'rad2deg', 'degrees', 'radians',
  'rint', 'signbit', 'copysign', 'nextafter', 'spacing', 'ldexp', 'frexp', 'divmod',
];

/** NumPy's true_divide resolver: only bool/integer inputs take the float64 loop; others resolve as usual. */
export const TRUE_DIVIDE = 'divide';

type Name = BuiltinDTypeName;

/** The input dtypes of each loop of `ufunc`, in table order (NumPy's loop order). */
function loopInputs(loops: readonly LoopEntry[], ufunc: string, nin: number): Name[][] {
  const out: Name[][] = [];
  for (const l of loops) {
    if (l.ufunc !== ufunc) continue;
    const ins = l.dtypes.slice(0, nin);
    if (ins.every(isBuiltinDTypeName)) out.push(ins as Name[]);
  }
  return out;
}

function isIntegral(name: Name): boolean {
  return name === 'bool' || name.includes('int');
}

/**
 * The promoter of `ufunc`: `family(name)` maps a dtype name to this registry's family and
 * `nameOf` back (undefined for families that are not builtins: those are left to the next rule).
 */
export function legacyPromoter(
  loops: readonly LoopEntry[], ufunc: string, nin: number,
  family: (name: Name) => DTypeFamily, nameOf: (f: DTypeFamily) => Name | undefined,
): Promoter {
  const candidates = loopInputs(loops, ufunc, nin);
  const outputsOf = new Map<string, Name[]>();
  for (const l of loops) if (l.ufunc === ufunc) outputsOf.set(l.dtypes.slice(0, nin).join(','), l.dtypes.slice(nin) as Name[]);
  return (fams) => {
    const names: Name[] = [];
    for (let k = 0; k < nin; k++) {
      const f = fams[k];
      const n = f == null ? undefined : nameOf(f);
      if (n === undefined) return undefined;
      names.push(n);
    }
    let pick: Name[] | undefined;
    if (ufunc === TRUE_DIVIDE && names.every(isIntegral)) pick = new Array<Name>(nin).fill('float64');
    else pick = candidates.find((c) => c.every((to, k) => canCastBuiltin(names[k]!, to, 'safe')));
    if (pick === undefined) return undefined;
    return [...pick, ...(outputsOf.get(pick.join(',')) ?? [])].map(family);
  };
}
