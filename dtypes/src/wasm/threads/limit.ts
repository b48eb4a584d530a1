import { ValueError } from '@dtkit/core';

/**
 * Most threads `setThreads` accepts per hardware thread. Beyond the core count extra threads only
 * contend (each worker spins between jobs), but the reported count can be low: a browser may
 * report 2-8 whatever the machine has (fingerprinting limits), a container's CPU quota is not an
 * affinity mask, and oversubscribing a little is a fair thing to measure. 4× allows that while
 * bounding the cost (~9 MB per worker: 64 workers on a 16-thread host ≈ 0.6 GB, not 2.6 GB for 300).
 */
export const THREADS_PER_CORE = 4;

let hardware: number | undefined;

/** Hardware threads this process may use (os.availableParallelism in Node, navigator elsewhere), at least 1. */
export async function hardwareThreads(): Promise<number> {
  if (hardware === undefined) {
    let count: number | undefined;
    try {
      const os = await import('node:os');
      count = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    } catch {
      count = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
    }
    hardware = Math.max(1, Number.isInteger(count) ? count! : 1);
  }
  return hardware;
}

/** The largest thread count `setThreads` accepts here. */
export async function maxThreads(): Promise<number> {
  return THREADS_PER_CORE * (await hardwareThreads());
}

/**
 * Validates a requested thread count: an integer from 1 to {@link maxThreads}; anything else is a
 * ValueError with code 'THREADS' (nothing changes).
 */
export async function checkThreadCount(n: unknown): Promise<number> {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new ValueError(`setThreads: the thread count must be an integer >= 1, got ${describe(n)}`, 'THREADS');
  }
  const cap = await maxThreads();
  if (n > cap) {
    throw new ValueError(`setThreads: at most ${cap} threads (${THREADS_PER_CORE} per hardware thread), got ${n}`, 'THREADS');
  }
  return n;
}

function describe(n: unknown): string {
  if (typeof n === 'number') return String(n);
  if (typeof n === 'string') return JSON.stringify(n);
  return typeof n;
}
