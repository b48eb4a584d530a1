// The minifloat codecs against exact-rational reference vectors from
// plugins/bfloat16/scripts/gen_reference.py (Python fractions, no numpy rounding).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BFLOAT16, BFLOAT16_CODEC, FLOAT16, FLOAT16_CODEC, FLOAT8_E4M3FN, FLOAT8_E4M3FN_CODEC,
  FLOAT8_E5M2, FLOAT8_E5M2_CODEC, bigintToMinifloat, decodeMinifloat, encodeMinifloat,
  minifloatBits, type MinifloatBulkCodec, type MinifloatFormat,
} from '../../../core/src/numeric/minifloat.js';

const vectorsDir = new URL('./vectors/', import.meta.url);

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, vectorsDir), 'utf8'));
}

function field(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null || !(key in obj)) throw new Error(`no ${key}`);
  return (obj as Record<string, unknown>)[key];
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new Error('expected a list of strings');
  }
  return value as string[];
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new Error('expected a string');
  return value;
}

/** Splits "a b c" lines into columns. */
function columns(line: string): string[] {
  return line.split(' ');
}

const hex = (s: string | undefined): number => parseInt(s ?? 'x', 16);

function isNanCode(code: number, fmt: MinifloatFormat): boolean {
  const d = minifloatBits(fmt);
  const mag = code & d.magMask;
  return mag > d.maxBits && mag !== d.infBits;
}

const casts = readJson('casts.json');
const arith = readJson('arith.json');

function castSuite<S extends Uint16Array | Uint8Array>(codec: MinifloatBulkCodec<S>): void {
  const fmt = codec.format;
  const fromF64 = stringList(field(field(casts, fmt.name), 'float64')).map(columns);
  const fromInt = stringList(field(field(casts, fmt.name), 'int64')).map(columns);

  describe(`${fmt.name}: casts`, () => {
    it(`has vectors (${fromF64.length} float64, ${fromInt.length} int64)`, () => {
      expect(fromF64.length).toBeGreaterThan(3000);
      expect(fromInt.length).toBeGreaterThan(1000);
    });

    it('float64 → format, scalar and bulk, both overflow modes, match exactly', () => {
      const n = fromF64.length;
      const src = new Float64Array(n);
      const view = new DataView(src.buffer);
      fromF64.forEach(([bits], i) => view.setBigUint64(8 * i, BigInt(`0x${bits}`), true));
      const bulkInf = codec.alloc(n);
      const bulkSat = codec.alloc(n);
      codec.fromFloat64(n, src, 0, 1, bulkInf, 0, 1, 'inf');
      codec.fromFloat64(n, src, 0, 1, bulkSat, 0, 1, 'saturate');
      const bad: string[] = [];
      fromF64.forEach(([bits, whenInf, whenSat], i) => {
        const x = src[i]!;
        const got = [encodeMinifloat(x, fmt), encodeMinifloat(x, fmt, 'saturate'),
          bulkInf[i]!, bulkSat[i]!];
        const want = [hex(whenInf), hex(whenSat), hex(whenInf), hex(whenSat)];
        if (got.some((g, k) => g !== want[k])) bad.push(`${bits}: ${got} != ${want}`);
      });
      expect(bad).toEqual([]);
    });

    it('int64 → format (bigint, one rounding), both overflow modes, match exactly', () => {
      const bad: string[] = [];
      for (const [value, whenInf, whenSat] of fromInt) {
        const x = BigInt(value ?? 'x');
        const got = [bigintToMinifloat(x, fmt), bigintToMinifloat(x, fmt, 'saturate')];
        if (got[0] !== hex(whenInf) || got[1] !== hex(whenSat)) bad.push(`${value}: ${got}`);
      }
      expect(bad).toEqual([]);
    });
  });
}

castSuite(BFLOAT16_CODEC);
castSuite(FLOAT16_CODEC);
castSuite(FLOAT8_E4M3FN_CODEC);
castSuite(FLOAT8_E5M2_CODEC);

