// Times the lane-level soft-float ops on 1e5-element arrays (ns/op, median of runs).
// Run: npx tsx plugins/float128/scripts/time.mjs
import { add128, sub128, mul128, div128, sqrt128, fromNumber } from '../src/soft/index.ts';

const n = 100000;
const a = new Uint32Array(4 * n), b = new Uint32Array(4 * n), out = new Uint32Array(4 * n);
for (let i = 0; i < n; i++) {
  fromNumber((Math.random() + 0.5) * 2 ** (Math.random() * 40 - 20), a, 4 * i);
  fromNumber((Math.random() + 0.5) * 2 ** (Math.random() * 40 - 20), b, 4 * i);
  // Fill the low fraction bits too so every limb is exercised.
  a[4 * i] = (Math.random() * 2 ** 32) >>> 0; b[4 * i] = (Math.random() * 2 ** 32) >>> 0;
  a[4 * i + 1] = (Math.random() * 2 ** 32) >>> 0; b[4 * i + 1] = (Math.random() * 2 ** 32) >>> 0;
}
const bin = (f) => () => { for (let i = 0; i < 4 * n; i += 4) f(a, i, b, i, out, i); };
const un = (f) => () => { for (let i = 0; i < 4 * n; i += 4) f(a, i, out, i); };
const cases = { add: bin(add128), sub: bin(sub128), mul: bin(mul128), div: bin(div128), sqrt: un(sqrt128) };
const runs = Number(process.argv[2] ?? 15);
for (const [name, fn] of Object.entries(cases)) {
  for (let w = 0; w < 5; w++) fn();
  const ts = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    ts.push(Number(process.hrtime.bigint() - t0) / n);
  }
  ts.sort((x, y) => x - y);
  console.log(`${name.padEnd(5)} ${ts[ts.length >> 1].toFixed(1)} ns/op (min ${ts[0].toFixed(1)})`);
}
