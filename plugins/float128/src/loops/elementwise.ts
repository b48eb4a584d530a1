/**
 * Strided loop factories over float128 lanes. Offsets and strides arrive in elements; each
 * float128 element is 4 uint32 lanes, so lane indices are 4 × element indices. No loop
 * allocates per element: every op writes into the output lanes directly.
 */
import type { StridedLoop } from '@dtkit/core';

export type Lanes1 = (a: Uint32Array, ai: number, out: Uint32Array, oi: number) => void;
export type Lanes2 = (a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, oi: number) => void;
export type Lanes3 = (
  a: Uint32Array, ai: number, b: Uint32Array, bi: number, c: Uint32Array, ci: number, out: Uint32Array, oi: number,
) => void;
export type Test1 = (a: Uint32Array, ai: number) => boolean;
export type Test2 = (a: Uint32Array, ai: number, b: Uint32Array, bi: number) => boolean;

export function unaryLoop(op: Lanes1): StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as Uint32Array, o = data[1] as Uint32Array;
    const sa = 4 * strides[0]!, so = 4 * strides[1]!;
    for (let k = 0, ia = 4 * offs[0]!, io = 4 * offs[1]!; k < n; k++, ia += sa, io += so) op(a, ia, o, io);
  };
}

export function binaryLoop(op: Lanes2): StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as Uint32Array, b = data[1] as Uint32Array, o = data[2] as Uint32Array;
    const sa = 4 * strides[0]!, sb = 4 * strides[1]!, so = 4 * strides[2]!;
    for (let k = 0, ia = 4 * offs[0]!, ib = 4 * offs[1]!, io = 4 * offs[2]!; k < n; k++, ia += sa, ib += sb, io += so) {
      op(a, ia, b, ib, o, io);
    }
  };
}

export function ternaryLoop(op: Lanes3): StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as Uint32Array, b = data[1] as Uint32Array, c = data[2] as Uint32Array, o = data[3] as Uint32Array;
    const sa = 4 * strides[0]!, sb = 4 * strides[1]!, sc = 4 * strides[2]!, so = 4 * strides[3]!;
    let ia = 4 * offs[0]!, ib = 4 * offs[1]!, ic = 4 * offs[2]!, io = 4 * offs[3]!;
    for (let k = 0; k < n; k++, ia += sa, ib += sb, ic += sc, io += so) op(a, ia, b, ib, c, ic, o, io);
  };
}

/** Unary predicate → bool (Uint8Array) output. */
export function classifyLoop(test: Test1): StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as Uint32Array, o = data[1] as Uint8Array;
    const sa = 4 * strides[0]!, so = strides[1]!;
    for (let k = 0, ia = 4 * offs[0]!, io = offs[1]!; k < n; k++, ia += sa, io += so) o[io] = test(a, ia) ? 1 : 0;
  };
}

/** Binary predicate → bool (Uint8Array) output. */
export function compareLoop(test: Test2): StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as Uint32Array, b = data[1] as Uint32Array, o = data[2] as Uint8Array;
    const sa = 4 * strides[0]!, sb = 4 * strides[1]!, so = strides[2]!;
    for (let k = 0, ia = 4 * offs[0]!, ib = 4 * offs[1]!, io = offs[2]!; k < n; k++, ia += sa, ib += sb, io += so) {
      o[io] = test(a, ia, b, ib) ? 1 : 0;
    }
  };
}

/** ldexp(float128, int32 or int64) → float128; int64 exponents are clamped (the result saturates anyway). */
export function ldexpLoop(op: (a: Uint32Array, ai: number, e: number, out: Uint32Array, oi: number) => void): StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as Uint32Array, e = data[1] as Int32Array | BigInt64Array, o = data[2] as Uint32Array;
    const sa = 4 * strides[0]!, se = strides[1]!, so = 4 * strides[2]!;
    for (let k = 0, ia = 4 * offs[0]!, ie = offs[1]!, io = 4 * offs[2]!; k < n; k++, ia += sa, ie += se, io += so) {
      const x = e[ie]!;
      const exp = typeof x === 'bigint' ? (x > 100000n ? 100000 : x < -100000n ? -100000 : Number(x)) : x;
      op(a, ia, exp, o, io);
    }
  };
}

/** frexp: mantissa (float128) and exponent (int32) outputs. */
export function frexpLoop(op: (a: Uint32Array, ai: number, out: Uint32Array, oi: number) => number): StridedLoop {
  return (n, data, offs, strides) => {
    const a = data[0] as Uint32Array, m = data[1] as Uint32Array, e = data[2] as Int32Array;
    const sa = 4 * strides[0]!, sm = 4 * strides[1]!, se = strides[2]!;
    for (let k = 0, ia = 4 * offs[0]!, im = 4 * offs[1]!, ie = offs[2]!; k < n; k++, ia += sa, im += sm, ie += se) {
      e[ie] = op(a, ia, m, im);
    }
  };
}
