// Promotion (promoteTypes / resultType, weak JS scalars) and canCast levels against every
// builtin and among the three minifloats. The tables are written out here on purpose (not
// imported from src) so that they check the implementation and match the README.
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { plugin, bfloat16, float8_e4m3fn, float8_e5m2 } from '@dtkit/bfloat16';

dt.use(plugin);

const BUILTINS = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64',
  'float16', 'float32', 'float64', 'complex64', 'complex128'] as const;
const MINI = ['bfloat16', 'float8_e4m3fn', 'float8_e5m2'] as const;

const PROMOTE: Record<(typeof MINI)[number], Record<string, string>> = {
  bfloat16: {
    bool: 'bfloat16', int8: 'bfloat16', uint8: 'bfloat16', int16: 'float32', uint16: 'float32',
    int32: 'float64', uint32: 'float64', int64: 'float64', uint64: 'float64',
    float16: 'float32', float32: 'float32', float64: 'float64', complex64: 'complex64', complex128: 'complex128',
    bfloat16: 'bfloat16', float8_e4m3fn: 'bfloat16', float8_e5m2: 'bfloat16',
  },
  float8_e4m3fn: {
    bool: 'float8_e4m3fn', int8: 'float16', uint8: 'float16', int16: 'float32', uint16: 'float32',
    int32: 'float64', uint32: 'float64', int64: 'float64', uint64: 'float64',
    float16: 'float16', float32: 'float32', float64: 'float64', complex64: 'complex64', complex128: 'complex128',
    bfloat16: 'bfloat16', float8_e4m3fn: 'float8_e4m3fn', float8_e5m2: 'float16',
  },
  float8_e5m2: {
    bool: 'float8_e5m2', int8: 'float16', uint8: 'float16', int16: 'float32', uint16: 'float32',
    int32: 'float64', uint32: 'float64', int64: 'float64', uint64: 'float64',
    float16: 'float16', float32: 'float32', float64: 'float64', complex64: 'complex64', complex128: 'complex128',
    bfloat16: 'bfloat16', float8_e4m3fn: 'float16', float8_e5m2: 'float8_e5m2',
  },
};

/** Minimal casting level from the row type into each minifloat column. */
const INTO: Record<string, [string, string, string]> = {
  //            bfloat16     e4m3fn       e5m2
  bool: ['safe', 'safe', 'safe'],
  int8: ['safe', 'same_kind', 'same_kind'],
  uint8: ['safe', 'same_kind', 'same_kind'],
  int16: ['same_kind', 'same_kind', 'same_kind'],
  uint16: ['same_kind', 'same_kind', 'same_kind'],
  int32: ['same_kind', 'same_kind', 'same_kind'],
  uint32: ['same_kind', 'same_kind', 'same_kind'],
  int64: ['same_kind', 'same_kind', 'same_kind'],
  uint64: ['same_kind', 'same_kind', 'same_kind'],
  float16: ['same_kind', 'same_kind', 'same_kind'],
  float32: ['same_kind', 'same_kind', 'same_kind'],
  float64: ['same_kind', 'same_kind', 'same_kind'],
  complex64: ['unsafe', 'unsafe', 'unsafe'],
  complex128: ['unsafe', 'unsafe', 'unsafe'],
  bfloat16: ['no', 'same_kind', 'same_kind'],
  float8_e4m3fn: ['safe', 'no', 'same_kind'],
  float8_e5m2: ['safe', 'same_kind', 'no'],
};

/** Minimal casting level from each minifloat (columns) to the row builtin. */
const OUT_OF: Record<string, [string, string, string]> = {
  bool: ['unsafe', 'unsafe', 'unsafe'],
  int8: ['unsafe', 'unsafe', 'unsafe'],
  uint8: ['unsafe', 'unsafe', 'unsafe'],
  int16: ['unsafe', 'unsafe', 'unsafe'],
  uint16: ['unsafe', 'unsafe', 'unsafe'],
  int32: ['unsafe', 'unsafe', 'unsafe'],
  uint32: ['unsafe', 'unsafe', 'unsafe'],
  int64: ['unsafe', 'unsafe', 'unsafe'],
  uint64: ['unsafe', 'unsafe', 'unsafe'],
  float16: ['same_kind', 'safe', 'safe'],
  float32: ['safe', 'safe', 'safe'],
  float64: ['safe', 'safe', 'safe'],
  complex64: ['safe', 'safe', 'safe'],
  complex128: ['safe', 'safe', 'safe'],
};

const LEVELS = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'] as const;

/** The strictest level at which canCast says yes. */
function minimalLevel(from: string, to: string): string {
  const level = LEVELS.find((l) => dt.canCast(from, to, l));
  if (level === undefined) throw new Error(`no cast ${from} → ${to}`);
  return level;
}

