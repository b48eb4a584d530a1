// The README example, line by line, so the documentation cannot drift from the behaviour.
import { expect, it } from 'vitest';
import * as dt from 'dtkit';
import { plugin, bfloat16, float8_e4m3fn } from '@dtkit/bfloat16';

it('README example', () => {
  dt.use(plugin);
  const a = dt.array([1, 2.5, -0.1], { dtype: bfloat16 });
  expect(a.toString()).toBe('array([ 1. ,  2.5, -0.1], dtype=bfloat16)');
  expect(a.toArray()).toEqual([1, 2.5, -0.10009765625]);
  expect(dt.array([16842753]).astype(bfloat16).item()).toBe(16908288);
  expect(dt.array([16842753]).astype('float32').astype(bfloat16).item()).toBe(16777216);
  expect(dt.array([448, 464, 465]).astype(float8_e4m3fn).toArray()).toEqual([448, 448, NaN]);
  expect(dt.array([465, 1e9]).astype(float8_e4m3fn, { overflow: 'saturate' }).toArray()).toEqual([448, 448]);
  expect(dt.add(a, 1).dtype.name).toBe('bfloat16');
  expect(dt.add(a, dt.zeros([3], { dtype: 'float16' })).dtype.name).toBe('float32');
  expect(dt.sum(dt.array([256, 1, 1, 1, 1], { dtype: bfloat16 })).item()).toBe(260);
  expect(dt.finfo(bfloat16)['eps']).toBe(0.0078125);
});
