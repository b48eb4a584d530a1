/**
 * The hottest loops, each with its own function literal and an inline op literal.
 * V8 shares type feedback (and optimized code) between closures made by one function literal,
 * so a factory's `op(a, b)` call goes megamorphic once several ufuncs share the factory
 * (measured ≈7.6× slower than a hand-written loop). Here each loop is a distinct literal, so
 * once it is optimized the per-type kernel and the op inline into it (measured ≈1.05×).
 * See dtypes/tests/loops.perf.test.ts. Do not fold these into a helper: that would undo it.
 */
import { binaryF32, binaryF64, binaryI32, compareF32, compareF64, compareI32 } from './kernels_number.js';
import type { LoopEntry } from './types.js';

const F64 = ['float64', 'float64', 'float64'] as const;
const F32 = ['float32', 'float32', 'float32'] as const;
const I32 = ['int32', 'int32', 'int32'] as const;
const F64_CMP = ['float64', 'float64', 'bool'] as const;
const F32_CMP = ['float32', 'float32', 'bool'] as const;
const I32_CMP = ['int32', 'int32', 'bool'] as const;

export const hotLoops: readonly LoopEntry[] = [
  { ufunc: 'add', dtypes: F64, loop: (n, d, o, s) => binaryF64(n, d, o, s, (a, b) => a + b) },
  { ufunc: 'subtract', dtypes: F64, loop: (n, d, o, s) => binaryF64(n, d, o, s, (a, b) => a - b) },
  { ufunc: 'multiply', dtypes: F64, loop: (n, d, o, s) => binaryF64(n, d, o, s, (a, b) => a * b) },
  { ufunc: 'divide', dtypes: F64, loop: (n, d, o, s) => binaryF64(n, d, o, s, (a, b) => a / b) },
  { ufunc: 'maximum', dtypes: F64, loop: (n, d, o, s) => binaryF64(n, d, o, s, (a, b) => (a > b || a !== a ? a : b)) },
  { ufunc: 'minimum', dtypes: F64, loop: (n, d, o, s) => binaryF64(n, d, o, s, (a, b) => (a < b || a !== a ? a : b)) },
  { ufunc: 'equal', dtypes: F64_CMP, loop: (n, d, o, s) => compareF64(n, d, o, s, (a, b) => a === b) },
  { ufunc: 'not_equal', dtypes: F64_CMP, loop: (n, d, o, s) => compareF64(n, d, o, s, (a, b) => a !== b) },
  { ufunc: 'less', dtypes: F64_CMP, loop: (n, d, o, s) => compareF64(n, d, o, s, (a, b) => a < b) },
  { ufunc: 'less_equal', dtypes: F64_CMP, loop: (n, d, o, s) => compareF64(n, d, o, s, (a, b) => a <= b) },
  { ufunc: 'greater', dtypes: F64_CMP, loop: (n, d, o, s) => compareF64(n, d, o, s, (a, b) => a > b) },
  { ufunc: 'greater_equal', dtypes: F64_CMP, loop: (n, d, o, s) => compareF64(n, d, o, s, (a, b) => a >= b) },

  { ufunc: 'add', dtypes: F32, loop: (n, d, o, s) => binaryF32(n, d, o, s, (a, b) => a + b) },
  { ufunc: 'subtract', dtypes: F32, loop: (n, d, o, s) => binaryF32(n, d, o, s, (a, b) => a - b) },
  { ufunc: 'multiply', dtypes: F32, loop: (n, d, o, s) => binaryF32(n, d, o, s, (a, b) => a * b) },
  { ufunc: 'divide', dtypes: F32, loop: (n, d, o, s) => binaryF32(n, d, o, s, (a, b) => a / b) },
  { ufunc: 'maximum', dtypes: F32, loop: (n, d, o, s) => binaryF32(n, d, o, s, (a, b) => (a > b || a !== a ? a : b)) },
  { ufunc: 'minimum', dtypes: F32, loop: (n, d, o, s) => binaryF32(n, d, o, s, (a, b) => (a < b || a !== a ? a : b)) },
  { ufunc: 'equal', dtypes: F32_CMP, loop: (n, d, o, s) => compareF32(n, d, o, s, (a, b) => a === b) },
  { ufunc: 'less', dtypes: F32_CMP, loop: (n, d, o, s) => compareF32(n, d, o, s, (a, b) => a < b) },
  { ufunc: 'greater', dtypes: F32_CMP, loop: (n, d, o, s) => compareF32(n, d, o, s, (a, b) => a > b) },

  // int32: float64 sums are exact and the Int32Array store wraps; imul gives the low 32 bits.
  { ufunc: 'add', dtypes: I32, loop: (n, d, o, s) => binaryI32(n, d, o, s, (a, b) => a + b) },
  { ufunc: 'subtract', dtypes: I32, loop: (n, d, o, s) => binaryI32(n, d, o, s, (a, b) => a - b) },
  { ufunc: 'multiply', dtypes: I32, loop: (n, d, o, s) => binaryI32(n, d, o, s, (a, b) => Math.imul(a, b)) },
  { ufunc: 'equal', dtypes: I32_CMP, loop: (n, d, o, s) => compareI32(n, d, o, s, (a, b) => a === b) },
  { ufunc: 'less', dtypes: I32_CMP, loop: (n, d, o, s) => compareI32(n, d, o, s, (a, b) => a < b) },
  { ufunc: 'greater', dtypes: I32_CMP, loop: (n, d, o, s) => compareI32(n, d, o, s, (a, b) => a > b) },
];
