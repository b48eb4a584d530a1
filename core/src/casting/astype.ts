import type { DType } from '../dtype/dtype.js';
import type { NDArray } from '../array/ndarray.js';
import { ValueError } from '../errors.js';
import { castArray } from './cast.js';
import type { Casting } from './levels.js';
import { ownOptions, describeValue, STANDARD_CAST_OPTIONS } from './options.js';

const ASTYPE_OPTIONS: ReadonlySet<string> = new Set(['casting', 'order', ...STANDARD_CAST_OPTIONS]);

/**
 * `a.astype(dtype, { casting = 'unsafe', order = 'K', ...castOptions })`: every option is
 * validated before the cast (own keys only; unknown names are ValueError 'OPTION' unless a
 * registered cast or loop declares them), then passed to the cast loop in `ctx.options`.
 */
export function astype(a: NDArray, d: DType | string, options: unknown): NDArray {
  const opts = ownOptions(options, ASTYPE_OPTIONS, a.registry, 'astype');
  const to = a.registry.dtype(d);
  const order = opts['order'];
  if (order !== undefined && order !== 'K' && order !== 'C') throw new ValueError(`astype order must be 'K' or 'C', not ${describeValue(order)}`, 'ORDER');
  const casting = (opts['casting'] as Casting | undefined) ?? 'unsafe';
  return castArray(a.registry, a, to, casting, opts, order === 'C' ? 'C' : 'K');
}
