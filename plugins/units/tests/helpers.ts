import { expect } from 'vitest';
import * as dt from 'dtkit';
import { plugin } from '@dtkit/units';

dt.use(plugin);

export const q = (values: unknown, unit: string, base = 'float64'): dt.NDArray => dt.array(values as number[], { dtype: `quantity[${base},${unit}]` });

/** Runs `f`, expecting a DTKitError subclass `cls` with `code`; returns the message. */
export function expectError(f: () => unknown, cls: abstract new (...a: never[]) => Error, code: string): string {
  let err: unknown;
  try { f(); } catch (e) { err = e; }
  expect(err).toBeInstanceOf(cls);
  expect((err as { code: string }).code).toBe(code);
  return (err as Error).message;
}
