/** Registers the ufunc loops of each minifloat (all on the 'js' backend). */
import { minifloatBits, type Registry, type StridedLoop } from '@dtkit/core';
import { MINIFLOAT_TYPES, type MinifloatType } from '../formats.js';
import { bfloat16Add } from './bf16-add.js';
import {
  binaryLoop, bitsLoop, classifyLoop, compareLoop, unaryLoop,
  type BinaryOp, type Predicate1, type Predicate2, type UnaryOp,
} from './elementwise.js';
import { argReduceLoop, foldReduceLoop, pickReduceLoop } from './reduce.js';

/** round half to even, keeping the sign of zero (NumPy rint). */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// maximum/minimum propagate NaN; fmax/fmin ignore it unless both are NaN (NumPy semantics).
const BINARY: Readonly<Record<string, BinaryOp>> = {
  subtract: (x, y) => x - y,
  multiply: (x, y) => x * y,
  divide: (x, y) => x / y,
  maximum: (x, y) => (x >= y || x !== x ? x : y),
  minimum: (x, y) => (x <= y || x !== x ? x : y),
  fmax: (x, y) => (x >= y || y !== y ? x : y),
  fmin: (x, y) => (x <= y || y !== y ? x : y),
};

const UNARY: Readonly<Record<string, UnaryOp>> = {
  sqrt: Math.sqrt, square: (x) => x * x, exp: Math.exp, log: Math.log,
  sin: Math.sin, cos: Math.cos, tanh: Math.tanh, floor: Math.floor, ceil: Math.ceil, rint,
};

const COMPARE: Readonly<Record<string, Predicate2>> = {
  equal: (x, y) => x === y, not_equal: (x, y) => x !== y,
  less: (x, y) => x < y, less_equal: (x, y) => x <= y,
  greater: (x, y) => x > y, greater_equal: (x, y) => x >= y,
};

const CLASSIFY: Readonly<Record<string, Predicate1>> = {
  isnan: (x) => x !== x,
  isinf: (x) => x === Infinity || x === -Infinity,
  isfinite: (x) => Number.isFinite(x),
};

const larger = (x: number, best: number): boolean => x > best;
const smaller = (x: number, best: number): boolean => x < best;

function addLoop(t: MinifloatType): StridedLoop {
  return t.name === 'bfloat16' ? bfloat16Add : binaryLoop(t, (x, y) => x + y);
}

function registerType(reg: Registry, t: MinifloatType): void {
  const f = t.name;
  const same = [f, f, f];
  reg.registerLoop('add', { dtypes: same, loop: addLoop(t), reduceLoop: foldReduceLoop(t, (a, x) => a + x) });
  for (const [name, op] of Object.entries(BINARY)) {
    const reduceLoop = name === 'multiply' ? foldReduceLoop(t, (a, x) => a * x)
      : name === 'maximum' ? pickReduceLoop(t, larger)
        : name === 'minimum' ? pickReduceLoop(t, smaller) : undefined;
    reg.registerLoop(name, { dtypes: same, loop: binaryLoop(t, op), ...(reduceLoop ? { reduceLoop } : {}) });
  }
  for (const [name, op] of Object.entries(UNARY)) reg.registerLoop(name, { dtypes: [f, f], loop: unaryLoop(t, op) });
  const { signBit, magMask } = minifloatBits(t.format);
  const allBits = signBit | magMask;
  reg.registerLoop('negative', { dtypes: [f, f], loop: bitsLoop(signBit, allBits) });
  reg.registerLoop('absolute', { dtypes: [f, f], loop: bitsLoop(0, magMask) });
  for (const [name, test] of Object.entries(COMPARE)) reg.registerLoop(name, { dtypes: [f, f, 'bool'], loop: compareLoop(t, test) });
  for (const [name, test] of Object.entries(CLASSIFY)) reg.registerLoop(name, { dtypes: [f, 'bool'], loop: classifyLoop(t, test) });
  reg.registerArgLoop({ dtype: f, kind: 'argmax', loop: argReduceLoop(t, larger) });
  reg.registerArgLoop({ dtype: f, kind: 'argmin', loop: argReduceLoop(t, smaller) });
}

export function registerMinifloatLoops(reg: Registry): void {
  for (const t of MINIFLOAT_TYPES) registerType(reg, t);
}
