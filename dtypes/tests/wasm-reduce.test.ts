// Reduce loops: float sums bit-identical to NumPy's pairwise np.sum (fixture recorded with NumPy
// 2.4.6), integer folds against BigInt references, min/max/prod/any/all, on both paths.
import { describe, expect, it } from 'vitest';
import { createWasmLoops } from '../src/wasm/loops.js';
import {
  firstMismatch, plainAllocator, runLoop, sampleValues, typeInfo, wasmAllocator, type Scalar,
} from './wasm-helpers.js';

const set = createWasmLoops();
if (set === null) throw new Error('WebAssembly with shared memory is required for these tests');
const PATHS = [['wasm', wasmAllocator(set)], ['js', plainAllocator]] as const;

function reduceLoop(ufunc: string, dtype: string) {
  const entry = set!.reduceLoops.find((l) => l.ufunc === ufunc && l.dtype === dtype);
  if (entry === undefined) throw new Error(`no reduce loop ${ufunc} ${dtype}`);
  return entry.loop;
}

/** The NumPy fixture's data: exact in binary64 (one division, one multiply by 1e6). */
function fixtureData(n: number, dtype: string): number[] {
  return Array.from({ length: n }, (_, i) => {
    let x = (((i * 7919) % 10007) - 5003) / 37;
    if (i % 13 === 0) x *= 1e6;
    return dtype === 'float32' ? Math.fround(x) : x;
  });
}

// [n, np.sum(x[:n]), np.sum(x[:3n][::3])] recorded with python3 / NumPy 2.4.6.
const NUMPY_SUMS: Record<string, Array<[number, number, number]>> = {
  float64: [[1, -135216216.21621624, -135216216.21621624], [7, -135216048.91891894, -135216255.40540543], [8, -135216038.24324328, -135216223.40540543], [9, -135216084.00000003, -135216090.24324328], [15, -192675593.32432437, -37162185.91891893], [16, -192675493.18918923, -37162156.000000015], [17, -192675449.48648652, -37162024.91891894], [127, -287242938.10810816, -50621791.21621621], [128, -287242937.8378378, -50621790.43243247], [129, -287242994.0, -50621688.486486495], [255, -371675505.5405405, -33729766.59459463], [256, -371675426.2162162, -33729799.10810816], [257, -371675403.32432425, -33729730.45945951], [1000, -74324140.24324322, 45405662.24324313], [4099, 224108244.6216215, 393324361.1621622], [100003, 2799564817.486487, 1158837099.7297301]],
  float32: [[1, -135216224.0, -135216224.0], [7, -135216064.0, -135216256.0], [8, -135216048.0, -135216224.0], [9, -135216096.0, -135216096.0], [15, -192675600.0, -37162192.0], [16, -192675488.0, -37162168.0], [17, -192675440.0, -37162036.0], [127, -287242944.0, -50621784.0], [128, -287242944.0, -50621784.0], [129, -287243008.0, -50621672.0], [255, -371675552.0, -33729776.0], [256, -371675424.0, -33729800.0], [257, -371675424.0, -33729736.0], [1000, -74324224.0, 45405640.0], [4099, 224108272.0, 393324192.0], [100003, 2799564544.0, 1158836096.0]],
};

