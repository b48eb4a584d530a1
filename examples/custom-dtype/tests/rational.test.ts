import { describe, expect, test } from 'vitest';
import * as dt from 'dtkit';
import { plugin, rational, rationalFamily, Rational, RationalError } from '../src/index.js';
import { codeOf, q, str } from './helpers.js';

describe('Rational scalar', () => {
  test('normalises sign and gcd', () => {
    expect(String(new Rational(6, -4))).toBe('-3/2');
    expect(String(new Rational(4, 2))).toBe('2');
    expect(String(new Rational(0, -7))).toBe('0');
    expect(String(new Rational(3, 4))).toBe('3/4');
    expect(new Rational(-6, -4)).toMatchObject({ numerator: 3, denominator: 2 });
    expect(String(new Rational(5n, 10n))).toBe('1/2');
  });
  test('valueOf / toNumber / equals / toJSON', () => {
    const r = new Rational(1, 4);
    expect(Number(r)).toBe(0.25);
    expect(r.toNumber()).toBe(0.25);
    expect(+r < 0.3).toBe(true);
    expect(r.equals(new Rational(2, 8))).toBe(true);
    expect(JSON.stringify([r])).toBe('["1/4"]');
  });
  test('from accepts Rational, integers, bigint, booleans, strings', () => {
    expect(String(Rational.from(' -6 / 4 '))).toBe('-3/2');
    expect(String(Rational.from('7'))).toBe('7');
    expect(String(Rational.from(true))).toBe('1');
    expect(String(Rational.from(-3n))).toBe('-3');
  });
  test('errors are typed', () => {
    expect(codeOf(() => new Rational(1, 0))).toBe('RATIONAL_ZERO_DIVISION');
    expect(codeOf(() => new Rational(0.5))).toBe('RATIONAL_INVALID');
    expect(codeOf(() => new Rational(Number.NaN))).toBe('RATIONAL_INVALID');
    expect(codeOf(() => new Rational(2 ** 31))).toBe('RATIONAL_OVERFLOW');
    expect(codeOf(() => new Rational(2n ** 31n))).toBe('RATIONAL_OVERFLOW');
    expect(codeOf(() => new Rational(-(2 ** 31), -1))).toBe('RATIONAL_OVERFLOW');
    expect(codeOf(() => Rational.from('1/x'))).toBe('RATIONAL_INVALID');
    expect(codeOf(() => Rational.from({}))).toBe('RATIONAL_INVALID');
    try {
      new Rational(1, 0);
    } catch (e) {
      expect(e).toBeInstanceOf(RationalError);
      expect(e).toBeInstanceOf(dt.DTKitError);
      expect((e as Error).name).toBe('RationalError');
    }
  });
});

describe('arrays: creation, getItem/setItem, format', () => {
  test('the brief example', () => {
    const r = dt.array([new Rational(1, 2), new Rational(1, 3)], { dtype: rational });
    expect(r.dtype).toBe(rational);
    expect(r.dtype.name).toBe('rational');
    expect(dt.dtype('rational')).toBe(rational);
    expect(String(r)).toBe('array([1/2, 1/3], dtype=rational)');
    expect(r.get(1)).toEqual(new Rational(1, 3));
    expect(r.get(1)).toBeInstanceOf(Rational);
  });
  test('discovery: Rational values need no dtype option', () => {
    const r = dt.array([[new Rational(1, 2)], [new Rational(-5, 3)]]);
    expect(r.dtype).toBe(rational);
    expect(r.shape).toEqual([2, 1]);
    expect(String(r)).toBe('array([[ 1/2],\n       [-5/3]], dtype=rational)');
  });
  test('setItem accepts integers, bigint, booleans, strings; rejects the rest', () => {
    const r = dt.array([1, 2n, true, '6/8', new Rational(1, 3)], { dtype: rational });
    expect(str(r)).toEqual(['1', '2', '1', '3/4', '1/3']);
    r.set(0, new Rational(-1, 7));
    expect(str(r)[0]).toBe('-1/7');
    expect(codeOf(() => r.set(0, 0.5))).toBe('RATIONAL_INVALID');
    expect(codeOf(() => dt.array([0.5], { dtype: rational }))).toBe('RATIONAL_INVALID');
    expect(codeOf(() => dt.array([2 ** 31], { dtype: rational }))).toBe('RATIONAL_OVERFLOW');
    expect(codeOf(() => dt.array([{}], { dtype: rational }))).toBe('RATIONAL_INVALID');
    expect(codeOf(() => dt.array([null], { dtype: rational }))).toBe('RATIONAL_INVALID');
  });
  test('zeros / ones / empty / full; zeroed memory reads as 0/1', () => {
    expect(str(dt.zeros([2], { dtype: rational }))).toEqual(['0', '0']);
    expect(str(dt.empty([2], { dtype: rational }))).toEqual(['0', '0']);
    expect(str(dt.ones([2], { dtype: rational }))).toEqual(['1', '1']);
    expect(str(dt.full([2], new Rational(2, 3), { dtype: rational }))).toEqual(['2/3', '2/3']);
  });
  test('storage: int32 × 2 lanes, denominator stored minus one', () => {
    expect(rational.itemsize).toBe(8);
    expect(rational.storage).toEqual({ kind: 'typed', type: 'int32', lanes: 2 });
    expect([...new Int32Array(q('3/4', '-1/2').toBytes().buffer)]).toEqual([3, 3, -1, 1]);
    expect(str(dt.fromBytes(new Uint8Array(new Int32Array([5, 1]).buffer), rational))).toEqual(['5/2']);
  });
  test('toArray gives Rational objects; item() of a 0-d result', () => {
    const vals = q('1/2', '2').toArray() as Rational[];
    expect(vals.map(String)).toEqual(['1/2', '2']);
    expect(String(dt.sum(q('1/2', '1/2')).item())).toBe('1');
  });
});

