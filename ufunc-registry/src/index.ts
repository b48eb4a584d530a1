/**
 * @dtkit/ufunc-registry — the kernel's second half: UFunc objects, dispatch (exact loop →
 * wrapping loop → promoters → common-DType promoter) with a per-registry cache,
 * reduce/accumulate/outer, and the standard catalog (definitions only).
 * @packageDocumentation
 */
export { makeUFunc, type UFunc, type Operand } from './ufunc.js';
export type { UFuncDef } from './ufunc-def.js';
export type { UFuncCallOptions, ReduceOptions, AccumulateOptions } from './call/options.js';
export { CATALOG, ufuncs, catalogPlugin, camelName, defineUfunc } from './catalog.js';
export { findLoop, type FoundLoop } from './dispatch/find-loop.js';
export { resolveMethod, type ResolvedMethod } from './dispatch/resolve.js';
export { sum, prod, min, max, mean, any, all, argmin, argmax, type ArgOptions } from './reductions.js';
import { ufuncs } from './catalog.js';

const U = ufuncs;
export const add = U['add']!, subtract = U['subtract']!, multiply = U['multiply']!, divide = U['divide']!;
export const floorDivide = U['floor_divide']!, remainder = U['remainder']!, fmod = U['fmod']!, power = U['power']!;
export const negative = U['negative']!, positive = U['positive']!, absolute = U['absolute']!, sign = U['sign']!;
export const equal = U['equal']!, notEqual = U['not_equal']!, less = U['less']!, lessEqual = U['less_equal']!;
export const greater = U['greater']!, greaterEqual = U['greater_equal']!;
export const logicalAnd = U['logical_and']!, logicalOr = U['logical_or']!, logicalXor = U['logical_xor']!, logicalNot = U['logical_not']!;
export const bitwiseAnd = U['bitwise_and']!, bitwiseOr = U['bitwise_or']!, bitwiseXor = U['bitwise_xor']!, invert = U['invert']!;
export const leftShift = U['left_shift']!, rightShift = U['right_shift']!;
export const maximum = U['maximum']!, minimum = U['minimum']!, fmax = U['fmax']!, fmin = U['fmin']!;
export const sqrt = U['sqrt']!, cbrt = U['cbrt']!, square = U['square']!, exp = U['exp']!, exp2 = U['exp2']!, expm1 = U['expm1']!;
export const log = U['log']!, log2 = U['log2']!, log10 = U['log10']!, log1p = U['log1p']!;
export const sin = U['sin']!, cos = U['cos']!, tan = U['tan']!, arcsin = U['arcsin']!, arccos = U['arccos']!, arctan = U['arctan']!;
export const arctan2 = U['arctan2']!, sinh = U['sinh']!, cosh = U['cosh']!, tanh = U['tanh']!;
export const arcsinh = U['arcsinh']!, arccosh = U['arccosh']!, arctanh = U['arctanh']!, hypot = U['hypot']!;
export const logaddexp = U['logaddexp']!, logaddexp2 = U['logaddexp2']!;
export const deg2rad = U['deg2rad']!, rad2deg = U['rad2deg']!, degrees = U['degrees']!, radians = U['radians']!;
export const floor = U['floor']!, ceil = U['ceil']!, trunc = U['trunc']!, rint = U['rint']!;
export const isnan = U['isnan']!, isinf = U['isinf']!, isfinite = U['isfinite']!, signbit = U['signbit']!, copysign = U['copysign']!;
export const nextafter = U['nextafter']!, spacing = U['spacing']!, ldexp = U['ldexp']!, frexp = U['frexp']!, divmod = U['divmod']!;
