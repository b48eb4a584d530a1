/**
 * @dtkit/float128 — IEEE 754 binary128 for dtkit: 16-byte little-endian elements bit-identical
 * to C `__float128`, correctly rounded + − × ÷ sqrt fma, exact decimal parsing, shortest
 * round-trip printing, casts and promotion with every builtin. Install with `use(plugin)`.
 * @packageDocumentation
 */
export { plugin } from './plugin.js';
export { float128, Float128DType } from './family.js';
export { fma } from './ufuncs.js';
export { FLOAT128_INFO } from './constants.js';
export { Float128, type Float128Like } from './soft/index.js';
