/** NumPy-style element formatting for the builtin numeric dtypes. */

/** Shortest decimal with at most `maxDigits` significant digits that reads back to `v` under `round`. */
function shortest(v: number, maxDigits: number, round: (x: number) => number): string {
  for (let p = 1; p < maxDigits; p++) {
    const s = v.toPrecision(p);
    if (round(Number(s)) === v) return normalise(Number(s));
  }
  return normalise(v);
}

function normalise(v: number): string {
  const s = String(v);
  if (s.includes('e')) return s.replace(/^(-?\d+)e/, '$1.e');
  return Number.isInteger(v) ? `${s}.` : s;
}

/** float64: `1.`, `0.1`, `nan`, `inf`, `1.e+300`. */
export function formatFloat(v: number, maxDigits = 17, round: (x: number) => number = (x) => x): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Object.is(v, -0)) return '-0.';
  return maxDigits >= 17 ? normalise(v) : shortest(v, maxDigits, round);
}

export function formatComplex(re: number, im: number, maxDigits = 17, round: (x: number) => number = (x) => x): string {
  const r = formatFloat(re, maxDigits, round);
  const i = formatFloat(Math.abs(im), maxDigits, round);
  const sign = im < 0 || Object.is(im, -0) ? '-' : '+';
  return `${r}${sign}${i}j`;
}
