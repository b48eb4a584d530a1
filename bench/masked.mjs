// masked section of `npm run bench` (issue 10): masked[T] against plain T on the same backend in
// the same rounds. Targets: float64 add 1e6 with 10% NA ≤ 1.5× plain add; sum (skipna) ≤ 2×
// plain sum; masked[float128] add ≤ 1.2× float128 add. Ratios are medians of per-round ratios.
import { loadDtkit } from './adapters/dtkit-shared.mjs';
import { median } from './lib/stats.mjs';
import { calibrate, measure } from './lib/timing.mjs';
import { formatNs } from './lib/report.mjs';
import { textTable, markdownTable } from './lib/sections.mjs';

/** Deterministic values and a 10% NA pattern (xorshift), so every run times the same data. */
function inputs(n, seed) {
  let s = seed >>> 0 || 1;
  const next = () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), (s >>> 0) / 2 ** 32);
  const values = new Array(n);
  const withNA = new Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = next() * 200 - 100;
    withNA[i] = next() < 0.1 ? null : values[i];
  }
  return { values, withNA };
}

function cases(dt, quad, quick) {
  const n = quick ? 1e5 : 1e6;
  const nq = quick ? 1e4 : 1e5;
  const a = inputs(n, 1), b = inputs(n, 2);
  const pa = dt.array(a.values), pb = dt.array(b.values), pout = dt.empty([n]);
  const ma = dt.array(a.withNA, { dtype: 'masked[float64]' }), mb = dt.array(b.withNA, { dtype: 'masked[float64]' });
  const mout = dt.empty([n], { dtype: 'masked[float64]' });
  const qa = inputs(nq, 3), qb = inputs(nq, 4);
  const f128 = quad.float128;
  const toQ = (xs) => xs.map((x) => (x === null ? null : String(x)));
  const pqa = dt.array(toQ(qa.values), { dtype: f128 }), pqb = dt.array(toQ(qb.values), { dtype: f128 }), pqout = dt.empty([nq], { dtype: f128 });
  const mqa = dt.array(toQ(qa.withNA), { dtype: 'masked[float128]' }), mqb = dt.array(toQ(qb.withNA), { dtype: 'masked[float128]' });
  const mqout = dt.empty([nq], { dtype: 'masked[float128]' });
  return [
    { id: `add float64 n=${n}, 10% NA, out`, max: 1.5, plain: () => dt.add(pa, pb, { out: pout }), masked: () => dt.add(ma, mb, { out: mout }) },
    { id: `sum float64 n=${n}, 10% NA (skipna)`, max: 2, plain: () => dt.sum(pa), masked: () => dt.sum(ma) },
    { id: `add float128 n=${nq}, 10% NA, out`, max: 1.2, plain: () => dt.add(pqa, pqb, { out: pqout }), masked: () => dt.add(mqa, mqb, { out: mqout }) },
  ];
}

export async function runMaskedSection({ quick, rounds, targetNs, note }) {
  const { dt, plugins } = await loadDtkit();
  let masked;
  try {
    masked = await import('@dtkit/masked');
  } catch (error) {
    note(`@dtkit/masked not loaded (masked section skipped): ${error.message.split('\n')[0]}`);
    return null;
  }
  if (!dt || !plugins.float128) return null;
  dt.use(masked.plugin);
  const rows = [];
  for (const backend of ['wasm', 'js']) {
    dt.setBackendPreference([backend]);
    for (const c of cases(dt, plugins.float128, quick)) {
      const it = { plain: calibrate(c.plain, targetNs), masked: calibrate(c.masked, targetNs) };
      const t = { plain: [], masked: [] };
      for (let r = 0; r < rounds; r++) {
        for (const k of r % 2 ? ['masked', 'plain'] : ['plain', 'masked']) t[k].push(await measure(c[k], it[k]));
      }
      const ratio = median(t.masked.map((m, r) => m / t.plain[r]));
      rows.push({ backend, id: c.id, plain: median(t.plain), masked: median(t.masked), ratio, max: c.max });
      console.log(`  masked ${backend}: ${c.id}: ${ratio.toFixed(2)}×`);
    }
  }
  dt.setBackendPreference(['webgpu', 'wasm', 'js']);
  return { rows };
}

const HEADER = ['case', 'backend', 'plain T', 'masked[T]', 'masked ÷ plain', 'target'];
const lines = ({ rows }) => rows.map((r) => [r.id, r.backend, formatNs(r.plain), formatNs(r.masked), `${r.ratio.toFixed(2)}×`, `≤ ${r.max}×${r.ratio <= r.max ? ' ✓' : ' ✗'}`]);

export const maskedConsole = (section) => `masked[T] vs plain T (same backend, same rounds)\n\n${textTable(HEADER, lines(section))}`;
export const maskedMarkdown = (section) => ['', '## masked[T] vs plain T', '', 'Same backend, same rounds; ratios are medians of per-round ratios.', '', ...markdownTable(HEADER, lines(section))];
