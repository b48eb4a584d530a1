import { CastingError, type LoopContext, type MinifloatOverflow } from '@dtkit/core';

/** Reads the `overflow` cast option: 'inf' (default) or 'saturate'; anything else is an error. */
export function overflowOption(ctx: LoopContext): MinifloatOverflow {
  const v = ctx.options['overflow'];
  if (v === undefined || v === 'inf') return 'inf';
  if (v === 'saturate') return 'saturate';
  throw new CastingError(`cast option overflow must be 'inf' or 'saturate', got ${String(v)}`, 'CAST_OPTION');
}

/** Elements converted per step through the scratch buffers of the cast and ufunc loops. */
export const CHUNK = 1024;
