import { isNDArray, type NDArray } from '@dtkit/core';
import { callElementwise, registryOf } from './call/elementwise.js';
import { reduce } from './call/reduce.js';
import { newFastCache, tryFastPath, tryFastScalar } from './call/fast-path.js';
import { accumulate } from './call/accumulate.js';
import type { UFuncDef } from './ufunc-def.js';
import { isOnlyOut, type AccumulateOptions, type ReduceOptions, type UFuncCallOptions } from './call/options.js';
import { array as coreArray } from '@dtkit/core';

/** An operand: an NDArray, a JS scalar (weak) or nested JS arrays. */
export type Operand = NDArray | number | bigint | boolean | object | readonly unknown[];

/** A universal function: call it elementwise, or use reduce / accumulate / outer. */
export interface UFunc extends UFuncDef {
  (...args: Operand[]): NDArray;
  /** Elementwise call with options (`out`, `where`, `dtype`, `casting`, loop options). */
  call(args: readonly Operand[], options?: UFuncCallOptions): NDArray | NDArray[];
  reduce(a: Operand, options?: ReduceOptions): NDArray;
  accumulate(a: Operand, options?: AccumulateOptions): NDArray;
  outer(a: Operand, b: Operand, options?: UFuncCallOptions): NDArray;
}

function isOptions(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !isNDArray(x) && !Array.isArray(x) && !ArrayBuffer.isView(x) && !('re' in x && 'im' in x);
}

/**
 * Creates the callable UFunc object for a definition. The call `f(a, b, { out })` takes the
 * nin operands then an optional options object; with nout > 1 it returns an array of results.
 */
export function makeUFunc(def: UFuncDef): UFunc {
  const fast = newFastCache();
  const fastScalar = newFastCache();
  const fastable = def.nout === 1 && (def.nin === 1 || def.nin === 2);
  const f = function (...args: unknown[]): NDArray {
    let opts: UFuncCallOptions | undefined;
    if (args.length === def.nin + 1 && isOptions(args[def.nin])) opts = args.pop() as UFuncCallOptions;
    if (fastable && args.length === def.nin) {
      const a = args[0];
      const b = def.nin === 2 ? args[1] : null;
      const onlyOut = opts === undefined || isOnlyOut(opts);
      if (onlyOut && isNDArray(a) && (b === null || isNDArray(b))) {
        const r = tryFastPath(fast, def, a, b, opts === undefined ? null : (opts.out as NDArray));
        if (r !== undefined) return r;
      } else if (onlyOut && b !== null && (isNDArray(a) !== isNDArray(b))) {
        const arr = (isNDArray(a) ? a : b) as NDArray;
        const r = tryFastScalar(fastScalar, def, arr, isNDArray(a) ? b : a, !isNDArray(a), opts === undefined ? null : (opts.out as NDArray));
        if (r !== undefined) return r;
      }
    }
    return callElementwise(def, args, opts) as NDArray;
  } as UFunc;
  Object.defineProperty(f, 'name', { value: def.name });
  Object.defineProperties(f, {
    nin: { value: def.nin, enumerable: true },
    nout: { value: def.nout, enumerable: true },
    identity: { value: def.identity, enumerable: true },
  });
  f.call = ((args: readonly Operand[], options?: UFuncCallOptions) => callElementwise(def, args, options)) as UFunc['call'];
  f.reduce = (a, options) => reduce(def, a, options, 0);
  f.accumulate = (a, options) => accumulate(def, a, options);
  f.outer = (a, b, options) => {
    const reg = registryOf([a, b], options ?? {});
    const A = isNDArray(a) ? a : coreArray(a, { registry: reg });
    const B = isNDArray(b) ? b : coreArray(b, { registry: reg });
    const ra = A.reshape([...A.shape, ...B.shape.map(() => 1)]);
    const rb = B.reshape([...A.shape.map(() => 1), ...B.shape]);
    return callElementwise(def, [ra, rb], options) as NDArray;
  };
  return f;
}
