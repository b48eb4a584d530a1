// The iterator offers 2-D planes to a loop's `plane` when operands disagree on the fast axis
// (DESIGN §4 loops; PlaneLoop in core/src/dtype/loop.ts), and falls back to rows when declined.
import { describe, expect, it } from 'vitest';
import { runStrided, type LoopContext, type PlaneLoop, type StridedLoop } from '@dtkit/core';

const ctx: LoopContext = { descriptors: [], options: {}, auxdata: undefined };

/** out = a + 10 * b over Float64Arrays, recording the calls it gets. */
function recordingLoop(plane: PlaneLoop | undefined): { loop: StridedLoop; rows: number[]; planes: unknown[][] } {
  const rows: number[] = [];
  const planes: unknown[][] = [];
  const body = (n: number, data: readonly unknown[], offs: ArrayLike<number>, st: ArrayLike<number>): void => {
    const [a, b, o] = data as Float64Array[];
    rows.push(n);
    for (let i = 0; i < n; i++) o![offs[2]! + i * st[2]!] = a![offs[0]! + i * st[0]!]! + 10 * b![offs[1]! + i * st[1]!]!;
  };
  const loop: StridedLoop = plane === undefined ? body : Object.assign(body, {
    plane: ((r, c, data, offs, rs, cs, cx) => {
      planes.push([r, c, Array.from(offs), Array.from(rs), Array.from(cs)]);
      return plane(r, c, data, offs, rs, cs, cx);
    }) as PlaneLoop,
  });
  return { loop, rows, planes };
}

/** A plane that computes the whole plane itself (element by element). */
const computePlane: PlaneLoop = (rows, cols, data, offs, rs, cs) => {
  const [a, b, o] = data as Float64Array[];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      o![offs[2]! + r * rs[2]! + c * cs[2]!] = a![offs[0]! + r * rs[0]! + c * cs[0]!]! + 10 * b![offs[1]! + r * rs[1]! + c * cs[1]!]!;
    }
  }
  return true;
};

/** A (rows × cols) transposed view of a (cols × rows) C-order matrix, plus a C-order B and out. */
function transposedSetup(rows: number, cols: number) {
  const a = Float64Array.from({ length: rows * cols }, (_, i) => i);
  const b = Float64Array.from({ length: rows * cols }, (_, i) => 1000 + i);
  const o = new Float64Array(rows * cols);
  const strides = [[1, rows], [cols, 1], [cols, 1]];
  const expected = Array.from({ length: rows * cols }, (_, i) => {
    const r = Math.floor(i / cols), c = i % cols;
    return a[c * rows + r]! + 10 * b[i]!;
  });
  return { data: [a, b, o], strides, expected, o };
}

