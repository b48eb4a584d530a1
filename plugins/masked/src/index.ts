/**
 * @dtkit/masked — missing values for any dtype: `masked[T]` stores T's values plus an Arrow
 * validity bitmap; its loops, casts and reductions are derived from T's by the kernel's
 * wrapping extension points, so masked[float128] and masked[bfloat16] need no code of their own.
 * @packageDocumentation
 */
export { plugin } from './plugin.js';
export { masked, maskedFamily, baseOf, isMasked } from './family.js';
export { isNA, fillNA } from './na.js';