describe('loops (exact values)', () => {
  const a = q('1/2', '1/3', '-5/4');
  const b = q('2/3', '-3/4', '5/4');
  test('add / subtract / multiply / divide', () => {
    expect(str(dt.add(a, b))).toEqual(['7/6', '-5/12', '0']);
    expect(str(dt.subtract(a, b))).toEqual(['-1/6', '13/12', '-5/2']);
    expect(str(dt.multiply(a, b))).toEqual(['1/3', '-1/4', '-25/16']);
    expect(str(dt.divide(a, b))).toEqual(['3/4', '-4/9', '-1']);
  });
  test('the brief example: r + r', () => {
    const r = q('1/2', '1/3');
    expect(String(dt.add(r, r))).toBe('array([  1, 2/3], dtype=rational)');
  });
  test('unary: negative, positive, absolute, sign, square', () => {
    expect(str(dt.negative(a))).toEqual(['-1/2', '-1/3', '5/4']);
    expect(str(dt.positive(a))).toEqual(['1/2', '1/3', '-5/4']);
    expect(str(dt.absolute(a))).toEqual(['1/2', '1/3', '5/4']);
    expect(str(dt.sign(q('-7/3', '0', '2/9')))).toEqual(['-1', '0', '1']);
    expect(str(dt.square(a))).toEqual(['1/4', '1/9', '25/16']);
  });
  test('floor_divide / remainder (sign of the divisor, as NumPy)', () => {
    const x = q('7/2', '-7/2', '7/2', '5/6');
    const y = q('1', '1', '-2/3', '1/4');
    expect(str(dt.floorDivide(x, y))).toEqual(['3', '-4', '-6', '3']);
    expect(str(dt.remainder(x, y))).toEqual(['1/2', '1/2', '-1/2', '1/12']);
    expect(codeOf(() => dt.remainder(q('1'), q('0')))).toBe('RATIONAL_ZERO_DIVISION');
  });
  test('floor / ceil / trunc / rint (half to even)', () => {
    const x = q('7/2', '-7/2', '5/2', '-5/2', '1/3', '-1/3', '4');
    expect(str(dt.floor(x))).toEqual(['3', '-4', '2', '-3', '0', '-1', '4']);
    expect(str(dt.ceil(x))).toEqual(['4', '-3', '3', '-2', '1', '0', '4']);
    expect(str(dt.trunc(x))).toEqual(['3', '-3', '2', '-2', '0', '0', '4']);
    expect(str(dt.rint(x))).toEqual(['4', '-4', '2', '-2', '0', '0', '4']);
  });
  test('comparisons → bool', () => {
    const x = q('1/2', '1/3', '-1/3');
    const y = q('1/3', '1/3', '-1/4');
    const bools = (r: dt.NDArray) => r.toArray();
    expect(dt.equal(x, y).dtype.name).toBe('bool');
    expect(bools(dt.equal(x, y))).toEqual([false, true, false]);
    expect(bools(dt.notEqual(x, y))).toEqual([true, false, true]);
    expect(bools(dt.less(x, y))).toEqual([false, false, true]);
    expect(bools(dt.lessEqual(x, y))).toEqual([false, true, true]);
    expect(bools(dt.greater(x, y))).toEqual([true, false, false]);
    expect(bools(dt.greaterEqual(x, y))).toEqual([true, true, false]);
  });
  test('comparisons are exact where float64 is not', () => {
    // m+1/m vs m/(m-1), m = 2^31 - 2: equal as doubles, not as fractions.
    const x = q('2147483647/2147483646');
    const y = q('2147483646/2147483645');
    expect(Number(x.item())).toBe(Number(y.item()));
    expect(dt.less(x, y).toArray()).toEqual([true]);
    expect(dt.equal(x, y).toArray()).toEqual([false]);
  });
  test('maximum / minimum', () => {
    const x = q('1/2', '-1/3');
    const y = q('1/3', '-1/4');
    expect(str(dt.maximum(x, y))).toEqual(['1/2', '-1/4']);
    expect(str(dt.minimum(x, y))).toEqual(['1/3', '-1/3']);
  });
  test('strided and broadcast operands', () => {
    const m = dt.array([[1, 2, 3], [4, 5, 6]], { dtype: rational });
    expect(str(dt.divide(m, q('2', '3', '4')))).toEqual(['1/2', '2/3', '3/4', '2', '5/3', '3/2']);
    expect(str(dt.divide(m.transpose(), 7))).toEqual(['1/7', '4/7', '2/7', '5/7', '3/7', '6/7']);
    expect(str(dt.add(m.slice(null, '::2'), q('1/2')))).toEqual(['3/2', '7/2', '9/2', '13/2']);
  });
  test('out= and in place', () => {
    const r = q('1/2', '1/3');
    const res = dt.add(r, r, { out: r });
    expect(res).toBe(r);
    expect(str(r)).toEqual(['1', '2/3']);
  });
});

