// Units section (issue 11): quantity[float64,*] against plain float64 in the same process and
// rounds. Ratios are medians of per-round ratios (quantity time / plain time of that round).
import { loadDtkit } from './adapters/dtkit-shared.mjs';
import { calibrate, measure } from './lib/timing.mjs';
import { median } from './lib/stats.mjs';

const TARGETS = { 'm + m': 1.1, 'm + km': 1.3, 'm * s': 1.1, 'm + m (10, out)': 2 };

/** Each row: [label, plain thunk, quantity thunk]. */
function cases(dt, units, n) {
  const values = (k) => Float64Array.from({ length: n }, (_, i) => 1 + ((i * 7 + k) % 1000) / 7);
  const f = (k) => dt.array(values(k));
  const q = (k, unit) => dt.array(values(k), { dtype: units.quantity(unit) });
  const a = f(1), b = f(2), qm = q(1, 'm'), qm2 = q(2, 'm'), qkm = q(2, 'km'), qs = q(2, 's');
  const small = (k) => dt.array(values(k).subarray(0, 10)), smallQ = (k) => dt.array(values(k).subarray(0, 10), { dtype: units.quantity('m') });
  const sa = small(1), sb = small(2), so = small(3), qa = smallQ(1), qb = smallQ(2), qo = smallQ(3);
  const ao = f(3), qmo = q(3, 'm'), qms = q(3, 'm*s');
  return [
    ['m + m', () => dt.add(a, b, { out: ao }), () => dt.add(qm, qm2, { out: qmo })],
    ['m + km', () => dt.add(a, b, { out: ao }), () => dt.add(qm, qkm, { out: qmo })],
    ['m * s', () => dt.multiply(a, b, { out: ao }), () => dt.multiply(qm, qs, { out: qms })],
    ['m + m (10, out)', () => dt.add(sa, sb, { out: so }), () => dt.add(qa, qb, { out: qo })],
  ];
}

export async function runUnitsSection({ quick, rounds, targetNs }) {
  const { dt } = await loadDtkit();
  const units = await import('@dtkit/units');
  dt.use(units.plugin);
  const n = quick ? 1e5 : 1e6;
  const rows = [];
  for (const [label, plain, quantity] of cases(dt, units, n)) {
    const ip = calibrate(plain, targetNs), iq = calibrate(quantity, targetNs);
    const tp = [], tq = [];
    for (let r = 0; r < rounds; r++) {
      tp.push(await measure(plain, ip));
      tq.push(await measure(quantity, iq));
    }
    const ratio = median(tq.map((t, r) => t / tp[r]));
    rows.push({ label: label.includes('(10') ? label : `${label} (${n}, out)`, plainNs: median(tp), quantityNs: median(tq), ratio, target: TARGETS[label] });
  }
  return { n, rows };
}

const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);

export function unitsConsole(section) {
  return ['units (issue 11): quantity[float64] vs plain float64, median per call, ratio = median of per-round ratios',
    ...section.rows.map((r) => `  ${r.label.padEnd(24)} plain ${fmt(r.plainNs).padStart(10)}  quantity ${fmt(r.quantityNs).padStart(10)}  ratio ${r.ratio.toFixed(2)}x (target <= ${r.target}x)`)].join('\n');
}

export function unitsMarkdown(section) {
  return ['## units (issue 11)', '', 'quantity[float64,…] against plain float64 (same process, interleaved rounds).', '',
    '| case | plain float64 | quantity | ratio | target |', '|---|---|---|---|---|',
    ...section.rows.map((r) => `| ${r.label} | ${fmt(r.plainNs)} | ${fmt(r.quantityNs)} | ${r.ratio.toFixed(2)}x | ≤ ${r.target}x |`),
    '', "pint's peer figure: pint's own docs (\"Performance\" / `pint` benchmarks) put a Quantity operation at several µs of Python overhead per call (~8 µs per issue 11), independent of the array size.", ''];
}
