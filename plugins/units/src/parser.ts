/**
 * Unit-string parser. Grammar (one pass, linear in the length of the string):
 *
 *   expr   := factor ( ( '*' | '·' | '⋅' | '/' | implicit ) factor )*
 *   factor := atom ( ( '^' | '**' ) exponent | superscript )?
 *   atom   := symbol | number | '(' expr ')'
 *   exponent := [+-]? digits ( '.' digits )? | '(' [+-]? int '/' int ')'
 *
 * Precedence rule: a power binds to the atom before it; `*`, `/` and implicit multiplication
 * (whitespace between two factors) have ONE precedence level and associate left to right, as in
 * pint: `kg m / s**2` = kg·m/s², `J / kg K` = J·K/kg (write `J/(kg K)` for the other reading).
 */
import { UnitError } from './errors.js';
import type { Term } from './unit.js';

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+',
};
const MAX_PAREN_DEPTH = 32;
const MUL = new Set(['*', '·', '⋅']);
const isSymbolStart = (c: string): boolean => /[A-Za-z_°ÅµμΩ%]/.test(c);
const isSymbolChar = (c: string): boolean => /[A-Za-z_]/.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** A factor: its terms (a symbol or a number with exponent 1, or a parenthesised product). */
type Terms = Term[];

function powTerms(ts: Terms, num: number, den: number): Terms {
  return ts.map((t) => ({ symbol: t.symbol, num: t.num * num, den: t.den * den }));
}

/**
 * Parses `text` into raw terms (not merged); `known(symbol)` throws UnitError for an unknown
 * symbol. Numbers become terms whose symbol is the number's text.
 */
export function parseTerms(text: string, known: (symbol: string) => void): Term[] {
  let i = 0;
  let depth = 0; // parentheses open: bounded, so no input can exhaust the stack
  const n = text.length;
  const fail = (msg: string): never => {
    const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text; // hostile input can be huge
    throw new UnitError(`cannot parse unit '${shown}': ${msg} at position ${i}`, 'UNIT_SYNTAX');
  };
  const skipSpace = (): boolean => {
    const start = i;
    while (i < n && /\s/.test(text[i]!)) i++;
    return i > start;
  };

  function number(): string {
    const start = i;
    while (i < n && isDigit(text[i]!)) i++;
    if (text[i] === '.') { i++; while (i < n && isDigit(text[i]!)) i++; }
    if ((text[i] === 'e' || text[i] === 'E') && (isDigit(text[i + 1] ?? '') || (/[+-]/.test(text[i + 1] ?? '') && isDigit(text[i + 2] ?? '')))) {
      i += 2;
      while (i < n && isDigit(text[i]!)) i++;
    }
    const s = text.slice(start, i);
    if (s === '.' || s === '') fail('expected a number');
    return s;
  }

  function exponent(): [number, number] {
    skipSpace();
    if (text[i] === '(') {
      i++;
      skipSpace();
      const sign = text[i] === '-' ? (i++, -1) : text[i] === '+' ? (i++, 1) : 1;
      const a = number();
      skipSpace();
      if (text[i] !== '/') fail("expected '/' in a rational exponent");
      i++;
      skipSpace();
      const b = number();
      skipSpace();
      if (text[i] !== ')') fail("expected ')'");
      i++;
      if (!/^\d+$/.test(a) || !/^\d+$/.test(b) || Number(b) === 0) fail('a rational exponent needs integers');
      return [sign * Number(a), Number(b)];
    }
    const sign = text[i] === '-' ? (i++, -1) : text[i] === '+' ? (i++, 1) : 1;
    const s = number();
    if (/^\d+$/.test(s)) return [sign * Number(s), 1];
    const m = /^(\d*)\.(\d+)$/.exec(s);
    if (m === null) return fail(`bad exponent '${s}'`);
    const den = 10 ** m[2]!.length;
    return [sign * Number((m[1] || '0') + m[2]), den];
  }

  function atom(): Terms {
    skipSpace();
    const c = text[i];
    if (c === undefined) return fail('expected a unit');
    if (c === '(') {
      i++;
      if (++depth > MAX_PAREN_DEPTH) fail(`parentheses nested deeper than ${MAX_PAREN_DEPTH}`);
      const inner = expr();
      depth--;
      skipSpace();
      if (text[i] !== ')') fail("expected ')'");
      i++;
      return inner;
    }
    if (isDigit(c) || c === '.') return [{ symbol: number(), num: 1, den: 1 }];
    if (isSymbolStart(c)) {
      const start = i++;
      if (c !== '%') while (i < n && isSymbolChar(text[i]!)) i++;
      const symbol = text.slice(start, i);
      known(symbol);
      return [{ symbol, num: 1, den: 1 }];
    }
    return fail(`unexpected '${c}'`);
  }

  function factor(): Terms {
    const base = atom();
    if (SUPERSCRIPTS[text[i] ?? ''] !== undefined) {
      let s = '';
      while (i < n && SUPERSCRIPTS[text[i]!] !== undefined) s += SUPERSCRIPTS[text[i++]!];
      if (!/^[+-]?\d+$/.test(s)) fail('bad superscript exponent');
      return powTerms(base, Number(s), 1);
    }
    const save = i;
    skipSpace();
    if (text[i] === '^' || (text[i] === '*' && text[i + 1] === '*')) {
      i += text[i] === '^' ? 1 : 2;
      const [num, den] = exponent();
      return powTerms(base, num, den);
    }
    i = save;
    return base;
  }

  function expr(): Terms {
    const out = factor();
    for (;;) {
      const spaced = skipSpace();
      const c = text[i];
      if (c === undefined || c === ')') return out;
      if (MUL.has(c) && text[i + 1] !== '*') { i++; out.push(...factor()); }
      else if (c === '/') { i++; out.push(...powTerms(factor(), -1, 1)); }
      else if (spaced || c === '(') out.push(...factor()); // implicit multiplication
      else fail(`unexpected '${c}'`);
    }
  }

  if (text.trim().length === 0) fail('empty unit');
  const terms = expr();
  skipSpace();
  if (i < n) fail(`unexpected '${text[i]}'`);
  return terms;
}
