// The JS cast loops (builtinCastLoop), the wasm backend's JS fallbacks (castFallback) and the wasm
// kernels must agree byte for byte on every input, since the wasm backend picks between them by
// where an array lives. Then a few hand-computed results per category.
import { describe, expect, it } from 'vitest';
import type { LoopContext, StridedLoop } from '../../core/src/dtype/loop.js';
import type { TypedArray, TypedArrayKind } from '../../core/src/storage/typed.js';
import { TYPED_ARRAY_CTORS } from '../../core/src/storage/typed.js';
import { builtinCastLoop } from '../src/casts/builtin-casts.js';
import { castFallback } from '../src/wasm/fallback-cast.js';
import { createWasmLoops } from '../src/wasm/index.js';
import { BOOL, FLOAT16, NUMERIC_TYPES, type WasmElementType } from '../src/wasm/types.js';
import type { BuiltinDTypeName } from '../src/tables/builtin-rules.generated.js';

const set = createWasmLoops();
if (set === null) throw new Error('WebAssembly with shared memory is required for these tests');
const wasmSet = set;

const CTX: LoopContext = { descriptors: [], options: {}, auxdata: undefined };
const TYPES: readonly WasmElementType[] = [BOOL, ...NUMERIC_TYPES, FLOAT16];
const typeOf = (name: string): WasmElementType => TYPES.find((t) => t.dtype === name)!;

type Scalar = number | bigint;
type Indexed = { [i: number]: Scalar };

const FLOATS: number[] = [
  0, -0, 1, -1, 0.5, -0.5, 1.5, -2.5, NaN, Infinity, -Infinity, 2 ** 31, -(2 ** 31), 2 ** 31 - 0.5, 2 ** 32, -(2 ** 32),
  2 ** 32 + 1.5, 2 ** 53 - 1, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 53 + 2, 2 ** 62, 2 ** 63, -(2 ** 63), 2 ** 63 - 1024,
  -(2 ** 63) + 1024, 2 ** 64, -(2 ** 64), 2 ** 64 - 2048, 1e20, -1e20, 1e300, -1e300, 300.7, -300.7, 127.9, -128.9,
  255.5, 65504, 65519.99, 65520, -65536, 3.4e38, 3.5e38, 1e39, 1e-310, -1e-310, 1e-45, 2 ** -24, 3 * 2 ** -26,
  1 + 2 ** -24, 1 + 3 * 2 ** -24, 1 / 3, 32767.5, -32768.5, 4294967295.7, -4294967296.5, 1e19, -1e19,
];
/** NaN bit patterns (high word, low word) beyond the default NaN: negative, payloads, signalling. */
const NAN_WORDS: Array<[number, number]> = [[0xfff80000, 0], [0x7ff80000, 1], [0xfff00000, 1], [0x7ff7ffff, 0xffffffff], [0x7ffc0000, 0x12345678]];
const NAN32_BITS = [0xffc00000, 0x7fc00001, 0x7f800001, 0xff800001, 0x7fffffff];

const BIG_EDGES: bigint[] = [
  0n, 1n, -1n, 2n, 255n, 256n, 300n, -300n, 2n ** 31n, -(2n ** 31n), 2n ** 32n, 2n ** 32n + 5n, -(2n ** 32n),
  2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 54n + 1n, 2n ** 24n + 1n, 65504n, 65520n,
  // float32 rounding midpoints at 2^60 (float32 ulp 2^37): on them, and one beside each way.
  2n ** 60n + 2n ** 36n - 1n, 2n ** 60n + 2n ** 36n, 2n ** 60n + 2n ** 36n + 1n, 2n ** 60n + 3n * 2n ** 36n,
  2n ** 60n + 3n * 2n ** 36n + 1n, 2n ** 60n + 3n * 2n ** 36n - 1n, -(2n ** 60n + 2n ** 36n + 1n), -(2n ** 60n + 2n ** 36n),
  // double-rounding traps at 2^54: float32 midpoint + 1 rounds to the midpoint in double.
  2n ** 54n + 2n ** 30n + 1n, 2n ** 54n + 2n ** 30n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 63n - 2n ** 39n,
  2n ** 64n - 1n, 2n ** 63n, 2n ** 64n - 2n ** 39n, 2n ** 64n - 2n ** 40n + 1n, 0x123456789abcdefn, -0x123456789abcdefn,
  // a few "random" words
  0x7edcba9876543210n, 0x0000ffff00000001n, 0xffffffff00000000n, 0x80000000ffffffffn, 0x00200000fffff7ffn, 0x00200000fffff801n,
];

