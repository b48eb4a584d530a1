// Every elementwise wasm loop (binary, comparison, unary) against an independent reference, on
// wasm-memory operands (kernel path) and plain arrays (JS fallback path), in every layout.
import { describe, expect, it } from 'vitest';
import { createWasmLoops } from '../src/wasm/loops.js';
import {
  firstMismatch, layouts, plainAllocator, runLoop, sampleValues, typeInfo, wasmAllocator, type Scalar,
} from './wasm-helpers.js';

const set = createWasmLoops();
if (set === null) throw new Error('WebAssembly with shared memory is required for these tests');

/** Wraps an exact integer result to the dtype (BigInt arithmetic: independent of typed-array stores). */
function wrapInteger(dtype: string, value: bigint): Scalar {
  const t = typeInfo(dtype);
  const wrapped = t.signed ? BigInt.asIntN(t.bits, value) : BigInt.asUintN(t.bits, value);
  return t.bits === 64 ? wrapped : Number(wrapped);
}

function roundFloat(dtype: string, value: number): number {
  return dtype === 'float32' ? Math.fround(value) : value;
}

function referenceBinary(ufunc: string, dtype: string, x: Scalar, y: Scalar): Scalar {
  if (typeInfo(dtype).float) {
    const a = x as number, b = y as number;
    switch (ufunc) {
      case 'add': return roundFloat(dtype, a + b);
      case 'subtract': return roundFloat(dtype, a - b);
      case 'multiply': return roundFloat(dtype, a * b);
      case 'divide': return roundFloat(dtype, a / b);
      // NumPy: NaN propagates from either side; otherwise ties go to the second operand.
      case 'minimum': return Number.isNaN(a) ? a : Number.isNaN(b) ? b : a < b ? a : b;
      case 'maximum': return Number.isNaN(a) ? a : Number.isNaN(b) ? b : a > b ? a : b;
    }
  }
  const a = BigInt(x), b = BigInt(y);
  switch (ufunc) {
    case 'add': return wrapInteger(dtype, a + b);
    case 'subtract': return wrapInteger(dtype, a - b);
    case 'multiply': return wrapInteger(dtype, a * b);
    case 'minimum': return wrapInteger(dtype, a < b ? a : b);
    case 'maximum': return wrapInteger(dtype, a > b ? a : b);
  }
  throw new Error(`no reference for ${ufunc}`);
}

function referenceCompare(ufunc: string, x: Scalar, y: Scalar): number {
  switch (ufunc) {
    case 'equal': return x === y ? 1 : 0;
    case 'not_equal': return x !== y ? 1 : 0;
    case 'less': return x < y ? 1 : 0;
    case 'less_equal': return x <= y ? 1 : 0;
    case 'greater': return x > y ? 1 : 0;
    default: return x >= y ? 1 : 0;
  }
}

function referenceUnary(ufunc: string, dtype: string, x: Scalar): Scalar {
  if (typeInfo(dtype).float) {
    const a = x as number;
    if (ufunc === 'negative') return -a;
    if (ufunc === 'absolute') return Math.abs(a);
    return roundFloat(dtype, Math.sqrt(a));
  }
  const a = BigInt(x);
  return wrapInteger(dtype, ufunc === 'negative' ? -a : a < 0n ? -a : a);
}

const COMPARISONS = new Set(['equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal']);
const SIZES = [0, 1, 5, 37, 131];

describe('wasm elementwise loops', () => {
  for (const { ufunc, dtypes, loop } of set.loops) {
    const inputs = dtypes.length - 1;
    const dtype = dtypes[0]!;
    it(`${ufunc} ${dtypes.join(',')}`, () => {
      for (const n of SIZES) {
        for (const { name, strides } of layouts(dtypes.length, inputs)) {
          // Pair every value with shuffled partners (and itself, for ties and NaN == NaN).
          const first = sampleValues(dtype, n, 11 + n);
          const second = inputs === 2 ? sampleValues(dtype, n, 97 + n).map((v, i) => (i % 5 === 0 ? first[i]! : v)) : [];
          const given = inputs === 2 ? [first, second] : [first];
          // A broadcast input repeats its element 0.
          const effective = given.map((values, j) => (strides[j] === 0 ? values.map(() => values[0]!) : values));
          const expected = Array.from({ length: n }, (_, i) => {
            const x = effective[0]![i]!;
            if (inputs === 1) return referenceUnary(ufunc, dtype, x);
            const y = effective[1]![i]!;
            return COMPARISONS.has(ufunc) ? referenceCompare(ufunc, x, y) : referenceBinary(ufunc, dtype, x, y);
          });
          for (const [path, allocate] of [['wasm', wasmAllocator(set)], ['js', plainAllocator]] as const) {
            const [actual] = runLoop(loop, n, dtypes, given, strides, allocate);
            const problem = firstMismatch(actual!, expected);
            expect(problem, `${path} n=${n} ${name}: ${problem}`).toBeNull();
          }
        }
      }
    });
  }

  it('covers the documented ufunc x dtype table', () => {
    const keys = new Set(set.loops.map((l) => `${l.ufunc}:${l.dtypes.join(',')}`));
    for (const dtype of ['float64', 'float32', 'int64', 'uint64', 'int32', 'uint32', 'int16', 'uint16', 'int8', 'uint8']) {
      for (const ufunc of ['add', 'subtract', 'multiply', 'minimum', 'maximum']) expect(keys.has(`${ufunc}:${dtype},${dtype},${dtype}`)).toBe(true);
      for (const ufunc of COMPARISONS) expect(keys.has(`${ufunc}:${dtype},${dtype},bool`)).toBe(true);
      expect(keys.has(`negative:${dtype},${dtype}`)).toBe(true);
    }
    expect(keys.has('divide:float32,float32,float32')).toBe(true);
    expect(keys.has('sqrt:float64,float64')).toBe(true);
    expect(set.loops).toHaveLength(134);
  });

  it('runs in place (output aliases an input)', () => {
    const loop = set.loops.find((l) => l.ufunc === 'add' && l.dtypes[0] === 'float32')!.loop;
    const a = set.allocate('float32', 33) as Float32Array;
    a.set(Array.from({ length: 33 }, (_, i) => i));
    loop(33, [a, a, a], [0, 0, 0], [1, 1, 1], { descriptors: [], options: {}, auxdata: undefined });
    expect(Array.from(a)).toEqual(Array.from({ length: 33 }, (_, i) => 2 * i));
  });
});
