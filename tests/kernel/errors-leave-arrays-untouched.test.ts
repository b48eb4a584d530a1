import { describe, expect, it } from 'vitest';
import { array, BroadcastError, CastingError, DTKitError, type NDArray, type Registry } from '@dtkit/core';
import { add, sum } from '@dtkit/ufunc-registry';
import { addOp, binaryNumberLoop, float64Registry } from './fixtures/registry-setup.js';

function reg(): Registry {
  const r = float64Registry();
  r.registerLoop('add', { dtypes: ['uint8', 'uint8', 'uint8'], loop: binaryNumberLoop(addOp) });
  return r;
}

/** Bit-exact snapshot of the whole store behind an array (not only its view). */
function bits(a: NDArray): number[] {
  if (a.store.kind !== 'typed') throw new Error('typed stores only');
  const d = a.store.data;
  return [...new Uint8Array(d.buffer, d.byteOffset, d.byteLength)];
}

function expectUntouched(arrays: readonly NDArray[], call: () => unknown): DTKitError {
  const before = arrays.map(bits);
  let err: unknown;
  try { call(); } catch (e) { err = e; }
  expect(err).toBeInstanceOf(DTKitError);
  arrays.forEach((a, i) => expect(bits(a)).toEqual(before[i]));
  return err as DTKitError;
}

describe('a failing call leaves out and inputs bit-identical', () => {
  it('bad out shape → BroadcastError BROADCAST', () => {
    const r = reg();
    const a = array([1, 2, 3], { registry: r });
    const b = array([-0, NaN, 7], { registry: r });
    const out = array([9, 9, 9, 9], { registry: r });
    const e = expectUntouched([a, b, out], () => add.call([a, b], { out }));
    expect(e).toBeInstanceOf(BroadcastError);
    expect(e.code).toBe('BROADCAST');
    expect(e.message).toBe('operands could not be broadcast together with shapes (3,) (4,)');
  });

  it('out shape that would need broadcasting the output down (3,1) for (3,4) → BROADCAST', () => {
    const r = reg();
    const a = array([[1], [2], [3]], { registry: r });
    const b = array([1, 2, 3, 4], { registry: r });
    const out = array([[5], [6], [7]], { registry: r });
    const e = expectUntouched([a, b, out], () => add.call([a, b], { out }));
    expect(e.code).toBe('BROADCAST');
  });

  it('out dtype not allowed under casting → CastingError CASTING', () => {
    const r = reg();
    const a = array([1.5, 2.5], { registry: r });
    const out = array([7, 8], { dtype: 'int32', registry: r });
    const e = expectUntouched([a, out], () => add.call([a, a], { out }));
    expect(e).toBeInstanceOf(CastingError);
    expect(e.code).toBe('CASTING');
    expect(e.message).toBe("cannot cast float64 to int32 under casting='same_kind' (needs 'unsafe')");
    const e2 = expectUntouched([a, out], () => add.call([a, a], { out, casting: 'safe' }));
    expect(e2.code).toBe('CASTING');
    // the same call with casting='unsafe' writes (truncating)
    add.call([a, a], { out, casting: 'unsafe' });
    expect(out.toArray()).toEqual([3, 5]);
  });

  it('input not castable to the forced loop dtype under casting → CASTING', () => {
    const r = reg();
    const a = array([1.5, 2.5], { registry: r });
    const out = array([0, 0], { dtype: 'uint8', registry: r });
    const e = expectUntouched([a, out], () => add.call([a, a], { dtype: 'uint8', out }));
    expect(e).toBeInstanceOf(CastingError);
    expect(e.code).toBe('CASTING');
  });

  it('an out-of-range weak int for uint8 → CastingError (NumPy 2 OverflowError)', () => {
    const r = reg();
    const u = array([1, 250, 7], { dtype: 'uint8', registry: r });
    const out = array([42, 43, 44], { dtype: 'uint8', registry: r });
    const e = expectUntouched([u, out], () => add.call([u, 300], { out }));
    expect(e).toBeInstanceOf(CastingError);
    expect(e.code).toBe('VALUE_CAST');
    expect(e.message).toContain('300');
    expect(expectUntouched([u], () => add(u, -1)).code).toBe('VALUE_CAST');
    expect(expectUntouched([u], () => add(300, u)).code).toBe('VALUE_CAST');
    // in range: the weak int takes uint8 and the uint8 loop wraps modulo 256
    const ok = add(u, 255);
    expect(ok.dtype.name).toBe('uint8');
    expect(ok.toArray()).toEqual([0, 249, 6]);
  });

  it('a where mask that does not broadcast → BROADCAST, out untouched', () => {
    const r = reg();
    const a = array([1, 2, 3], { registry: r });
    const out = array([0, 0, 0], { registry: r });
    const e = expectUntouched([a, out], () => add.call([a, a], { out, where: [true, false] }));
    expect(e.code).toBe('BROADCAST');
  });

  it('reduce with a wrongly shaped out → BROADCAST, out untouched', () => {
    const r = reg();
    const a = array([[1, 2], [3, 4]], { registry: r });
    const out = array([5, 6, 7], { registry: r });
    const e = expectUntouched([a, out], () => sum(a, { axis: 0, out }));
    expect(e.code).toBe('BROADCAST');
    const okOut = array([0, 0], { registry: r });
    expect(sum(a, { axis: 0, out: okOut })).toBe(okOut);
    expect(okOut.toArray()).toEqual([4, 6]);
  });

  it('the callable form add(a, b, { out }) validates the same way', () => {
    const r = reg();
    const a = array([1.5, 2.5, 3.5], { registry: r });
    const short = array([0, 0], { registry: r });
    expect(expectUntouched([a, short], () => add(a, a, { out: short })).code).toBe('BROADCAST');
    const ints = array([7, 8, 9], { dtype: 'int32', registry: r });
    expect(expectUntouched([a, ints], () => add(a, a, { out: ints })).code).toBe('CASTING');
    const u = array([1, 2, 3], { dtype: 'uint8', registry: r });
    const flags = array([true, false, true], { dtype: 'bool', registry: r });
    expect(expectUntouched([u, flags], () => add(u, u, { out: flags })).code).toBe('CASTING');
    // uint8 -> int32 is safe, so that out is accepted
    expect(add(u, u, { out: ints }).toArray()).toEqual([2, 4, 6]);
  });
});
