// Creation, exact parsing, bytes, element access, printing, finfo and errors of the float128 dtype.
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { Float128, float128, plugin } from '@dtkit/float128';
import { readVectors } from './vector-io.js';
import { fromHex, hexToBytes, strings, thrown, toHex } from './plugin-helpers.js';

describe('float128 arrays', () => {
  it('parses decimal strings exactly (0.1 to the last bit) and 1e4000 beyond float64', () => {
    const q = dt.array(['0.1', '1e4000'], { dtype: float128 });
    expect(q.dtype.name).toBe('float128');
    expect(q.dtype.itemsize).toBe(16);
    expect(toHex(q)[0]).toBe('3ffb999999999999999999999999999a');
    expect(q.get(1)).toBeInstanceOf(Float128);
    expect(String(q.get(1))).toBe('1e+4000');
    expect(q.get(0)!.toString()).toBe('0.1');
  });
  it('toBytes is the little-endian C __float128 buffer', () => {
    const q = dt.array([1, -2, '0.1'], { dtype: float128 });
    expect(Array.from(q.toBytes())).toEqual(Array.from(hexToBytes([
      '3fff0000000000000000000000000000', 'c0000000000000000000000000000000', '3ffb999999999999999999999999999a',
    ])));
  });
  it('matches 3000 libquadmath strtoflt128 results when parsing', () => {
    const rows = readVectors('parse');
    expect(toHex(dt.array(rows.map((r) => r[0]!), { dtype: float128 }))).toEqual(rows.map((r) => r[1]));
  });
  it('stores bigints exactly up to 113 bits and rounds larger ones once (even beyond 2^1024)', () => {
    const big = 2n ** 1100n + 1n;
    const q = dt.array([2n ** 112n + 1n, big, -(2n ** 64n) - 1n], { dtype: float128 });
    expect((q.get(0) as Float128).toBigInt()).toBe(2n ** 112n + 1n);
    expect((q.get(1) as Float128).toBigInt()).toBe(2n ** 1100n);
    expect(toHex(q)[1]).toBe('444b0000000000000000000000000000');
    expect((q.get(2) as Float128).toBigInt()).toBe(-(2n ** 64n) - 1n);
  });
  it('discovers float128 from Float128 values', () => {
    const a = dt.array([Float128.from('0.1'), Float128.from(2)]);
    expect(a.dtype).toBe(float128);
    expect(dt.resultType(Float128.from(1))).toBe(float128);
  });
  it('set/item accept Float128, number, bigint, boolean and strings', () => {
    const a = dt.zeros([5], { dtype: float128 });
    a.set(0, Float128.from('1e-4000'));
    a.set(1, 0.5);
    a.set(2, 3n);
    a.set(3, true);
    a.set(4, '-inf');
    expect(strings(a)).toEqual(['1e-4000', '0.5', '3.0', '1.0', '-inf']);
    expect(a.slice(2).item()).toEqual(Float128.from(3));
  });
  it('rejects values it cannot hold with CastingError VALUE_CAST', () => {
    const a = dt.zeros([1], { dtype: float128 });
    const e = thrown(() => a.set(0, 'abc'));
    expect([e.name, e.code]).toEqual(['CastingError', 'VALUE_CAST']);
    expect(e.message).toContain('"abc"');
    expect(thrown(() => a.set(0, { re: 1, im: 2 })).code).toBe('VALUE_CAST');
    expect(thrown(() => a.set(0, {})).code).toBe('VALUE_CAST');
    expect(thrown(() => dt.array(['1', 'x'], { dtype: float128 })).code).toBe('VALUE_CAST');
    expect(String(a.get(0))).toBe('0.0');
  });
  it('use(plugin) is idempotent and the dtype parses by name', () => {
    dt.use(plugin);
    expect(dt.dtype('float128')).toBe(float128);
  });
});

describe('printing', () => {
  it('toString of elements is the shortest round-trip decimal', () => {
    const xs = ['0.1', '1e4000', '-0', '3.141592653589793238462643383279503', '6.5e-4966', 'nan', 'inf'];
    const a = dt.array(xs, { dtype: float128 });
    expect(strings(a)).toEqual(['0.1', '1e+4000', '-0.0', '3.141592653589793238462643383279503', '6e-4966', 'nan', 'inf']);
  });
  it('parse(format(x)) is bit-identical for 2000 random bit patterns', () => {
    let seed = 12345;
    const rnd = (): string => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return (seed >>> 0).toString(16).padStart(8, '0'); };
    const hexes = Array.from({ length: 2000 }, () => {
      const h = rnd() + rnd() + rnd() + rnd();
      return /^[7f]fff/.test(h) ? '3fff' + h.slice(4) : h; // finite values only
    });
    const a = fromHex(hexes);
    const back = dt.array(strings(a), { dtype: float128 });
    expect(toHex(back)).toEqual(hexes);
  });
  it('array toString names the dtype', () => {
    expect(dt.array(['0.5', '2'], { dtype: float128 }).toString()).toBe('array([0.5, 2.0], dtype=float128)');
  });
});

describe('finfo(float128)', () => {
  it('has the binary128 constants', () => {
    const f = dt.finfo(float128);
    expect(String(f['eps'])).toBe(String(Float128.from(2n).sub(0).mul(0).add(Float128.EPSILON)));
    expect((f['eps'] as Float128).toBits()).toBe(0x3f8f0000000000000000000000000000n); // 2^-112
    expect((f['epsneg'] as Float128).toBits()).toBe(0x3f8e0000000000000000000000000000n); // 2^-113
    expect((f['max'] as Float128).toBits()).toBe(0x7ffeffffffffffffffffffffffffffffn);
    expect((f['min'] as Float128).toBits()).toBe(0xfffeffffffffffffffffffffffffffffn);
    expect((f['tiny'] as Float128).toBits()).toBe(0x00010000000000000000000000000000n); // 2^-16382
    expect((f['smallest_normal'] as Float128).toBits()).toBe(0x00010000000000000000000000000000n);
    expect((f['smallest_subnormal'] as Float128).toBits()).toBe(1n); // 2^-16494
    expect(String(f['max'])).toBe('1.189731495357231765085759326628007e+4932');
    expect(String(f['resolution'])).toBe('1e-33');
    expect([f['precision'], f['bits'], f['nmant'], f['nexp'], f['maxexp'], f['minexp'], f['dtype']])
      .toEqual([33, 128, 112, 15, 16384, -16382, 'float128']);
  });
});
