// Worker for wasm-worker.test.ts: instantiates the kernels on the shared memory it is sent and
// adds its half of two float64 arrays in place, with no copying.
import { parentPort, workerData } from 'node:worker_threads';

const { module, memory, a, b, out, start, count } = workerData;
const { exports } = new WebAssembly.Instance(module, { env: { memory } });
exports.add_f64(a + start * 8, 1, b + start * 8, 1, out + start * 8, 1, count);
parentPort.postMessage('done');
