// Console table and markdown for benchmark results.
import { formatRatio } from './svg.mjs';

export function formatNs(ns) {
  if (!Number.isFinite(ns)) return 'n/a';
  if (ns < 1e3) return `${ns.toPrecision(3)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toPrecision(3)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toPrecision(3)} ms`;
  return `${(ns / 1e9).toPrecision(3)} s`;
}

function cell(result) {
  return Number.isFinite(result.medianNs) ? `${formatRatio(result.medianRatio)} ${formatNs(result.medianNs)}` : 'n/a';
}

/** @param {{ columns: string[], rows: { id: string, results: { medianNs: number, medianRatio: number }[] }[] }} table */
export function consoleTable({ columns, rows }) {
  const header = ['case', ...columns];
  const lines = rows.map((row) => [row.id, ...row.results.map(cell)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

/** @param {{ title: string, meta: string[], notes: string[], columns: string[], rows: object[], svgFile: string, sections?: string[] }} report */
/** sections: extra markdown lines placed after the main table (see lib/sections.mjs). */
export function markdownReport({ title, meta, notes, columns, rows, svgFile, sections = [] }) {
  const header = `| case | ${columns.join(' | ')} |`;
  const rule = `|---|${columns.map(() => '---:').join('|')}|`;
  const body = rows.map((row) => {
    const cells = row.results.map((r) => (Number.isFinite(r.medianNs) ? `**${formatRatio(r.medianRatio)}** ${formatNs(r.medianNs)}` : 'n/a'));
    return `| ${row.id} | ${cells.join(' | ')} |`;
  });
  return [
    `# ${title}`,
    '',
    ...meta.map((m) => `- ${m}`),
    '',
    'Each cell: median over rounds of (column time ÷ hand-loop time in the same round), then the median time per call.',
    'Lower is faster; the hand-written loop is 1× by definition. `n/a`: the library has no such operation or dtype.',
    '',
    header,
    rule,
    ...body,
    '',
    ...sections,
    ...(notes.length ? ['Notes:', '', ...notes.map((n) => `- ${n}`), ''] : []),
    `![ratios](${svgFile})`,
    '',
  ].join('\n');
}
