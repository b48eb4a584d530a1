// dtkit's float16 codecs against numpy's own astype(float16) results (vectors written by
// plugins/bfloat16/scripts/gen_numpy_float16.py). numpy rounds once, ties to even, like us.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FLOAT16, FLOAT16_CODEC, decodeMinifloat, encodeMinifloat,
} from '../../../core/src/numeric/minifloat.js';

const data: unknown = JSON.parse(
  readFileSync(new URL('./vectors/numpy_float16.json', import.meta.url), 'utf8'));

function lines(key: string): [string, number][] {
  const list = typeof data === 'object' && data !== null && key in data
    ? (data as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) throw new Error(`missing ${key}`);
  return list.map((line): [string, number] => {
    const [src, f16] = String(line).split(' ');
    return [src ?? '', parseInt(f16 ?? 'x', 16)];
  });
}

/** numpy keeps NaN payload bits; we emit the canonical quiet NaN. Same sign is what matters. */
function agrees(got: number, want: number): boolean {
  const isNan = (c: number) => (c & 0x7c00) === 0x7c00 && (c & 0x3ff) !== 0;
  return got === want || (isNan(got) && isNan(want) && (got & 0x8000) === (want & 0x8000));
}

describe('float16 agrees with numpy', () => {
  it('float64 → float16 (scalar and bulk)', () => {
    const rows = lines('float64');
    expect(rows.length).toBe(6009);
    const src = new Float64Array(rows.length);
    const view = new DataView(src.buffer);
    rows.forEach(([bits], i) => view.setBigUint64(8 * i, BigInt(`0x${bits}`), true));
    const bulk = new Uint16Array(rows.length);
    FLOAT16_CODEC.fromFloat64(rows.length, src, 0, 1, bulk, 0, 1);
    const bad = rows.filter(([, want], i) =>
      !agrees(bulk[i]!, want) || !agrees(encodeMinifloat(src[i]!, FLOAT16), want));
    expect(bad).toEqual([]);
  });

  it('float32 → float16 (bulk) and back to float32', () => {
    const rows = lines('float32');
    expect(rows.length).toBe(12000);
    const src = new Float32Array(rows.length);
    const bits = new Uint32Array(src.buffer);
    rows.forEach(([hex], i) => { bits[i] = parseInt(hex, 16); });
    const bulk = new Uint16Array(rows.length);
    FLOAT16_CODEC.fromFloat32(rows.length, src, 0, 1, bulk, 0, 1);
    expect(rows.filter(([, want], i) => !agrees(bulk[i]!, want))).toEqual([]);
    const widened = new Float32Array(rows.length);
    FLOAT16_CODEC.toFloat32(rows.length, bulk, 0, 1, widened, 0, 1);
    const mismatched = rows.filter((_, i) => {
      const value = decodeMinifloat(bulk[i]!, FLOAT16);
      return !(Object.is(widened[i], value) || (Number.isNaN(value) && Number.isNaN(widened[i]!)));
    });
    expect(mismatched).toEqual([]);
  });
});
