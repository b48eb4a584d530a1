// Kernel worker of dtkit's wasm backend (see pool.ts and protocol.ts; plain JS so it runs as is
// from the sources and from dist). Instantiates the kernels on the shared memory and claims
// chunks of the jobs the main thread posts in the control block.
import { parentPort, workerData } from 'node:worker_threads';

const GEN = 0, NEXT = 1, DONE = 2, CHUNKS = 3, KERNEL = 4, ARGC = 5, COUNT_AT = 6, TOTAL = 7, CHUNK = 8, STOP = 9, EXPLICIT = 10;
const FAILED = 11, DEAD = 12, ARGS = 16, STEPS = 32;
/** Busy-wait this many polls for the next job before sleeping (jobs often come back to back). */
const SPINS = 20000;

const { module, memory, control, names, errors } = workerData;
const ctrl = new Int32Array(control);
/** Whether this thread holds a claimed chunk of the shared job that is not finished yet. */
let holding = false;
// However this thread ends (a trap below, process.exit, an uncaught error), the main thread
// spinning on the control block must learn it: it cannot see 'exit' events while it spins.
process.on('exit', () => {
  if (holding) Atomics.add(ctrl, FAILED, 1);
  holding = false;
  Atomics.add(ctrl, DEAD, 1);
});
const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
const kernels = names.map((name) => exports[name]);
const args = new Array(16).fill(0);

// Direct calls for the kernel arities in use (a spread call is several times slower per job).
function call(kernel, a, argc) {
  switch (argc) {
    case 3: kernel(a[0], a[1], a[2]); break;
    case 5: kernel(a[0], a[1], a[2], a[3], a[4]); break;
    case 6: kernel(a[0], a[1], a[2], a[3], a[4], a[5]); break;
    case 7: kernel(a[0], a[1], a[2], a[3], a[4], a[5], a[6]); break;
    case 9: kernel(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]); break;
    default: kernel(...a.slice(0, argc));
  }
}

function runChunks(ctrl, gen, shared) {
  const tag = (gen & 0xffff) << 16;
  for (;;) {
    const claim = Atomics.load(ctrl, NEXT);
    if ((claim & 0xffff0000) !== tag) return; // another job already
    const index = claim & 0xffff;
    if (index >= ctrl[CHUNKS]) return;
    if (Atomics.compareExchange(ctrl, NEXT, claim, claim + 1) !== claim) continue;
    const argc = ctrl[ARGC];
    if (ctrl[EXPLICIT] !== 0) {
      for (let k = 0; k < argc; k++) args[k] = ctrl[ARGS + index * argc + k];
    } else {
      const countAt = ctrl[COUNT_AT], chunk = ctrl[CHUNK];
      const start = index * chunk;
      for (let k = 0; k < argc; k++) args[k] = ctrl[ARGS + k] + start * ctrl[STEPS + k];
      args[countAt] = Math.min(ctrl[TOTAL] - start, chunk);
    }
    holding = shared;
    try {
      call(kernels[ctrl[KERNEL]], args, argc);
    } catch (error) {
      // A trap (e.g. an out-of-bounds access): report it, count the chunk as failed, and let this
      // worker die; the main thread then stops the pool and throws.
      if (shared) {
        errors?.postMessage(String(error?.stack ?? error));
        holding = false;
        Atomics.add(ctrl, FAILED, 1);
      }
      throw error;
    }
    holding = false;
    Atomics.add(ctrl, DONE, 1);
  }
}

// Warm up this thread's job loop on a private control block (empty copies), so the first real
// jobs do not run it in the interpreter.
{
  const warm = new Int32Array(ctrl.length);
  warm[KERNEL] = names.indexOf('copy_bytes');
  warm[ARGC] = 3;
  warm[COUNT_AT] = 2;
  warm[CHUNKS] = 4;
  warm[CHUNK] = 0;
  if (warm[KERNEL] >= 0) {
    for (let gen = 1; gen <= 3000; gen++) {
      warm[NEXT] = (gen & 0xffff) << 16;
      runChunks(warm, gen, false);
    }
  }
}

parentPort.postMessage('ready');
let seen = Atomics.load(ctrl, GEN);
for (;;) {
  let spins = 0;
  while (Atomics.load(ctrl, GEN) === seen) {
    if (++spins > SPINS) {
      Atomics.wait(ctrl, GEN, seen);
      spins = 0;
    }
  }
  seen = Atomics.load(ctrl, GEN);
  if (Atomics.load(ctrl, STOP) !== 0) break;
  runChunks(ctrl, seen, true);
}