/** Deterministic pseudo-random 32-bit words (LCG), for the long tails of the integer sources. */
function randomWords(count: number, seed: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0));
}
/** Long enough to cross the 512-element staging chunks of the integer -> float16 loops. */
const TAIL = 1200;

/** Raw source elements of a dtype (a plain array in its storage; NaN bit patterns included). */
function sourceArray(name: string): TypedArray {
  const t = typeOf(name);
  const make = (n: number): TypedArray => new TYPED_ARRAY_CTORS[t.storage](n);
  if (name === 'bool') return Uint8Array.from([0, 1, 1, 0, 1]);
  if (name === 'float16') return Uint16Array.from({ length: 0x10000 }, (_, i) => i); // every code
  if (t.big) {
    const hi = randomWords(TAIL, 7), lo = randomWords(TAIL, 11);
    // Small magnitudes too, so float16 targets see finite results.
    const tail = hi.map((h, i) => (BigInt(i % 2 === 0 ? h >>> (i % 32) : h) << 32n) | BigInt(lo[i]!)).map((v, i) => (i % 3 === 0 ? v >> 40n : v));
    const values = [...BIG_EDGES, ...tail];
    const a = make(values.length) as unknown as Indexed;
    values.forEach((v, i) => { a[i] = v; }); // the store wraps to the width
    return a as unknown as TypedArray;
  }
  if (!t.float) {
    const span = 2 ** (8 * t.bytes);
    const values = [
      0, 1, -1, 2, 7, 100, -100, span / 2 - 1, -span / 2, span - 1, span / 2, 12345, -12345, 0x7fffffff, 0x12345678,
      ...randomWords(TAIL, 3).map((w, i) => (i % 2 === 0 ? w >>> (i % 32) : w)),
    ];
    const a = make(values.length) as Int32Array;
    values.forEach((v, i) => { a[i] = v; }); // the store wraps to the width
    return a;
  }
  const extra = name === 'float64' ? NAN_WORDS.length : NAN32_BITS.length;
  const a = make(FLOATS.length + extra) as Float64Array;
  FLOATS.forEach((v, i) => { a[i] = v; });
  const words = new Uint32Array(a.buffer);
  for (let k = 0; k < extra; k++) {
    const i = FLOATS.length + k;
    if (name === 'float64') {
      const [hi, lo] = NAN_WORDS[k]!;
      words[2 * i] = lo;
      words[2 * i + 1] = hi; // little-endian
    } else {
      words[i] = NAN32_BITS[k]!;
    }
  }
  return a;
}

type Allocate = (kind: TypedArrayKind, n: number) => TypedArray;
const plain: Allocate = (kind, n) => new TYPED_ARRAY_CTORS[kind](n);
const inWasm: Allocate = (kind, n) => {
  const a = wasmSet.allocate(kind, n);
  if (a === null) throw new Error('wasm arena full');
  return a;
};

const bytesOf = (a: TypedArray, i: number, size: number): Uint8Array => new Uint8Array(a.buffer, a.byteOffset + i * size, size);

/**
 * Runs `loop` on `src` (n elements) placed with the given strides in arrays from `allocate`;
 * returns the output elements' bytes as hex strings.
 */
function run(loop: StridedLoop, from: WasmElementType, to: WasmElementType, src: TypedArray, strides: [number, number], allocate: Allocate): string[] {
  const n = src.length;
  const place = (s: number) => ({ offset: s < 0 ? (n - 1) * -s + 1 : 1, length: (n - 1) * Math.abs(s) + 3 });
  const pi = place(strides[0]), po = place(strides[1]);
  const a = allocate(from.storage, pi.length), o = allocate(to.storage, po.length);
  for (let i = 0; i < n; i++) bytesOf(a, pi.offset + i * strides[0], from.bytes).set(bytesOf(src, i, from.bytes));
  loop(n, [a, o], [pi.offset, po.offset], strides, CTX);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(Array.from(bytesOf(o, po.offset + i * strides[1], to.bytes), (b) => b.toString(16).padStart(2, '0')).join(''));
  }
  return out;
}

const LAYOUTS: Array<[string, [number, number]]> = [['contiguous', [1, 1]], ['stride 2', [2, 2]], ['negative', [-1, 2]], ['mixed', [3, -1]]];

/** Mismatches as readable lines: input index, input bytes, the two outputs. */
function mismatches(src: TypedArray, size: number, got: string[], want: string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < want.length && lines.length < 5; i++) {
    if (got[i] !== want[i]) lines.push(`#${i} in=${Array.from(bytesOf(src, i, size)).reverse().map((b) => b.toString(16).padStart(2, '0')).join('')} got ${got[i]} want ${want[i]}`);
  }
  return lines;
}

