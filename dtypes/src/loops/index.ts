/**
 * Plain-JS inner loops of the builtin numeric dtypes, as data tables mirroring NumPy 2's
 * `np.<ufunc>.types` (restricted to bool, (u)int8–64, float16/32/64, complex64/128).
 */
import { arithmeticLoops } from './arith.js';
import { comparisonLoops } from './compare.js';
import { logicalLoops } from './logical.js';
import { bitwiseLoops } from './bitwise.js';
import { minMaxLoops } from './minmax.js';
import { mathLoops } from './math.js';
import { classifyLoops } from './classify.js';
import { complexLoops } from './complex.js';
import { generatedLoops } from './generated/index.generated.js';
import { reduceLoops } from './reduce.js';
import { argLoops } from './argreduce.js';
import type { LoopEntry, ReduceLoopEntry, ArgLoopEntry } from './types.js';

export type { LoopEntry, ReduceLoopEntry, ArgLoopEntry } from './types.js';

const signature = (e: LoopEntry): string => `${e.ufunc}:${e.dtypes.join(',')}`;

/**
 * Generated own-literal loops (generated/*.generated.ts, from dtypes/scripts/gen-loops.mjs) replace
 * every factory-made bool / int8..uint32 / float32 / float64 loop: same ops, written inline.
 */
function withGenerated(base: readonly LoopEntry[]): LoopEntry[] {
  return base.map((e) => {
    const loop = generatedLoops[signature(e)];
    return loop === undefined ? e : { ufunc: e.ufunc, dtypes: e.dtypes, loop };
  });
}

// Generated loops replace every factory-made number loop; hot.ts is no longer needed for them
// (its loops share one kernel per type, which V8 optimises on its own for long calls).
export const builtinLoops: ReadonlyArray<LoopEntry> = withGenerated([
  ...arithmeticLoops, ...comparisonLoops, ...logicalLoops, ...bitwiseLoops, ...minMaxLoops,
  ...mathLoops, ...classifyLoops, ...complexLoops,
]);

export const builtinReduceLoops: ReadonlyArray<ReduceLoopEntry> = reduceLoops;

export const builtinArgLoops: ReadonlyArray<ArgLoopEntry> = argLoops;
