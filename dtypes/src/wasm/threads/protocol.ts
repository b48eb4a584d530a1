/**
 * The control block shared by the main thread and the kernel workers (an Int32Array on a
 * SharedArrayBuffer). One job at a time: the main thread writes a kernel call, bumps GEN and
 * wakes the workers; every thread (the main one included) then claims chunks of the job until
 * none are left. The claim counter carries the job's generation in its high 16 bits, so a worker
 * still finishing an old job can never claim a chunk of the next one (its compare-exchange fails).
 * Kept in step with dtkit-wasm-worker.js, which is plain JS and repeats these offsets.
 */
export const GEN = 0;       // job generation (low 16 bits are used in NEXT)
export const NEXT = 1;      // (generation << 16) | next unclaimed chunk
export const DONE = 2;      // chunks finished
export const CHUNKS = 3;    // chunks in the job
export const KERNEL = 4;    // index into the kernel name list
export const ARGC = 5;      // kernel arguments
export const COUNT_AT = 6;  // which argument is the element / row count
export const TOTAL = 7;     // total count
export const CHUNK = 8;     // count per chunk
export const STOP = 9;      // nonzero: workers exit
export const EXPLICIT = 10; // nonzero: chunk c takes arguments ARGS + c*ARGC .. (no stepping)
export const FAILED = 11;   // chunks whose kernel threw (a trap) or whose worker died holding them
export const DEAD = 12;     // workers that have exited (a live pool has none)
export const ARGS = 16;     // ARGS + k: argument k of the whole job
export const STEPS = 32;    // STEPS + k: what argument k advances by per unit of count (bytes)
export const MAX_ARGS = 16;
export const CONTROL_INTS = STEPS + MAX_ARGS;
