/**
 * Registers every float128 ufunc loop on the 'js' backend and argmin/argmax, plus wasm kernels for
 * add/subtract/multiply/divide/sqrt (backend 'wasm') when the dtypes wasm runtime is available.
 */
import type { Registry, StridedLoop } from '@dtkit/core';
import {
  abs128, add128, ceil128, compare128, copysign128, div128, floor128, fma128, fmod128, frexp128,
  isFinite128, isInf128, isNaN128, ldexp128, max128, min128, mul128, neg128, nextafter128, rint128,
  signBit128, sqrt128, sub128, trunc128,
} from '../soft/index.js';
import {
  binaryLoop, classifyLoop, compareLoop, frexpLoop, ldexpLoop, ternaryLoop, unaryLoop,
  type Lanes1, type Lanes2, type Test1, type Test2,
} from './elementwise.js';
import {
  fmax128, fmin128, floorDivide128, positive128, pyRemainder128, sign128, spacing128, square128,
} from './numpy-ops.js';
import { argReduceLoop, foldReduceLoop } from './reduce.js';
import { ADD_LOOP, DIV_LOOP, MUL_LOOP, SQRT_LOOP, SUB_LOOP } from './hot.js';
import { divmodLoop } from './divmod.js';
import { TRANSCENDENTALS } from './transcendental.js';
import { float128WasmLoops } from '../wasm/loops.js';

const F = 'float128';

const BINARY: Readonly<Record<string, Lanes2>> = {
  fmod: fmod128, remainder: pyRemainder128, floor_divide: floorDivide128, copysign: copysign128,
  nextafter: nextafter128, fmax: fmax128, fmin: fmin128,
};

const UNARY: Readonly<Record<string, Lanes1>> = {
  negative: neg128, positive: positive128, absolute: abs128, square: square128,
  floor: floor128, ceil: ceil128, trunc: trunc128, rint: rint128, sign: sign128, spacing: spacing128,
};

// compare128 gives NaN when unordered, so every test below is false for NaN except not_equal.
const COMPARE: Readonly<Record<string, Test2>> = {
  equal: (a, ai, b, bi) => compare128(a, ai, b, bi) === 0,
  not_equal: (a, ai, b, bi) => compare128(a, ai, b, bi) !== 0,
  less: (a, ai, b, bi) => compare128(a, ai, b, bi) === -1,
  less_equal: (a, ai, b, bi) => { const c = compare128(a, ai, b, bi); return c === -1 || c === 0; },
  greater: (a, ai, b, bi) => compare128(a, ai, b, bi) === 1,
  greater_equal: (a, ai, b, bi) => { const c = compare128(a, ai, b, bi); return c === 1 || c === 0; },
};

const CLASSIFY: Readonly<Record<string, Test1>> = {
  isnan: isNaN128, isinf: isInf128, isfinite: isFinite128, signbit: signBit128,
};

/** The hand-unrolled hot loops plus their reduce loops (add/multiply fold in float128). */
function registerArithmetic(reg: Registry): void {
  const same = [F, F, F];
  reg.registerLoop('add', { dtypes: same, loop: ADD_LOOP, reduceLoop: foldReduceLoop(add128) });
  reg.registerLoop('subtract', { dtypes: same, loop: SUB_LOOP });
  reg.registerLoop('multiply', { dtypes: same, loop: MUL_LOOP, reduceLoop: foldReduceLoop(mul128) });
  reg.registerLoop('divide', { dtypes: same, loop: DIV_LOOP });
  reg.registerLoop('sqrt', { dtypes: [F, F], loop: SQRT_LOOP });
  reg.registerLoop('maximum', { dtypes: same, loop: binaryLoop(max128), reduceLoop: foldReduceLoop(max128) });
  reg.registerLoop('minimum', { dtypes: same, loop: binaryLoop(min128), reduceLoop: foldReduceLoop(min128) });
  // Elementwise wasm kernels (bit-identical to the JS loops, which they fall back to off wasm memory).
  const js = { add: ADD_LOOP, subtract: SUB_LOOP, multiply: MUL_LOOP, divide: DIV_LOOP, sqrt: SQRT_LOOP };
  for (const { ufunc, loop } of float128WasmLoops(js)) {
    reg.registerLoop(ufunc, { dtypes: ufunc === 'sqrt' ? [F, F] : same, backend: 'wasm', loop });
  }
}

/** Registers the loops; `fmaName` is the plugin's fma ufunc (defined by the caller first). */
export function registerFloat128Loops(reg: Registry, fmaName: string): void {
  registerArithmetic(reg);
  for (const [name, op] of Object.entries(BINARY)) reg.registerLoop(name, { dtypes: [F, F, F], loop: binaryLoop(op) });
  for (const [name, op] of Object.entries(UNARY)) reg.registerLoop(name, { dtypes: [F, F], loop: unaryLoop(op) });
  for (const [name, op] of Object.entries(TRANSCENDENTALS.unary)) reg.registerLoop(name, { dtypes: [F, F], loop: unaryLoop(op) });
  for (const [name, op] of Object.entries(TRANSCENDENTALS.binary)) reg.registerLoop(name, { dtypes: [F, F, F], loop: binaryLoop(op) });
  for (const [name, test] of Object.entries(COMPARE)) reg.registerLoop(name, { dtypes: [F, F, 'bool'], loop: compareLoop(test) });
  for (const [name, test] of Object.entries(CLASSIFY)) reg.registerLoop(name, { dtypes: [F, 'bool'], loop: classifyLoop(test) });
  const ldexp: StridedLoop = ldexpLoop(ldexp128);
  reg.registerLoop('ldexp', { dtypes: [F, 'int32', F], loop: ldexp });
  reg.registerLoop('ldexp', { dtypes: [F, 'int64', F], loop: ldexp });
  // Other integer exponents (int8/16, uint8/16/32/64, bool) go to the nearest registered loop.
  reg.registerPromoter('ldexp', [F, null], (fams) => {
    const e = fams[1];
    if (e == null || !['int', 'uint', 'bool'].includes(e.kind)) return undefined;
    const wide = e.name === 'uint32' || e.name === 'uint64' || e.name === 'int64';
    return [fams[0]!, reg.family(wide ? 'int64' : 'int32'), fams[0]!];
  });
  reg.registerLoop('frexp', { dtypes: [F, F, 'int32'], loop: frexpLoop(frexp128) });
  reg.registerLoop('divmod', { dtypes: [F, F, F, F], loop: divmodLoop });
  reg.registerLoop(fmaName, { dtypes: [F, F, F, F], loop: ternaryLoop(fma128) });
  reg.registerArgLoop({ dtype: F, kind: 'argmax', loop: argReduceLoop(1) });
  reg.registerArgLoop({ dtype: F, kind: 'argmin', loop: argReduceLoop(-1) });
}