describe('JS casts = wasm kernels = castFallback, byte for byte', () => {
  for (const from of TYPES) {
    for (const to of TYPES) {
      if (from === to) continue;
      it(`${from.dtype} -> ${to.dtype}`, () => {
        const kernel = wasmSet.casts.find((c) => c.from === from.dtype && c.to === to.dtype);
        expect(kernel, 'wasm cast exists').toBeDefined();
        const js = builtinCastLoop(from.dtype as BuiltinDTypeName, to.dtype as BuiltinDTypeName);
        const fallback = castFallback(from, to) as StridedLoop;
        const src = sourceArray(from.dtype);
        for (const [name, strides] of LAYOUTS) {
          const want = run(kernel!.loop, from, to, src, strides, inWasm);
          const got = run(js, from, to, src, strides, plain);
          expect(mismatches(src, from.bytes, got, want), `builtinCastLoop ${name}`).toEqual([]);
          const viaFallback = run(fallback, from, to, src, strides, plain);
          expect(mismatches(src, from.bytes, viaFallback, want), `castFallback ${name}`).toEqual([]);
        }
      });
    }
  }
});

/** Casts `values` with builtinCastLoop (contiguous and strided) and returns the outputs. */
function cast(from: BuiltinDTypeName, to: BuiltinDTypeName, values: readonly Scalar[]): Scalar[] {
  const f = typeOf(from), t = typeOf(to);
  const src = new TYPED_ARRAY_CTORS[f.storage](values.length) as unknown as Indexed;
  values.forEach((v, i) => { src[i] = v; });
  const results = ([[1, 1], [2, -3]] as Array<[number, number]>).map((strides) => {
    const hex = run(builtinCastLoop(from, to), f, t, src as unknown as TypedArray, strides, plain);
    return hex.map((h) => {
      const bytes = Uint8Array.from(h.match(/../g)!, (b) => parseInt(b, 16));
      return (new TYPED_ARRAY_CTORS[t.storage](bytes.buffer, 0, 1) as unknown as Indexed)[0]!;
    });
  });
  expect(results[1]).toEqual(results[0]);
  return results[0]!;
}

const I64_MAX = 2n ** 63n - 1n, I64_MIN = -(2n ** 63n), U64_MAX = 2n ** 64n - 1n;

