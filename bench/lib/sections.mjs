// Extra report sections: the float128 table (issue 4) and the bfloat16 summary (issue 5).
import { formatNs } from './report.mjs';
import { formatRatio } from './svg.mjs';
import { median } from './stats.mjs';

export function textTable(header, lines) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

export function markdownTable(header, lines) {
  return [`| ${header.join(' | ')} |`, `|---|${header.slice(1).map(() => '---:').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)];
}

// ---- float128 ----

const F128_HEADER = ['op (with out)', 'C __float128', 'dtkit js', 'dtkit wasm', 'decimal.js p=34', 'js ÷ C', 'wasm ÷ C', 'decimal ÷ js', 'decimal ÷ wasm', 'target', 'bits = C'];

/** @param {{ n: number, rows: object[], minSpeedupVsDecimal: number }} section */
export function float128Lines({ rows, minSpeedupVsDecimal }) {
  return rows.map((row) => [
    row.op,
    formatNs(row.ns['C __float128']),
    formatNs(row.ns['dtkit js']),
    formatNs(row.ns['dtkit wasm']),
    formatNs(row.ns['decimal.js']),
    formatRatio(row.jsVsC),
    formatRatio(row.wasmVsC),
    formatRatio(row.decimalOverJs),
    formatRatio(row.decimalOverWasm),
    `≤ ${row.maxVsC}× C, ≥ ${minSpeedupVsDecimal}× faster than decimal`,
    row.bits,
  ]);
}

export function float128Console(section) {
  return `float128, n=${section.n}, time per element (median over rounds); ratios are medians of per-round ratios\n\n${textTable(F128_HEADER, float128Lines(section))}`;
}

export function float128Markdown(section) {
  return [
    `## float128 (issue 4), n=${section.n}`,
    '',
    'Time per element (median over rounds) of `out = a op b` (sqrt: `out = sqrt(a)`) on the same decimal inputs in every column:',
    'the C column is `bench/native/quad_ops.c` (`__float128`, `sqrtq`, gcc -O2, libquadmath) driven as a worker, so its rounds',
    'interleave with the JS columns; dtkit uses `dt.add/multiply/divide/sqrt(..., { out })` with the `@dtkit/float128` plugin;',
    'decimal.js is `Decimal.clone({ precision: 34 })` in a plain loop. Ratios: median over rounds of the per-round ratio.',
    '`bits = C`: XOR checksum of every 64-bit word of dtkit\'s output equals the C program\'s.',
    'sqrt `NO` is expected: libquadmath\'s `sqrtq` is not correctly rounded. Checked once with exact rationals (python3 `fractions`)',
    'on these 1e5 inputs with gcc 12.2: 25,013 results differ by 1 ulp and dtkit\'s is the correctly rounded one in every case.',
    '',
    ...markdownTable(F128_HEADER, float128Lines(section).map((l) => l.map((c, i) => (i >= 5 && i <= 8 ? `**${c}**` : c)))),
    '',
  ];
}

// ---- bfloat16 ----

const BF16_HEADER = ['case', 'dtkit js', 'dtkit wasm', 'peer', 'js ÷ peer', 'wasm ÷ peer', 'target'];

function findRow(rows, prefix) {
  return rows.find((row) => row.id.startsWith(prefix));
}

/** Per-round ratio between two columns of the same case. */
function sameRoundRatio(row, column, peerColumn) {
  const x = row.results[column]?.times;
  const y = row.results[peerColumn]?.times;
  if (!x?.length || !y?.length) return NaN;
  return median(x.map((t, r) => t / y[r]));
}

/** @param {{ columns: string[], rows: object[] }} table the main table, with per-round times */
export function bfloat16Lines({ columns, rows }) {
  const js = columns.indexOf('dtkit js');
  const wasm = columns.indexOf('dtkit wasm');
  const numpy = columns.indexOf('numpy');
  const ns = (row, c) => (row && c >= 0 ? row.results[c].medianNs : NaN);
  const lines = [];
  const cast = findRow(rows, 'cast float32->bfloat16');
  if (cast) {
    lines.push([
      cast.id,
      formatNs(ns(cast, js)),
      formatNs(ns(cast, wasm)),
      `numpy astype(float16) ${formatNs(ns(cast, numpy))}`,
      formatRatio(sameRoundRatio(cast, js, numpy)),
      formatRatio(sameRoundRatio(cast, wasm, numpy)),
      '≤ 1.0× numpy float16 cast',
    ]);
  }
  const add = findRow(rows, 'add bfloat16');
  if (add) {
    const size = add.id.match(/n=(\S+)/)[1];
    const f32 = findRow(rows, `add float32 n=${size} out`);
    lines.push([
      add.id,
      formatNs(ns(add, js)),
      formatNs(ns(add, wasm)),
      `dtkit add float32 out (same backend): js ${formatNs(ns(f32, js))}, wasm ${formatNs(ns(f32, wasm))}`,
      formatRatio(ns(add, js) / ns(f32, js)),
      formatRatio(ns(add, wasm) / ns(f32, wasm)),
      '≤ 2× float32 add',
    ]);
  }
  return lines;
}

export function bfloat16Console(table) {
  return `bfloat16 (issue 5): median time per call; cast ratio = median of per-round ratios, add ratio = ratio of medians of two cases\n\n${textTable(BF16_HEADER, bfloat16Lines(table))}`;
}

export function bfloat16Markdown(table) {
  const lines = bfloat16Lines(table);
  if (!lines.length) return [];
  return [
    '## bfloat16 (issue 5)',
    '',
    'numpy has no bfloat16, so its peer for the cast is `a.astype(np.float16)` (same size, also RNE); ratio = median over rounds of',
    'the per-round ratio in the cast row above. The add is compared with dtkit\'s own float32 add with `out` on the same backend',
    '(row `add float32 ... out` above): ratio of the two medians, so it carries the noise of two separate cases.',
    '',
    ...markdownTable(BF16_HEADER, lines.map((l) => l.map((c, i) => (i === 4 || i === 5 ? `**${c}**` : c)))),
    '',
  ];
}

// ---- parsers (issue 19) ----

const PARSE_HEADER = ['parser', 'input (1e5 characters)', 'outcome', 'median time', 'limit', 'within'];

function parseLines({ rows }) {
  return rows.map((row) => [row.parser, row.input, row.outcome, `${row.ms.toFixed(2)} ms`, `≤ ${row.limitMs} ms`, row.ms <= row.limitMs ? 'yes' : '**NO**']);
}

export function parseConsole(section) {
  return `parsers on 1e5-character input, median of ${section.runs} runs (linear time; a quadratic parser takes seconds)\n\n${textTable(PARSE_HEADER, parseLines(section))}`;
}

export function parseMarkdown(section) {
  return [
    '## Parsers on hostile input (issue 19)',
    '',
    `Median of ${section.runs} runs per input after one warm-up; outcome is the error code of a hostile input (a typed error, never a hang)`,
    'or `parsed`. Before the fix `Float128.from(\'1\'.repeat(1e5) + \'x\')` took 46 s. Builtins and bfloat16 parse no strings; unit specs go through the @dtkit/units parser.',
    '',
    ...markdownTable(PARSE_HEADER, parseLines(section)),
    '',
  ];
}
