/** Converting JS values into float128 lanes for setItem (strict: no silent coercion of junk). */
import { CastingError, isComplexValue, type DType } from '@dtkit/core';
import { Float128, fromBigInt, fromNumber, parseDecimal } from './soft/index.js';

function describe(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v);
  return typeof v === 'object' && v !== null ? Object.prototype.toString.call(v) : String(v);
}

function refuse(d: DType, v: unknown, why: string): never {
  throw new CastingError(`cannot store ${describe(v)} in ${d.name}: ${why}`, 'VALUE_CAST');
}

/**
 * Writes `v` at lane index `li`: Float128 as is, number and bigint exactly (bigints beyond
 * 113 bits rounded once, RNE), decimal strings parsed exactly, booleans as 0/1, complex
 * values only with a zero imaginary part.
 */
export function writeValue(d: DType, u: Uint32Array, li: number, v: unknown): void {
  if (v instanceof Float128) v.writeLanes(u, li);
  else if (typeof v === 'number') fromNumber(v, u, li);
  else if (typeof v === 'bigint') fromBigInt(v, u, li);
  else if (typeof v === 'boolean') fromNumber(v ? 1 : 0, u, li);
  else if (typeof v === 'string') {
    try {
      parseDecimal(v, u, li);
    } catch {
      refuse(d, v, 'not a decimal number literal');
    }
  } else if (isComplexValue(v)) {
    if (v.im !== 0) refuse(d, v, 'complex value with a non-zero imaginary part');
    fromNumber(v.re, u, li);
  } else refuse(d, v, 'expected a Float128, number, bigint or decimal string');
}
