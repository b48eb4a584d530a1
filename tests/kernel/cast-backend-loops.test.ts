// Casts (and same-family copies) have per-backend loops like ufuncs: Registry.registerCastLoop,
// chosen by the device's backend order at plan time (core/src/casting/cast.ts planCast).
import { describe, expect, it } from 'vitest';
import { array, type StridedLoop } from '@dtkit/core';
import { builtinRegistry } from './fixtures/registry-setup.js';

/** A float64 -> float32 (or same-family) loop that records its calls and copies values. */
function recording(calls: string[], name: string): StridedLoop {
  return (n, data, offs, strides) => {
    calls.push(name);
    const src = data[0] as Float64Array, dst = data[1] as Float64Array;
    for (let i = 0; i < n; i++) dst[offs[1]! + i * strides[1]!] = src[offs[0]! + i * strides[0]!]!;
  };
}

function setup() {
  const reg = builtinRegistry();
  reg.registerBackend({ name: 'fast', devices: ['cpu'], available: () => true });
  const calls: string[] = [];
  reg.registerCastLoop('float64', 'float32', 'fast', recording(calls, 'cast'));
  reg.registerCastLoop('float64', 'float64', 'fast', recording(calls, 'copy'));
  const a = array([1.5, 2.5, 3.5], { dtype: 'float64', registry: reg });
  return { reg, calls, a };
}

describe('backend loops for casts', () => {
  it('run while their backend comes first, for casts and same-family copies', () => {
    const { reg, calls, a } = setup();
    reg.setBackendPreference(['fast', 'js']);
    expect(a.astype('float32').toArray()).toEqual([1.5, 2.5, 3.5]);
    expect(a.copy().toArray()).toEqual([1.5, 2.5, 3.5]);
    expect(calls).toEqual(['cast', 'copy']);
  });

  it('step aside when another backend is preferred or theirs is forbidden', () => {
    const { reg, calls, a } = setup();
    reg.setBackendPreference(['js', 'fast']);
    expect(a.astype('float32').toArray()).toEqual([1.5, 2.5, 3.5]);
    reg.setBackendPreference(['fast', 'js']);
    reg.forbidBackends(['fast']);
    expect(a.copy().toArray()).toEqual([1.5, 2.5, 3.5]);
    expect(calls).toEqual([]);
  });

  it('one loop per backend and pair; a failing plugin install takes its loops back', () => {
    const { reg, calls, a } = setup();
    expect(() => reg.registerCastLoop('float64', 'float32', 'fast', recording(calls, 'again'))).toThrow(expect.objectContaining({ code: 'CAST_CLASH' }));
    reg.registerBackend({ name: 'other', devices: ['cpu'], available: () => true });
    expect(() => reg.use({
      name: 'half-installed',
      install: (r) => {
        r.registerCastLoop('float64', 'float32', 'other', recording(calls, 'other'));
        throw new Error('boom');
      },
    })).toThrow('boom');
    reg.setBackendPreference(['other', 'js']);
    expect(a.astype('float32').toArray()).toEqual([1.5, 2.5, 3.5]);
    expect(calls).toEqual([]);
  });
});
