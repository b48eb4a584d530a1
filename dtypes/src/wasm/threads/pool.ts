import {
  ARGC, ARGS, CHUNK, CHUNKS, CONTROL_INTS, COUNT_AT, DONE, EXPLICIT, GEN, KERNEL, MAX_ARGS, NEXT, STEPS, STOP, TOTAL,
} from './protocol.js';

/**
 * Kernel threads for the wasm backend: workers that instantiate the same kernels on the same
 * shared memory, so one large call (an elementwise op, a cast, a copy, a transposed plane) is
 * split into chunks that several cores run at once. No data moves: every thread works on its
 * own range of the same arrays. The call stays synchronous for the caller: the main thread runs
 * chunks too and returns when the last one is done. A worker that is slow to wake (or
 * descheduled on a busy machine) simply claims fewer chunks.
 *
 * Node only for now (worker_threads; the caller spins on the done counter, workers sleep in
 * Atomics.wait between jobs). Browsers need cross-origin isolation and a Worker URL;
 * `startKernelThreads` returns null where none of this exists (and `setThreads` resolves to 1).
 */
export interface KernelThreads {
  /** Threads that run chunks, the calling thread included (1 = no workers). */
  readonly count: number;
  /**
   * Runs `kernels[index](...args)` split along `args[countAt]` (a count of `total` units) in
   * chunks of a multiple of `align` units; argument k advances by `steps[k]` per unit.
   */
  run(index: number, args: readonly number[], steps: readonly number[], countAt: number, total: number, align: number): void;
  /** Runs `kernels[index](...argSets[c])` for every c, one chunk each (all sets the same length). */
  runEach(index: number, argSets: readonly (readonly number[])[]): void;
  stop(): void;
}

/** Chunks per thread: enough to even out a worker that starts late, few enough to stay cheap. */
const CHUNKS_PER_THREAD = 8;
const MAX_CHUNKS = 0xffff;
/** Argument words between ARGS and STEPS (explicit jobs store every chunk's arguments there). */
const ARGS_ROOM = STEPS - ARGS;

export async function startKernelThreads(
  module: WebAssembly.Module, memory: WebAssembly.Memory, names: readonly string[],
  kernels: ReadonlyArray<(...args: number[]) => void>, threads: number,
): Promise<KernelThreads | null> {
  if (threads < 2 || typeof SharedArrayBuffer === 'undefined') return null;
  let workerThreads: typeof import('node:worker_threads');
  try {
    workerThreads = await import('node:worker_threads');
  } catch {
    return null; // not Node
  }
  const control = new SharedArrayBuffer(CONTROL_INTS * 4);
  const ctrl = new Int32Array(control);
  const url = new URL('./dtkit-wasm-worker.js', import.meta.url);
  const workers: import('node:worker_threads').Worker[] = [];
  try {
    for (let i = 1; i < threads; i++) {
      const worker = new workerThreads.Worker(url, { workerData: { module, memory, control, names } });
      worker.unref(); // never keeps the process alive
      workers.push(worker);
    }
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    })));
  } catch {
    for (const w of workers) void w.terminate();
    return null;
  }
  let generation = Atomics.load(ctrl, GEN);
  const args: number[] = [];

  const runChunks = (tag: number): void => {
    for (;;) {
      const claim = Atomics.load(ctrl, NEXT);
      if ((claim & 0xffff0000) !== tag) return;
      const index = claim & 0xffff;
      if (index >= ctrl[CHUNKS]!) return;
      if (Atomics.compareExchange(ctrl, NEXT, claim, claim + 1) !== claim) continue;
      const argc = ctrl[ARGC]!;
      args.length = argc;
      if (ctrl[EXPLICIT] !== 0) {
        for (let k = 0; k < argc; k++) args[k] = ctrl[ARGS + index * argc + k]!;
      } else {
        const countAt = ctrl[COUNT_AT]!, chunk = ctrl[CHUNK]!;
        const start = index * chunk;
        for (let k = 0; k < argc; k++) args[k] = ctrl[ARGS + k]! + start * ctrl[STEPS + k]!;
        args[countAt] = Math.min(ctrl[TOTAL]! - start, chunk);
      }
      kernels[ctrl[KERNEL]!]!(...args);
      Atomics.add(ctrl, DONE, 1);
    }
  };

  /** Publishes the job written in ctrl, runs chunks here too, returns when all are done. */
  const post = (chunks: number): void => {
    generation = (generation + 1) | 0;
    const tag = (generation & 0xffff) << 16;
    Atomics.store(ctrl, DONE, 0);
    Atomics.store(ctrl, NEXT, tag);
    Atomics.store(ctrl, GEN, generation);
    Atomics.notify(ctrl, GEN);
    runChunks(tag);
    // Chunks a worker claimed may still be running: wait for them (each is short).
    while (Atomics.load(ctrl, DONE) < chunks) { /* spin */ }
  };

  return {
    count: threads,
    run(index, jobArgs, steps, countAt, total, align) {
      if (jobArgs.length > MAX_ARGS) throw new Error('kernel has too many arguments for a threaded job');
      let chunk = Math.max(align, Math.ceil(total / (threads * CHUNKS_PER_THREAD) / align) * align);
      if (Math.ceil(total / chunk) > MAX_CHUNKS) chunk = Math.ceil(total / MAX_CHUNKS / align) * align;
      const chunks = Math.ceil(total / chunk);
      ctrl[KERNEL] = index;
      ctrl[ARGC] = jobArgs.length;
      ctrl[COUNT_AT] = countAt;
      ctrl[TOTAL] = total;
      ctrl[CHUNK] = chunk;
      ctrl[CHUNKS] = chunks;
      for (let k = 0; k < jobArgs.length; k++) {
        ctrl[ARGS + k] = jobArgs[k]!;
        ctrl[STEPS + k] = steps[k] ?? 0;
      }
      ctrl[EXPLICIT] = 0;
      post(chunks);
    },
    runEach(index, argSets) {
      const argc = argSets[0]?.length ?? 0;
      if (argc * argSets.length > ARGS_ROOM) throw new Error('too many arguments for a threaded job');
      ctrl[KERNEL] = index;
      ctrl[ARGC] = argc;
      ctrl[CHUNKS] = argSets.length;
      ctrl[EXPLICIT] = 1;
      argSets.forEach((set, c) => { for (let k = 0; k < argc; k++) ctrl[ARGS + c * argc + k] = set[k]!; });
      post(argSets.length);
    },
    stop() {
      Atomics.store(ctrl, STOP, 1);
      Atomics.add(ctrl, GEN, 1);
      Atomics.notify(ctrl, GEN);
    },
  };
}
