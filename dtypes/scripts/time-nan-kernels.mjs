// Timing of the kernels whose NaN handling is pinned down (dtypes/src/wasm/README.md, "NaN bits"):
// min/max reductions, float sums, elementwise minimum/maximum, wasm kernels and JS loops, on
// 1e6 NaN-free elements (the NaN rules must cost nothing there) and with one NaN.
// Run: npx tsx dtypes/scripts/time-nan-kernels.mjs  (medians of 41 runs, ms)
import { createWasmLoops } from '../src/wasm/loops.ts';
import { reduceLoops as jsReduceLoops } from '../src/loops/reduce.ts';

const set = createWasmLoops();
if (set === null) throw new Error('WebAssembly unavailable');
const CTX = { descriptors: [], options: {}, auxdata: undefined };
const wasmBinary = (ufunc, dtype) => set.loops.find((l) => l.ufunc === ufunc && l.dtypes[0] === dtype).loop;
const wasmReduce = (ufunc, dtype) => set.reduceLoops.find((l) => l.ufunc === ufunc && l.dtype === dtype).loop;
const jsReduce = (ufunc, dtype) => jsReduceLoops.find((l) => l.ufunc === ufunc && l.dtype === dtype).loop;

function time(run, reps = 41, warm = 9) {
  for (let i = 0; i < warm; i++) run();
  const samples = [];
  for (let i = 0; i < reps; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((x, y) => x - y)[reps >> 1];
}

const N = 1_000_000;
const rows = [];
for (const dtype of ['float64', 'float32']) {
  const kind = dtype === 'float64' ? 'float64' : 'float32';
  const a = set.allocate(kind, N), b = set.allocate(kind, N), o = set.allocate(kind, N);
  for (let i = 0; i < N; i++) { a[i] = Math.sin(i); b[i] = Math.cos(i); }
  const acc = set.allocate(kind, 1);
  const withNaN = set.allocate(kind, N);
  withNaN.set(a);
  withNaN[N >> 1] = NaN;
  for (const ufunc of ['minimum', 'maximum', 'add']) {
    for (const [backend, loop] of [['wasm', wasmReduce(ufunc, dtype)], ['js', jsReduce(ufunc, dtype)]]) {
      for (const [label, input] of [['no NaN', a], ['one NaN', withNaN]]) {
        const ms = time(() => { acc[0] = ufunc === 'add' ? 0 : input[0]; loop(N, [input, acc], [0, 0], [1, 0], CTX); });
        rows.push({ case: `${ufunc}.reduce ${dtype} ${label}`, backend, ms: ms.toFixed(4) });
      }
    }
  }
  for (const ufunc of ['minimum', 'maximum']) {
    const loop = wasmBinary(ufunc, dtype);
    rows.push({ case: `${ufunc} ${dtype} elementwise`, backend: 'wasm', ms: time(() => loop(N, [a, b, o], [0, 0, 0], [1, 1, 1], CTX)).toFixed(4) });
  }
}
console.table(rows);
