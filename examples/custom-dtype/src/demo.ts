/** The rational dtype in ~10 lines of output, for the repo's `npm run demo`. */
import * as dt from 'dtkit';
import { plugin, rational, Rational } from './index.js';

export async function rationalDemo(print: (s: string) => void): Promise<void> {
  dt.use(plugin); // idempotent: safe if the app already installed it
  const r = dt.array([new Rational(1, 2), new Rational(1, 3), new Rational(-5, 6)]);
  const step = (label: string, value: unknown): void => print(`${label.padEnd(44)}→ ${String(value)}`);
  step('r = dt.array([1/2, 1/3, -5/6] as Rational)', r);
  step('dt.add(r, r)', dt.add(r, r));
  step("dt.multiply(r, int8 [2, 3, 6])", dt.multiply(r, dt.array([2, 3, 6], { dtype: 'int8' })));
  step('dt.add(r, 1)  (weak JS int → rational)', dt.add(r, 1));
  step('dt.divide(1, r)', dt.divide(1, r));
  step('dt.sum(r)', dt.sum(r));
  const tenth = dt.array([new Rational(1, 10)]);
  step('1/10 + 2/10  (float64: 0.30000000000000004)', dt.add(tenth, dt.multiply(tenth, 2)));
  step('dt.add.accumulate(r)', dt.add.accumulate(r));
  step('dt.less(r, 0)', dt.less(r, 0));
  step("resultType(rational, 'int16')", dt.resultType(rational, 'int16').name);
  step("canCast(rational, 'float64', 'safe')", dt.canCast(rational, 'float64', 'safe'));
  step("r.astype('float64')", r.astype('float64'));
  try {
    dt.divide(r, dt.zeros([3], { dtype: rational }));
  } catch (e) {
    const err = e as dt.DTKitError;
    step('dt.divide(r, 0)', `${err.name} [${err.code}]: ${err.message}`);
  }
}
