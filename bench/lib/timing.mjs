// Timing for in-process (JS) columns. Out-of-process columns (numpy) time themselves.
const gc = globalThis.gc; // present under `node --expose-gc`

/** Side effect sink so results of timed calls are never dead code. */
export const sink = { value: undefined };

function timeBatch(run, iterations) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink.value = run();
  return Number(process.hrtime.bigint() - start);
}

/** Double the iteration count until one batch takes at least targetNs (also warms up the JIT). */
export function calibrate(run, targetNs) {
  let iterations = 1;
  for (;;) {
    const elapsed = timeBatch(run, iterations);
    if (elapsed >= targetNs || iterations >= 2 ** 30) return iterations;
    // Jump close to the target once timings are meaningful, instead of only doubling.
    const scale = elapsed > 1e5 ? Math.min(targetNs / elapsed, 100) : 2;
    iterations = Math.max(iterations * 2, Math.ceil(iterations * scale * 1.1));
  }
}

/**
 * One measurement: ns per call averaged over a calibrated batch, after a GC so garbage from other
 * columns is not billed here. The GC only queues FinalizationRegistry callbacks (dtkit's wasm
 * blocks go back to its free lists in them); one macrotask lets them run, else this column would
 * pay for the previous column's garbage with fresh, never-touched memory pages.
 */
export async function measure(run, iterations) {
  if (gc) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return timeBatch(run, iterations) / iterations;
}
