/**
 * Registers the ufunc loops of each minifloat (all on the 'js' backend). Every entry below is
 * its own function literal with an inline op, calling a shared kernel: V8 inlines the kernel
 * and the op into each literal (a shared factory closure would make the op call megamorphic).
 */
import { minifloatBits, type Registry, type StridedLoop } from '@dtkit/core';
import { MINIFLOAT_TYPES, type MinifloatType } from '../formats.js';
import { bfloat16Add } from './bf16-add.js';
import { CHUNK } from '../casts/options.js';
import { binaryChunk, bitsLoop, classifyKernel, compareKernel, unaryChunk } from './elementwise.js';
import { argReduceLoop, foldReduceKernel, pickReduceLoop } from './reduce.js';

type LoopFor = (t: MinifloatType) => StridedLoop;

/** round half to even, keeping the sign of zero (NumPy rint). */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// maximum/minimum propagate NaN; fmax/fmin ignore it unless both are NaN (NumPy semantics).
const BINARY: Readonly<Record<string, LoopFor>> = {
  add: (t) => (t.name === 'bfloat16' ? bfloat16Add : (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) binaryChunk(t, k, n, d, o, s, (x, y) => x + y); }),
  subtract: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) binaryChunk(t, k, n, d, o, s, (x, y) => x - y); },
  multiply: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) binaryChunk(t, k, n, d, o, s, (x, y) => x * y); },
  divide: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) binaryChunk(t, k, n, d, o, s, (x, y) => x / y); },
  maximum: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) binaryChunk(t, k, n, d, o, s, (x, y) => (x >= y || x !== x ? x : y)); },
  minimum: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) binaryChunk(t, k, n, d, o, s, (x, y) => (x <= y || x !== x ? x : y)); },
  fmax: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) binaryChunk(t, k, n, d, o, s, (x, y) => (x >= y || y !== y ? x : y)); },
  fmin: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) binaryChunk(t, k, n, d, o, s, (x, y) => (x <= y || y !== y ? x : y)); },
};

const UNARY: Readonly<Record<string, LoopFor>> = {
  sqrt: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) unaryChunk(t, k, n, d, o, s, (x) => Math.sqrt(x)); },
  square: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) unaryChunk(t, k, n, d, o, s, (x) => x * x); },
  exp: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) unaryChunk(t, k, n, d, o, s, (x) => Math.exp(x)); },
  log: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) unaryChunk(t, k, n, d, o, s, (x) => Math.log(x)); },
  sin: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) unaryChunk(t, k, n, d, o, s, (x) => Math.sin(x)); },
  cos: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) unaryChunk(t, k, n, d, o, s, (x) => Math.cos(x)); },
  tanh: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) unaryChunk(t, k, n, d, o, s, (x) => Math.tanh(x)); },
  floor: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) unaryChunk(t, k, n, d, o, s, (x) => Math.floor(x)); },
  ceil: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) unaryChunk(t, k, n, d, o, s, (x) => Math.ceil(x)); },
  rint: (t) => (n, d, o, s) => { for (let k = 0; k < n; k += CHUNK) unaryChunk(t, k, n, d, o, s, (x) => rint(x)); },
};

const COMPARE: Readonly<Record<string, LoopFor>> = {
  equal: (t) => (n, d, o, s) => compareKernel(t, n, d, o, s, (x, y) => x === y),
  not_equal: (t) => (n, d, o, s) => compareKernel(t, n, d, o, s, (x, y) => x !== y),
  less: (t) => (n, d, o, s) => compareKernel(t, n, d, o, s, (x, y) => x < y),
  less_equal: (t) => (n, d, o, s) => compareKernel(t, n, d, o, s, (x, y) => x <= y),
  greater: (t) => (n, d, o, s) => compareKernel(t, n, d, o, s, (x, y) => x > y),
  greater_equal: (t) => (n, d, o, s) => compareKernel(t, n, d, o, s, (x, y) => x >= y),
};

const CLASSIFY: Readonly<Record<string, LoopFor>> = {
  isnan: (t) => (n, d, o, s) => classifyKernel(t, n, d, o, s, (x) => x !== x),
  isinf: (t) => (n, d, o, s) => classifyKernel(t, n, d, o, s, (x) => x === Infinity || x === -Infinity),
  isfinite: (t) => (n, d, o, s) => classifyKernel(t, n, d, o, s, (x) => x - x === 0),
};

const larger = (x: number, best: number): boolean => x > best;
const smaller = (x: number, best: number): boolean => x < best;

/** Reduce loops: add/multiply fold in float32; maximum/minimum pick a code. */
const REDUCE: Readonly<Record<string, LoopFor>> = {
  add: (t) => (n, d, o, s) => foldReduceKernel(t, n, d, o, s, (acc, x) => acc + x),
  multiply: (t) => (n, d, o, s) => foldReduceKernel(t, n, d, o, s, (acc, x) => acc * x),
  maximum: (t) => pickReduceLoop(t, larger),
  minimum: (t) => pickReduceLoop(t, smaller),
};

/** The JS loop (and reduce loop, if any) of a binary ufunc for one type, e.g. for a wasm loop's fallback. */
export function jsBinaryLoops(name: string, t: MinifloatType): { loop: StridedLoop; reduceLoop?: StridedLoop } | undefined {
  const loopFor = BINARY[name];
  if (loopFor === undefined) return undefined;
  const reduce = REDUCE[name];
  return reduce ? { loop: loopFor(t), reduceLoop: reduce(t) } : { loop: loopFor(t) };
}

function registerType(reg: Registry, t: MinifloatType): void {
  const f = t.name;
  for (const [name, loopFor] of Object.entries(BINARY)) {
    const reduce = REDUCE[name];
    reg.registerLoop(name, { dtypes: [f, f, f], loop: loopFor(t), ...(reduce ? { reduceLoop: reduce(t) } : {}) });
  }
  for (const [name, loopFor] of Object.entries(UNARY)) reg.registerLoop(name, { dtypes: [f, f], loop: loopFor(t) });
  const { signBit, magMask } = minifloatBits(t.format);
  reg.registerLoop('negative', { dtypes: [f, f], loop: bitsLoop(signBit, signBit | magMask) });
  reg.registerLoop('absolute', { dtypes: [f, f], loop: bitsLoop(0, magMask) });
  for (const [name, loopFor] of Object.entries(COMPARE)) reg.registerLoop(name, { dtypes: [f, f, 'bool'], loop: loopFor(t) });
  for (const [name, loopFor] of Object.entries(CLASSIFY)) reg.registerLoop(name, { dtypes: [f, 'bool'], loop: loopFor(t) });
  reg.registerArgLoop({ dtype: f, kind: 'argmax', loop: argReduceLoop(t, larger) });
  reg.registerArgLoop({ dtype: f, kind: 'argmin', loop: argReduceLoop(t, smaller) });
}

export function registerMinifloatLoops(reg: Registry): void {
  for (const t of MINIFLOAT_TYPES) registerType(reg, t);
}
