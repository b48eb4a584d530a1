/**
 * masked[T] loops derived from T's loops (registerWrappingLoop's wrapLoop): the wrapped loop
 * runs on the values of every lane at once (NA lanes' results are never observable), and the
 * result's validity is computed word-at-a-time from the operands' bitmaps. Wrapped loops that
 * may throw run only on the runs of valid lanes, so a value under the mask never raises. Per-ufunc rules (never per-dtype): Kleene logic for logical_and / logical_or,
 * and integer division by zero gives NA.
 */
import { loopDataOf, type CompositeStore, type DType, type LoopContext, type LoopData, type StridedLoop, type WrappedLoopInfo } from '@dtkit/core';
import { andInto, fillOnes, gather, scatter, scratch, wordsOf, type TypedArrayLike } from './bitmap.js';
import { DIRTY, bitsOf, isMasked, valuesOf } from './family.js';

/** floor_divide etc. with integer operands: a zero divisor (operand 1) makes the lane NA. */
const INT_DIVISIONS = new Set(['floor_divide', 'remainder', 'fmod', 'divmod']);
const KLEENE: Readonly<Record<string, 'and' | 'or'>> = { logical_and: 'and', logical_or: 'or' };

// Scratch levels: 0 result validity, 1 operand bits, 2/3 truth bits of operands 0/1.
const VALID = 0, TMP = 1, TRUTH0 = 2, TRUTH1 = 3;
let truthBytes = new Uint8Array(256);

/** Builds the masked loop around `inner` (T's loop for the unwrapped descriptors). */
export function wrapMaskedLoop(inner: StridedLoop, innerDs: readonly DType[], ds: readonly DType[], info: WrappedLoopInfo): StridedLoop {
  const nop = ds.length;
  const nin = info.nin;
  const masked = ds.map(isMasked);
  const kleene = KLEENE[info.ufunc];
  const intDivision = INT_DIVISIONS.has(info.ufunc) && (innerDs[1]!.kind === 'int' || innerDs[1]!.kind === 'uint' || innerDs[1]!.kind === 'bool');
  const simpleAnd = kleene === undefined && nin === 2 && masked[0]! && masked[1]!;
  const innerData = new Array<LoopData>(nop);
  const runOffs = new Array<number>(nop).fill(0);
  let lastCtx: LoopContext | null = null;
  let innerCtx: LoopContext = { descriptors: innerDs, options: {}, auxdata: undefined };

  return (n, data, offs, strides, ctx) => {
    if (ctx !== lastCtx) {
      lastCtx = ctx;
      innerCtx = { descriptors: innerDs, options: ctx.options, auxdata: ctx.auxdata };
    }
    for (let k = 0; k < nop; k++) innerData[k] = masked[k] ? loopDataOf(valuesOf(data[k] as CompositeStore)) : data[k]!;
    // Result validity, computed before the loop runs (an output may alias an input).
    const valid = scratch(VALID, n);
    let first = true;
    const fast = simpleAnd && alignedRun(masked, offs, strides, nop);
    if (fast) {
      andWords(data, offs, n, valid);
      first = false;
    }
    for (let j = 0; !fast && j < nin; j++) {
      if (!masked[j]) continue;
      const bits = wordsOf(bitsOf(data[j] as CompositeStore));
      if (first) gather(bits, offs[j]!, strides[j]!, n, valid);
      else {
        const tmp = scratch(TMP, n);
        gather(bits, offs[j]!, strides[j]!, n, tmp);
        andInto(valid, tmp, n);
      }
      first = false;
    }
    if (first) fillOnes(valid, n);
    if (kleene !== undefined) kleeneValidity(kleene, inner, n, innerData, offs, strides, innerCtx, masked, data, valid);
    if (intDivision) maskZeroDivisors(innerData[1] as unknown as TypedArrayLike, offs[1]!, strides[1]!, n, valid);

    if (info.mayThrow) runValidLanes(inner, n, innerData, offs, strides, innerCtx, valid, runOffs);
    else inner(n, innerData, offs, strides, innerCtx);

    for (let j = nin; j < nop; j++) {
      if (!masked[j]) continue;
      const st = data[j] as CompositeStore;
      scatter(wordsOf(bitsOf(st)), offs[j]!, strides[j]!, n, valid);
      // Values under NA stay as computed (clearing them eagerly cost as much as a float64 add);
      // readers that need zeros there clear them once (zeroUnderNA).
      st.content = DIRTY;
    }
  };
}

