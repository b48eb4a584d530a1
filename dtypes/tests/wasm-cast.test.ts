// Every cast loop against an independent reference (BigInt integer semantics, @petamoriken/float16
// for float16 rounding), on wasm-memory operands and plain arrays, in every layout.
import { getFloat16, setFloat16 } from '@petamoriken/float16';
import { describe, expect, it } from 'vitest';
import { createWasmLoops } from '../src/wasm/loops.js';
import { halfBitsToNumber, numberToHalfBits } from '../src/wasm/half.js';
import {
  firstMismatch, layouts, plainAllocator, runLoop, sampleValues, typeInfo, wasmAllocator, type Scalar,
} from './wasm-helpers.js';

const set = createWasmLoops();
if (set === null) throw new Error('WebAssembly with shared memory is required for these tests');

const halfView = new DataView(new ArrayBuffer(2));
function referenceHalfBits(value: number): number {
  if (Number.isNaN(value)) return 0x7e00; // dtkit canonicalizes NaN (NumPy keeps payload bits)
  setFloat16(halfView, 0, value);
  return halfView.getUint16(0);
}
function referenceHalfValue(bits: number): number {
  halfView.setUint16(0, bits);
  return getFloat16(halfView, 0);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Float -> integer: truncate, saturate to int64 (uint64 targets: non-negatives to uint64), wrap. */
function referenceFloatToInt(value: number, bits: number, signed: boolean): bigint {
  if (Number.isNaN(value)) return 0n;
  const clamp = (v: bigint, low: bigint, high: bigint) => (v < low ? low : v > high ? high : v);
  const whole = Number.isFinite(value) ? BigInt(Math.trunc(value)) : value > 0 ? 2n ** 70n : -(2n ** 70n);
  const saturated = bits === 64 && !signed && value >= 0 ? clamp(whole, 0n, 2n ** 64n - 1n) : clamp(whole, INT64_MIN, INT64_MAX);
  return signed ? BigInt.asIntN(bits, saturated) : BigInt.asUintN(bits, saturated);
}

/** Correctly rounded float32 of an integer (one rounding, ties to even), via exact BigInt comparisons. */
function exactFloat32(x: bigint): number {
  const guess = Math.fround(Number(x));
  if (!Number.isFinite(guess) || Math.abs(guess) < 2 ** 24) return guess;
  const ulp = 2 ** (Math.floor(Math.log2(Math.abs(guess))) - 23);
  const candidates = [guess - ulp, guess, guess + ulp].map((c) => Math.fround(c));
  let best = guess;
  let bestDistance: bigint | null = null;
  for (const c of candidates) {
    const d = BigInt(c) - x;
    const distance = d < 0n ? -d : d;
    const evenMantissa = (BigInt(c) / BigInt(2 ** (Math.floor(Math.log2(Math.abs(c))) - 23))) % 2n === 0n;
    if (bestDistance === null || distance < bestDistance || (distance === bestDistance && evenMantissa)) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}

function referenceCast(from: string, to: string, raw: Scalar, path: 'wasm' | 'js'): Scalar {
  const f = typeInfo(from), t = typeInfo(to);
  const value: Scalar = from === 'float16' ? referenceHalfValue(raw as number) : raw;
  const isFloatSource = f.float;
  if (to === 'bool') return typeof value === 'bigint' ? (value !== 0n ? 1 : 0) : value !== 0 ? 1 : 0;
  if (to === 'float16') return referenceHalfBits(Number(value));
  if (to === 'float64') return Number(value);
  if (to === 'float32') {
    // 64-bit integers round once, from the exact value, on both paths.
    return typeof value === 'bigint' ? exactFloat32(value) : Math.fround(Number(value));
  }
  const result = isFloatSource
    ? referenceFloatToInt(value as number, t.bits, t.signed)
    : t.signed ? BigInt.asIntN(t.bits, BigInt(value)) : BigInt.asUintN(t.bits, BigInt(value));
  return t.bits === 64 ? result : Number(result);
}

describe('wasm cast loops', () => {
  for (const { from, to, loop } of set.casts) {
    it(`${from} -> ${to}`, () => {
      for (const n of [0, 1, 9, 70]) {
        const values = sampleValues(from, n, 1000 + n);
        for (const { name, strides } of layouts(2, 1)) {
          const effective = strides[0] === 0 ? values.map(() => values[0]!) : values;
          for (const [path, allocate] of [['wasm', wasmAllocator(set)], ['js', plainAllocator]] as const) {
            const expected = effective.map((v) => referenceCast(from, to, v, path));
            const [actual] = runLoop(loop, n, [from, to], [values], strides, allocate);
            const problem = firstMismatch(actual!, expected);
            expect(problem, `${path} n=${n} ${name}: ${problem}`).toBeNull();
          }
        }
      }
    });
  }

  it('has every numeric pair plus bool and float16 endpoints', () => {
    expect(set.casts).toHaveLength(132);
  });

  it('int64 -> float32 rounds once, in wasm and in the JS fallback', () => {
    const loop = set.casts.find((c) => c.from === 'int64' && c.to === 'float32')!.loop;
    const tricky = 2n ** 60n + 2n ** 36n + 1n; // just above a float32 halfway point
    const [wasm] = runLoop(loop, 1, ['int64', 'float32'], [[tricky]], [1, 1], wasmAllocator(set));
    const [js] = runLoop(loop, 1, ['int64', 'float32'], [[tricky]], [1, 1], plainAllocator);
    expect(wasm).toEqual([2 ** 60 + 2 ** 37]);
    expect(js).toEqual([2 ** 60 + 2 ** 37]); // via double it would round to the halfway point, then to 2^60
  });
});

describe('float32 -> float16 SIMD path', () => {
  it('matches the scalar rounding on every halfway point (±1 ulp) and a sweep of all exponents', () => {
    const loop = set.casts.find((c) => c.from === 'float32' && c.to === 'float16')!.loop;
    const patterns: number[] = [];
    const f32 = new Float32Array(1);
    const f32Bits = new Uint32Array(f32.buffer);
    for (let h = 0; h < 0x7c00; h++) {
      // Midpoint between h and h+1 is exact in float32; probe it and its neighbours, both signs.
      f32[0] = (halfBitsToNumber(h) + halfBitsToNumber(h + 1)) / 2;
      const mid = f32Bits[0]!;
      for (const bits of [mid - 1, mid, mid + 1]) patterns.push(bits, (bits | 0x80000000) >>> 0);
    }
    for (let bits = 0; bits < 2 ** 32; bits += 65521) patterns.push(bits);
    patterns.push(0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7f800001, 0x00000001, 0x80000000);
    const n = patterns.length;
    for (const onWasm of [true, false]) {
      const values = onWasm ? (set.allocate('float32', n) as Float32Array) : new Float32Array(n);
      new Uint32Array(values.buffer, values.byteOffset, n).set(patterns);
      const out = onWasm ? (set.allocate('uint16', n) as Uint16Array) : new Uint16Array(n);
      loop(n, [values, out], [0, 0], [1, 1], { descriptors: [], options: {}, auxdata: undefined });
      for (let i = 0; i < n; i++) {
        // A NaN read into a JS number may lose its sign bit: take the sign from the stored pattern.
        const isNaNPattern = (patterns[i]! & 0x7fffffff) > 0x7f800000;
        const expected = isNaNPattern ? ((patterns[i]! >>> 16) & 0x8000) | 0x7e00 : numberToHalfBits(values[i]!);
        const where = `${onWasm ? 'wasm' : 'js'} bits 0x${patterns[i]!.toString(16)}`;
        if (out[i] !== expected) expect(`${where} -> 0x${out[i]!.toString(16)}`).toBe(`${where} -> 0x${expected.toString(16)}`);
      }
    }
  });
});

describe('float16 helpers', () => {
  it('round-trip all 65536 bit patterns and agree with @petamoriken/float16 on doubles', () => {
    for (let bits = 0; bits < 65536; bits++) {
      const value = halfBitsToNumber(bits);
      const isNaN = (bits & 0x7c00) === 0x7c00 && (bits & 0x3ff) !== 0;
      expect(numberToHalfBits(value)).toBe(isNaN ? 0x7e00 : bits);
    }
    const random = Array.from({ length: 20000 }, (_, i) => (Math.sin(i) * 2 ** ((i % 50) - 30)));
    for (const x of random) expect(numberToHalfBits(x)).toBe(referenceHalfBits(x));
  });
});
