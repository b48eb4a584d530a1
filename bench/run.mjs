// dtkit benchmark harness: `npm run bench` (= node --expose-gc bench/run.mjs).
// Env: BENCH_QUICK=1 (smoke run: 3 rounds, small n), BENCH_ROUNDS=n, BENCH_FILTER=regex on case ids
// (and on 'float128' / 'masked' for those sections). One process; per case, R interleaved rounds in which
// every column times the case once. Then the float128 section (float128.mjs, its own baseline: C).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { ADAPTERS, BASELINE } from './adapters/index.mjs';
import { loadDtkit } from './adapters/dtkit-shared.mjs';
import { benchCases } from './cases.mjs';
import { runFloat128Section } from './float128.mjs';
import { runParseSection } from './parse.mjs';
import { runMaskedSection, maskedConsole, maskedMarkdown } from './masked.mjs';
import { runUnitsSection, unitsConsole, unitsMarkdown } from './units.mjs';
import { consoleTable, markdownReport } from './lib/report.mjs';
import { bfloat16Console, bfloat16Markdown, float128Console, float128Markdown, parseConsole, parseMarkdown } from './lib/sections.mjs';
import { median } from './lib/stats.mjs';
import { ratioChartSvg, stackSvgs } from './lib/svg.mjs';
import { calibrate, measure } from './lib/timing.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 3 : 7));
const TARGET_NS = (QUICK ? 10 : 30) * 1e6; // per batch: long enough to swamp timer noise
const FILTER = process.env.BENCH_FILTER ? new RegExp(process.env.BENCH_FILTER) : null;
const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const notes = [];

function note(message) {
  if (!message || notes.includes(message)) return;
  notes.push(message);
  console.log(`note: ${message}`);
}

async function availableColumns() {
  const columns = [];
  for (const adapter of ADAPTERS) {
    if (await adapter.available()) columns.push(adapter);
    else note(`${adapter.name} skipped — ${adapter.reason || 'unavailable'}`);
    if (adapter.versionNote) note(adapter.versionNote);
  }
  if (columns[0] !== BASELINE) throw new Error('the hand-written loop must be available and first');
  return columns;
}

/** Setup plus calibration; a column that cannot run the case yields null (n/a). */
async function prepare(adapter, spec) {
  if (spec.only && !spec.only.includes(adapter.name)) return null;
  try {
    const instance = await adapter.setup(spec);
    if (!instance) return null;
    if (instance.measure) {
      await instance.measure(TARGET_NS); // first call calibrates and warms up in the worker
    } else {
      await instance.enter?.();
      instance.iterations = calibrate(instance.run, TARGET_NS);
    }
    return instance;
  } catch (error) {
    note(`${adapter.name} failed on "${spec.id}": ${error.message.split('\n')[0]}`);
    return null;
  }
}

async function measureOnce(instance) {
  if (instance.measure) return instance.measure(TARGET_NS);
  await instance.enter?.();
  return measure(instance.run, instance.iterations);
}

async function runCase(spec, columns) {
  const instances = [];
  for (const adapter of columns) instances.push(await prepare(adapter, spec));
  const times = columns.map(() => []); // times[column][round], ns per call
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round so no column always runs right after the same neighbour.
    for (let k = 0; k < columns.length; k++) {
      const c = (k + round) % columns.length;
      if (instances[c]) times[c][round] = await measureOnce(instances[c]);
    }
  }
  for (const instance of instances) await instance?.dispose?.();
  const baseline = times[0];
  return {
    id: spec.id,
    results: times.map((columnTimes, c) => {
      if (!instances[c] || !instances[0]) return { medianNs: NaN, medianRatio: NaN, times: [] };
      const ratios = columnTimes.map((t, round) => t / baseline[round]);
      return { medianNs: median(columnTimes), medianRatio: median(ratios), times: columnTimes };
    }),
  };
}

function machineMeta(columns) {
  const cpus = os.cpus();
  return [
    `date: ${new Date().toISOString()}`,
    `mode: ${QUICK ? 'QUICK smoke run (small n, few rounds)' : 'full'}; ${ROUNDS} interleaved rounds; batches of ≈${TARGET_NS / 1e6} ms`,
    `node ${process.version}${globalThis.gc ? ' (--expose-gc: GC before each batch)' : ' (no --expose-gc)'}; ${os.platform()} ${os.arch()}`,
    `cpu: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}; load average at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine inflates noise)`,
    `columns: ${columns.map((c) => c.name).join(', ')}`,
  ];
}

