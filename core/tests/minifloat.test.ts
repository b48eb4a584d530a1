// Exhaustive round trips of every code of bfloat16, float16, float8_e4m3fn and float8_e5m2
// through the scalar codec and the bulk loops (via binary32 and binary64), exhaustive tie
// tests, and the scalar encoder cross-checked against the bit-level bulk loops.
import { describe, expect, it } from 'vitest';
import { f16BitsToNumber } from '../src/numeric/float16.js';
import {
  BFLOAT16, BFLOAT16_CODEC, FLOAT16, FLOAT16_CODEC, FLOAT8_E4M3FN, FLOAT8_E4M3FN_CODEC,
  FLOAT8_E5M2, FLOAT8_E5M2_CODEC, decodeMinifloat, encodeMinifloat, minifloatBits,
  type MinifloatBulkCodec, type MinifloatFormat,
} from '../src/numeric/minifloat.js';

/** Expected re-encoding of a code: itself, or the canonical quiet NaN of the same sign. */
function canonical(code: number, fmt: MinifloatFormat): number {
  const d = minifloatBits(fmt);
  const mag = code & d.magMask;
  const isNan = mag > d.maxBits && mag !== d.infBits;
  return isNan ? (code & d.signBit) | d.quietNanBits : code;
}

function allCodes(fmt: MinifloatFormat): number[] {
  return Array.from({ length: 2 ** (1 + fmt.expBits + fmt.mantBits) }, (_, code) => code);
}

function everyCodeSuite<S extends Uint16Array | Uint8Array>(bulk: MinifloatBulkCodec<S>): void {
describe(`${bulk.format.name}: every code`, () => {
  const fmt = bulk.format;
  const codes = allCodes(fmt);

  it('decodes to a value that float32 holds exactly and re-encodes to itself (scalar)', () => {
    const bad: string[] = [];
    for (const code of codes) {
      const value = decodeMinifloat(code, fmt);
      if (!Number.isNaN(value) && Math.fround(value) !== value) bad.push(`not f32 ${code}`);
      if (encodeMinifloat(value, fmt) !== canonical(code, fmt)) bad.push(`re-encode ${code}`);
    }
    expect(bad).toEqual([]);
  });

  it('positive codes decode in strictly increasing order, negatives mirror them', () => {
    const d = minifloatBits(fmt);
    const bad: number[] = [];
    let previous = -1;
    for (let code = 0; code <= d.magMask; code++) {
      const value = decodeMinifloat(code, fmt);
      if (Number.isNaN(value)) continue;
      if (!(value > previous)) bad.push(code);
      if (!Object.is(decodeMinifloat(code | d.signBit, fmt), -value)) bad.push(code | d.signBit);
      previous = value;
    }
    expect(bad).toEqual([]);
    expect(previous).toBe(d.infBits >= 0 ? Infinity : decodeMinifloat(d.maxBits, fmt));
  });

  it('bulk decode to float32 and float64 equals the scalar decode, bulk encode restores', () => {
    const src = bulk.alloc(codes.length);
    codes.forEach((code, i) => { src[i] = code; });
    const as32 = new Float32Array(codes.length);
    const as64 = new Float64Array(codes.length);
    bulk.toFloat32(codes.length, src, 0, 1, as32, 0, 1);
    bulk.toFloat64(codes.length, src, 0, 1, as64, 0, 1);
    const back32 = bulk.alloc(codes.length);
    const back64 = bulk.alloc(codes.length);
    bulk.fromFloat32(codes.length, as32, 0, 1, back32, 0, 1);
    bulk.fromFloat64(codes.length, as64, 0, 1, back64, 0, 1);
    const bad: string[] = [];
    for (const code of codes) {
      const value = decodeMinifloat(code, fmt);
      const same = (x: number) => Object.is(x, value) || (Number.isNaN(x) && Number.isNaN(value));
      if (!same(as32[code]!)) bad.push(`to32 ${code}`);
      if (!same(as64[code]!)) bad.push(`to64 ${code}`);
      if (back32[code] !== canonical(code, fmt)) bad.push(`from32 ${code} -> ${back32[code]}`);
      if (back64[code] !== canonical(code, fmt)) bad.push(`from64 ${code} -> ${back64[code]}`);
    }
    expect(bad).toEqual([]);
  });

  it('every midpoint between neighbours rounds to the even code; nudged midpoints do not', () => {
    const d = minifloatBits(fmt);
    const bad: string[] = [];
    const f32 = new Float32Array(1);
    const f32Bits = new Uint32Array(f32.buffer);
    for (let code = 0; code < d.maxBits; code++) {
      const low = decodeMinifloat(code, fmt);
      const high = decodeMinifloat(code + 1, fmt);
      const mid = (low + high) / 2; // exact: at most mantBits + 2 significant bits
      const even = (code & 1) === 0 ? code : code + 1;
      const below = mid - Math.abs(mid) * 2 ** -52; // strictly between low and mid in binary64
      const above = mid + Math.abs(mid) * 2 ** -52;
      if (encodeMinifloat(mid, fmt) !== even) bad.push(`mid ${code}`);
      if (encodeMinifloat(-mid, fmt) !== (even | d.signBit)) bad.push(`-mid ${code}`);
      if (encodeMinifloat(below, fmt) !== code) bad.push(`below ${code}`);
      if (encodeMinifloat(above, fmt) !== code + 1) bad.push(`above ${code}`);
      // The same through the bulk loops, from binary64 and from binary32 (mid is exact there).
      const out = bulk.alloc(3);
      bulk.fromFloat64(3, new Float64Array([mid, below, above]), 0, 1, out, 0, 1);
      if (out[0] !== even || out[1] !== code || out[2] !== code + 1) bad.push(`bulk64 ${code}`);
      f32[0] = mid;
      const midBits = f32Bits[0]!;
      const from32 = new Float32Array(3);
      const from32Bits = new Uint32Array(from32.buffer);
      from32Bits[0] = midBits;
      from32Bits[1] = midBits - 1; // neighbouring binary32 patterns of a positive value
      from32Bits[2] = midBits + 1;
      bulk.fromFloat32(3, from32, 0, 1, out, 0, 1);
      if (out[0] !== even || out[1] !== code || out[2] !== code + 1) bad.push(`bulk32 ${code}`);
    }
    expect(bad).toEqual([]);
  });
});
}