describe('errors from loops', () => {
  test('division by zero raises before writing out', () => {
    const out = q('5', '5');
    expect(codeOf(() => dt.divide(q('1', '2'), q('3', '0'), { out }))).toBe('RATIONAL_ZERO_DIVISION');
    expect(str(out)).toEqual(['5', '5']);
    expect(codeOf(() => dt.divide(q('1'), 0))).toBe('RATIONAL_ZERO_DIVISION');
  });
  test('int32 overflow of numerator or denominator', () => {
    expect(codeOf(() => dt.add(q('2147483647'), q('1')))).toBe('RATIONAL_OVERFLOW');
    expect(codeOf(() => dt.multiply(q('65536'), q('32768')))).toBe('RATIONAL_OVERFLOW');
    expect(codeOf(() => dt.multiply(q('1/65536'), q('1/32768')))).toBe('RATIONAL_OVERFLOW');
    expect(codeOf(() => dt.negative(q('-2147483648')))).toBe('RATIONAL_OVERFLOW');
    expect(codeOf(() => dt.absolute(q('-2147483648')))).toBe('RATIONAL_OVERFLOW');
    // Cross products beyond 2^53 take the BigInt path and still detect overflow exactly.
    expect(codeOf(() => dt.add(q('2147483647/3'), q('1/2100000000')))).toBe('RATIONAL_OVERFLOW');
  });
  test('results right at the int32 limits are fine', () => {
    expect(str(dt.multiply(q('65536'), q('32767')))).toEqual(['2147418112']);
    expect(str(dt.subtract(q('-2147483647'), q('1')))).toEqual(['-2147483648']);
    expect(str(dt.divide(q('1'), q('2147483647')))).toEqual(['1/2147483647']);
  });
  test('errors are RationalError instances with stable codes', () => {
    try {
      dt.divide(q('1'), q('0'));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RationalError);
      expect((e as RationalError).code).toBe('RATIONAL_ZERO_DIVISION');
    }
  });
});

