// The bit-level bulk loops against the scalar encoder (a separate, arithmetic implementation)
// on random binary32/binary64 patterns of every exponent, plus strides, offsets, overflow modes,
// conversions between minifloats, bigint sources and finfo constants.
import { describe, expect, it } from 'vitest';
import {
  BFLOAT16, BFLOAT16_CODEC, FLOAT16, FLOAT16_CODEC, FLOAT8_E4M3FN, FLOAT8_E4M3FN_CODEC,
  FLOAT8_E5M2, FLOAT8_E5M2_CODEC, bfloat16ToFloat16, bigintToMinifloat, convertMinifloat,
  decodeMinifloat, encodeMinifloat, float16ToFloat8E4M3FN, float8E5M2ToFloat8E4M3FN,
  minifloatInfo, type MinifloatBulkCodec, type MinifloatFormat, type MinifloatOverflow,
} from '../src/numeric/minifloat.js';

/** Deterministic 32-bit xorshift generator (tests must be reproducible). */
function xorshift32(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

const COUNT = 40_000;
const MODES: readonly MinifloatOverflow[] = ['inf', 'saturate'];

function crossCheckSuite<S extends Uint16Array | Uint8Array>(bulk: MinifloatBulkCodec<S>): void {
  const fmt = bulk.format;
  describe(`${fmt.name}: bulk loops equal the scalar encoder`, () => {
    it.each(MODES)('random binary64 patterns, overflow %s', (mode) => {
      const next = xorshift32(0x9e3779b9 ^ fmt.mantBits);
      const src = new Float64Array(COUNT);
      const words = new Uint32Array(src.buffer);
      for (let i = 0; i < COUNT; i++) {
        // Exponents concentrated around the format's range so that all paths are exercised.
        const exponent = 1023 + (next() % 320) - 160;
        words[2 * i + 1] = (next() & 0x800fffff) | (exponent << 20);
        words[2 * i] = i % 7 === 0 ? 0 : next(); // low word 0 now and then: exact ties occur
      }
      const out = bulk.alloc(COUNT);
      bulk.fromFloat64(COUNT, src, 0, 1, out, 0, 1, mode);
      const reversed = bulk.alloc(COUNT); // the strided loop (contiguous runs the fast path)
      bulk.fromFloat64(COUNT, src, COUNT - 1, -1, reversed, 0, 1, mode);
      const bad: number[] = [];
      for (let i = 0; i < COUNT; i++) {
        const want = encodeMinifloat(src[i]!, fmt, mode);
        if (out[i] !== want || reversed[COUNT - 1 - i] !== want) bad.push(src[i]!);
      }
      expect(bad).toEqual([]);
    });

    it.each(MODES)('random binary32 patterns (inf/NaN included), overflow %s', (mode) => {
      const next = xorshift32(0x85ebca6b ^ fmt.expBits);
      const src = new Float32Array(COUNT);
      const bits = new Uint32Array(src.buffer);
      for (let i = 0; i < COUNT; i++) bits[i] = next();
      const out = bulk.alloc(COUNT);
      bulk.fromFloat32(COUNT, src, 0, 1, out, 0, 1, mode);
      const strided = bulk.alloc(2 * COUNT); // the strided loop (contiguous runs the fast path)
      bulk.fromFloat32(COUNT, src, 0, 1, strided, 1, 2, mode);
      const bad: number[] = [];
      for (let i = 0; i < COUNT; i++) {
        const want = encodeMinifloat(src[i]!, fmt, mode);
        // NaN inputs: the sign of the JS number read back is not reliable; compare magnitude.
        const mask = Number.isNaN(src[i]!) ? 0x7fff : 0xffff;
        const same = (got: number) => (got & mask) === (want & mask);
        if (!same(out[i]!) || !same(strided[2 * i + 1]!) || strided[2 * i] !== 0) bad.push(bits[i]!);
      }
      expect(bad).toEqual([]);
    });
  });
}

crossCheckSuite(BFLOAT16_CODEC);
crossCheckSuite(FLOAT16_CODEC);
crossCheckSuite(FLOAT8_E4M3FN_CODEC);
crossCheckSuite(FLOAT8_E5M2_CODEC);

describe('strides and offsets', () => {
  it('narrowing reads and writes only the addressed elements', () => {
    const src = new Float64Array([9, 1.5, 9, -2.25, 9, 16842753, 9]);
    const dst = new Uint16Array(8).fill(0xabcd);
    BFLOAT16_CODEC.fromFloat64(3, src, 1, 2, dst, 5, -2);
    expect([...dst]).toEqual([0xabcd, 0x4b81, 0xabcd, 0xc010, 0xabcd, 0x3fc0, 0xabcd, 0xabcd]);
    const src32 = new Float32Array([1, 2, 3, 4]);
    const dst8 = new Uint8Array(2);
    FLOAT8_E4M3FN_CODEC.fromFloat32(2, src32, 3, -3, dst8, 0, 1);
    expect([...dst8]).toEqual([0x48, 0x38]); // 4 = 1.0 × 2^2, 1 = 1.0 × 2^0
  });

  it('widening honours offsets and strides, including on subarray views', () => {
    const backing = new Uint16Array([0, 0x3c00, 0, 0xc000, 0, 0x7c00]);
    const view = backing.subarray(1); // byteOffset 2
    const out = new Float64Array(3);
    FLOAT16_CODEC.toFloat64(3, view, 0, 2, out, 2, -1);
    expect([...out]).toEqual([Infinity, -2, 1]);
    const f32 = new Float32Array(new ArrayBuffer(20), 4, 4); // view with a byte offset
    f32.set([1, 3, 5, 7]);
    const dst = new Uint16Array(2);
    FLOAT16_CODEC.fromFloat32(2, f32, 1, 2, dst, 0, 1);
    expect([...dst]).toEqual([0x4200, 0x4700]);
  });
});

describe('overflow modes and specials (scalar and bulk agree)', () => {
  const cases: readonly [MinifloatFormat, number, number, number][] = [
    // format, input, bits with 'inf', bits with 'saturate'
    [FLOAT8_E4M3FN, 448, 0x7e, 0x7e],
    [FLOAT8_E4M3FN, 464, 0x7e, 0x7e], // tie between 448 and 512 goes to even 448
    [FLOAT8_E4M3FN, 465, 0x7f, 0x7e],
    [FLOAT8_E4M3FN, -1e6, 0xff, 0xfe],
    [FLOAT8_E4M3FN, Infinity, 0x7f, 0x7e],
    [FLOAT8_E5M2, 57344, 0x7b, 0x7b],
    [FLOAT8_E5M2, 61439, 0x7b, 0x7b],
    [FLOAT8_E5M2, 61440, 0x7c, 0x7b], // tie with odd max rounds up to inf
    [FLOAT8_E5M2, -Infinity, 0xfc, 0xfb],
    [FLOAT16, 65519, 0x7bff, 0x7bff],
    [FLOAT16, 65520, 0x7c00, 0x7bff],
    [BFLOAT16, (2 - 2 ** -8) * 2 ** 127, 0x7f80, 0x7f7f], // max + half ulp: tie, odd max → inf
    [BFLOAT16, (2 - 2 ** -8) * 2 ** 127 - 2 ** 80, 0x7f7f, 0x7f7f], // just below the tie
    [BFLOAT16, 1e300, 0x7f80, 0x7f7f],
    [BFLOAT16, -0, 0x8000, 0x8000],
    [BFLOAT16, 16842753, 0x4b81, 0x4b81], // f64 → bf16 directly; via binary32 it would be 0x4b80
  ];
  const named = cases.map((c) => [c[0].name, ...c] as const);
  it.each(named)('%s: %d', (_, fmt, x, whenInf, whenSaturate) => {
    expect(encodeMinifloat(x, fmt)).toBe(whenInf);
    expect(encodeMinifloat(x, fmt, 'saturate')).toBe(whenSaturate);
    const codec = [BFLOAT16_CODEC, FLOAT16_CODEC].find((c) => c.format === fmt);
    const codec8 = [FLOAT8_E4M3FN_CODEC, FLOAT8_E5M2_CODEC].find((c) => c.format === fmt);
    const out = new Uint16Array(2);
    const out8 = new Uint8Array(2);
    const src = new Float64Array([x]);
    codec?.fromFloat64(1, src, 0, 1, out, 0, 1);
    codec?.fromFloat64(1, src, 0, 1, out, 1, 1, 'saturate');
    codec8?.fromFloat64(1, src, 0, 1, out8, 0, 1);
    codec8?.fromFloat64(1, src, 0, 1, out8, 1, 1, 'saturate');
    const got = codec !== undefined ? [...out] : [...out8];
    expect(got).toEqual([whenInf, whenSaturate]);
  });

  it('NaN becomes the quiet NaN of the same sign in every format and both modes', () => {
    const nans = new Float64Array(2);
    const words = new Uint32Array(nans.buffer);
    words[1] = 0x7ff00000; // signalling NaN with payload 1
    words[0] = 1;
    words[3] = 0xfff80000;
    const expected: [MinifloatFormat, number, number][] = [
      [BFLOAT16, 0x7fc0, 0xffc0], [FLOAT16, 0x7e00, 0xfe00],
      [FLOAT8_E4M3FN, 0x7f, 0xff], [FLOAT8_E5M2, 0x7e, 0xfe],
    ];
    for (const [fmt, positive, negative] of expected) {
      for (const mode of MODES) {
        expect([encodeMinifloat(nans[0]!, fmt, mode), encodeMinifloat(nans[1]!, fmt, mode)])
          .toEqual([positive, negative]);
      }
    }
    const out = new Uint16Array(2);
    BFLOAT16_CODEC.fromFloat64(2, nans, 0, 1, out, 0, 1, 'saturate');
    expect([...out]).toEqual([0x7fc0, 0xffc0]);
  });
});

describe('between minifloats (one rounding from the exact value)', () => {
  it('bfloat16 → float16 rounds, overflows and keeps subnormals', () => {
    // 1 + 2^-7 (exact in f16), 2^-24 (f16's smallest subnormal), 2^-25 (tie → 0), 65536 (inf)
    const src = new Uint16Array([0x3f81, 0x3380, 0x3300, 0x4780, 0xc780]);
    const dst = new Uint16Array(5);
    bfloat16ToFloat16(5, src, 0, 1, dst, 0, 1);
    expect([...dst]).toEqual([0x3c08, 0x0001, 0x0000, 0x7c00, 0xfc00]);
    bfloat16ToFloat16(5, src, 0, 1, dst, 0, 1, 'saturate');
    expect([...dst]).toEqual([0x3c08, 0x0001, 0x0000, 0x7bff, 0xfbff]);
  });

  it('every float16 → float8_e4m3fn and float8_e5m2 → e4m3fn equals decode-then-encode', () => {
    const all16 = Uint16Array.from({ length: 0x10000 }, (_, i) => i);
    const out = new Uint8Array(0x10000);
    float16ToFloat8E4M3FN(0x10000, all16, 0, 1, out, 0, 1, 'saturate');
    const bad: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const want = encodeMinifloat(decodeMinifloat(code, FLOAT16), FLOAT8_E4M3FN, 'saturate');
      if (out[code] !== want) bad.push(code);
    }
    expect(bad).toEqual([]);
    const all8 = Uint8Array.from({ length: 256 }, (_, i) => i);
    const out8 = new Uint8Array(256);
    float8E5M2ToFloat8E4M3FN(256, all8, 0, 1, out8, 0, 1);
    expect(out8[0x60]).toBe(0x7f); // e5m2 0x60 = 512 → NaN in e4m3fn (no saturation asked)
    expect(out8[0x5f]).toBe(0x7e); // 448 → 448
    expect(out8[0x5e]).toBe(0x7c); // 384 → 384
    expect(out8[0x01]).toBe(0x00); // 2^-16 → 0 (below half of e4m3fn's 2^-9)
    expect(out8[0x81]).toBe(0x80); // −2^-16 → −0
    expect(out8[0x7c]).toBe(0x7f); // inf → NaN
  });

  it('convertMinifloat with strides', () => {
    const src = new Uint8Array([0x38, 0, 0xb8, 0]); // e4m3fn 1, −1
    const dst = new Uint16Array(2);
    convertMinifloat(2, src, 0, 2, FLOAT8_E4M3FN, dst, 1, -1, BFLOAT16);
    expect([...dst]).toEqual([0xbf80, 0x3f80]);
  });
});

