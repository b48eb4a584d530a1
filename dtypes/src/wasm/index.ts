export { createWasmLoops, createWasmLoopsAsync, type WasmLoopSet } from './loops.js';
export { createArena, sharedMemorySupported, type WasmArena, type ArenaOptions, type ArenaStats } from './arena.js';
export { numberToHalfBits, halfBitsToNumber } from './half.js';
