import { expect, test } from 'vitest';
import { rationalDemo } from '../src/demo.js';

test('rationalDemo prints its tour, ending with the typed zero-division error', async () => {
  const lines: string[] = [];
  await rationalDemo((s) => lines.push(s));
  expect(lines.length).toBeGreaterThanOrEqual(10);
  expect(lines[0]).toMatch(/→ array\(\[ 1\/2,  1\/3, -5\/6\], dtype=rational\)$/);
  expect(lines.some((l) => l.endsWith('→ array([3/10], dtype=rational)'))).toBe(true);
  expect(lines.at(-1)).toMatch(/RationalError \[RATIONAL_ZERO_DIVISION\]/);
});