everyCodeSuite(BFLOAT16_CODEC);
everyCodeSuite(FLOAT16_CODEC);
everyCodeSuite(FLOAT8_E4M3FN_CODEC);
everyCodeSuite(FLOAT8_E5M2_CODEC);

describe('decode agrees with independent definitions', () => {
  it('float16 matches float16.ts for all 65536 codes', () => {
    const bad: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const a = decodeMinifloat(code, FLOAT16);
      const b = f16BitsToNumber(code);
      if (!(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)))) bad.push(code);
    }
    expect(bad).toEqual([]);
  });

  it('bfloat16 code c is the binary32 with pattern c << 16, for all 65536 codes', () => {
    const f32 = new Float32Array(1);
    const bits = new Uint32Array(f32.buffer);
    const bad: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      bits[0] = code << 16;
      const a = decodeMinifloat(code, BFLOAT16);
      if (!(Object.is(a, f32[0]) || (Number.isNaN(a) && Number.isNaN(f32[0]!)))) bad.push(code);
    }
    expect(bad).toEqual([]);
  });

  it('float8 landmarks (OCP FP8 spec table)', () => {
    const e4 = (c: number) => decodeMinifloat(c, FLOAT8_E4M3FN);
    const e5 = (c: number) => decodeMinifloat(c, FLOAT8_E5M2);
    expect([e4(0x7e), e4(0xfe), e4(0x08), e4(0x07), e4(0x01), e4(0x38), e4(0x78)]).toEqual(
      [448, -448, 2 ** -6, 7 * 2 ** -9, 2 ** -9, 1, 256]);
    expect(e4(0x7f)).toBeNaN();
    expect(e4(0xff)).toBeNaN();
    expect(e4(0x77)).toBe(240); // the top binade is finite except its last code
    expect([e5(0x7b), e5(0x7c), e5(0xfc), e5(0x04), e5(0x01), e5(0x3c)]).toEqual(
      [57344, Infinity, -Infinity, 2 ** -14, 2 ** -16, 1]);
    for (const nan of [0x7d, 0x7e, 0x7f, 0xfd, 0xfe, 0xff]) expect(e5(nan)).toBeNaN();
    expect(Object.is(e4(0x80), -0)).toBe(true);
    expect(Object.is(e5(0x80), -0)).toBe(true);
  });
});
