/**
 * @dtkit/dtypes — the builtin numeric dtypes with NumPy 2 promotion and casting, and their JS
 * loops for the standard ufunc catalog. Install with `use(plugin)` (the `dtkit` package does).
 * @packageDocumentation
 */
export { plugin } from './plugin.js';
export { wasmBackend, wasmRuntime, setWasmThreads, wasmThreads, memoryStats, type WasmRuntime } from './wasm-backend.js';
export type { ArenaStats as WasmMemoryStats } from './wasm/arena.js';
export {
  onMemoryPressure, MEMORY_WARNING_CODE, type MemoryPressureEvent, type MemoryPressureListener,
} from './wasm/pressure.js';
export {
  BUILTIN_FAMILIES, builtinNameOf, bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64,
  float16, float32, float64, complex64, complex128,
} from './families/builtin.js';
export { builtinCastLoop } from './casts/builtin-casts.js';
export { BUILTIN_DTYPE_NAMES, type BuiltinDTypeName } from './tables/builtin-rules.generated.js';
export { promoteBuiltin, canCastBuiltin, weakResultBuiltin, minimalCastingBuiltin } from './tables/builtin-rules.js';
