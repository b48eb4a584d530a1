// Timing of the wasm loops vs hand-written JS loops (medians). Run: npx tsx dtypes/scripts/time-wasm.mjs
// Also times NumPy (python3 -m timeit) when available, and whether copying plain arrays into the
// wasm memory before a kernel call ever pays off.
import { spawnSync } from 'node:child_process';
import { createWasmLoops } from '../src/wasm/loops.ts';

const set = createWasmLoops();
if (set === null) throw new Error('WebAssembly unavailable');
const CTX = { descriptors: [], options: {}, auxdata: undefined };
const find = (ufunc, dtype) => set.loops.find((l) => l.ufunc === ufunc && l.dtypes[0] === dtype).loop;
const findReduce = (ufunc, dtype) => set.reduceLoops.find((l) => l.ufunc === ufunc && l.dtype === dtype).loop;
const findCast = (from, to) => set.casts.find((c) => c.from === from && c.to === to).loop;

function median(samples) {
  const sorted = [...samples].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median milliseconds of `run()` over `reps` runs after `warm` warm-up runs. */
function time(run, reps = 25, warm = 5) {
  for (let i = 0; i < warm; i++) run();
  const samples = [];
  for (let i = 0; i < reps; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

// Hand-written JS loops receiving their arrays at run time (not constant-folded).
function jsAdd(a, b, o, n) { for (let i = 0; i < n; i++) o[i] = a[i] + b[i]; }
function jsAddI32(a, b, o, n) { for (let i = 0; i < n; i++) o[i] = (a[i] + b[i]) | 0; }
function jsSum(a, n) { let s = 0; for (let i = 0; i < n; i++) s += a[i]; return s; }

const rows = [];
const report = (name, ms, n, note = '') => {
  rows.push({ name, 'median ms': ms.toFixed(4), 'ns/elt': ((ms * 1e6) / n).toFixed(3), note });
};

const N = 1_000_000;
const kinds = { float64: Float64Array, float32: Float32Array, int32: Int32Array };
for (const [dtype, Ctor] of Object.entries(kinds)) {
  const a = set.allocate(dtype, N), b = set.allocate(dtype, N), o = set.allocate(dtype, N);
  for (let i = 0; i < N; i++) { a[i] = (i % 1000) * 0.5; b[i] = (i % 777) * 0.25; }
  const loop = find('add', dtype);
  const offsets = [0, 0, 0], strides = [1, 1, 1];
  report(`add ${dtype} wasm 1e6`, time(() => loop(N, [a, b, o], offsets, strides, CTX)), N);
  const pa = new Ctor(a), pb = new Ctor(b), po = new Ctor(N);
  const js = dtype === 'int32' ? jsAddI32 : jsAdd;
  report(`add ${dtype} JS loop 1e6`, time(() => js(pa, pb, po, N)), N);
  report(`add ${dtype} dtkit JS fallback 1e6`, time(() => loop(N, [pa, pb, po], offsets, strides, CTX)), N);

  // n = 10: per-call overhead (µs per call).
  const calls = 200_000;
  const a10 = set.allocate(dtype, 10), b10 = set.allocate(dtype, 10), o10 = set.allocate(dtype, 10);
  const p10a = new Ctor(10), p10b = new Ctor(10), p10o = new Ctor(10);
  const perCall = (run) => (time(() => { for (let i = 0; i < calls; i++) run(); }, 9, 3) * 1000) / calls;
  const wasmData = [a10, b10, o10], plainData = [p10a, p10b, p10o];
  rows.push({ name: `add ${dtype} wasm n=10`, 'median ms': '', 'ns/elt': '', note: `${perCall(() => loop(10, wasmData, offsets, strides, CTX)).toFixed(4)} µs/call` });
  rows.push({ name: `add ${dtype} JS loop n=10`, 'median ms': '', 'ns/elt': '', note: `${perCall(() => js(p10a, p10b, p10o, 10)).toFixed(4)} µs/call` });
  rows.push({ name: `add ${dtype} dtkit JS fallback n=10`, 'median ms': '', 'ns/elt': '', note: `${perCall(() => loop(10, plainData, offsets, strides, CTX)).toFixed(4)} µs/call` });
}

// Is copying plain operands into wasm memory ever worth it? (add f64 1e6: copy a, b in, run, copy out.)
{
  const loop = find('add', 'float64');
  const pa = new Float64Array(N).map((_, i) => i), pb = new Float64Array(N).fill(2), po = new Float64Array(N);
  const wa = set.allocate('float64', N), wb = set.allocate('float64', N), wo = set.allocate('float64', N);
  report('add f64 copy-in + wasm + copy-out 1e6', time(() => {
    wa.set(pa); wb.set(pb);
    loop(N, [wa, wb, wo], [0, 0, 0], [1, 1, 1], CTX);
    po.set(wo);
  }), N);
}

// sum f64 1e6
{
  const a = set.allocate('float64', N);
  for (let i = 0; i < N; i++) a[i] = Math.sin(i);
  const acc = set.allocate('float64', 1);
  const loop = findReduce('add', 'float64');
  report('sum f64 wasm (pairwise) 1e6', time(() => { acc[0] = 0; loop(N, [a, acc], [0, 0], [1, 0], CTX); }), N);
  const pa = new Float64Array(a), pacc = new Float64Array(1);
  report('sum f64 dtkit JS fallback (pairwise) 1e6', time(() => { pacc[0] = 0; loop(N, [pa, pacc], [0, 0], [1, 0], CTX); }), N);
  report('sum f64 naive JS loop 1e6', time(() => jsSum(pa, N)), N, 'sequential, not NumPy-exact');
  const scratch = set.allocate('float64', N);
  report('sum f64 copy-in + wasm 1e6', time(() => { scratch.set(pa); acc[0] = 0; loop(N, [scratch, acc], [0, 0], [1, 0], CTX); }), N);
}

// float32 -> float16 cast 1e6
{
  const a = set.allocate('float32', N), h = set.allocate('uint16', N);
  for (let i = 0; i < N; i++) a[i] = Math.sin(i) * 1000;
  const loop = findCast('float32', 'float16');
  report('cast f32->f16 wasm 1e6', time(() => loop(N, [a, h], [0, 0], [1, 1], CTX)), N);
  const pa = new Float32Array(a), ph = new Uint16Array(N);
  report('cast f32->f16 dtkit JS fallback 1e6', time(() => loop(N, [pa, ph], [0, 0], [1, 1], CTX), 9, 2), N);
  report('cast f32->f16 copy-in + wasm + copy-out 1e6', time(() => { a.set(pa); loop(N, [a, h], [0, 0], [1, 1], CTX); ph.set(h); }), N);
}

// NumPy reference (same machine).
const numpy = spawnSync('python3', ['-c', `
import numpy as np, timeit
def best(stmt, g, number):
    ts = timeit.repeat(stmt, globals=g, number=number, repeat=7)
    return sorted(ts)[3] / number * 1e3
a = np.sin(np.arange(1e6)); b = np.ones(1_000_000); o = np.empty(1_000_000)
f = a.astype(np.float32); g = b.astype(np.float32); fo = np.empty(1_000_000, np.float32)
i = (a * 1000).astype(np.int32); j = i.copy(); io = np.empty_like(i)
small = np.ones(10); so = np.empty(10)
print('numpy add f64 1e6', best('np.add(a, b, out=o)', globals(), 20))
print('numpy add f32 1e6', best('np.add(f, g, out=fo)', globals(), 20))
print('numpy add i32 1e6', best('np.add(i, j, out=io)', globals(), 20))
print('numpy add f64 n=10', best('np.add(small, small, out=so)', globals(), 20000))
print('numpy sum f64 1e6', best('np.sum(a)', globals(), 20))
print('numpy cast f32->f16 1e6', best('f.astype(np.float16)', globals(), 10))
`], { encoding: 'utf8' });
if (numpy.status === 0) {
  for (const line of numpy.stdout.trim().split('\n')) {
    const parts = line.split(' ');
    const ms = Number(parts.pop());
    const name = parts.join(' ');
    const n = name.endsWith('n=10') ? 10 : N;
    rows.push({ name, 'median ms': ms.toFixed(4), 'ns/elt': ((ms * 1e6) / n).toFixed(3), note: n === 10 ? `${(ms * 1000).toFixed(4)} µs/call` : '' });
  }
} else {
  rows.push({ name: 'numpy', 'median ms': '', 'ns/elt': '', note: 'python3/numpy unavailable' });
}
console.table(rows);
