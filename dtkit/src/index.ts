/**
 * dtkit — the package most apps install: the kernel (`@dtkit/core`, `@dtkit/ufunc-registry`)
 * with the builtin numeric dtypes installed in the default registry.
 * @packageDocumentation
 */
import { defaultRegistry, type Registry } from '@dtkit/core';
import { plugin as builtins, setWasmThreads, wasmThreads } from '@dtkit/dtypes';

defaultRegistry().use(builtins);

export * from '@dtkit/core';
export * from '@dtkit/ufunc-registry';
export {
  plugin as builtinsPlugin, BUILTIN_FAMILIES, bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64,
  float16, float32, float64, complex64, complex128,
} from '@dtkit/dtypes';
export {
  memoryStats, onMemoryPressure, MEMORY_WARNING_CODE,
  type WasmMemoryStats, type MemoryPressureEvent, type MemoryPressureListener,
} from '@dtkit/dtypes';

/** Sets the default registry's backend order (e.g. `['js']` to force plain JS loops). */
export function setBackendPreference(order: readonly string[], registry: Registry = defaultRegistry()): void {
  registry.setBackendPreference(order);
}

/** Forbids backends in the default registry (e.g. `['wasm']`); `[]` allows all again. */
export function forbidBackends(names: readonly string[], registry: Registry = defaultRegistry()): void {
  registry.forbidBackends(names);
}

/** The backends ufunc calls on `device` try, in order (after preference and availability). */
export function backendsFor(device = 'cpu', registry: Registry = defaultRegistry()): readonly string[] {
  return registry.backendsFor(device);
}

/**
 * Runs large wasm kernel calls on `n` threads (this one plus `n − 1` workers sharing its memory;
 * Node only). Results are bit-identical to one thread's. Resolves to the count in effect; `1`
 * parks the workers (asleep, never keeping the process alive). Float sums split only where
 * NumPy's pairwise order does (its top-level halves); other reductions stay single-threaded.
 */
export function setThreads(n: number): Promise<number> {
  return setWasmThreads(n);
}

/** Threads large wasm kernel calls run on (1 unless {@link setThreads} started workers). */
export function threads(): number {
  return wasmThreads();
}
