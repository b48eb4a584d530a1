// ns/element of float128 add/subtract/multiply/divide/sqrt through dt.* with `out` on 1e5 elements:
// the 'wasm' kernels vs the 'js' loops, same process, median of runs.
// Run: npx tsx plugins/float128/scripts/time-wasm.ts [runs]
import * as dt from 'dtkit';
import { wasmRuntime } from '@dtkit/dtypes';
import { plugin, float128 } from '../src/index.js';
import { fromNumber } from '../src/soft/index.js';

dt.use(plugin);
const n = 100000;
const runs = Number(process.argv[2] ?? 21);
const a = new Uint32Array(4 * n), b = new Uint32Array(4 * n);
for (let i = 0; i < n; i++) {
  fromNumber((Math.random() + 0.5) * 2 ** (Math.random() * 40 - 20), a, 4 * i);
  fromNumber((Math.random() + 0.5) * 2 ** (Math.random() * 40 - 20), b, 4 * i);
  // Fill the low fraction bits too so every limb is exercised.
  a[4 * i] = (Math.random() * 2 ** 32) >>> 0; b[4 * i] = (Math.random() * 2 ** 32) >>> 0;
  a[4 * i + 1] = (Math.random() * 2 ** 32) >>> 0; b[4 * i + 1] = (Math.random() * 2 ** 32) >>> 0;
}
const A = dt.fromBytes(new Uint8Array(a.buffer), float128, [n]);
const B = dt.fromBytes(new Uint8Array(b.buffer), float128, [n]);
const OUT = dt.empty([n], { dtype: float128 });
const rt = wasmRuntime();
const inWasm = rt !== null && [A, B, OUT].every((x) => x.store.kind === 'typed' && rt.owns(x.store.data));
process.stdout.write(`operands in wasm memory: ${inWasm}\n`);

const ops: [string, dt.UFunc][] = [['add', dt.add], ['subtract', dt.subtract], ['multiply', dt.multiply], ['divide', dt.divide]];

function median(fn: () => void): number {
  for (let w = 0; w < 5; w++) fn();
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    ts.push(Number(process.hrtime.bigint() - t0) / n);
  }
  ts.sort((x, y) => x - y);
  return ts[ts.length >> 1]!;
}

const rows: string[] = [];
for (const [name, uf] of ops) {
  dt.setBackendPreference(['js']);
  const js = median(() => { uf(A, B, { out: OUT }); });
  dt.setBackendPreference(['wasm', 'js']);
  const wasm = median(() => { uf(A, B, { out: OUT }); });
  rows.push(`${name.padEnd(9)} wasm ${wasm.toFixed(1).padStart(6)} ns  js ${js.toFixed(1).padStart(6)} ns  (${(js / wasm).toFixed(2)}×)`);
}
{
  // sqrt: unary, on positive inputs (|A| so every element takes the full root path).
  const P = dt.absolute(A) as dt.NDArray;
  dt.setBackendPreference(['js']);
  const js = median(() => { dt.sqrt(P, { out: OUT }); });
  dt.setBackendPreference(['wasm', 'js']);
  const wasm = median(() => { dt.sqrt(P, { out: OUT }); });
  rows.push(`${'sqrt'.padEnd(9)} wasm ${wasm.toFixed(1).padStart(6)} ns  js ${js.toFixed(1).padStart(6)} ns  (${(js / wasm).toFixed(2)}×)`);
}
dt.setBackendPreference(['webgpu', 'wasm', 'js']);
process.stdout.write(rows.join('\n') + '\n');