describe('bigintToMinifloat rounds once from the integer', () => {
  it.each([
    [16842753n, BFLOAT16, 0x4b81],
    [(1n << 63n) - 1n, BFLOAT16, 0x5f00],
    [-(1n << 63n), BFLOAT16, 0xdf00],
    [(1n << 60n) + (1n << 52n), BFLOAT16, 0x5d80], // exact tie → even (down)
    [(1n << 60n) + (1n << 52n) + 1n, BFLOAT16, 0x5d81], // just above the tie (beyond 2^53)
    [(1n << 60n) + (3n << 52n), BFLOAT16, 0x5d82], // tie → even (up)
    [65520n, FLOAT16, 0x7c00],
    [465n, FLOAT8_E4M3FN, 0x7f],
    [2n ** 2000n, FLOAT8_E5M2, 0x7c],
    [0n, FLOAT16, 0x0000],
  ] as const)('%s → %j', (x, fmt, want) => {
    expect(bigintToMinifloat(x, fmt)).toBe(want);
  });

  it('saturates on request', () => {
    expect(bigintToMinifloat(465n, FLOAT8_E4M3FN, 'saturate')).toBe(0x7e);
    expect(bigintToMinifloat(-(2n ** 2000n), BFLOAT16, 'saturate')).toBe(0xff7f);
  });
});

describe('minifloatInfo (NumPy / ml_dtypes finfo values)', () => {
  it.each([
    [FLOAT16, 16, 2 ** -10, 2 ** -11, 65504, 2 ** -14, 2 ** -24, 3, 0.001],
    [BFLOAT16, 16, 2 ** -7, 2 ** -8, 3.3895313892515355e38, 2 ** -126, 2 ** -133, 2, 0.01],
    [FLOAT8_E4M3FN, 8, 0.125, 0.0625, 448, 2 ** -6, 2 ** -9, 1, 0.1],
    [FLOAT8_E5M2, 8, 0.25, 0.125, 57344, 2 ** -14, 2 ** -16, 1, 0.1],
  ] as const)('%j', (fmt, bits, eps, epsneg, max, tiny, sub, precision, resolution) => {
    const info = minifloatInfo(fmt);
    expect([info.bits, info.eps, info.epsneg, info.max, info.min, info.tiny]).toEqual(
      [bits, eps, epsneg, max, -max, tiny]);
    expect([info.smallestSubnormal, info.precision, info.resolution]).toEqual(
      [sub, precision, resolution]);
  });
});