/** Every masked operand has stride 1 and a bit offset on a 32-bit word boundary. */
function alignedRun(masked: readonly boolean[], offs: ArrayLike<number>, strides: ArrayLike<number>, nop: number): boolean {
  for (let k = 0; k < nop; k++) if (masked[k] && (strides[k] !== 1 || (offs[k]! & 31) !== 0)) return false;
  return true;
}

/** valid = bits(a) & bits(b), straight from the two bitmaps' words (the common, aligned case). */
function andWords(data: readonly LoopData[], offs: ArrayLike<number>, n: number, valid: Int32Array): void {
  const a = wordsOf(bitsOf(data[0] as CompositeStore));
  const a0 = offs[0]! >>> 5;
  const b = wordsOf(bitsOf(data[1] as CompositeStore));
  const b0 = offs[1]! >>> 5;
  const nw = (n + 31) >>> 5;
  for (let i = 0; i < nw; i++) valid[i] = a[a0 + i]! & b[b0 + i]!;
}

/**
 * Kleene logic: `False & NA = False`, `True | NA = True`. A lane is valid when both operands are,
 * or when a valid operand decides it alone. Truthiness comes from T's own loop: op(x, x) = bool(x).
 */
function kleeneValidity(
  kind: 'and' | 'or', inner: StridedLoop, n: number, innerData: LoopData[], offs: ArrayLike<number>, strides: ArrayLike<number>,
  ctx: LoopContext, masked: readonly boolean[], data: readonly LoopData[], valid: Int32Array,
): void {
  if (truthBytes.length < n) truthBytes = new Uint8Array(Math.max(n, 2 * truthBytes.length));
  const truth = [scratch(TRUTH0, n), scratch(TRUTH1, n)];
  const vj = [scratch(TMP, n), scratch(4, n)];
  for (let j = 0; j < 2; j++) {
    inner(n, [innerData[j]!, innerData[j]!, truthBytes], [offs[j]!, offs[j]!, 0], [strides[j]!, strides[j]!, 1], ctx);
    packBytes(truthBytes, n, truth[j]!);
    if (masked[j]) gather(wordsOf(bitsOf(data[j] as CompositeStore)), offs[j]!, strides[j]!, n, vj[j]!);
    else fillOnes(vj[j]!, n);
  }
  const nw = (n + 31) >>> 5;
  const [t0, t1] = truth as [Int32Array, Int32Array];
  const [v0, v1] = vj as [Int32Array, Int32Array];
  // and: valid where both valid, or a valid False decides; or: ... a valid True decides.
  if (kind === 'and') for (let i = 0; i < nw; i++) valid[i] = (v0[i]! & v1[i]!) | (v0[i]! & ~t0[i]!) | (v1[i]! & ~t1[i]!);
  else for (let i = 0; i < nw; i++) valid[i] = (v0[i]! & v1[i]!) | (v0[i]! & t0[i]!) | (v1[i]! & t1[i]!);
}

/** Bits ← bytes (nonzero = 1), 32 bytes per word. */
function packBytes(bytes: Uint8Array, n: number, out: Int32Array): void {
  const nw = (n + 31) >>> 5;
  for (let w = 0; w < nw; w++) {
    let x = 0;
    const end = Math.min(32, n - (w << 5));
    for (let b = 0; b < end; b++) if (bytes[(w << 5) + b] !== 0) x |= 1 << b;
    out[w] = x;
  }
}

/** Clears the validity of lanes whose integer divisor is zero. */
function maskZeroDivisors(divisor: TypedArrayLike, off: number, stride: number, n: number, valid: Int32Array): void {
  for (let i = 0, k = off; i < n; i++, k += stride) {
    // eslint-disable-next-line eqeqeq -- 0 and 0n both
    if (divisor[k] == 0) valid[i >>> 5]! &= ~(1 << (i & 31));
  }
}

/** Runs a loop that may throw only on the runs of valid lanes. */
function runValidLanes(
  inner: StridedLoop, n: number, innerData: LoopData[], offs: ArrayLike<number>, strides: ArrayLike<number>,
  ctx: LoopContext, valid: Int32Array, runOffs: number[],
): void {
  let i = 0;
  while (i < n) {
    while (i < n && ((valid[i >>> 5]! >>> (i & 31)) & 1) === 0) i++;
    const start = i;
    while (i < n && ((valid[i >>> 5]! >>> (i & 31)) & 1) === 1) i++;
    if (i > start) {
      for (let k = 0; k < runOffs.length; k++) runOffs[k] = offs[k]! + start * strides[k]!;
      inner(i - start, innerData, runOffs, strides, ctx);
    }
  }
}
