// Timing of the builtin number-typed JS loops: factory-made (build.ts closures over a shared
// per-TypedArray kernel) vs generated (generated/*.generated.ts, one literal per signature) vs
// hot.ts (where it has the signature) vs a hand-written loop receiving its arrays at run time.
// 1e6 contiguous elements per call; medians in ms over several rounds.
// Run: npx tsx dtypes/scripts/time-loops.mjs   (no assertions; numbers vary with machine load)
import { arithmeticLoops } from '../src/loops/arith.ts';
import { comparisonLoops } from '../src/loops/compare.ts';
import { bitwiseLoops } from '../src/loops/bitwise.ts';
import { minMaxLoops } from '../src/loops/minmax.ts';
import { mathLoops } from '../src/loops/math.ts';
import { hotLoops } from '../src/loops/hot.ts';
import { generatedLoops } from '../src/loops/generated/index.generated.ts';

const N = 1_000_000;
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const SAMPLES = 5;
const CTX = { descriptors: [], options: {}, auxdata: undefined };
const factoryMade = [...arithmeticLoops, ...comparisonLoops, ...bitwiseLoops, ...minMaxLoops, ...mathLoops];
const sig = (e) => `${e.ufunc}:${e.dtypes.join(',')}`;
const find = (table, key) => table.find((e) => sig(e) === key)?.loop;

function median(xs) {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}
/** Deterministic pseudo-random fill (xorshift32) mapped by `f`. */
function filled(Ctor, f, seed) {
  const a = new Ctor(N);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < N; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    a[i] = f(x / 4294967296);
  }
  return a;
}

// Hand-written loops: arrays arrive as arguments (not closure constants), contiguous only.
function handSqrt(a, o, n) { for (let i = 0; i < n; i++) o[i] = Math.sqrt(a[i]); }
function handExp(a, o, n) { for (let i = 0; i < n; i++) o[i] = Math.exp(a[i]); }
function handFloor(a, o, n) { for (let i = 0; i < n; i++) o[i] = Math.floor(a[i]); }
function handMax(a, b, o, n) { for (let i = 0; i < n; i++) { const x = a[i], y = b[i]; o[i] = x > y || x !== x ? x : y; } }
function handMulF32(a, b, o, n) { for (let i = 0; i < n; i++) o[i] = a[i] * b[i]; }
function handAndI32(a, b, o, n) { for (let i = 0; i < n; i++) o[i] = a[i] & b[i]; }
function handAddI8(a, b, o, n) { for (let i = 0; i < n; i++) o[i] = a[i] + b[i]; }
function handLessU8(a, b, o, n) { for (let i = 0; i < n; i++) o[i] = a[i] < b[i] ? 1 : 0; }

const unif = (lo, hi) => (u) => lo + (hi - lo) * u;
const CASES = [
  { key: 'sqrt:float64,float64', ins: [filled(Float64Array, unif(0, 1e6), 1)], Out: Float64Array, hand: handSqrt },
  { key: 'exp:float64,float64', ins: [filled(Float64Array, unif(-20, 20), 2)], Out: Float64Array, hand: handExp },
  { key: 'floor:float64,float64', ins: [filled(Float64Array, unif(-1e3, 1e3), 3)], Out: Float64Array, hand: handFloor },
  { key: 'maximum:float64,float64,float64', ins: [filled(Float64Array, unif(-1, 1), 4), filled(Float64Array, unif(-1, 1), 5)], Out: Float64Array, hand: handMax },
  { key: 'multiply:float32,float32,float32', ins: [filled(Float32Array, unif(-10, 10), 6), filled(Float32Array, unif(-10, 10), 7)], Out: Float32Array, hand: handMulF32 },
  { key: 'bitwise_and:int32,int32,int32', ins: [filled(Int32Array, unif(-(2 ** 31), 2 ** 31), 8), filled(Int32Array, unif(-(2 ** 31), 2 ** 31), 9)], Out: Int32Array, hand: handAndI32 },
  { key: 'add:int8,int8,int8', ins: [filled(Int8Array, unif(-128, 128), 10), filled(Int8Array, unif(-128, 128), 11)], Out: Int8Array, hand: handAddI8 },
  { key: 'less:uint8,uint8,bool', ins: [filled(Uint8Array, unif(0, 256), 12), filled(Uint8Array, unif(0, 256), 13)], Out: Uint8Array, hand: handLessU8 },
];

// Real programs call many ufuncs through each shared kernel; give every factory kernel that
// history first (a few other ops of the same kernel), or the factory case is unrealistically
// monomorphic. Generated and hand-written loops have no shared kernel to pollute.
for (const c of CASES) {
  const dts = c.key.split(':')[1].split(',');
  const small = dts.map((d, j) => (j < dts.length - 1 ? c.ins[j].subarray(0, 256) : new c.Out(256)));
  const offsets = dts.map(() => 0), strides = dts.map(() => 1);
  for (const e of factoryMade) {
    if (e.dtypes.join(',') !== dts.join(',') || e.ufunc === 'power') continue;
    for (let r = 0; r < 50; r++) e.loop(256, small, offsets, strides, CTX);
  }
}

const samples = new Map();
const record = (k, ms) => samples.set(k, [...(samples.get(k) ?? []), ms]);
function measure(name, run) {
  for (let i = 0; i < 2; i++) run();
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = process.hrtime.bigint();
    run();
    record(name, Number(process.hrtime.bigint() - t0) / 1e6);
  }
}

const outputs = CASES.map((c) => new c.Out(N));
for (let round = 0; round < ROUNDS; round++) {
  for (const [ci, c] of CASES.entries()) {
    const out = outputs[ci];
    const data = [...c.ins, out];
    const offsets = data.map(() => 0), strides = data.map(() => 1);
    const variants = {
      factory: find(factoryMade, c.key),
      generated: generatedLoops[c.key],
      hot: find(hotLoops, c.key),
    };
    for (const [v, loop] of Object.entries(variants)) {
      if (loop !== undefined) measure(`${c.key}|${v}`, () => loop(N, data, offsets, strides, CTX));
    }
    const [a, b] = c.ins;
    measure(`${c.key}|hand`, c.ins.length === 1 ? () => c.hand(a, out, N) : () => c.hand(a, b, out, N));
  }
}

const rows = CASES.map((c) => {
  const m = (v) => (samples.has(`${c.key}|${v}`) ? median(samples.get(`${c.key}|${v}`)) : undefined);
  const hand = m('hand');
  const cell = (v) => (m(v) === undefined ? '—' : `${m(v).toFixed(2)} (${(m(v) / hand).toFixed(2)}×)`);
  return { signature: c.key, factory: cell('factory'), generated: cell('generated'), 'hot.ts': cell('hot'), hand: hand.toFixed(2) };
});
console.log(`median ms per call, ${N} contiguous elements, ${ROUNDS} rounds × ${SAMPLES} samples; (×) = vs hand-written`);
console.table(rows);
