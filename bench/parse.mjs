// Parser section of `npm run bench` (issue 19, item 3): every parser that reads user text or
// nested data, timed on 1e5-character hostile and valid inputs. Each must run in linear time:
// before the fix, Float128.from('1'.repeat(1e5) + 'x') took 46 s. Reported as the median of a
// few runs next to a limit (not an assertion: the unit tests check the errors, this the time).
// Builtin dtypes and @dtkit/bfloat16 parse no strings (setItem refuses them), so they have no row.
import { loadDtkit } from './adapters/dtkit-shared.mjs';
import { median } from './lib/stats.mjs';

const N = 100_000;
/** Generous for 1e5 characters of linear work on a loaded machine; a quadratic parser takes seconds. */
const LIMIT_MS = 50;

function nestedDeep(levels) {
  let v = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

function cases(dt, Float128, units) {
  const list = [
    ['dtype spec', "hostile: '[' × 1e5", () => dt.dtype('['.repeat(N))],
    ['dtype spec', "hostile: 'list' + '[' × 5e4 + ']' × 5e4", () => dt.dtype(`list${'['.repeat(N / 2)}${']'.repeat(N / 2)}`)],
    ['dtype spec', "hostile: 'x[' + 'a,' × 5e4 (unterminated)", () => dt.dtype(`x[${'a,'.repeat(N / 2)}`)],
    ['nested data', 'hostile: 1e5-deep [[[…]]]', () => dt.array(nestedDeep(N))],
    ['nested data', 'valid: 1e5 numbers, [[1, 2], …] rows', () => dt.array(Array.from({ length: N / 2 }, (_, i) => [i, i + 1]))],
  ];
  if (units) {
    list.push(
      ['unit spec', "hostile: 'quantity[float64,' + 'm*' × 5e4 + ']'", () => dt.dtype(`quantity[float64,${'m*'.repeat(N / 2)}]`)],
      ['unit spec', "hostile: 'm' + '^2' × 5e4", () => units.quantity(`m${'^2'.repeat(N / 2)}`)],
      ['unit spec', "valid: 'm*s/kg' × 8e3 (… 24e3 factors)", () => units.quantity(Array.from({ length: 8000 }, () => 'm*s/kg').join('*'))],
    );
  }
  if (Float128) {
    list.push(
      ['float128', "hostile: '1' × 1e5 + 'x'", () => Float128.from(`${'1'.repeat(N)}x`)],
      ['float128', "hostile: '1_' × 5e4 (trailing '_')", () => Float128.from('1_'.repeat(N / 2))],
      ['float128', "hostile: '1' × 5e4 + '.' + '1' × 5e4 + 'x'", () => Float128.from(`${'1'.repeat(N / 2)}.${'1'.repeat(N / 2)}x`)],
      ['float128', "hostile: '1e' + '1' × 1e5 + 'x'", () => Float128.from(`1e${'1'.repeat(N)}x`)],
      ['float128', "valid: '0.' + '1' × 1e5", () => Float128.from(`0.${'1'.repeat(N)}`)],
      ['float128', "valid: '0.' + '0' × 4960 + '7' × 1e5 (subnormal)", () => Float128.from(`0.${'0'.repeat(4960)}${'7'.repeat(N)}`)],
      ['float128', "valid: '1.' + '0' × 1e5 + '1'", () => Float128.from(`1.${'0'.repeat(N)}1`)],
      ['float128', "valid: '2' + '_718281828' × 1e4", () => Float128.from(`2${'_718281828'.repeat(N / 10)}`)],
      ['float128', "valid: '1e' + '9' × 1e5 (inf)", () => Float128.from(`1e${'9'.repeat(N)}`)],
      ['float128', "hostile via dt.array: ['1' × 1e5 + 'x']", () => dt.array([`${'1'.repeat(N)}x`], { dtype: 'float128' })],
    );
  }
  return list;
}

/** One timed call (the expected typed error of a hostile input is part of the work). */
function timeOnce(run) {
  const t0 = performance.now();
  let error = '';
  try {
    run();
  } catch (e) {
    error = e?.code ?? e?.name ?? 'error';
  }
  return { ms: performance.now() - t0, error };
}

export async function runParseSection({ quick, note }) {
  const { dt, plugins, reason } = await loadDtkit();
  if (!dt) {
    note(`parse section skipped — ${reason}`);
    return null;
  }
  const Float128 = plugins.float128?.Float128;
  let units = null;
  try {
    units = await import('@dtkit/units');
    dt.use(units.plugin);
  } catch (error) {
    note(`parse section: @dtkit/units not loaded (${error.message.split('\n')[0]}), its rows are missing`);
  }
  if (!Float128) note('parse section: @dtkit/float128 not loaded, its rows are missing');
  const runs = quick ? 3 : 7;
  const rows = [];
  for (const [parser, input, run] of cases(dt, Float128, units)) {
    timeOnce(run); // warm-up (regex tier-up, JIT)
    const results = Array.from({ length: runs }, () => timeOnce(run));
    const ms = median(results.map((r) => r.ms));
    rows.push({ parser, input, chars: N, ms, limitMs: LIMIT_MS, outcome: results[0].error || 'parsed' });
    console.log(`  ${parser}: ${input} (${ms.toFixed(2)} ms)`);
  }
  return { rows, runs };
}

// `node bench/parse.mjs` runs this section alone (after `npm run build`).
if (import.meta.url === new URL(process.argv[1] ?? '', 'file://').href) {
  const { parseConsole } = await import('./lib/sections.mjs');
  const section = await runParseSection({ quick: process.env.BENCH_QUICK === '1', note: (m) => console.log(`note: ${m}`) });
  if (section) console.log(`\n${parseConsole(section)}`);
}