describe('reference anchors (guard against regenerated vectors drifting)', () => {
  const line = (fmt: MinifloatFormat, value: string): string[] | undefined =>
    stringList(field(field(casts, fmt.name), 'int64')).map(columns).find((c) => c[0] === value);
  it.each([
    [BFLOAT16, '16842753', '4b81', '4b81'],
    [FLOAT8_E4M3FN, '448', '7e', '7e'],
    [FLOAT8_E4M3FN, '464', '7e', '7e'],
    [FLOAT8_E4M3FN, '465', '7f', '7e'],
    [FLOAT16, '65520', '7c00', '7bff'],
  ] as const)('%j %s', (fmt, value, whenInf, whenSat) => {
    expect(line(fmt, value)).toEqual([value, whenInf, whenSat]);
  });
});

type Op = 'add' | 'sub' | 'mul' | 'div';
const OPS: readonly Op[] = ['add', 'sub', 'mul', 'div'];

/** "Computed in float32 and rounded once": binary64 op on the exact operands, then fround. */
function float32Op(op: Op, a: number, b: number): number {
  switch (op) {
    case 'add': return Math.fround(a + b);
    case 'sub': return Math.fround(a - b);
    case 'mul': return Math.fround(a * b);
    case 'div': return Math.fround(a / b);
  }
}

/** Exact match, except that any NaN code stands for NaN (JS does not define NaN signs). */
function sameResult(got: number, want: number, fmt: MinifloatFormat): boolean {
  return got === want || (isNanCode(got, fmt) && isNanCode(want, fmt));
}

describe('bfloat16 arithmetic (float32 compute, one rounding)', () => {
  const rows = stringList(field(arith, 'bfloat16')).map(columns);
  it(`${rows.length} operand pairs × 4 ops, scalar and bulk`, () => {
    expect(rows.length).toBeGreaterThan(6000);
    const f32 = new Float32Array(rows.length * 4);
    rows.forEach(([a, b], i) => {
      OPS.forEach((op, k) => {
        f32[4 * i + k] = float32Op(op, decodeMinifloat(hex(a), BFLOAT16),
          decodeMinifloat(hex(b), BFLOAT16));
      });
    });
    const bulk = new Uint16Array(f32.length);
    BFLOAT16_CODEC.fromFloat32(f32.length, f32, 0, 1, bulk, 0, 1);
    const bad: string[] = [];
    rows.forEach((row, i) => {
      OPS.forEach((op, k) => {
        const want = hex(row[2 + k]);
        const scalar = encodeMinifloat(f32[4 * i + k]!, BFLOAT16);
        if (!sameResult(scalar, want, BFLOAT16) || !sameResult(bulk[4 * i + k]!, want, BFLOAT16)) {
          bad.push(`${row[0]} ${op} ${row[1]}: ${scalar} / ${bulk[4 * i + k]} != ${want}`);
        }
      });
    });
    expect(bad).toEqual([]);
  });
});

describe.each([
  [FLOAT8_E4M3FN, FLOAT8_E4M3FN_CODEC],
  [FLOAT8_E5M2, FLOAT8_E5M2_CODEC],
] as const)('%j arithmetic, every operand pair', (fmt, codec) => {
  it.each(OPS)('%s', (op) => {
    const table = text(field(field(arith, fmt.name), op));
    expect(table.length).toBe(2 * 256 * 256);
    const f32 = new Float32Array(256 * 256);
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b++) {
        f32[256 * a + b] = float32Op(op, decodeMinifloat(a, fmt), decodeMinifloat(b, fmt));
      }
    }
    const bulk = new Uint8Array(f32.length);
    codec.fromFloat32(f32.length, f32, 0, 1, bulk, 0, 1);
    const bad: string[] = [];
    for (let i = 0; i < f32.length; i++) {
      const want = hex(table.slice(2 * i, 2 * i + 2));
      const scalar = encodeMinifloat(f32[i]!, fmt);
      if (!sameResult(scalar, want, fmt) || !sameResult(bulk[i]!, want, fmt)) {
        bad.push(`${i >> 8} ${op} ${i & 255}: ${scalar} / ${bulk[i]} != ${want}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
