/**
 * Memory pressure on the wasm arena: once its shared memory reaches its maximum (2 GiB by
 * default), new arrays silently go to the JS heap, where the wasm kernels cannot run on them
 * (every call on them takes the JS loops, ~5× slower for the hot ones). A tight synchronous loop
 * that allocates faster than the GC returns blocks gets there. So the first fallback emits a
 * warning (once per process), and apps can watch every fallback.
 */

/** What a memory-pressure listener receives (one event per allocation that fell back). */
export interface MemoryPressureEvent {
  /** Bytes the allocation asked for (it got a JS-heap array instead). */
  readonly bytes: number;
  /** Fallbacks so far in this process (this one included). */
  readonly fallbacks: number;
  /** The wasm memory's current size in bytes (equal to `maximumBytes` once it is full). */
  readonly memoryBytes: number;
  /** The wasm memory's maximum in bytes (2 GiB by default). */
  readonly maximumBytes: number;
}

/** Called synchronously by the allocation that fell back; see {@link onMemoryPressure}. */
export type MemoryPressureListener = (event: MemoryPressureEvent) => void;

/** Stable code of the one-time warning (Node: `process.on('warning', w => w.code)`). */
export const MEMORY_WARNING_CODE = 'DTKIT_WASM_MEMORY_FULL';

const listeners = new Set<MemoryPressureListener>();
let warned = false;

/**
 * Calls `listener` synchronously on every allocation that falls back to the JS heap (keep it
 * cheap: set a flag, count, schedule cleanup). Returns a function that removes it.
 */
export function onMemoryPressure(listener: MemoryPressureListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

type WarningProcess = { emitWarning?: (message: string, options: { type: string; code: string }) => void };

function warnOnce(event: MemoryPressureEvent): void {
  if (warned) return;
  warned = true;
  const mib = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`;
  const message = `dtkit: the wasm memory is full (${mib(event.memoryBytes)} of ${mib(event.maximumBytes)}); new arrays now go to `
    + 'the JS heap and run the slower JS loops. Release arrays early: pass out= to reuse results, wrap loops in tidy(), '
    + 'or call dispose() on arrays you no longer need.';
  const proc = (globalThis as { process?: WarningProcess }).process;
  if (typeof proc?.emitWarning === 'function') proc.emitWarning(message, { type: 'DTKitWarning', code: MEMORY_WARNING_CODE });
  else console.warn(`${message} [${MEMORY_WARNING_CODE}]`);
}

/** The arena's fallback listener: warns once, then tells every subscriber. */
export function reportFallback(event: MemoryPressureEvent): void {
  warnOnce(event);
  for (const listener of listeners) listener(event);
}