describe('promoteTypes', () => {
  for (const m of MINI) {
    it(`${m} with every builtin and minifloat, both orders`, () => {
      const got: Record<string, string> = {};
      for (const other of [...BUILTINS, ...MINI]) {
        const ab = dt.promoteTypes(m, other).name;
        expect(dt.promoteTypes(other, m).name).toBe(ab);
        got[other] = ab;
      }
      expect(got).toEqual(PROMOTE[m]);
    });
  }

  it('every promotion result is a safe cast target of both operands', () => {
    for (const m of MINI) {
      for (const other of [...BUILTINS, ...MINI]) {
        const r = dt.promoteTypes(m, other);
        expect([m, other, dt.canCast(m, r), dt.canCast(other, r)]).toEqual([m, other, true, true]);
      }
    }
  });

  it('resultType of arrays follows the same table', () => {
    const b = dt.array([1], { dtype: bfloat16 });
    expect(dt.resultType(b, dt.array([1], { dtype: 'float16' })).name).toBe('float32');
    expect(dt.resultType(b, dt.array([1], { dtype: 'int8' }), dt.array([1], { dtype: 'uint8' })).name).toBe('bfloat16');
    expect(dt.resultType(float8_e4m3fn, bfloat16, float8_e5m2).name).toBe('bfloat16');
    // float16 and bfloat16 are both minimal bounds of the two float8 types, so a fold that
    // meets the float8 pair first lands on float16, then float32 (documented in the README).
    expect(dt.resultType(float8_e4m3fn, float8_e5m2, bfloat16).name).toBe('float32');
  });
});

describe('weak JS scalars (NEP 50)', () => {
  for (const m of [bfloat16, float8_e4m3fn, float8_e5m2]) {
    it(`${m.name}: bool, int and float scalars keep it; complex gives complex64`, () => {
      const a = dt.zeros([1], { dtype: m });
      expect(dt.resultType(a, true).name).toBe(m.name);
      expect(dt.resultType(a, 3).name).toBe(m.name);
      expect(dt.resultType(a, 100000n).name).toBe(m.name);
      expect(dt.resultType(a, 1.5).name).toBe(m.name);
      expect(dt.resultType(a, 1e300).name).toBe(m.name);
      expect(dt.resultType(a, NaN).name).toBe(m.name);
      expect(dt.resultType(a, { re: 1, im: 2 }).name).toBe('complex64');
    });
  }

  it('ufuncs use the weak rules', () => {
    const a = dt.array([1.5, 3], { dtype: bfloat16 });
    expect(dt.add(a, 1).toArray()).toEqual([2.5, 4]);
    expect(dt.add(a, 1).dtype).toBe(bfloat16);
    expect(dt.multiply(a, 0.1).toArray()).toEqual([0.150390625, 0.30078125]);
    expect(dt.add(a, { re: 1, im: 2 }).toArray()).toEqual([{ re: 2.5, im: 2 }, { re: 4, im: 2 }]);
    expect(dt.add(a, { re: 1, im: 2 }).dtype.name).toBe('complex64');
    expect(dt.add(a, dt.array([1], { dtype: 'float16' })).dtype.name).toBe('float32');
    expect(dt.add(a, dt.array([1], { dtype: 'float32' })).dtype.name).toBe('float32');
    expect(dt.add(a, dt.array([1])).dtype.name).toBe('float64');
    expect(dt.add(dt.array([1], { dtype: float8_e4m3fn }), dt.array([1], { dtype: float8_e5m2 })).dtype.name).toBe('float16');
  });
});

describe('canCast levels', () => {
  it('into each minifloat from every builtin and minifloat', () => {
    const got: Record<string, string[]> = {};
    for (const from of [...BUILTINS, ...MINI]) got[from] = MINI.map((to) => minimalLevel(from, to));
    expect(got).toEqual(INTO);
  });

  it('out of each minifloat to every builtin', () => {
    const got: Record<string, string[]> = {};
    for (const to of BUILTINS) got[to] = MINI.map((from) => minimalLevel(from, to));
    expect(got).toEqual(OUT_OF);
  });

  it('levels are ordered', () => {
    expect(dt.canCast('float32', bfloat16, 'safe')).toBe(false);
    expect(dt.canCast('float32', bfloat16, 'same_kind')).toBe(true);
    expect(dt.canCast(bfloat16, 'int32', 'same_kind')).toBe(false);
    expect(dt.canCast(bfloat16, 'int32', 'unsafe')).toBe(true);
    expect(dt.canCast(bfloat16, bfloat16, 'no')).toBe(true);
  });
});
