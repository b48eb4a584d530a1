import * as dt from 'dtkit';
import { plugin as quad } from '@dtkit/float128';
import { plugin as ml } from '@dtkit/bfloat16';
import { plugin } from '@dtkit/masked';
import ref from './reference.generated.json' with { type: 'json' };

dt.use(quad); dt.use(ml); dt.use(plugin);

export { dt, ref };
/** JSON reference values: 'NaN' strings back to NaN. */
export function num(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(num);
  return x === 'NaN' ? NaN : x;
}
