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
import { reduceLoops } from './reduce.js';
import { argLoops } from './argreduce.js';
import { multiOutputLoops } from './multiout.js';
import { ldexpLoops } from './ldexp.js';
import type { LoopEntry, ReduceLoopEntry, ArgLoopEntry } from './types.js';

export type { LoopEntry, ReduceLoopEntry, ArgLoopEntry } from './types.js';
export { LEGACY_PROMOTED_UFUNCS, legacyPromoter } from './legacy-promote.js';

// Number dtypes' entries carry their generated own-literal loops (see build.ts).
export const builtinLoops: ReadonlyArray<LoopEntry> = [
  ...arithmeticLoops, ...comparisonLoops, ...logicalLoops, ...bitwiseLoops, ...minMaxLoops,
  ...mathLoops, ...ldexpLoops, ...classifyLoops, ...complexLoops,
];

export const builtinReduceLoops: ReadonlyArray<ReduceLoopEntry> = reduceLoops;

export const builtinArgLoops: ReadonlyArray<ArgLoopEntry> = argLoops;

/** Two-output loops (divmod, frexp); kept apart so tables keyed on one output stay simple. */
export const builtinMultiOutputLoops: ReadonlyArray<LoopEntry> = multiOutputLoops;
