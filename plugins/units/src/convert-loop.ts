/**
 * Unit conversion `y = x * scale + shift` for any float base, built from the base's own
 * registered loops (its cast, multiply and add), so no base needs unit-specific code: a
 * float64 conversion runs the kernel's float64 multiply (wasm when available), a float128 one
 * float128's correctly rounded multiply.
 */
import {
  allocateStore, loopDataOf, planCast, type DType, type LoopContext, type LoopData, type Registry, type StridedLoop,
} from '@dtkit/core';
import { add, multiply, resolveMethod } from '@dtkit/ufunc-registry';

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});

interface Step {
  /** The base loop's strided variant, and its contiguous one (for unit strides, as the kernel picks). */
  readonly loop: StridedLoop;
  readonly contiguous: StridedLoop;
  readonly ctx: LoopContext;
}

/** The base's binary loop `ufunc(base, base)` and a one-element store holding `value` for it. */
function scalarStep(reg: Registry, ufunc: typeof multiply, base: DType, value: number): { step: Step; scalar: LoopData } {
  const m = resolveMethod(reg, ufunc, [base, base, null], 'cpu');
  const store = allocateStore(base, 1);
  base.family.spec.setItem(base, store, 0, value);
  return { step: { loop: m.pick(false, EMPTY), contiguous: m.pick(true, EMPTY), ctx: { descriptors: m.descriptors, options: EMPTY, auxdata: m.auxdata } }, scalar: loopDataOf(store) };
}

/**
 * A strided cast loop from `from` (any dtype with a cast to `toBase`) to `toBase` storage that
 * also applies `* scale + shift` in `toBase`.
 */
export function conversionLoop(reg: Registry, from: DType, toBase: DType, scale: number, shift: number): StridedLoop {
  const cast = from === toBase ? undefined : planCast(reg, from, toBase, 'unsafe', EMPTY);
  const mul = scale === 1 ? undefined : scalarStep(reg, multiply, toBase, scale);
  const addShift = shift === 0 ? undefined : scalarStep(reg, add, toBase, shift);
  const copy = cast === undefined && mul === undefined ? planCast(reg, toBase, toBase, 'no', EMPTY) : undefined;
  const d3: LoopData[] = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];
  const o3 = [0, 0, 0];
  const s3 = [0, 0, 0];
  return (n, data, offs, strides) => {
    let src = data[0]!, so = offs[0]!, ss = strides[0]!;
    const dst = data[1]!, dof = offs[1]!, ds = strides[1]!;
    if (cast !== undefined) {
      cast.loop(n, data, offs, strides, cast.ctx);
      src = dst; so = dof; ss = ds;
    } else if (copy !== undefined) {
      copy.loop(n, data, offs, strides, copy.ctx);
      src = dst; so = dof; ss = ds;
    }
    for (const op of [mul, addShift]) {
      if (op === undefined) continue;
      d3[0] = src; d3[1] = op.scalar; d3[2] = dst;
      o3[0] = so; o3[1] = 0; o3[2] = dof;
      s3[0] = ss; s3[1] = 0; s3[2] = ds;
      (ss === 1 && ds === 1 ? op.step.contiguous : op.step.loop)(n, d3, o3, s3, op.step.ctx);
      src = dst; so = dof; ss = ds;
    }
  };
}