describe('plane loops', () => {
  it('a transposed operand gets one plane call with the plane strides', () => {
    const { data, strides, expected, o } = transposedSetup(5, 7);
    const rec = recordingLoop(computePlane);
    runStrided(rec.loop, data, [5, 7], strides, [0, 0, 0], ctx);
    expect(rec.planes).toEqual([[5, 7, [0, 0, 0], [1, 7, 7], [5, 1, 1]]]);
    expect(rec.rows).toEqual([]);
    expect(Array.from(o)).toEqual(expected);
  });

  it('contiguous and merely strided operands never see the plane', () => {
    const rec = recordingLoop(computePlane);
    const a = new Float64Array(28), b = new Float64Array(24), o = new Float64Array(24);
    runStrided(rec.loop, [a, b, o], [4, 6], [[6, 1], [6, 1], [6, 1]], [0, 0, 0], ctx);
    // Every other column of rows 14 apart: strided, but each operand is fastest along the columns.
    runStrided(rec.loop, [a, b, o], [2, 6], [[14, 2], [6, 1], [6, 1]], [0, 0, 0], ctx);
    expect(rec.planes).toEqual([]);
    expect(rec.rows).toEqual([24, 6, 6]);
  });

  it('a declined plane runs row by row with the same result', () => {
    const { data, strides, expected, o } = transposedSetup(6, 4);
    const rec = recordingLoop(() => false);
    runStrided(rec.loop, data, [6, 4], strides, [0, 0, 0], ctx);
    expect(rec.planes).toHaveLength(1);
    expect(rec.rows).toEqual([4, 4, 4, 4, 4, 4]);
    expect(Array.from(o)).toEqual(expected);
  });

  it('outer dimensions step plane by plane (offsets advance, strides stay)', () => {
    // Two stacked 3×4 planes; A is a (2, 4, 3) C-order array viewed as (2, 3, 4).
    const a = Float64Array.from({ length: 24 }, (_, i) => i);
    const b = Float64Array.from({ length: 24 }, (_, i) => 100 + i);
    const o = new Float64Array(24);
    const rec = recordingLoop(computePlane);
    runStrided(rec.loop, [a, b, o], [2, 3, 4], [[12, 1, 3], [12, 4, 1], [12, 4, 1]], [0, 0, 0], ctx);
    expect(rec.planes).toEqual([
      [3, 4, [0, 0, 0], [1, 4, 4], [3, 1, 1]],
      [3, 4, [12, 12, 12], [1, 4, 4], [3, 1, 1]],
    ]);
    for (let p = 0; p < 2; p++) {
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 4; c++) expect(o[p * 12 + r * 4 + c]).toBe(a[p * 12 + c * 3 + r]! + 10 * b[p * 12 + r * 4 + c]!);
      }
    }
  });

  it('a plane declined after the first one is completed row by row', () => {
    const a = Float64Array.from({ length: 24 }, (_, i) => i);
    const b = Float64Array.from({ length: 24 }, (_, i) => 100 + i);
    const o = new Float64Array(24);
    let calls = 0;
    const rec = recordingLoop((...args) => (calls++ === 0 ? computePlane(...args) : false));
    runStrided(rec.loop, [a, b, o], [2, 3, 4], [[12, 1, 3], [12, 4, 1], [12, 4, 1]], [0, 0, 0], ctx);
    expect(rec.rows).toEqual([4, 4, 4]);
    for (let p = 0; p < 2; p++) {
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 4; c++) expect(o[p * 12 + r * 4 + c]).toBe(a[p * 12 + c * 3 + r]! + 10 * b[p * 12 + r * 4 + c]!);
      }
    }
  });
});

describe('memory-order iteration (elementwise callers)', () => {
  it('F-ordered operands coalesce into one contiguous run; C order without the flag', () => {
    const rec = recordingLoop(undefined);
    const a = Float64Array.from({ length: 12 }, (_, i) => i), b = new Float64Array(12), o = new Float64Array(12);
    const fOrder = [[1, 4], [1, 4], [1, 4]]; // 4×3 arrays stored column by column
    runStrided(rec.loop, [a, b, o], [4, 3], fOrder, [0, 0, 0], ctx, true);
    expect(rec.rows).toEqual([12]);
    expect(Array.from(o)).toEqual(Array.from(a));
    rec.rows.length = 0;
    runStrided(rec.loop, [a, b, o], [4, 3], fOrder, [0, 0, 0], ctx);
    expect(rec.rows).toEqual([3, 3, 3, 3]);
  });

  it('keeps C order where operands disagree (then planes / rows as before)', () => {
    const { data, strides, expected, o } = transposedSetup(5, 7);
    const rec = recordingLoop(computePlane);
    runStrided(rec.loop, data, [5, 7], strides, [0, 0, 0], ctx, true);
    expect(rec.planes).toHaveLength(1);
    expect(Array.from(o)).toEqual(expected);
  });

  it('3-D: a (2,4,3) view of a C-order (2,3,4) array is walked as 2 runs of 12', () => {
    const rec = recordingLoop(undefined);
    const a = Float64Array.from({ length: 24 }, (_, i) => i), b = new Float64Array(24), o = new Float64Array(24);
    const perm = [[12, 1, 4], [12, 1, 4], [12, 1, 4]];
    runStrided(rec.loop, [a, b, o], [2, 4, 3], perm, [0, 0, 0], ctx, true);
    expect(rec.rows).toEqual([24]); // all three axes merge once reordered
    expect(Array.from(o)).toEqual(Array.from(a));
  });
});
