// float128 section of `npm run bench` (issue 4): add, multiply, divide, sqrt with `out` on float128
// arrays, against a C __float128 program (gcc + libquadmath, compiled here) and decimal.js at
// precision 34, on the same decimal inputs. Times are ns per element; rounds interleave like run.mjs.
import Decimal from 'decimal.js';
import { loadDtkit } from './adapters/dtkit-shared.mjs';
import { median } from './lib/stats.mjs';
import { calibrate, measure } from './lib/timing.mjs';
import { compileQuadOps, QuadOpsWorker } from './lib/quad-native.mjs';
import { quadInputStrings, xorWords } from './lib/quad-data.mjs';

const Decimal34 = Decimal.clone({ precision: 34 });

// target: the issue-4 goals, as maximum time ratios vs C.
const OPS = [
  { name: 'add', cOp: 'add', maxVsC: 3, dtkit: (dt, a, b, out) => dt.add(a, b, { out }), decimal: (x, y) => x.plus(y) },
  { name: 'multiply', cOp: 'mul', maxVsC: 3, dtkit: (dt, a, b, out) => dt.multiply(a, b, { out }), decimal: (x, y) => x.times(y) },
  { name: 'divide', cOp: 'div', maxVsC: 4, dtkit: (dt, a, b, out) => dt.divide(a, b, { out }), decimal: (x, y) => x.div(y) },
  { name: 'sqrt', cOp: 'sqrt', maxVsC: 1, dtkit: (dt, a, _b, out) => dt.sqrt(a, { out }), decimal: (x) => x.sqrt() },
];
const MIN_SPEEDUP_VS_DECIMAL = 20;

function cColumn(worker, n, targetNs) {
  return {
    name: 'C __float128',
    async setup(op) {
      const iterations = await worker.calibrate(op.cOp, targetNs);
      const { checksum } = await worker.run(op.cOp, 1);
      return { checksum, measure: async () => (await worker.run(op.cOp, iterations)).elapsedNs / iterations / n };
    },
  };
}

function dtkitColumn(name, preference, dt, inputs, n, targetNs) {
  return {
    name,
    async setup(op) {
      dt.setBackendPreference(preference);
      const run = () => op.dtkit(dt, inputs.a, inputs.b, inputs.out);
      run();
      const checksum = xorWords(inputs.out.toBytes());
      const iterations = calibrate(run, targetNs);
      return {
        checksum,
        measure: async () => {
          dt.setBackendPreference(preference);
          return (await measure(run, iterations)) / n;
        },
      };
    },
  };
}

function decimalColumn(aStrings, bStrings, targetNs) {
  const a = aStrings.map((s) => new Decimal34(s));
  const b = bStrings.map((s) => new Decimal34(s));
  const out = new Array(a.length);
  return {
    name: 'decimal.js',
    async setup(op) {
      const run = () => {
        for (let i = 0; i < a.length; i++) out[i] = op.decimal(a[i], b[i]);
        return out;
      };
      const iterations = calibrate(run, targetNs);
      return { checksum: null, measure: async () => (await measure(run, iterations)) / a.length };
    },
  };
}

async function buildColumns({ n, decimalN, targetNs, note }) {
  const aStrings = quadInputStrings(n, 0);
  const bStrings = quadInputStrings(n, 1);
  const columns = [];
  let worker = null;
  const compiled = compileQuadOps();
  if (compiled.ok) {
    worker = new QuadOpsWorker(aStrings, bStrings);
    columns.push(cColumn(worker, n, targetNs));
    note(`float128: C column = bench/native/quad_ops.c built with gcc -O2 -lquadmath (${compiled.version})`);
  } else {
    note(`float128: C __float128 column skipped — ${compiled.reason}`);
  }
  const { dt, plugins, reason } = await loadDtkit();
  if (dt && plugins.float128) {
    const { float128 } = plugins.float128;
    const inputs = {
      a: dt.array(aStrings, { dtype: float128 }),
      b: dt.array(bStrings, { dtype: float128 }),
      out: dt.zeros([n], { dtype: float128 }),
    };
    columns.push(dtkitColumn('dtkit js', ['js'], dt, inputs, n, targetNs));
    columns.push(dtkitColumn('dtkit wasm', ['wasm', 'js'], dt, inputs, n, targetNs));
  } else {
    note(`float128: dtkit columns skipped — ${reason || 'no @dtkit/float128'}`);
  }
  columns.push(decimalColumn(aStrings.slice(0, decimalN), bStrings.slice(0, decimalN), targetNs));
  if (decimalN < n) note(`float128: decimal.js runs on the first ${decimalN} of the same inputs (its sqrt takes ~20 µs per element); its time is per element like the others`);
  return { columns, close: () => worker?.close() };
}

/** Median over rounds of times[x][r] / times[y][r]. */
function roundRatio(times, x, y) {
  if (!times[x] || !times[y]) return NaN;
  return median(times[x].map((t, r) => t / times[y][r]));
}

async function runOp(op, columns, rounds) {
  const instances = [];
  for (const column of columns) instances.push(await column.setup(op));
  const times = columns.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < columns.length; k++) {
      const c = (k + round) % columns.length;
      times[c][round] = await instances[c].measure();
    }
  }
  const byName = Object.fromEntries(columns.map((column, c) => [column.name, { times: times[c], checksum: instances[c].checksum }]));
  return byName;
}

function summarize(op, byName) {
  const times = Object.fromEntries(Object.entries(byName).map(([name, v]) => [name, v.times]));
  const c = byName['C __float128'];
  const bitsMatch = (name) => (!c || !byName[name] ? 'n/a' : byName[name].checksum === c.checksum ? 'yes' : 'NO');
  return {
    op: op.name,
    maxVsC: op.maxVsC,
    ns: Object.fromEntries(Object.entries(times).map(([name, t]) => [name, median(t)])),
    jsVsC: roundRatio(times, 'dtkit js', 'C __float128'),
    wasmVsC: roundRatio(times, 'dtkit wasm', 'C __float128'),
    decimalVsC: roundRatio(times, 'decimal.js', 'C __float128'),
    decimalOverJs: roundRatio(times, 'decimal.js', 'dtkit js'),
    decimalOverWasm: roundRatio(times, 'decimal.js', 'dtkit wasm'),
    bits: `js ${bitsMatch('dtkit js')}, wasm ${bitsMatch('dtkit wasm')}`,
  };
}

/**
 * @param {{ quick: boolean, rounds: number, targetNs: number, note: (m: string) => void }} options
 * @returns {Promise<{ n: number, rows: object[] }>}
 */
export async function runFloat128Section({ quick, rounds, targetNs, note }) {
  const n = quick ? 1e4 : 1e5;
  const decimalN = Math.min(n, 1e4);
  // Longer batches than the main table: a single sqrt pass over 1e5 elements already takes ~40 ms.
  const { columns, close } = await buildColumns({ n, decimalN, targetNs: targetNs * 3, note });
  const rows = [];
  try {
    for (const op of OPS) {
      const started = Date.now();
      rows.push(summarize(op, await runOp(op, columns, rounds)));
      console.log(`  float128 ${op.name} n=${n} out (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await close();
  }
  return { n, rows, minSpeedupVsDecimal: MIN_SPEEDUP_VS_DECIMAL };
}
