// Dispatch hands its temporaries (input casts, outputs staged before `out`, reduce casts) back
// to the wasm arena at once, so sync loops reuse blocks instead of carving fresh memory.
import { describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { loadWasm } from '../../dtypes/src/wasm-backend.js';

const wasm = loadWasm()!;
const live = (): number => wasm.arena.stats().liveBlocks;
const n = 50_000; // 200-400 KB per array: wasm blocks

describe('temporaries are released when the call returns', () => {
  const i32 = dt.arange(0, n, 1, { dtype: 'int32' });
  const f64 = dt.arange(0, n, 1, { dtype: 'float64' });

  it('an input cast (int32 -> float64) leaves only the result alive', () => {
    const before = live();
    const r = dt.add(i32, f64);
    expect(live() - before).toBe(1);
    expect(r.get(n - 1)).toBe(2 * (n - 1));
    expect(i32.get(n - 1)).toBe(n - 1); // inputs untouched and alive
  });

  it('an out of another dtype (staged result cast into out) allocates nothing that stays', () => {
    const out = dt.zeros([n], { dtype: 'float32' });
    const before = live();
    dt.add(f64, f64, { out, casting: 'unsafe' });
    expect(live()).toBe(before);
    expect(out.get(10)).toBe(20);
  });

  it('a where mask with no out keeps only the result', () => {
    const mask = dt.greater(f64, n / 2);
    const before = live();
    const r = dt.multiply(f64, 2, { where: mask });
    expect(live() - before).toBe(1);
    expect(r.get(n - 1)).toBe(2 * (n - 1));
    expect(r.get(0)).toBe(0);
  });

  it('a reduction over a cast input keeps nothing but its scalar result', () => {
    const before = live();
    const s = dt.sum(i32, { dtype: 'float64' });
    expect(live()).toBe(before);
    expect(s.item()).toBe((n * (n - 1)) / 2);
  });

  it('the next call of the same size reuses the released block (no fresh memory)', () => {
    dt.add(i32, f64); // warm: sizes seen, blocks in the free lists
    const carved = wasm.arena.stats().carvedBytes;
    const results: dt.NDArray[] = [];
    for (let k = 0; k < 5; k++) results.push(dt.add(i32, f64));
    // five results need five fresh blocks at most; the five casts reuse one released block
    expect(wasm.arena.stats().carvedBytes - carved).toBeLessThanOrEqual(5 * 8 * 65536);
    expect(results[4]!.get(1)).toBe(2);
  });
});
