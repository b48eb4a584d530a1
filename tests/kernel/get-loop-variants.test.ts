// `getLoop` lets a method pick a loop variant per call: contiguous vs strided, or by options.
import { describe, expect, it } from 'vitest';
import { array, type StridedLoop } from '@dtkit/core';
import { add, sum } from '@dtkit/ufunc-registry';
import { builtinRegistry, binaryNumberLoop, addOp } from './fixtures/registry-setup.js';

function setup(): { calls: string[]; registry: ReturnType<typeof builtinRegistry> } {
  const calls: string[] = [];
  const registry = builtinRegistry();
  const contiguous: StridedLoop = (n, d, o, s, ctx) => { calls.push(`contiguous:${n}`); binaryNumberLoop(addOp)(n, d, o, s, ctx); };
  const strided: StridedLoop = (n, d, o, s, ctx) => { calls.push(`strided:${n}`); binaryNumberLoop(addOp)(n, d, o, s, ctx); };
  registry.registerLoop('add', {
    dtypes: ['float64', 'float64', 'float64'],
    getLoop: (sel) => {
      expect(sel.descriptors.map((d) => d.name)).toEqual(['float64', 'float64', 'float64']);
      return sel.contiguous ? contiguous : strided;
    },
  });
  return { calls, registry };
}

describe('getLoop variants', () => {
  it('contiguous operands of one shape get the contiguous variant, in one call', () => {
    const { calls, registry } = setup();
    const a = array([[1, 2], [3, 4]], { registry });
    expect(add(a, a).toArray()).toEqual([[2, 4], [6, 8]]);
    expect(calls).toEqual(['contiguous:4']);
  });
  it('a transposed or broadcast operand gets the strided variant', () => {
    const { calls, registry } = setup();
    const a = array([[1, 2], [3, 4]], { registry });
    expect(add(a, a.T).toArray()).toEqual([[2, 5], [5, 8]]);
    expect(calls.every((c) => c.startsWith('strided'))).toBe(true);
    calls.length = 0;
    expect(add(a, array([10, 20], { registry })).toArray()).toEqual([[11, 22], [13, 24]]);
    expect(calls.every((c) => c.startsWith('strided'))).toBe(true);
  });
  it('reductions without a reduceLoop fold through the chosen variant', () => {
    const { calls, registry } = setup();
    expect(sum(array([1, 2, 3, 4], { registry })).item()).toBe(10);
    expect(calls.length).toBeGreaterThan(0);
  });
});
