/** A fixed-bin histogram and its SVG rendering (no dependencies). */
export interface Histogram {
  readonly lo: number;
  readonly hi: number;
  readonly counts: number[];
}

export function histogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): Histogram {
  const counts = new Array<number>(bins).fill(0);
  const w = (hi - lo) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v >= lo && v < hi) counts[Math.floor((v - lo) / w)]!++;
  }
  return { lo, hi, counts };
}

/** Centre of the fullest bin. */
export function peak(h: Histogram): number {
  const w = (h.hi - h.lo) / h.counts.length;
  let best = 0;
  h.counts.forEach((c, i) => { if (c > h.counts[best]!) best = i; });
  return h.lo + (best + 0.5) * w;
}

export function histogramSvg(h: Histogram, title: string, xLabel: string): string {
  const W = 640, H = 400, L = 60, R = 20, T = 40, B = 50;
  const max = Math.max(1, ...h.counts);
  const bw = (W - L - R) / h.counts.length;
  const y = (c: number): number => T + (H - T - B) * (1 - c / max);
  const bars = h.counts.map((c, i) => `<rect x="${(L + i * bw).toFixed(1)}" y="${y(c).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${(H - B - y(c)).toFixed(1)}" fill="#3b6ea8"/>`).join('\n');
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const x = L + f * (W - L - R), v = h.lo + f * (h.hi - h.lo);
    return `<text x="${x.toFixed(1)}" y="${H - B + 18}" text-anchor="middle" font-size="12">${v.toFixed(0)}</text>`;
  }).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif">
<rect width="${W}" height="${H}" fill="white"/>
<text x="${W / 2}" y="24" text-anchor="middle" font-size="15">${title}</text>
${bars}
<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="black"/>
<line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="black"/>
${ticks}
<text x="${W / 2}" y="${H - 12}" text-anchor="middle" font-size="13">${xLabel}</text>
<text x="16" y="${H / 2}" text-anchor="middle" font-size="13" transform="rotate(-90 16 ${H / 2})">events / bin (max ${max})</text>
</svg>
`;
}