function float128Chart(section, subtitle) {
  const columns = ['dtkit js', 'dtkit wasm', 'decimal.js'];
  const ratioKeys = ['jsVsC', 'wasmVsC', 'decimalVsC'];
  return ratioChartSvg({
    title: `float128 (n=${section.n}, with out): time relative to C __float128 (gcc + libquadmath)`,
    subtitle,
    columns,
    groups: section.rows.map((row) => ({ label: `float128 ${row.op}`, ratios: ratioKeys.map((key) => row[key]) })),
    referenceLabel: 'C __float128',
    axisCaption: 'median time per element ÷ C __float128 in the same round (log scale; left of 1× = faster)',
  });
}

function writeResults(table, columns, float128, units, maskedSection, parse) {
  const base = QUICK ? 'quick' : 'latest';
  const meta = machineMeta(columns);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const svgFile = `${base}.svg`;
  const sections = [...bfloat16Markdown(table), ...(units ? unitsMarkdown(units) : []), ...(float128 ? float128Markdown(float128) : []), ...(maskedSection ? maskedMarkdown(maskedSection) : []), ...(parse ? parseMarkdown(parse) : [])];
  writeFileSync(`${RESULTS_DIR}${base}.md`, markdownReport({ title: 'dtkit benchmarks', meta, notes, svgFile, sections, ...table }));
  const shownColumns = table.columns.slice(1); // the baseline is the 1x reference line
  const subtitle = `${meta[1]} · node ${process.version} · ${os.cpus()[0]?.model ?? ''}`;
  const mainChart = ratioChartSvg({
    title: 'dtkit benchmarks: time relative to a hand-written JS loop',
    subtitle,
    columns: shownColumns,
    groups: table.rows.map((row) => ({ label: row.id, ratios: row.results.slice(1).map((r) => r.medianRatio) })),
  });
  const hasC = float128?.rows.some((row) => Number.isFinite(row.jsVsC) || Number.isFinite(row.decimalVsC));
  const svg = hasC ? stackSvgs([mainChart, float128Chart(float128, subtitle)]) : mainChart;
  writeFileSync(`${RESULTS_DIR}${svgFile}`, svg);
  console.log(`\nwrote bench/results/${base}.md and bench/results/${svgFile}`);
}

async function main() {
  const columns = await availableColumns();
  const cases = benchCases({ quick: QUICK }).filter((spec) => !FILTER || FILTER.test(spec.id));
  const rows = [];
  for (const spec of cases) {
    const started = Date.now();
    rows.push(await runCase(spec, columns));
    console.log(`  ${spec.id} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const table = { columns: columns.map((c) => c.name), rows };
  console.log(`\nratio vs hand loop (median of per-round ratios) and median time per call, ${ROUNDS} rounds\n`);
  console.log(consoleTable(table));
  const bfloat16Summary = bfloat16Console(table);
  if (rows.some((row) => row.id.includes('bfloat16'))) console.log(`\n${bfloat16Summary}`);
  let units = null;
  if (!FILTER || FILTER.test('units')) {
    units = await runUnitsSection({ quick: QUICK, rounds: ROUNDS, targetNs: TARGET_NS });
    console.log(`\n${unitsConsole(units)}`);
  }
  let float128 = null;
  const { dt } = await loadDtkit();
  await dt?.setThreads?.(1); // the float128 section is single-threaded (its kernels are not split)
  if (!FILTER || FILTER.test('float128')) {
    console.log('\nfloat128 section');
    float128 = await runFloat128Section({ quick: QUICK, rounds: ROUNDS, targetNs: TARGET_NS, note });
    console.log(`\n${float128Console(float128)}`);
  }
  let maskedSection = null;
  if (!FILTER || FILTER.test('masked')) {
    console.log('\nmasked section');
    maskedSection = await runMaskedSection({ quick: QUICK, rounds: ROUNDS, targetNs: TARGET_NS, note });
    if (maskedSection) console.log(`\n${maskedConsole(maskedSection)}`);
  }
  let parse = null;
  if (!FILTER || FILTER.test('parse')) {
    console.log('\nparse section');
    parse = await runParseSection({ quick: QUICK, note });
    if (parse) console.log(`\n${parseConsole(parse)}`);
  }
  writeResults(table, columns, float128, units, maskedSection, parse);
  for (const adapter of ADAPTERS) await adapter.close?.();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
