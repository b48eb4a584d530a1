// Immutable binary128 scalar. Holds its own 4 little-endian uint32 lanes (same layout as one
// element of a float128 array) and delegates to the lane-level soft-float operations.
import { CastingError } from '@dtkit/core';
import { add128, sub128 } from './add.js';
import { mul128 } from './mul.js';
import { div128 } from './div.js';
import { sqrt128 } from './sqrt.js';
import { fma128 } from './fma.js';
import { abs128, compare128, isFinite128, isInf128, isNaN128, neg128 } from './compare.js';
import { fromBigInt, fromNumber, toBigInt, toFloat16, toFloat32, toNumber } from './convert.js';
import { parseDecimal } from './decimal-parse.js';
import { formatDecimal } from './decimal-format.js';

/** Anything Float128.from accepts. */
export type Float128Like = Float128 | number | bigint | string;

type Binary = (a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number) => void;
type Unary = (a: Uint32Array, ai: number, out: Uint32Array, oi: number) => void;

export class Float128 {
  /** The 4 lanes (lane 0 = bits 0..31). Treat as read-only. */
  readonly lanes: Uint32Array;

  private constructor(lanes: Uint32Array) {
    this.lanes = lanes;
  }

  /**
   * Exact for numbers and bigints up to 113 bits; larger bigints and decimal strings are rounded
   * once (RNE). A malformed string throws ValueError 'PARSE', any other type CastingError 'VALUE_CAST'.
   */
  static from(v: Float128Like): Float128 {
    if (v instanceof Float128) return v;
    const u = new Uint32Array(4);
    if (typeof v === 'number') fromNumber(v, u, 0);
    else if (typeof v === 'bigint') fromBigInt(v, u, 0);
    else if (typeof v === 'string') parseDecimal(v, u, 0);
    else throw new CastingError(`Float128.from expects a Float128, number, bigint or decimal string, not ${typeof v === 'object' && v !== null ? Object.prototype.toString.call(v) : String(v)}`, 'VALUE_CAST');
    return new Float128(u);
  }

  /** Reads the element whose lanes start at `index` (element index × 4). */
  static fromLanes(u32: Uint32Array, index: number): Float128 {
    return new Float128(u32.slice(index, index + 4));
  }

  /** Builds a value from its 128-bit pattern. */
  static fromBits(bits: bigint): Float128 {
    const u = new Uint32Array(4);
    for (let k = 0; k < 4; k++) u[k] = Number((bits >> BigInt(32 * k)) & 0xffffffffn);
    return new Float128(u);
  }

  static readonly ZERO = Float128.from(0);
  static readonly ONE = Float128.from(1);
  static readonly NaN = Float128.from(NaN);
  static readonly POSITIVE_INFINITY = Float128.from(Infinity);
  static readonly NEGATIVE_INFINITY = Float128.from(-Infinity);
  /** Largest finite value, (2 − 2^−112)·2^16383. */
  static readonly MAX_VALUE = Float128.fromBits(0x7ffeffffffffffffffffffffffffffffn);
  /** Smallest positive subnormal, 2^−16494. */
  static readonly MIN_VALUE = Float128.fromBits(1n);
  /** 2^−112, the gap between 1 and the next value. */
  static readonly EPSILON = Float128.fromBits(0x3f8f0000000000000000000000000000n);

  /** Writes this value's lanes at `index`. */
  writeLanes(u32: Uint32Array, index: number): void {
    u32.set(this.lanes, index);
  }

  /** The 128-bit pattern. */
  toBits(): bigint {
    const u = this.lanes;
    return (BigInt(u[3]!) << 96n) | (BigInt(u[2]!) << 64n) | (BigInt(u[1]!) << 32n) | BigInt(u[0]!);
  }

  private bin(op: Binary, other: Float128Like): Float128 {
    const o = Float128.from(other);
    const u = new Uint32Array(4);
    op(this.lanes, 0, o.lanes, 0, u, 0);
    return new Float128(u);
  }

  private un(op: Unary): Float128 {
    const u = new Uint32Array(4);
    op(this.lanes, 0, u, 0);
    return new Float128(u);
  }

  add(o: Float128Like): Float128 { return this.bin(add128, o); }
  sub(o: Float128Like): Float128 { return this.bin(sub128, o); }
  mul(o: Float128Like): Float128 { return this.bin(mul128, o); }
  div(o: Float128Like): Float128 { return this.bin(div128, o); }
  sqrt(): Float128 { return this.un(sqrt128); }
  neg(): Float128 { return this.un(neg128); }
  abs(): Float128 { return this.un(abs128); }
  /** this × b + c with a single rounding. */
  fma(b: Float128Like, c: Float128Like): Float128 {
    const fb = Float128.from(b), fc = Float128.from(c);
    const u = new Uint32Array(4);
    fma128(this.lanes, 0, fb.lanes, 0, fc.lanes, 0, u, 0);
    return new Float128(u);
  }

  /** −1, 0, 1, or NaN when unordered. */
  compare(o: Float128Like): number { return compare128(this.lanes, 0, Float128.from(o).lanes, 0); }
  eq(o: Float128Like): boolean { return this.compare(o) === 0; }
  ne(o: Float128Like): boolean { return this.compare(o) !== 0; }
  lt(o: Float128Like): boolean { return this.compare(o) === -1; }
  le(o: Float128Like): boolean { const c = this.compare(o); return c === -1 || c === 0; }
  gt(o: Float128Like): boolean { return this.compare(o) === 1; }
  ge(o: Float128Like): boolean { const c = this.compare(o); return c === 1 || c === 0; }
  isNaN(): boolean { return isNaN128(this.lanes, 0); }
  isFinite(): boolean { return isFinite128(this.lanes, 0); }
  isInfinite(): boolean { return isInf128(this.lanes, 0); }
  /** Bit-identical (so NaN.equals(NaN) is true for the same NaN, and 0 does not equal −0). */
  equals(o: Float128): boolean {
    const a = this.lanes, b = o.lanes;
    return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
  }

  /** Shortest round-trip decimal, Python-repr style ('0.1', '1e+20', 'inf', 'nan'). */
  toString(): string { return formatDecimal(this.lanes, 0); }
  toJSON(): string { return this.toString(); }
  /** One RNE rounding to float64; overflow → ±inf, underflow → ±0. */
  toNumber(): number { return toNumber(this.lanes, 0); }
  /** Nearest float32 value (one rounding). */
  toFloat32(): number { return toFloat32(this.lanes, 0); }
  /** Nearest float16 value (one rounding). */
  toFloat16(): number { return toFloat16(this.lanes, 0); }
  /** Truncation toward zero; RangeError for NaN/inf. */
  toBigInt(): bigint { return toBigInt(this.lanes, 0); }
  valueOf(): number { return this.toNumber(); }
}
