/**
 * NumPy's default float printing (`precision=8, floatmode='maxprec'`): one notation for the
 * whole array; fixed notation unless max ≥ 1e8, min < 1e-4 or max/min > 1e3 (over finite non-zero |x|); at most 8 fractional digits, and
 * every element gets as many as the most precise one needs (shorter ones padded with spaces).
 */
const PRECISION = 8;

function fracDigits(x: number): number {
  const s = x.toFixed(PRECISION).replace(/0+$/, '');
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return undefined;
}

function scientific(values: readonly number[]): string[] {
  let digits = 0;
  for (const x of values) {
    if (special(x) !== undefined) continue;
    const m = x.toExponential(PRECISION).split('e')[0]!.replace(/0+$/, '');
    const dot = m.indexOf('.');
    digits = Math.max(digits, dot < 0 ? 0 : m.length - dot - 1);
  }
  return values.map((x) => {
    const sp = special(x);
    if (sp !== undefined) return sp;
    const [m, e] = x.toExponential(digits).split('e') as [string, string];
    const exp = Number(e);
    const mant = digits === 0 ? `${m}.` : m;
    return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  });
}

/** The shortest decimal that reads back to `x` after rounding to the dtype (`round`). */
function shortestFor(x: number, round: (v: number) => number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  for (let p = 1; p < 17; p++) {
    const y = Number(x.toPrecision(p));
    if (round(y) === x) return y;
  }
  return x;
}

/**
 * Formats float values the way NumPy's repr does (without the surrounding brackets).
 * `round` rounds a number to the array's dtype, so float32/float16 print their own shortest digits.
 */
export function formatFloatArray(raw: readonly number[], round: (v: number) => number = (v) => v): string[] {
  const values = raw.map((x) => shortestFor(x, round));
  let lo = Infinity;
  let hi = 0;
  for (const x of values) {
    const a = Math.abs(x);
    if (!Number.isFinite(a) || a === 0) continue;
    lo = Math.min(lo, a);
    hi = Math.max(hi, a);
  }
  // NumPy's rule (arrayprint.FloatingFormat): exponent notation when max ≥ 1e8, min < 1e-4 or max/min > 1e3.
  if (lo !== Infinity && (hi >= 1e8 || lo < 1e-4 || hi / lo > 1e3)) return scientific(values);
  let digits = 0;
  for (const x of values) if (special(x) === undefined) digits = Math.max(digits, fracDigits(x));
  return values.map((x) => {
    const sp = special(x);
    if (sp !== undefined) return sp;
    const s = x.toFixed(digits);
    const body = digits === 0 ? `${s}.` : s;
    // NumPy pads the digits a value does not need with spaces: [0.5 , 0.25].
    const own = fracDigits(x);
    const neg = Object.is(x, -0) && !body.startsWith('-') ? `-${body}` : body;
    return digits > own ? neg.slice(0, neg.length - (digits - own)) + ' '.repeat(digits - own) : neg;
  });
}
