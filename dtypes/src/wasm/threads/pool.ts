import { DTKitError } from '@dtkit/core';
import {
  ARGC, ARGS, CHUNK, CHUNKS, CONTROL_INTS, COUNT_AT, DEAD, DONE, EXPLICIT, FAILED, GEN, KERNEL, MAX_ARGS, NEXT, STEPS, STOP, TOTAL,
} from './protocol.js';

/**
 * Kernel threads for the wasm backend: workers that instantiate the same kernels on the same
 * shared memory, so one large call (an elementwise op, a cast, a copy, a transposed plane) is
 * split into chunks that several cores run at once. No data moves: every thread works on its
 * own range of the same arrays. The call stays synchronous for the caller: the main thread runs
 * chunks too and returns when the last one is done. A worker that is slow to wake (or
 * descheduled on a busy machine) simply claims fewer chunks.
 *
 * Failure: a worker whose kernel traps, or that dies in any other way, is seen through the
 * control block (the caller spins, so it cannot see 'exit' events): the job is closed, the
 * chunks still running elsewhere are waited for, the pool stops for good and the call throws a
 * `DTKitError` with code 'THREAD_FAILED'. A worker that dies without a word (killed from
 * outside) is caught by the stall limit: no chunk finished for `stallMs`.
 *
 * Node only for now (worker_threads; the caller spins on the done counter, workers sleep in
 * Atomics.wait between jobs). Browsers need cross-origin isolation and a Worker URL;
 * `startKernelThreads` returns null where none of this exists (and `setThreads` resolves to 1).
 */
export interface KernelThreads {
  /** Threads that run chunks, the calling thread included (1 = no workers). */
  readonly count: number;
  /** False once a worker failed or died, or after `stop()`: the pool takes no more jobs. */
  readonly alive: boolean;
  /**
   * Runs `kernels[index](...args)` split along `args[countAt]` (a count of `total` units) in
   * chunks of a multiple of `align` units; argument k advances by `steps[k]` per unit.
   * Throws a DTKitError 'THREAD_FAILED' (and stops the pool) when a thread fails.
   */
  run(index: number, args: readonly number[], steps: readonly number[], countAt: number, total: number, align: number): void;
  /** Runs `kernels[index](...argSets[c])` for every c, one chunk each (all sets the same length). */
  runEach(index: number, argSets: readonly (readonly number[])[]): void;
  stop(): void;
}

export interface KernelThreadOptions {
  /** Called once when the pool stops on a failure (a dead worker), so its owner drops it. */
  readonly onFailure?: () => void;
  /** A job fails when no chunk finishes for this long (default 10 s; a chunk takes ms). */
  readonly stallMs?: number;
  /** The worker script (tests substitute a faulty one); default dtkit-wasm-worker.js. */
  readonly workerUrl?: URL;
}

/** Chunks per thread: enough to even out a worker that starts late, few enough to stay cheap. */
const CHUNKS_PER_THREAD = 8;
const MAX_CHUNKS = 0xffff;
/** Argument words between ARGS and STEPS (explicit jobs store every chunk's arguments there). */
const ARGS_ROOM = STEPS - ARGS;
/**
 * Chunks are at most 1/16 of a call (≤ 2 GiB of memory): tens of ms. Ten seconds without one
 * finishing means a thread is gone, not slow, even on a loaded machine.
 */
const DEFAULT_STALL_MS = 10_000;
/** Spin iterations between clock reads while waiting. */
const CLOCK_EVERY = 4096;

type Worker = import('node:worker_threads').Worker;
type MessagePort = import('node:worker_threads').MessagePort;

