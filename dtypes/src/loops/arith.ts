/** Arithmetic loops: add … square for bool, integers and real floats (complex lives in complex.ts). */
import {
  numBinary, numUnary, bigBinary, bigUnary, f16Binary, f16Unary, everyInt,
} from './build.js';
import { floorDivideF32, floorDivideF64, remainderF32, remainderF64 } from './floatdiv.js';
import { intPower, bigPower, floatPower } from './power.js';
import type { LoopEntry, NumBinary, NumUnary } from './types.js';

/** Integer ops on numbers: results are exact in float64 and the TypedArray store wraps them. */
const intFloorDivide: NumBinary = (a, b) => (b === 0 ? 0 : Math.floor(a / b));
const intRemainder: NumBinary = (a, b) => {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
};
export const bigFloorDivide = (a: bigint, b: bigint): bigint => {
  if (b === 0n) return 0n;
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
};
export const bigRemainder = (a: bigint, b: bigint): bigint => {
  if (b === 0n) return 0n;
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
};

const floatSign: NumUnary = (x) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN);
const intSign: NumUnary = (x) => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** The three real float dtypes with one op (float16 goes through float32, like NumPy). */
function everyFloat(ufunc: string, op64: NumBinary, op32: NumBinary = op64): LoopEntry[] {
  return [f16Binary(ufunc, op32), numBinary(ufunc, 'float32', op32), numBinary(ufunc, 'float64', op64)];
}
function everyFloatUnary(ufunc: string, op: NumUnary): LoopEntry[] {
  return [f16Unary(ufunc, op), numUnary(ufunc, 'float32', op), numUnary(ufunc, 'float64', op)];
}

export const arithmeticLoops: readonly LoopEntry[] = [
  numBinary('add', 'bool', (a, b) => a | b),
  ...everyInt((d) => numBinary('add', d, (a, b) => a + b), (d) => bigBinary('add', d, (a, b) => a + b)),
  ...everyFloat('add', (a, b) => a + b),

  ...everyInt((d) => numBinary('subtract', d, (a, b) => a - b), (d) => bigBinary('subtract', d, (a, b) => a - b)),
  ...everyFloat('subtract', (a, b) => a - b),

  numBinary('multiply', 'bool', (a, b) => a & b),
  ...everyInt((d) => numBinary('multiply', d, Math.imul), (d) => bigBinary('multiply', d, (a, b) => a * b)),
  ...everyFloat('multiply', (a, b) => a * b),

  ...everyFloat('divide', (a, b) => a / b),

  ...everyInt((d) => numBinary('floor_divide', d, intFloorDivide), (d) => bigBinary('floor_divide', d, bigFloorDivide)),
  ...everyFloat('floor_divide', floorDivideF64, floorDivideF32),

  ...everyInt((d) => numBinary('remainder', d, intRemainder), (d) => bigBinary('remainder', d, bigRemainder)),
  ...everyFloat('remainder', remainderF64, remainderF32),

  // C fmod: the remainder takes the dividend's sign; integer division by zero gives 0 (NumPy warns)
  ...everyInt((d) => numBinary('fmod', d, (a, b) => (b === 0 ? 0 : a % b)), (d) => bigBinary('fmod', d, (a, b) => (b === 0n ? 0n : a % b))),
  ...everyFloat('fmod', (a, b) => a % b),

  ...everyInt((d) => numBinary('power', d, intPower), (d) => bigBinary('power', d, bigPower(d))),
  ...everyFloat('power', floatPower, (a, b) => Math.fround(floatPower(a, b))),

  ...everyInt((d) => numUnary('negative', d, (a) => -a), (d) => bigUnary('negative', d, (a) => -a)),
  ...everyFloatUnary('negative', (a) => -a),
  ...everyInt((d) => numUnary('positive', d, (a) => a), (d) => bigUnary('positive', d, (a) => a)),
  ...everyFloatUnary('positive', (a) => a),

  numUnary('absolute', 'bool', (a) => a),
  ...everyInt((d) => numUnary('absolute', d, Math.abs), (d) => bigUnary('absolute', d, (a) => (a < 0n ? -a : a))),
  ...everyFloatUnary('absolute', Math.abs),

  ...everyInt((d) => numUnary('sign', d, intSign), (d) => bigUnary('sign', d, (a) => (a > 0n ? 1n : a < 0n ? -1n : 0n))),
  ...everyFloatUnary('sign', floatSign),

  ...everyInt((d) => numUnary('square', d, (a) => Math.imul(a, a)), (d) => bigUnary('square', d, (a) => a * a)),
  ...everyFloatUnary('square', (a) => a * a),
];
