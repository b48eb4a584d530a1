import * as dt from 'dtkit';
import { plugin, rational, Rational } from '../src/index.js';

dt.use(plugin);

/** A rational array from 'n/d' strings, e.g. q('1/2', '-1/3'). */
export function q(...values: string[]): dt.NDArray {
  return dt.array(values.map((v) => Rational.from(v)), { dtype: rational });
}

/** Elements as strings, e.g. ['1/2', '-1/3'] (compact exact expectations). */
export function str(a: dt.NDArray): string[] {
  const flat = a.ndim === 0 ? [a.item()] : (a.reshape([-1]).toArray() as unknown[]);
  return flat.map((v) => String(v));
}

/** The error code a call throws (fails the test when it does not throw). */
export function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof dt.DTKitError) return e.code;
    throw e;
  }
  throw new Error('expected the call to throw');
}