describe('exact results', () => {
  it('float -> small int: truncate and wrap in range; saturate to int64, then wrap, outside', () => {
    expect(cast('float64', 'int8', [300.7, -300.7, 127.9, -128.9, -0.5, NaN, Infinity, -Infinity, 2 ** 63, 1e20, -1e20]))
      .toEqual([44, -44, 127, -128, 0, 0, -1, 0, -1, -1, 0]);
    expect(cast('float64', 'uint8', [-1.5, 255.9, 256, 2 ** 64, -(2 ** 64)])).toEqual([255, 255, 0, 255, 0]);
    expect(cast('float64', 'int32', [2 ** 31, -(2 ** 31) - 1, 1e20, -4294967297.5, 2 ** 62 + 2 ** 40])).toEqual([-(2 ** 31), 2 ** 31 - 1, -1, -1, 0]);
    expect(cast('float32', 'uint32', [-1, 4294967296, 3e9, Infinity])).toEqual([4294967295, 0, 3e9, 4294967295]);
    expect(cast('float32', 'int16', [32767.5, -32769, 1e30])).toEqual([32767, 32767, -1]);
  });

  it('float -> int64 / uint64: truncate, saturate, NaN -> 0; uint64 takes negatives through int64', () => {
    expect(cast('float64', 'int64', [-2.9, 2 ** 62, 1e20, -1e20, NaN, Infinity, -Infinity, 2 ** 53 + 2, -(2 ** 63)]))
      .toEqual([-2n, 2n ** 62n, I64_MAX, I64_MIN, 0n, I64_MAX, I64_MIN, 2n ** 53n + 2n, I64_MIN]);
    expect(cast('float64', 'uint64', [-1, -2.5, 1e20, -1e20, 2 ** 63, 2 ** 64 - 2048, NaN, -Infinity, Infinity]))
      .toEqual([U64_MAX, U64_MAX - 1n, U64_MAX, 2n ** 63n, 2n ** 63n, 2n ** 64n - 2048n, 0n, 2n ** 63n, U64_MAX]);
    expect(cast('float32', 'int64', [3e38, -0.9, 16777217])).toEqual([I64_MAX, 0n, 16777216n]);
  });

  it('int64 / uint64 -> float32 rounds once (ties to even)', () => {
    const m = 2 ** 60, ulp = 2 ** 37;
    expect(cast('int64', 'float32', [2n ** 60n + 2n ** 36n + 1n, 2n ** 60n + 2n ** 36n, 2n ** 60n + 3n * 2n ** 36n, -(2n ** 60n + 2n ** 36n + 1n), I64_MAX, I64_MIN, 2n ** 24n + 1n, 2n ** 54n + 2n ** 30n + 1n]))
      .toEqual([m + ulp, m, m + 2 * ulp, -(m + ulp), 2 ** 63, -(2 ** 63), 2 ** 24, 2 ** 54 + 2 ** 31]);
    expect(cast('uint64', 'float32', [U64_MAX, 2n ** 63n + 2n ** 39n + 1n, 2n ** 63n + 2n ** 39n])).toEqual([2 ** 64, 2 ** 63 + 2 ** 40, 2 ** 63]);
  });

  it('int64 / uint64 -> float64, small ints, bool', () => {
    expect(cast('uint64', 'float64', [U64_MAX, 2n ** 53n + 1n, 2n ** 53n + 3n])).toEqual([2 ** 64, 2 ** 53, 2 ** 53 + 4]);
    expect(cast('int64', 'float64', [I64_MIN, -(2n ** 53n) - 1n, -5n])).toEqual([-(2 ** 63), -(2 ** 53), -5]);
    expect(cast('int64', 'int8', [I64_MAX, 300n, -129n])).toEqual([-1, 44, 127]);
    expect(cast('uint64', 'int32', [2n ** 32n + 5n, U64_MAX, 2n ** 31n])).toEqual([5, -1, -(2 ** 31)]);
    expect(cast('uint64', 'uint16', [2n ** 63n + 65537n])).toEqual([1]);
    expect(cast('int64', 'bool', [0n, I64_MIN, 2n ** 32n])).toEqual([0, 1, 1]);
    expect(cast('int64', 'uint64', [-1n, I64_MIN])).toEqual([U64_MAX, 2n ** 63n]);
    expect(cast('int8', 'uint64', [-1, -128])).toEqual([U64_MAX, 2n ** 64n - 128n]);
    expect(cast('uint32', 'int64', [4294967295])).toEqual([4294967295n]);
  });

  it('anything -> bool is x != 0 (NaN true)', () => {
    expect(cast('float64', 'bool', [0, -0, NaN, 1e-310, -Infinity])).toEqual([0, 0, 1, 1, 1]);
    expect(cast('float16', 'bool', [0, 0x8000, 0x7e00, 0x0001, 0xfc00])).toEqual([0, 0, 1, 1, 1]);
    expect(cast('int16', 'bool', [0, -32768, 256])).toEqual([0, 1, 1]);
  });

  it('float16 sources convert the value of the bits', () => {
    expect(cast('float16', 'int16', [0x7bff, 0x7c00, 0xfc00, 0x7e00, 0xbe00, 0x3c00])).toEqual([-32, -1, 0, 0, -1, 1]);
    expect(cast('float16', 'uint8', [0x5bff, 0x7bff])).toEqual([255, 224]); // 255.875 -> 255; 65504 -> 65504 mod 256
    expect(cast('float16', 'int64', [0x7c00, 0xfc00, 0x7bff, 0xfe00])).toEqual([I64_MAX, I64_MIN, 65504n, 0n]);
    expect(cast('float16', 'uint64', [0xbc00, 0xfc00, 0x7c00])).toEqual([U64_MAX, 2n ** 63n, U64_MAX]);
  });

  it('to float32 / float16: one round-to-nearest-even', () => {
    expect(cast('float64', 'float32', [1 + 2 ** -24, 1 + 3 * 2 ** -24, 1e39, -1e39, 3.4028235677973366e38]))
      .toEqual([1, 1 + 2 ** -22, Infinity, -Infinity, Infinity]);
    expect(cast('int32', 'float32', [16777217, 16777219, -2147483647])).toEqual([16777216, 16777220, -2147483648]);
    expect(cast('float64', 'float16', [65520, 65519.99, 2 ** -25, 3 * 2 ** -26, 1 + 2 ** -11])).toEqual([0x7c00, 0x7bff, 0, 0x0001, 0x3c00]); // 0.75 units of 2^-24 -> 1 unit
    expect(cast('int64', 'float16', [65520n, -65504n, 2n ** 62n])).toEqual([0x7c00, 0xfbff, 0x7c00]);
  });
});
