import type { KernelThreads } from './pool.js';

/** Kernel threads, once `setThreads` started them; kernels are named to workers by index. */
export interface Threading {
  pool: KernelThreads | null;
  readonly indexOf: Map<unknown, number>;
}

/** Calls below this many elements (or plane cells) stay on the calling thread. */
export const PARALLEL_MIN = 1 << 17;

/** Runs `fn` split across the kernel threads when they run and the call is large; false otherwise. */
export function threaded(
  th: Threading, fn: unknown, args: readonly number[], steps: readonly number[], countAt: number, total: number, size: number, align = 1,
): boolean {
  const pool = th.pool;
  if (pool === null || size < PARALLEL_MIN) return false;
  const index = th.indexOf.get(fn);
  if (index === undefined) return false;
  pool.run(index, args, steps, countAt, total, align);
  return true;
}
