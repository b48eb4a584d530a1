// When the wasm memory is full, new arrays go to the JS heap (and the JS loops): the first such
// fallback warns once (process.emitWarning, code DTKIT_WASM_MEMORY_FULL), every one is counted
// in dt.memoryStats() and reported to dt.onMemoryPressure listeners. Runs on a 4 MiB arena.
import { ARENA_PAGES } from './fixtures/small-arena.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as dt from 'dtkit';

const ELEMENTS = 100_000; // 800 KB of float64 per array: five fill the arena

afterEach(() => {
  vi.restoreAllMocks();
});

describe('wasm memory pressure', () => {
  it('warns once, counts every fallback, tells listeners; dispose() makes room again', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const events: dt.MemoryPressureEvent[] = [];
    const unsubscribe = dt.onMemoryPressure((e) => events.push(e));
    const before = dt.memoryStats()!;
    expect(before.maximumBytes).toBe(ARENA_PAGES * 65536);
    expect(before.fallbacks).toBe(0);

    const kept: dt.NDArray[] = [];
    for (let k = 0; k < 8; k++) kept.push(dt.zeros([ELEMENTS], { dtype: 'float64' }));
    const stats = dt.memoryStats()!;
    expect(stats.fallbacks).toBeGreaterThan(0);
    expect(stats.fallbackBytes).toBe(stats.fallbacks * ELEMENTS * 8);
    expect(stats.memoryBytes).toBe(stats.maximumBytes);
    expect(events.length).toBe(stats.fallbacks);
    expect(events[0]).toEqual({ bytes: ELEMENTS * 8, fallbacks: 1, memoryBytes: stats.maximumBytes, maximumBytes: stats.maximumBytes });
    expect(warn).toHaveBeenCalledTimes(1);
    const [message, options] = warn.mock.calls[0]!;
    expect(message).toMatch(/wasm memory is full.*out=.*tidy\(\).*dispose\(\)/);
    expect(options).toEqual({ type: 'DTKitWarning', code: dt.MEMORY_WARNING_CODE });
    // results on the JS heap are still right
    expect(dt.add(kept[7]!, 1).get(0)).toBe(1);

    // released blocks serve the next arrays: no new fallback
    for (const a of kept) a.dispose();
    const fallbacks = dt.memoryStats()!.fallbacks;
    const eventCount = events.length;
    const fresh = dt.tidy(() => dt.add(dt.zeros([ELEMENTS], { dtype: 'float64' }), 2));
    expect(fresh.get(ELEMENTS - 1)).toBe(2);
    expect(dt.memoryStats()!.fallbacks).toBe(fallbacks);

    // filling it again falls back again (counted, reported) but does not warn twice
    const again: dt.NDArray[] = [];
    for (let k = 0; k < 8; k++) again.push(dt.zeros([ELEMENTS], { dtype: 'float64' }));
    expect(dt.memoryStats()!.fallbacks).toBeGreaterThan(fallbacks);
    expect(events.length).toBeGreaterThan(eventCount);
    expect(warn).toHaveBeenCalledTimes(1);

    unsubscribe();
    const total = events.length;
    again.push(dt.zeros([ELEMENTS], { dtype: 'float64' }));
    expect(events.length).toBe(total);
    for (const a of [...again, fresh]) a.dispose();
  });
});
