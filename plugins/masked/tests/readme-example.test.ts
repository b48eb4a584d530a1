// The README's example, as written there (values in the comments are asserted here).
import { expect, it } from 'vitest';
import * as dt from 'dtkit';
import { plugin as masked, isNA, fillNA } from '@dtkit/masked';
import { plugin as quad } from '@dtkit/float128';

it('README example', () => {
  dt.use(quad); dt.use(masked);
  const a = dt.array([1, null, 3]);
  expect(a.dtype.name).toBe('masked[float64]');
  expect(a.toArray()).toEqual([1, null, 3]);
  expect(dt.add(a, 1).toArray()).toEqual([2, null, 4]);
  expect(dt.less(a, 2).toArray()).toEqual([true, null, false]);
  expect(dt.logicalOr(dt.array([true, null]), dt.array([null, null])).toArray()).toEqual([true, null]);
  expect(dt.sum(a).item()).toBe(4);
  expect(dt.sum(a, { skipna: false }).item()).toBeNull();
  expect(dt.mean(a).item()).toBe(2);
  expect(isNA(a).toArray()).toEqual([false, true, false]);
  expect(fillNA(a, 0).astype('float64').toArray()).toEqual([1, 0, 3]);
  expect((dt.array(['0.1', null], { dtype: 'masked[float128]' }).toArray() as unknown[])[1]).toBeNull();
});
