// Decimal parsing of long and hostile input: the typed error for malformed text of 1e5
// characters (the parser is linear; the bench times it), and correct rounding of long valid
// decimals against exact rationals (vectors/long-decimals.json from gen/gen_long_decimals.py).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CastingError, DTKitError, ValueError, array, createRegistry } from '@dtkit/core';
import { Float128, plugin, float128 } from '../src/index.js';
import { KEEP_DIGITS, parseDecimal } from '../src/soft/decimal-parse.js';

type Recipe = { parts: [string, number][] } | { odd: string; q: number; tail: 'exact' | 'plus' | 'minus'; sign?: '-' };
interface LongCase { name: string; recipe: Recipe; bits: string }

/** Rebuilds a case's text exactly as gen_long_decimals.py's build() does. */
function buildDecimal(r: Recipe): string {
  if ('parts' in r) return r.parts.map(([piece, count]) => piece.repeat(count)).join('');
  const digits = BigInt(r.odd) * 5n ** BigInt(-r.q);
  const sign = r.sign ?? '';
  if (r.tail === 'exact') return `${sign}${digits}e${r.q}`;
  if (r.tail === 'plus') return `${sign}${digits}${'0'.repeat(5000)}1e${r.q - 5001}`;
  return `${sign}${digits - 1n}${'9'.repeat(5000)}e${r.q - 5000}`;
}

const LONG: LongCase[] = JSON.parse(readFileSync(fileURLToPath(new URL('./vectors/long-decimals.json', import.meta.url)), 'utf8')) as LongCase[];

function parseError(text: string): DTKitError {
  try {
    Float128.from(text);
  } catch (e) {
    return e as DTKitError;
  }
  throw new Error(`parsed: ${text.slice(0, 40)}`);
}

const N = 100_000;
const HOSTILE: [string, string][] = [
  ['1e5 digits then x', `${'1'.repeat(N)}x`],
  ['1e5 digits, a point, digits, x', `${'1'.repeat(N / 2)}.${'1'.repeat(N / 2)}x`],
  ['point then 1e5 digits then x', `.${'1'.repeat(N)}x`],
  ['exponent of 1e5 digits then x', `1e${'1'.repeat(N)}x`],
  ['1e5 digits then a lone e', `${'1'.repeat(N)}e`],
  ['1_ repeated, trailing _', `${'1_'.repeat(N / 2)}`],
  ['digits and a double underscore at the end', `${'1'.repeat(N)}__1`],
  ['two points', `${'1'.repeat(N / 2)}.${'1'.repeat(N / 2)}.`],
  ['1e5 signs', '+'.repeat(N)],
  ['1e5 points', '.'.repeat(N)],
  ['1e5 spaces inside digits', `1${' '.repeat(N)}1`],
  ['1e5 underscores', '_'.repeat(N)],
  ['infinity then junk', `inf${'i'.repeat(N)}`],
];

describe('hostile float128 text gets ValueError PARSE', () => {
  it.each(HOSTILE)('%s', (_name, text) => {
    const e = parseError(text);
    expect(e).toBeInstanceOf(ValueError);
    expect(e.code).toBe('PARSE');
    expect(e.message.length).toBeLessThan(200); // the message quotes a prefix, not 1e5 characters
  });

  it('digit separators follow Python: only single underscores between digits', () => {
    for (const bad of ['_1', '1_', '1__0', '1_.5', '1._5', '1e_5', '1e5_', '_1e5', '1_e5', '-_1', 'in_f', '0x_1', '1.5_']) {
      expect(parseError(bad).code, bad).toBe('PARSE');
    }
    const ok: [string, string][] = [['1_000', '1000.0'], ['1_000.000_1', '1000.0001'], ['1e1_0', '10000000000.0'], ['.5_5', '0.55'], ['-1_2.3_4e-0_1', '-1.234']];
    for (const [text, shown] of ok) expect(Float128.from(text).toString(), text).toBe(shown);
  });

  it('other malformed text and other types', () => {
    for (const bad of ['', ' ', '.', 'e5', '1e', '+', '-', '1e+', '0x10', '1.2.3', '--1', 'nan1', 'infinit', '١']) {
      expect(parseError(bad).code, JSON.stringify(bad)).toBe('PARSE');
    }
    for (const v of [null, undefined, {}, [], true, Symbol('x')]) {
      expect(() => Float128.from(v as never)).toThrow(CastingError);
      expect(() => Float128.from(v as never)).toThrow(expect.objectContaining({ code: 'VALUE_CAST' }));
    }
  });

  it('through array() and set(): CastingError VALUE_CAST, array unchanged', () => {
    const reg = createRegistry();
    reg.use(plugin);
    const text = `${'1'.repeat(N)}x`;
    expect(() => array([text], { dtype: float128, registry: reg })).toThrow(expect.objectContaining({ name: 'CastingError', code: 'VALUE_CAST' }));
    const a = array(['1.5', '2.5'], { dtype: float128, registry: reg });
    const before = a.toBytes();
    expect(() => a.set(1, text)).toThrow(expect.objectContaining({ name: 'CastingError', code: 'VALUE_CAST' }));
    expect(a.toBytes()).toEqual(before);
  });
});

describe('long valid decimals round correctly (exact rational reference)', () => {
  it(`keeps at least the 11564 digits a binary128 midpoint can have (KEEP_DIGITS = ${KEEP_DIGITS})`, () => {
    expect((((1n << 114n) - 1n) * 5n ** 16495n).toString().length).toBe(11564);
    expect(KEEP_DIGITS).toBeGreaterThanOrEqual(11564);
  });

  it.each(LONG.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const text = buildDecimal(c.recipe);
    const u = new Uint32Array(4);
    parseDecimal(text, u, 0);
    const hex = [3, 2, 1, 0].map((k) => u[k]!.toString(16).padStart(8, '0')).join('');
    expect(hex).toBe(c.bits);
  });

  it('the longest midpoints really need their last digit (no truncation below 11564 digits)', () => {
    // m - 10^-k and m round differently: the digits past the first few thousand decide.
    const m = LONG.find((c) => c.name.startsWith('midpoint with the most digits ('))!;
    const below = LONG.find((c) => c.name === 'midpoint with the most digits minus tiny')!;
    expect(m.bits).not.toBe(below.bits);
  });
});