export async function startKernelThreads(
  module: WebAssembly.Module, memory: WebAssembly.Memory, names: readonly string[],
  kernels: ReadonlyArray<(...args: number[]) => void>, threads: number, options: KernelThreadOptions = {},
): Promise<KernelThreads | null> {
  if (threads < 2 || typeof SharedArrayBuffer === 'undefined') return null;
  let workerThreads: typeof import('node:worker_threads');
  try {
    workerThreads = await import('node:worker_threads');
  } catch {
    return null; // not Node
  }
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  const control = new SharedArrayBuffer(CONTROL_INTS * 4);
  const ctrl = new Int32Array(control);
  const url = options.workerUrl ?? new URL('./dtkit-wasm-worker.js', import.meta.url);
  const workers: Worker[] = [];
  /** One port per worker: a trapping worker posts its error there, read synchronously on failure. */
  const errorPorts: MessagePort[] = [];
  let alive = true;
  try {
    for (let i = 1; i < threads; i++) {
      const { port1, port2 } = new workerThreads.MessageChannel();
      const worker = new workerThreads.Worker(url, { workerData: { module, memory, control, names, errors: port2 }, transferList: [port2] });
      worker.unref(); // never keeps the process alive
      port1.unref();
      workers.push(worker);
      errorPorts.push(port1);
    }
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`kernel worker exited (code ${code}) before it was ready`)));
    })));
  } catch {
    for (const w of workers) void w.terminate();
    for (const p of errorPorts) p.close();
    return null;
  }
  let generation = Atomics.load(ctrl, GEN);
  const args: number[] = [];

  const shutDown = (): void => {
    if (!alive) return;
    alive = false;
    Atomics.store(ctrl, STOP, 1);
    Atomics.add(ctrl, GEN, 1);
    Atomics.notify(ctrl, GEN);
    // terminate() also ends a worker stuck inside a kernel (it never reads STOP).
    for (const w of workers) void w.terminate();
    for (const p of errorPorts) p.close();
  };
  const fail = (): void => {
    if (!alive) return;
    shutDown();
    options.onFailure?.();
  };
  // Between jobs a worker can only die from outside; drop the pool before the next job then.
  for (const w of workers) {
    w.on('error', fail);
    w.on('exit', fail);
  }

  const runChunks = (tag: number): void => {
    for (;;) {
      const claim = Atomics.load(ctrl, NEXT);
      if ((claim & 0xffff0000) !== tag) return;
      const index = claim & 0xffff;
      if (index >= ctrl[CHUNKS]!) return;
      if (Atomics.load(ctrl, FAILED) !== 0) return; // the job is lost; stop adding work
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
      try {
        kernels[ctrl[KERNEL]!]!(...args);
      } catch (error) {
        Atomics.add(ctrl, FAILED, 1);
        throw error;
      }
      Atomics.add(ctrl, DONE, 1);
    }
  };

  /**
   * Spins until `settled()` holds; false when the job failed (a worker trapped or died) or when no
   * chunk finished for `stallMs` (a worker killed without a word holds its chunk forever).
   */
  const waitFor = (settled: () => boolean, stopOnFailure: boolean): boolean => {
    let spins = 0, lastDone = -1, since = 0;
    for (;;) {
      if (settled()) return true;
      // A dead worker that held no chunk loses nothing: only failed chunks end the job early.
      if (stopOnFailure && Atomics.load(ctrl, FAILED) !== 0) return false;
      if (++spins % CLOCK_EVERY === 0) {
        const now = performance.now();
        const done = Atomics.load(ctrl, DONE);
        if (done !== lastDone) {
          lastDone = done;
          since = now;
        } else if (now - since > stallMs) {
          return false;
        }
      }
    }
  };

  /** Closes the job to new claims; returns how many chunks were claimed. */
  const closeJob = (tag: number): number => {
    for (;;) {
      const claim = Atomics.load(ctrl, NEXT);
      if ((claim & 0xffff0000) !== tag) return ctrl[CHUNKS]!;
      if (Atomics.compareExchange(ctrl, NEXT, claim, tag | 0xffff) === claim) return claim & 0xffff;
    }
  };

  const failedJob = (tag: number, cause: unknown): never => {
    const claimed = Math.min(closeJob(tag), ctrl[CHUNKS]!);
    // Chunks other threads still run write into this call's arrays: wait for them, so no thread
    // touches memory after the call returns (the caller may free and reuse those blocks).
    waitFor(() => Atomics.load(ctrl, DONE) + Atomics.load(ctrl, FAILED) >= claimed, false);
    const reported: string[] = [];
    for (const port of errorPorts) {
      for (let m = workerThreads.receiveMessageOnPort(port); m !== undefined; m = workerThreads.receiveMessageOnPort(port)) {
        reported.push(String(m.message));
      }
    }
    const dead = Atomics.load(ctrl, DEAD);
    fail();
    const why = cause !== undefined ? `the calling thread's kernel threw: ${String(cause)}`
      : reported.length > 0 ? `a worker's kernel threw: ${reported[0]!.split('\n')[0]!}`
      : dead > 0 ? `${dead} worker(s) exited during the job`
      : `no chunk finished for ${stallMs} ms (a worker is gone)`;
    const error = new DTKitError('THREAD_FAILED', `kernel threads failed (${why}); the thread pool is stopped and calls run `
      + 'single-threaded; setThreads(n) starts fresh workers');
    throw Object.assign(error, { cause: cause ?? reported[0] });
  };

  /** Publishes the job written in ctrl, runs chunks here too, returns when all are done. */
  const post = (chunks: number): void => {
    if (!alive) throw new DTKitError('THREAD_FAILED', 'kernel threads were stopped');
    generation = (generation + 1) | 0;
    const tag = (generation & 0xffff) << 16;
    Atomics.store(ctrl, DONE, 0);
    Atomics.store(ctrl, FAILED, 0);
    Atomics.store(ctrl, NEXT, tag);
    Atomics.store(ctrl, GEN, generation);
    Atomics.notify(ctrl, GEN);
    try {
      runChunks(tag);
    } catch (error) {
      failedJob(tag, error);
    }
    // Chunks a worker claimed may still be running: wait for them (each is short).
    if (!waitFor(() => Atomics.load(ctrl, DONE) >= chunks, true)) failedJob(tag, undefined);
  };

  return {
    count: threads,
    get alive() {
      return alive;
    },
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
    stop: shutDown,
  };
}
