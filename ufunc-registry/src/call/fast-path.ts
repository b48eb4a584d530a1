import {
  NDArray, allocateStore, sizeOf, weakFamilyOf, commonFamily, loopDataOf as dataOf, sameShape,
  type DType, type DTypeFamily, type LoopContext, type LoopData, type Registry, type StridedLoop,
} from '@dtkit/core';
import { resolveMethod } from '../dispatch/resolve.js';
import type { UFuncDef } from '../ufunc-def.js';

/**
 * The small-array fast path: contiguous operands of one shape, no casts, no options but `out`.
 * A one-entry inline cache per ufunc remembers the last (registry version, dtypes, device) and
 * its loop, so a hit allocates nothing but the result.
 */
export interface FastCache {
  reg: Registry | null;
  version: number;
  device: string;
  d0: DType | null;
  d1: DType | null;
  out: DType | null;
  loop: StridedLoop | null;
  ctx: LoopContext | null;
  /** For array ⊕ JS scalar: the scalar's weak family, and whether the scalar came first. */
  weak: DTypeFamily | null;
  scalarFirst: boolean;
}

export function newFastCache(): FastCache {
  return { reg: null, version: -1, device: '', d0: null, d1: null, out: null, loop: null, ctx: null, weak: null, scalarFirst: false };
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
const ONES = [1, 1, 1];
const OFFS = [0, 0, 0];
const DATA: LoopData[] = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];
let busy = false;

/** Fills the cache for these operands, or returns false when the fast path does not apply. */
function fill(c: FastCache, def: UFuncDef, reg: Registry, d0: DType, d1: DType | null, device: string, operands: readonly NDArray[] | undefined): boolean {
  const given = d1 === null ? [d0, null] : [d0, d1, null];
  const m = resolveMethod(reg, def, given, device, undefined, operands);
  const ds = m.descriptors;
  if (ds[0] !== d0 || (d1 !== null && ds[1] !== d1)) return false; // needs an input cast
  const out = ds[def.nin]!;
  // Descriptors are interned, so a parametric resolution (quantity[m] * quantity[s]) is a function
  // of the operand descriptors and may be cached like any other, unless it reads operand values.
  if (m.valueDependent === true || m.mayThrow) return false;
  c.reg = reg; c.version = reg.version; c.device = device; c.d0 = d0; c.d1 = d1; c.out = out; c.weak = null;
  c.loop = m.pick(true, EMPTY);
  c.ctx = { descriptors: ds, options: EMPTY, auxdata: m.auxdata };
  return true;
}

/** Runs `def` on the fast path, or returns undefined to take the general path. */
export function tryFastPath(c: FastCache, def: UFuncDef, a: NDArray, b: NDArray | null, out: NDArray | null): NDArray | undefined {
  if (busy || !a.contiguous) return undefined;
  const reg = a.registry;
  const device = a.device;
  if (b !== null && (!b.contiguous || b.registry !== reg || b.device !== device || !sameShape(a.shape, b.shape))) return undefined;
  const d1 = b === null ? null : b.dtype;
  if (c.reg !== reg || c.version !== reg.version || c.d0 !== a.dtype || c.d1 !== d1 || c.device !== device) {
    if (!fill(c, def, reg, a.dtype, d1, device, b === null ? [a] : [a, b])) return undefined;
  }
  const od = c.out!;
  let res: NDArray;
  if (out !== null) {
    if (out.dtype !== od || !out.contiguous || out.device !== device || !sameShape(out.shape, a.shape)) return undefined;
    // An out sharing an input's store at another offset would be read after being written.
    if ((out.store === a.store && out.offset !== a.offset) || (b !== null && out.store === b.store && out.offset !== b.offset)) return undefined;
    // out overlapping an input at another offset needs the general path's temporary (NumPy overlap rule)
    if ((out.store === a.store && out.offset !== a.offset) || (b !== null && out.store === b.store && out.offset !== b.offset)) return undefined;
    res = out;
  } else {
    res = new NDArray(reg, od, allocateStore(od, sizeOf(a.shape), false), a.shape, undefined, 0, device);
  }
  const n = res.size;
  if (n === 0) return res;
  busy = true;
  try {
    DATA[0] = dataOf(a.store);
    OFFS[0] = a.offset;
    if (b === null) {
      DATA[1] = dataOf(res.store);
      OFFS[1] = res.offset;
    } else {
      DATA[1] = dataOf(b.store);
      OFFS[1] = b.offset;
      DATA[2] = dataOf(res.store);
      OFFS[2] = res.offset;
    }
    c.loop!(n, DATA, OFFS, ONES, c.ctx!);
  } finally {
    busy = false;
  }
  return res;
}

const STRIDES_SCALAR_SECOND = [1, 0, 1];
const STRIDES_SCALAR_FIRST = [0, 1, 1];

/**
 * array ⊕ JS scalar on the fast path, when the scalar is weak and the array's dtype absorbs it
 * (float64 + 1.5, int8 + 1): the scalar is stored once in a one-element store of the array's
 * dtype (setItem validates it: 300 into uint8 still throws) and read with stride 0.
 */
export function tryFastScalar(c: FastCache, def: UFuncDef, a: NDArray, scalar: unknown, scalarFirst: boolean, out: NDArray | null): NDArray | undefined {
  if (busy || !a.contiguous || def.nin !== 2) return undefined;
  const weak = weakFamilyOf(scalar);
  if (weak === undefined) return undefined;
  const reg = a.registry;
  const d = a.dtype;
  if (c.reg !== reg || c.version !== reg.version || c.d0 !== d || c.d1 !== d || c.device !== a.device || c.weak !== weak || c.scalarFirst !== scalarFirst) {
    if (d.family.parametric || commonFamily(reg, d.family, weak) !== d.family) return undefined;
    if (!fill(c, def, reg, d, d, a.device, undefined)) return undefined; // parametric (wrapper) dtypes never get here
    c.weak = weak;
    c.scalarFirst = scalarFirst;
  }
  const od = c.out!;
  let res: NDArray;
  if (out !== null) {
    if (out.dtype !== od || !out.contiguous || out.device !== a.device || !sameShape(out.shape, a.shape)) return undefined;
    if (out.store === a.store && out.offset !== a.offset) return undefined;
    res = out;
  } else {
    res = new NDArray(reg, od, allocateStore(od, sizeOf(a.shape), false), a.shape, undefined, 0, a.device);
  }
  const one = allocateStore(d, 1);
  d.family.spec.setItem(d, one, 0, scalar); // validates the value (300 into uint8 throws)
  const n = res.size;
  if (n === 0) return res;
  busy = true;
  try {
    const sIdx = scalarFirst ? 0 : 1;
    DATA[sIdx] = dataOf(one);
    OFFS[sIdx] = 0;
    DATA[1 - sIdx] = dataOf(a.store);
    OFFS[1 - sIdx] = a.offset;
    DATA[2] = dataOf(res.store);
    OFFS[2] = res.offset;
    c.loop!(n, DATA, OFFS, scalarFirst ? STRIDES_SCALAR_FIRST : STRIDES_SCALAR_SECOND, c.ctx!);
  } finally {
    busy = false;
  }
  return res;
}
