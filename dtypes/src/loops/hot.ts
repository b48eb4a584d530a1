/**
 * The hottest float loops, each with its own function literal and an inline op literal.
 * V8 shares type feedback between closures made by one literal, so a factory's op call goes
 * megamorphic once several ufuncs use it (measured ≈6× slower). Here each loop is a distinct
 * literal, so once it is optimized the kernel and the op inline into it (≈1.0–1.05× of a
 * hand-written loop). Bench: dtypes/tests/loops.bench.test.ts.
 */
import { binaryF32, binaryF64 } from './kernels_number.js';
import type { LoopEntry } from './types.js';

const F64 = ['float64', 'float64', 'float64'] as const;
const F32 = ['float32', 'float32', 'float32'] as const;

export const hotLoops: readonly LoopEntry[] = [
  { ufunc: 'add', dtypes: F64, loop: (n, d, o, s) => binaryF64(n, d, o, s, (a, b) => a + b) },
  { ufunc: 'subtract', dtypes: F64, loop: (n, d, o, s) => binaryF64(n, d, o, s, (a, b) => a - b) },
  { ufunc: 'multiply', dtypes: F64, loop: (n, d, o, s) => binaryF64(n, d, o, s, (a, b) => a * b) },
  { ufunc: 'divide', dtypes: F64, loop: (n, d, o, s) => binaryF64(n, d, o, s, (a, b) => a / b) },
  { ufunc: 'add', dtypes: F32, loop: (n, d, o, s) => binaryF32(n, d, o, s, (a, b) => a + b) },
  { ufunc: 'subtract', dtypes: F32, loop: (n, d, o, s) => binaryF32(n, d, o, s, (a, b) => a - b) },
  { ufunc: 'multiply', dtypes: F32, loop: (n, d, o, s) => binaryF32(n, d, o, s, (a, b) => a * b) },
  { ufunc: 'divide', dtypes: F32, loop: (n, d, o, s) => binaryF32(n, d, o, s, (a, b) => a / b) },
];
