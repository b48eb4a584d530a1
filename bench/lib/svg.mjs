// Grouped horizontal bar chart of time ratios vs the hand-written loop, on a log axis.
// Bars grow from the 1x line: left of it is faster than the hand loop, right is slower.

// Okabe-Ito palette: distinguishable with common colour-vision deficiencies.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';

const LAYOUT = {
  width: 980,
  labelWidth: 250,
  plotLeft: 270,
  plotRight: 900,
  top: 92,
  barHeight: 13,
  barGap: 2,
  groupGap: 12,
  bottom: 48,
};

function escapeXml(text) {
  return String(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function formatRatio(ratio) {
  if (!Number.isFinite(ratio)) return 'n/a';
  return ratio >= 10 ? `${ratio.toFixed(0)}×` : ratio >= 0.995 ? `${ratio.toFixed(2)}×` : `${ratio.toPrecision(2)}×`;
}

/** Whole decades covering every ratio and 1x, so the axis always shows the reference line. */
function logDomain(ratios) {
  const finite = ratios.filter((r) => Number.isFinite(r) && r > 0);
  const lo = Math.min(1, ...finite);
  const hi = Math.max(1, ...finite);
  return [Math.floor(Math.log10(lo) - 1e-9), Math.ceil(Math.log10(hi) + 1e-9)].map((d, i) => (i === 0 ? Math.min(d, -1) : Math.max(d, 1)));
}

function axis(scaleX, [minDecade, maxDecade], yTop, yBottom, referenceLabel) {
  const parts = [];
  for (let d = minDecade; d <= maxDecade; d++) {
    for (const m of [1, 2, 5]) {
      const value = m * 10 ** d;
      if (d === maxDecade && m > 1) break;
      const x = scaleX(value).toFixed(1);
      const major = m === 1;
      parts.push(`<line x1="${x}" y1="${yTop}" x2="${x}" y2="${yBottom}" stroke="${major ? '#bbb' : '#e4e4e4'}" stroke-width="1"/>`);
      if (major || maxDecade - minDecade <= 2) {
        const label = value >= 1 ? `${value}×` : `${Number(value.toPrecision(1))}×`;
        parts.push(`<text x="${x}" y="${yBottom + 16}" text-anchor="middle" font-size="11" fill="#444" ${FONT}>${label}</text>`);
      }
    }
  }
  const x1 = scaleX(1).toFixed(1);
  parts.push(`<line x1="${x1}" y1="${yTop - 6}" x2="${x1}" y2="${yBottom}" stroke="#333" stroke-width="1.5"/>`);
  parts.push(`<text x="${x1}" y="${yTop - 10}" text-anchor="middle" font-size="11" fill="#333" ${FONT}>${escapeXml(referenceLabel)} = 1×</text>`);
  return parts;
}

function legend(columns, y) {
  const parts = [];
  let x = LAYOUT.plotLeft;
  columns.forEach((name, i) => {
    parts.push(`<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>`);
    parts.push(`<text x="${x + 17}" y="${y}" font-size="12" fill="#222" ${FONT}>${escapeXml(name)}</text>`);
    x += 30 + name.length * 7;
  });
  return parts;
}

/**
 * @param {{ title: string, subtitle: string, columns: string[],
 *           groups: { label: string, ratios: number[] }[], referenceLabel?: string, axisCaption?: string }} chart
 *        ratios[i] belongs to columns[i]; NaN = n/a
 * @returns {string} a standalone SVG document
 */
export function ratioChartSvg({ title, subtitle, columns, groups, referenceLabel = 'hand loop', axisCaption = 'median time per call ÷ hand-written loop (log scale; left of 1× = faster)' }) {
  const { width, plotLeft, plotRight, top, barHeight, barGap, groupGap, bottom } = LAYOUT;
  const domain = logDomain(groups.flatMap((g) => g.ratios));
  const scaleX = (ratio) => plotLeft + ((Math.log10(ratio) - domain[0]) / (domain[1] - domain[0])) * (plotRight - plotLeft);
  const groupHeight = columns.length * (barHeight + barGap) - barGap;
  const height = top + groups.length * (groupHeight + groupGap) + bottom;
  const backgrounds = []; // drawn first so grid lines stay visible on shaded groups
  const body = [];

  groups.forEach((group, g) => {
    const y0 = top + g * (groupHeight + groupGap);
    if (g % 2 === 0) backgrounds.push(`<rect x="0" y="${y0 - groupGap / 2}" width="${width}" height="${groupHeight + groupGap}" fill="#f6f7f9"/>`);
    body.push(`<text x="${LAYOUT.labelWidth}" y="${(y0 + groupHeight / 2 + 4).toFixed(1)}" text-anchor="end" font-size="12" fill="#222" ${FONT}>${escapeXml(group.label)}</text>`);
    group.ratios.forEach((ratio, i) => {
      const y = y0 + i * (barHeight + barGap);
      const textY = (y + barHeight - 3).toFixed(1);
      if (!Number.isFinite(ratio) || ratio <= 0) {
        body.push(`<text x="${scaleX(1) + 4}" y="${textY}" font-size="10" fill="#999" ${FONT}>${escapeXml(columns[i])}: n/a</text>`);
        return;
      }
      const xStart = scaleX(1);
      const xEnd = scaleX(ratio);
      const left = Math.min(xStart, xEnd);
      const barWidth = Math.max(Math.abs(xEnd - xStart), 1);
      body.push(`<rect x="${left.toFixed(1)}" y="${y}" width="${barWidth.toFixed(1)}" height="${barHeight}" fill="${PALETTE[i % PALETTE.length]}"><title>${escapeXml(`${group.label} — ${columns[i]}: ${formatRatio(ratio)}`)}</title></rect>`);
      const labelX = ratio >= 1 ? xEnd + 4 : xEnd - 4;
      body.push(`<text x="${labelX.toFixed(1)}" y="${textY}" text-anchor="${ratio >= 1 ? 'start' : 'end'}" font-size="10" fill="#222" ${FONT}>${formatRatio(ratio)}</text>`);
    });
  });

  const plotBottom = height - bottom + 4;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="20" y="26" font-size="16" font-weight="bold" fill="#111" ${FONT}>${escapeXml(title)}</text>`,
    `<text x="20" y="44" font-size="11" fill="#555" ${FONT}>${escapeXml(subtitle)}</text>`,
    ...legend(columns, 66),
    ...backgrounds,
    ...axis(scaleX, domain, top - 4, plotBottom, referenceLabel),
    ...body,
    `<text x="${(plotLeft + plotRight) / 2}" y="${height - 10}" text-anchor="middle" font-size="11" fill="#444" ${FONT}>${escapeXml(axisCaption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/** Stacks standalone SVG documents from ratioChartSvg vertically into one document. */
export function stackSvgs(documents) {
  let y = 0;
  let width = 0;
  const parts = [];
  for (const doc of documents) {
    const [, w, h] = doc.match(/width="(\d+)" height="(\d+)"/);
    parts.push(doc.trim().replace('<svg ', `<svg y="${y}" `));
    y += Number(h);
    width = Math.max(width, Number(w));
  }
  return [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">`, ...parts, '</svg>', ''].join('\n');
}