describe('promotion and mixing with integers', () => {
  test('resultType / promoteTypes', () => {
    for (const int of ['bool', 'int8', 'int16', 'int32', 'uint8', 'uint16', 'int64', 'uint32', 'uint64']) {
      expect(dt.resultType(rational, int)).toBe(rational);
      expect(dt.promoteTypes(int, rational)).toBe(rational);
    }
    expect(dt.resultType(rational, 'int16')).toBe(rational);
    expect(dt.resultType(rational, 1)).toBe(rational);
    expect(dt.resultType(rational, 10n)).toBe(rational);
    expect(dt.resultType(rational, true)).toBe(rational);
    expect(dt.resultType(new Rational(1, 2), 'int8')).toBe(rational);
    expect(codeOf(() => dt.resultType(rational, 'float64'))).toBe('NO_COMMON_DTYPE');
    expect(codeOf(() => dt.resultType(rational, 'float32'))).toBe('NO_COMMON_DTYPE');
    expect(codeOf(() => dt.resultType(rational, 0.5))).toBe('NO_COMMON_DTYPE');
    expect(codeOf(() => dt.resultType(rational, 'complex128'))).toBe('NO_COMMON_DTYPE');
  });
  test('rational ⊕ integer arrays', () => {
    const r = q('1/2', '1/3');
    expect(String(dt.add(r, dt.array([1, 2], { dtype: 'int8' })))).toBe('array([3/2, 7/3], dtype=rational)');
    expect(str(dt.multiply(dt.array([3, 6], { dtype: 'uint16' }), r))).toEqual(['3/2', '2']);
    expect(str(dt.subtract(r, dt.array([true, false])))).toEqual(['-1/2', '1/3']);
    expect(str(dt.divide(r, dt.arange(1, 3)))).toEqual(['1/2', '1/6']); // int64: checked same_kind cast
    expect(str(dt.add(r, dt.array([4000000000, 1], { dtype: 'uint32' }).slice('1:')))).toEqual(['3/2', '4/3']);
    expect(codeOf(() => dt.add(r, dt.array([2n ** 40n, 1n], { dtype: 'int64' })))).toBe('RATIONAL_OVERFLOW');
    expect(dt.less(r, dt.array([1, 0], { dtype: 'int32' })).toArray()).toEqual([true, false]);
  });
  test('JS scalars are weak: integers → rational, floats → no loop', () => {
    const r = q('1/2', '1/3');
    expect(str(dt.add(r, 1))).toEqual(['3/2', '4/3']);
    expect(str(dt.add(1, r))).toEqual(['3/2', '4/3']);
    expect(str(dt.multiply(r, 6n))).toEqual(['3', '2']);
    expect(str(dt.add(r, true))).toEqual(['3/2', '4/3']);
    expect(str(dt.add(r, new Rational(1, 6)))).toEqual(['2/3', '1/2']);
    expect(codeOf(() => dt.add(r, 2 ** 40))).toBe('RATIONAL_OVERFLOW');
    expect(codeOf(() => dt.add(r, 0.5))).toBe('NO_LOOP');
    expect(codeOf(() => dt.add(r, dt.array([1.5, 2])))).toBe('NO_LOOP');
  });
  test('the family answers commonDType only for integer-like families', () => {
    expect(rationalFamily.spec.commonDType?.(dt.int8.family)).toBe(rationalFamily);
    expect(rationalFamily.spec.commonDType?.(dt.float64.family)).toBeUndefined();
  });
});

describe('casting levels and astype', () => {
  test('canCast', () => {
    for (const int of ['bool', 'int8', 'int16', 'int32', 'uint8', 'uint16']) expect(dt.canCast(int, rational, 'safe')).toBe(true);
    for (const int of ['int64', 'uint32', 'uint64']) {
      expect(dt.canCast(int, rational, 'safe')).toBe(false);
      expect(dt.canCast(int, rational, 'same_kind')).toBe(true);
    }
    expect(dt.canCast(rational, rational, 'no')).toBe(true);
    expect(dt.canCast(rational, 'float64', 'safe')).toBe(false);
    expect(dt.canCast(rational, 'float64', 'same_kind')).toBe(true);
    expect(dt.canCast(rational, 'int32', 'same_kind')).toBe(false);
    expect(dt.canCast(rational, 'int32', 'unsafe')).toBe(true);
    expect(dt.canCast(rational, 'bool', 'unsafe')).toBe(true);
    expect(dt.canCast('float64', rational, 'unsafe')).toBe(false); // not registered
    expect(dt.canCast(rational, 'float32', 'unsafe')).toBe(false); // not registered
  });
  test('astype: float64, ints (truncation toward zero, wrap), bool', () => {
    const r = q('7/2', '-7/2', '1/3', '0');
    expect(r.astype('float64').toArray()).toEqual([3.5, -3.5, 1 / 3, 0]);
    expect(r.astype('int32').toArray()).toEqual([3, -3, 0, 0]);
    expect(r.astype('int64').toArray()).toEqual([3n, -3n, 0n, 0n]);
    expect(r.astype('bool').toArray()).toEqual([true, true, true, false]);
    expect(q('300').astype('int8').toArray()).toEqual([44]);
    expect(q('2147483647/2').astype('int32').toArray()).toEqual([1073741823]);
    expect(str(dt.array([-128, 127], { dtype: 'int8' }).astype(rational))).toEqual(['-128', '127']);
    expect(codeOf(() => dt.array([2n ** 32n], { dtype: 'int64' }).astype(rational))).toBe('RATIONAL_OVERFLOW');
    expect(codeOf(() => r.astype('int32', { casting: 'same_kind' }))).toBe('CASTING');
    expect(codeOf(() => dt.array([0.5]).astype(rational))).toBe('NO_CAST');
  });
});

