// New outputs follow the inputs' memory order (NumPy's order='K'). Expected strides are NumPy
// 2.4's (element units) for the same expressions; values are checked against C-order math.
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';

const A = dt.arange(0, 12, 1, { dtype: 'float64' }).reshape([3, 4]);
const B = dt.arange(100, 112, 1, { dtype: 'float64' }).reshape([3, 4]);
const C = dt.arange(0, 24, 1, { dtype: 'float64' }).reshape([2, 3, 4]);

describe("ufunc outputs and astype keep the operands' memory order", () => {
  it.each([
    ['A.T + B.T (both F)', () => dt.add(A.transpose(), B.transpose()), [1, 4]],
    ['A.T + 1', () => dt.add(A.transpose(), 1), [1, 4]],
    ['A.T + B.T.T.T (F and F)', () => dt.add(A.transpose(), B.transpose().transpose().transpose()), [1, 4]],
    ['A.T + (4×3 C-order) — F and C conflict: C wins', () => dt.add(A.transpose(), dt.arange(0, 12, 1, { dtype: 'float64' }).reshape([4, 3])), [3, 1]],
    ['negative(A.T)', () => dt.negative(A.transpose()), [1, 4]],
    ['C.transpose(2,0,1) + 1', () => dt.add(C.transpose([2, 0, 1]), 1), [1, 12, 4]],
    ['C.transpose(1,0,2) * C.transpose(1,0,2)', () => dt.multiply(C.transpose([1, 0, 2]), C.transpose([1, 0, 2])), [4, 12, 1]],
    ['(3,1) + (1,4): broadcast only, C order', () => dt.add(dt.zeros([3, 1]), dt.zeros([1, 4])), [4, 1]],
    ['A[:, ::2].T + 1 (compact, F order)', () => dt.add(A.slice(':', '::2').transpose(), 1), [1, 2]],
    ['A[::-1].T + 1 (reversed rows, F order)', () => dt.add(A.slice('::-1').transpose(), 1), [1, 4]],
    ['A.T.astype(float32)', () => A.transpose().astype('float32'), [1, 4]],
    ["A.T.astype(float32, { order: 'C' })", () => A.transpose().astype('float32', { order: 'C' }), [3, 1]],
    ['A.T.copy() stays C (ndarray.copy default)', () => A.transpose().copy(), [3, 1]],
  ] as const)('%s', (_label, make, strides) => {
    expect(make().strides).toEqual(strides);
  });

  it('values are unchanged by the layout', () => {
    const t = A.transpose().toArray() as number[][];
    expect(dt.add(A.transpose(), B.transpose()).toArray()).toEqual(t.map((row, i) => row.map((v, j) => v + (B.transpose().get(i, j) as number))));
    expect(A.transpose().astype('float32').toArray()).toEqual(t);
    expect(Array.from(dt.add(A.transpose(), 1).toBytes())).toEqual(Array.from(dt.add(A.transpose().copy(), 1).toBytes()));
  });

  it('rejects an unknown order before allocating', () => {
    expect(() => A.astype('float32', { order: 'F' })).toThrow(expect.objectContaining({ name: 'ValueError', code: 'ORDER' }));
  });
});