/** Straightforward restatement of NumPy's pairwise_sum, used as the reference for other inputs. */
function referencePairwise(values: readonly number[], round: (x: number) => number): number {
  const n = values.length;
  if (n < 8) return values.reduce((res, v) => round(res + v), 0);
  if (n <= 128) {
    const r = values.slice(0, 8);
    const whole = n - (n % 8);
    for (let i = 8; i < whole; i++) r[i % 8] = round(r[i % 8]! + values[i]!);
    const pair = (i: number) => round(r[i]! + r[i + 1]!);
    let res = round(round(pair(0) + pair(2)) + round(pair(4) + pair(6)));
    for (let i = whole; i < n; i++) res = round(res + values[i]!);
    return res;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return round(referencePairwise(values.slice(0, half), round) + referencePairwise(values.slice(half), round));
}

describe('wasm float sums (pairwise, NumPy-exact)', () => {
  for (const dtype of ['float64', 'float32']) {
    it(`${dtype} matches np.sum bit for bit (contiguous and stride 3)`, () => {
      const loop = reduceLoop('add', dtype);
      for (const [n, contiguous, strided] of NUMPY_SUMS[dtype]!) {
        for (const [path, allocate] of PATHS) {
          const [acc] = runLoop(loop, n, [dtype, dtype], [fixtureData(n, dtype)], [1, 0], allocate, [0]);
          expect(acc, `${path} n=${n}`).toEqual([contiguous]);
          const every3 = fixtureData(3 * n, dtype).filter((_, i) => i % 3 === 0);
          const [acc3] = runLoop(loop, n, [dtype, dtype], [every3], [3, 0], allocate, [0]);
          expect(acc3, `${path} strided n=${n}`).toEqual([strided]);
        }
      }
    });

    it(`${dtype} follows the pairwise order with edge values, any layout and a running accumulator`, () => {
      const loop = reduceLoop('add', dtype);
      const round = dtype === 'float32' ? Math.fround : (x: number) => x;
      for (const n of [0, 1, 3, 8, 9, 24, 40, 127, 129, 300, 1031]) {
        // Finite random values (NaN/inf sums are exercised separately below).
        const values = sampleValues(dtype, n + 60, n).slice(60) as number[];
        for (const stride of [1, 2, -1, -3]) {
          const expected = round(1.25 + referencePairwise(values, round));
          for (const [path, allocate] of PATHS) {
            const [acc] = runLoop(loop, n, [dtype, dtype], [values], [stride, 0], allocate, [1.25]);
            expect(firstMismatch(acc!, [expected]), `${path} n=${n} stride=${stride}`).toBeNull();
          }
        }
      }
    });

    it(`${dtype} sum propagates NaN and infinities; sum of [-0] is +0 like NumPy`, () => {
      const loop = reduceLoop('add', dtype);
      for (const [path, allocate] of PATHS) {
        expect(runLoop(loop, 20, [dtype, dtype], [Array.from({ length: 20 }, (_, i) => (i === 17 ? NaN : 1))], [1, 0], allocate, [0])[0]).toEqual([NaN]);
        expect(runLoop(loop, 20, [dtype, dtype], [Array.from({ length: 20 }, (_, i) => (i % 2 ? Infinity : -Infinity))], [1, 0], allocate, [0])[0]).toEqual([NaN]);
        expect(runLoop(loop, 9, [dtype, dtype], [Array.from({ length: 9 }, () => Infinity)], [1, 0], allocate, [0])[0]).toEqual([Infinity]);
        expect(Object.is(runLoop(loop, 1, [dtype, dtype], [[-0]], [1, 0], allocate, [0])[0]![0], 0), path).toBe(true);
      }
    });
  }
});

function referenceFold(ufunc: string, dtype: string, initial: Scalar, values: readonly Scalar[]): Scalar {
  const t = typeInfo(dtype);
  if (t.float) {
    const round = dtype === 'float32' ? Math.fround : (x: number) => x;
    return (values as number[]).reduce((acc, x) =>
      ufunc === 'multiply' ? round(acc * x) : ufunc === 'minimum' ? Math.min(acc, x) : Math.max(acc, x), initial as number);
  }
  const wrap = (v: bigint) => (t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v));
  let acc = BigInt(initial);
  for (const value of values) {
    const x = BigInt(value);
    acc = ufunc === 'add' ? wrap(acc + x) : ufunc === 'multiply' ? wrap(acc * x) : ufunc === 'minimum' ? (x < acc ? x : acc) : x > acc ? x : acc;
  }
  return t.bits === 64 ? acc : Number(acc);
}

describe('wasm reduce loops (all but float sums)', () => {
  for (const { ufunc, dtype, loop } of set.reduceLoops) {
    if (dtype === 'bool' || (ufunc === 'add' && typeInfo(dtype).float)) continue;
    it(`${ufunc}.reduce ${dtype}`, () => {
      for (const n of [0, 1, 7, 16, 33, 100, 257]) {
        // Products of many random values overflow to inf/0 quickly; use small magnitudes too.
        const values = ufunc === 'multiply' && typeInfo(dtype).float
          ? Array.from({ length: n }, (_, i) => (i === 40 ? NaN : i === 3 ? -0 : 1 + ((i * 37) % 11) / 64))
          : sampleValues(dtype, n, 5 + n);
        const initial = sampleValues(dtype, 40, 3)[n % 40]!;
        for (const stride of [1, 3, -1]) {
          const expected = referenceFold(ufunc, dtype, initial, values);
          for (const [path, allocate] of PATHS) {
            const [acc] = runLoop(loop, n, [dtype, dtype], [values], [stride, 0], allocate, [initial]);
            expect(firstMismatch(acc!, [expected]), `${path} n=${n} stride=${stride}`).toBeNull();
          }
        }
      }
    });
  }

  it('min/max treat -0 < +0 whatever the order (order-independent, unlike np.minimum ties)', () => {
    for (const [, allocate] of PATHS) {
      const zeros = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? -0 : 0));
      expect(Object.is(runLoop(reduceLoop('minimum', 'float64'), 40, ['float64', 'float64'], [zeros], [1, 0], allocate, [0])[0]![0], -0)).toBe(true);
      expect(Object.is(runLoop(reduceLoop('maximum', 'float32'), 40, ['float32', 'float32'], [zeros], [1, 0], allocate, [-0])[0]![0], 0)).toBe(true);
    }
  });

  it('logical_or / logical_and over bool', () => {
    for (const [path, allocate] of PATHS) {
      for (const n of [0, 1, 15, 16, 17, 100]) {
        for (const hit of [-1, 0, n - 1, Math.floor(n / 2)]) {
          const zeros = Array.from({ length: n }, (_, i) => (i === hit ? 1 : 0));
          const ones = zeros.map((v) => 1 - v);
          for (const stride of [1, 2, -1]) {
            const any = runLoop(reduceLoop('logical_or', 'bool'), n, ['bool', 'bool'], [zeros], [stride, 0], allocate, [0])[0]![0];
            expect(any, `${path} any n=${n} hit=${hit}`).toBe(hit >= 0 && n > 0 ? 1 : 0);
            const all = runLoop(reduceLoop('logical_and', 'bool'), n, ['bool', 'bool'], [ones], [stride, 0], allocate, [1])[0]![0];
            expect(all, `${path} all n=${n} hit=${hit}`).toBe(hit >= 0 && n > 0 ? 0 : 1);
          }
        }
      }
      expect(runLoop(reduceLoop('logical_or', 'bool'), 3, ['bool', 'bool'], [[0, 0, 0]], [1, 0], allocate, [1])[0]![0]).toBe(1);
    }
  });
});