describe('reductions', () => {
  const r = q('1/2', '1/3', '1/6');
  test('sum uses the fast reduceLoop and starts from the identity 0', () => {
    expect(String(dt.sum(r))).toBe('array(1, dtype=rational)');
    expect(dt.sum(r).dtype).toBe(rational);
    expect(str(dt.sum(q('1/2', '1/3')))).toEqual(['5/6']);
    expect(str(dt.sum(dt.empty([0], { dtype: rational })))).toEqual(['0']);
    expect(str(dt.add.reduce(r))).toEqual(['1']);
    const method = dt.resolveMethod(dt.defaultRegistry(), dt.add, [rational, rational, null], 'cpu');
    expect(method.reduceLoop).toBeTypeOf('function');
    expect(method.descriptors).toEqual([rational, rational, rational]);
  });
  test('sum over axes of a 2-D array, keepdims', () => {
    const m = dt.array([[1, 2, 3], [4, 5, 6]], { dtype: rational });
    const inv = dt.divide(1, m);
    expect(str(dt.sum(inv, { axis: 0 }))).toEqual(['5/4', '7/10', '1/2']);
    expect(str(dt.sum(inv, { axis: 1 }))).toEqual(['11/6', '37/60']);
    expect(dt.sum(inv, { axis: 1, keepdims: true }).shape).toEqual([2, 1]);
    expect(str(dt.sum(inv))).toEqual(['49/20']);
  });
  test('prod, min, max, mean', () => {
    expect(str(dt.prod(r))).toEqual(['1/36']);
    expect(str(dt.max(q('1/2', '2/3', '-4')))).toEqual(['2/3']);
    expect(str(dt.min(q('1/2', '2/3', '-4')))).toEqual(['-4']);
    expect(str(dt.maximum.reduce(r))).toEqual(['1/2']);
    expect(dt.mean(q('1/2', '1/3')).item()).toBeCloseTo(5 / 12, 15);
  });
  test('argmin / argmax (first occurrence)', () => {
    const x = q('1/2', '2/3', '-4', '2/3', '-4');
    expect(dt.argmax(x).item()).toBe(1n);
    expect(dt.argmin(x).item()).toBe(2n);
    expect(dt.argmax(dt.array([[1, 5], [7, 3]], { dtype: rational }), { axis: 1 }).toArray()).toEqual([1n, 0n]);
  });
  test('accumulate', () => {
    expect(str(dt.add.accumulate(r))).toEqual(['1/2', '5/6', '1']);
    expect(str(dt.multiply.accumulate(q('2/3', '3/4', '4/5')))).toEqual(['2/3', '1/2', '2/5']);
    expect(str(dt.subtract.accumulate(r))).toEqual(['1/2', '1/6', '0']);
  });
  test('overflow inside a reduction is reported', () => {
    expect(codeOf(() => dt.sum(q('2147483647', '1')))).toBe('RATIONAL_OVERFLOW');
    expect(codeOf(() => dt.prod(q('1/65536', '1/65536')))).toBe('RATIONAL_OVERFLOW');
  });
  test('outer', () => {
    expect(str(dt.multiply.outer(q('1/2', '2'), q('1/3', '3')))).toEqual(['1/6', '3/2', '2/3', '6']);
  });
});

describe('plugin', () => {
  test('use() is idempotent and the name is stable', () => {
    expect(plugin.name).toBe('@dtkit/example-custom-dtype');
    expect(() => dt.use(plugin)).not.toThrow();
    expect(dt.defaultRegistry().hasPlugin('@dtkit/example-custom-dtype')).toBe(true);
  });
  test('a fresh registry gets the builtins as a dependency', () => {
    const registry = dt.createRegistry().use(plugin);
    const r = dt.array([new Rational(1, 4)], { dtype: rational, registry });
    expect(r.registry).toBe(registry);
    expect(str(dt.add(r, dt.array([1], { dtype: 'int8', registry })))).toEqual(['5/4']);
    expect(str(dt.sum(r))).toEqual(['1/4']);
  });
});
