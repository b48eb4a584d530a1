/**
 * Transcendental loops, registered for whichever functions soft/ exports (it is still gaining
 * them). Looked up by export name on the soft/ namespace, so a function appears here as soon as
 * soft/index.ts exports it, without editing this file. Names follow soft/'s convention
 * (`exp128`, `exp2_128`, `log1p128`, `atan2_128`, ...).
 */
import * as soft from '../soft/index.js';
import type { Lanes1, Lanes2 } from './elementwise.js';

/** NumPy ufunc name → soft/ export name. */
const UNARY_NAMES: Readonly<Record<string, string>> = {
  exp: 'exp128', exp2: 'exp2_128', expm1: 'expm1_128', log: 'log128', log2: 'log2_128', log10: 'log10_128',
  log1p: 'log1p128', sin: 'sin128', cos: 'cos128', tan: 'tan128', arcsin: 'asin128', arccos: 'acos128',
  arctan: 'atan128', sinh: 'sinh128', cosh: 'cosh128', tanh: 'tanh128', arcsinh: 'asinh128',
  arccosh: 'acosh128', arctanh: 'atanh128', cbrt: 'cbrt128',
};
const BINARY_NAMES: Readonly<Record<string, string>> = { arctan2: 'atan2_128', power: 'pow128', hypot: 'hypot128' };

function pick<T>(names: Readonly<Record<string, string>>, arity: number): Record<string, T> {
  const exports = soft as Readonly<Record<string, unknown>>;
  const found: Record<string, T> = {};
  for (const [ufunc, name] of Object.entries(names)) {
    const f = exports[name];
    if (typeof f === 'function' && f.length === arity) found[ufunc] = f as T;
  }
  return found;
}

export const TRANSCENDENTALS: { readonly unary: Readonly<Record<string, Lanes1>>; readonly binary: Readonly<Record<string, Lanes2>> } = {
  unary: pick<Lanes1>(UNARY_NAMES, 4),
  binary: pick<Lanes2>(BINARY_NAMES, 6),
};

/** The NumPy names of the transcendentals soft/ does not provide yet (NoLoopError for float128). */
export const MISSING_TRANSCENDENTALS: readonly string[] = [...Object.keys(UNARY_NAMES), ...Object.keys(BINARY_NAMES)]
  .filter((n) => !(n in TRANSCENDENTALS.unary) && !(n in TRANSCENDENTALS.binary));
