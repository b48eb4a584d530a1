/** NumPy-style scalar text for minifloats: the shortest decimal that reads back to the value. */

function normalise(v: number): string {
  const s = String(v);
  if (s.includes('e')) return s.replace(/^(-?\d+)e/, '$1.e');
  return Number.isInteger(v) ? `${s}.` : s;
}

/** `1.`, `0.1`, `-0.`, `nan`, `inf`; digits are the fewest that round back under `round`. */
export function formatMinifloat(v: number, round: (x: number) => number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Object.is(v, -0)) return '-0.';
  // 17 digits always round-trip a number, so the loop ends for every finite value.
  for (let p = 1; p <= 17; p++) {
    const candidate = Number(v.toPrecision(p));
    if (round(candidate) === v) return normalise(candidate);
  }
  return normalise(v);
}
