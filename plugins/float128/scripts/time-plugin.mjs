// ns/element of float128 add/multiply/divide/sqrt through dt.* (with `out`) vs the soft/ lane
// functions called in a hand-written loop, same process, 1e5 elements, median of runs.
// Run: npx tsx plugins/float128/scripts/time-plugin.mjs [runs]
import * as dt from 'dtkit';
import { plugin, float128 } from '../src/index.ts';
import { add128, mul128, div128, sqrt128, fromNumber } from '../src/soft/index.ts';

dt.use(plugin);
const n = 100000;
const a = new Uint32Array(4 * n), b = new Uint32Array(4 * n), out = new Uint32Array(4 * n);
for (let i = 0; i < n; i++) {
  fromNumber((Math.random() + 0.5) * 2 ** (Math.random() * 40 - 20), a, 4 * i);
  fromNumber((Math.random() + 0.5) * 2 ** (Math.random() * 40 - 20), b, 4 * i);
  // Fill the low fraction bits too so every limb is exercised.
  a[4 * i] = (Math.random() * 2 ** 32) >>> 0; b[4 * i] = (Math.random() * 2 ** 32) >>> 0;
  a[4 * i + 1] = (Math.random() * 2 ** 32) >>> 0; b[4 * i + 1] = (Math.random() * 2 ** 32) >>> 0;
}
const bytes = (u) => new Uint8Array(u.buffer.slice(0));
const A = dt.fromBytes(bytes(a), float128, [n]), B = dt.fromBytes(bytes(b), float128, [n]);
const OUT = dt.empty([n], { dtype: float128 });

const direct = {
  add: () => { for (let i = 0; i < 4 * n; i += 4) add128(a, i, b, i, out, i); },
  multiply: () => { for (let i = 0; i < 4 * n; i += 4) mul128(a, i, b, i, out, i); },
  divide: () => { for (let i = 0; i < 4 * n; i += 4) div128(a, i, b, i, out, i); },
  sqrt: () => { for (let i = 0; i < 4 * n; i += 4) sqrt128(a, i, out, i); },
};
const viaPlugin = {
  add: () => dt.add(A, B, { out: OUT }),
  multiply: () => dt.multiply(A, B, { out: OUT }),
  divide: () => dt.divide(A, B, { out: OUT }),
  sqrt: () => dt.sqrt(A, { out: OUT }),
};
const C_NS = { add: 16.6, multiply: 19.1, divide: 25.6, sqrt: 224 };

function median(fn, runs) {
  for (let w = 0; w < 5; w++) fn();
  const ts = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    ts.push(Number(process.hrtime.bigint() - t0) / n);
  }
  ts.sort((x, y) => x - y);
  return ts[ts.length >> 1];
}

const runs = Number(process.argv[2] ?? 15);
console.log('op        soft ns/el  dt.* ns/el  dt/soft  dt/C(__float128, measured here earlier)');
for (const op of Object.keys(direct)) {
  const s = median(direct[op], runs), p = median(viaPlugin[op], runs);
  console.log(`${op.padEnd(9)} ${s.toFixed(1).padStart(10)} ${p.toFixed(1).padStart(11)} ${(p / s).toFixed(2).padStart(8)} ${(p / C_NS[op]).toFixed(2).padStart(8)}`);
}
