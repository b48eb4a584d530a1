/**
 * Table builders: one table entry per (ufunc, dtype). Number dtypes take their generated
 * own-literal loop; int64/uint64 and float16 wrap the scalar op around a per-storage kernel.
 */
import type { StridedLoop } from '@dtkit/core';
import type { LoopData } from '@dtkit/core';
import { generatedLoops } from './generated/index.generated.js';
import * as B from './kernels_bigint.js';
import * as H from './kernels_f16.js';
import type {
  Idx, LoopEntry, NumBinary, NumUnary, NumPredicate2, NumPredicate1,
  BigBinary, BigUnary, BigPredicate2, BigPredicate1, BigDType, IntDType,
} from './types.js';

/** dtypes stored one-number-per-slot in a native TypedArray (bool is Uint8Array 0/1). */
export type NumberDType = 'bool' | IntDType | 'float32' | 'float64';

type Kernel<Op> = (n: number, data: readonly LoopData[], o: Idx, s: Idx, op: Op) => void;
interface KernelSet<Bin, Un, P2, P1> {
  readonly binary: Kernel<Bin>;
  readonly unary: Kernel<Un>;
  readonly compare: Kernel<P2>;
  readonly predicate: Kernel<P1>;
}

const BIG_KERNELS: Readonly<Record<BigDType, KernelSet<BigBinary, BigUnary, BigPredicate2, BigPredicate1>>> = {
  int64: { binary: B.binaryI64, unary: B.unaryI64, compare: B.compareI64, predicate: B.predicateI64 },
  uint64: { binary: B.binaryU64, unary: B.unaryU64, compare: B.compareU64, predicate: B.predicateU64 },
};

function entry(ufunc: string, dtypes: readonly string[], loop: StridedLoop): LoopEntry {
  return { ufunc, dtypes, loop };
}

// ---- one number per element (bool, int8..uint32, float32, float64) ----
// The scalar `op` states the semantics; the loop is its generated own-literal twin
// (generated/*.generated.ts from dtypes/scripts/gen-loops.mjs), which V8 keeps monomorphic.
// Both are checked against NumPy by dtypes/tests/loops.test.ts.
export function generatedEntry(ufunc: string, dtypes: readonly string[]): LoopEntry {
  const key = `${ufunc}:${dtypes.join(',')}`;
  const loop = generatedLoops[key];
  if (loop === undefined) throw new Error(`no generated loop for ${key}: re-run dtypes/scripts/gen-loops.mjs`);
  return entry(ufunc, dtypes, loop);
}
export function numBinary(ufunc: string, dt: NumberDType, _op: NumBinary): LoopEntry {
  return generatedEntry(ufunc, [dt, dt, dt]);
}
export function numUnary(ufunc: string, dt: NumberDType, _op: NumUnary): LoopEntry {
  return generatedEntry(ufunc, [dt, dt]);
}
export function numCompare(ufunc: string, dt: NumberDType, _op: NumPredicate2): LoopEntry {
  return generatedEntry(ufunc, [dt, dt, 'bool']);
}
export function numPredicate(ufunc: string, dt: NumberDType, _op: NumPredicate1): LoopEntry {
  return generatedEntry(ufunc, [dt, 'bool']);
}

// ---- int64 / uint64 (BigInt; stores wrap modulo 2^64 by themselves) ----
export function bigBinary(ufunc: string, dt: BigDType, op: BigBinary): LoopEntry {
  const kernel = BIG_KERNELS[dt].binary;
  return entry(ufunc, [dt, dt, dt], (n, d, o, s) => kernel(n, d, o, s, op));
}
export function bigUnary(ufunc: string, dt: BigDType, op: BigUnary): LoopEntry {
  const kernel = BIG_KERNELS[dt].unary;
  return entry(ufunc, [dt, dt], (n, d, o, s) => kernel(n, d, o, s, op));
}
export function bigCompare(ufunc: string, dt: BigDType, op: BigPredicate2): LoopEntry {
  const kernel = BIG_KERNELS[dt].compare;
  return entry(ufunc, [dt, dt, 'bool'], (n, d, o, s) => kernel(n, d, o, s, op));
}
export function bigPredicate(ufunc: string, dt: BigDType, op: BigPredicate1): LoopEntry {
  const kernel = BIG_KERNELS[dt].predicate;
  return entry(ufunc, [dt, 'bool'], (n, d, o, s) => kernel(n, d, o, s, op));
}

// ---- float16 (computed in float32, rounded once to binary16) ----
export function f16Binary(ufunc: string, op: NumBinary): LoopEntry {
  return entry(ufunc, ['float16', 'float16', 'float16'], (n, d, o, s) => H.binaryF16(n, d, o, s, op));
}
export function f16Unary(ufunc: string, op: NumUnary): LoopEntry {
  return entry(ufunc, ['float16', 'float16'], (n, d, o, s) => H.unaryF16(n, d, o, s, op));
}
export function f16Compare(ufunc: string, op: NumPredicate2): LoopEntry {
  return entry(ufunc, ['float16', 'float16', 'bool'], (n, d, o, s) => H.compareF16(n, d, o, s, op));
}
export function f16Predicate(ufunc: string, op: NumPredicate1): LoopEntry {
  return entry(ufunc, ['float16', 'bool'], (n, d, o, s) => H.predicateF16(n, d, o, s, op));
}
/** float16 ops done directly on the bit patterns (sign-bit tricks). */
export function f16BitsBinary(ufunc: string, op: NumBinary): LoopEntry {
  return entry(ufunc, ['float16', 'float16', 'float16'], (n, d, o, s) => H.binaryF16Bits(n, d, o, s, op));
}
export function f16BitsUnary(ufunc: string, op: NumUnary): LoopEntry {
  return entry(ufunc, ['float16', 'float16'], (n, d, o, s) => H.unaryF16Bits(n, d, o, s, op));
}
export function f16BitsPredicate(ufunc: string, op: NumPredicate1): LoopEntry {
  return entry(ufunc, ['float16', 'bool'], (n, d, o, s) => H.predicateF16Bits(n, d, o, s, op));
}

/**
 * The same op family for every storage class: `small` for bool/int8..uint32 style numbers,
 * `big` for int64/uint64, `float` for float32/float64 (float16 reuses `f32`, its float32 variant).
 */
export function everyInt(build: (dt: IntDType) => LoopEntry, buildBig: (dt: BigDType) => LoopEntry): LoopEntry[] {
  return [
    build('int8'), build('uint8'), build('int16'), build('uint16'), build('int32'), build('uint32'),
    buildBig('int64'), buildBig('uint64'),
  ];
}
