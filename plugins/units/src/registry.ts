/**
 * The unit table: named units (built-in and `defineUnit`), SI prefixes on them, and a cache of
 * parsed unit strings. Symbol lookup is O(1) per token: the full symbol first, then one of the
 * prefixes (`da` or one character) before a named unit (`min` is a minute, `mi` a mile, `ms` a
 * millisecond, `Pa` a pascal, `cd` a candela).
 */
import { UnitError } from './errors.js';
import { ONE, fromNumber, mul, parseDecimal, powInt, rat, type Rational } from './rational.js';
import { parseTerms } from './parser.js';
import { fromTerms, NO_DIMS, sameDims, dimsToString, type Unit } from './unit.js';
import { ANGLE_UNITS, BASE_UNITS, DERIVED_UNITS, OFFSET_UNITS, PREFIXES, TANSEC } from './definitions.js';

interface Named {
  readonly unit: Unit;
  readonly prefixable: boolean;
}

const named = new Map<string, Named>();
const prefixed = new Map<string, Unit>();
const parsed = new Map<string, Unit>();
const PREFIX_POWER = new Map(PREFIXES);

function single(symbol: string, u: Pick<Unit, 'dims' | 'factor' | 'offset' | 'delta'>): Unit {
  return { name: symbol, terms: [{ symbol, num: 1, den: 1 }], dims: u.dims, factor: u.factor, offset: u.offset, delta: u.delta };
}

/** The unit of one token (throws UnitError naming the token when unknown). */
function lookup(symbol: string): Unit {
  const hit = named.get(symbol)?.unit ?? prefixed.get(symbol);
  if (hit !== undefined) return hit;
  const num = parseDecimal(symbol);
  if (num !== undefined) return single(symbol, { dims: NO_DIMS, factor: { q: num, f: 1 } });
  for (const len of [2, 1]) {
    const p = PREFIX_POWER.get(symbol.slice(0, len));
    const base = named.get(symbol.slice(len));
    if (p !== undefined && base !== undefined && base.prefixable) {
      const u = single(symbol, { dims: base.unit.dims, factor: { q: mul(base.unit.factor.q, powInt(rat(10n), p)), f: base.unit.factor.f } });
      prefixed.set(symbol, u);
      return u;
    }
  }
  throw new UnitError(`unknown unit '${symbol}'`, 'UNKNOWN_UNIT');
}

/** Parses a unit string (see parser.ts for the grammar) into its canonical unit; cached. */
export function parseUnit(text: string): Unit {
  const hit = parsed.get(text);
  if (hit !== undefined) return hit;
  if (text.trim() === 'dimensionless') return cache(text, parseUnit('1'));
  const terms = parseTerms(text, (s) => void lookup(s));
  const offsetTerm = terms.find((t) => named.get(t.symbol)?.unit.offset !== undefined);
  if (offsetTerm !== undefined) {
    if (terms.length !== 1 || terms[0]!.num !== 1 || terms[0]!.den !== 1) {
      throw new UnitError(`offset unit '${offsetTerm.symbol}' cannot be part of a compound unit ('${text}'); use delta_${offsetTerm.symbol}`, 'OFFSET_UNIT');
    }
    return cache(text, named.get(offsetTerm.symbol)!.unit);
  }
  const u = fromTerms(terms, lookup);
  // Equal canonical names share one object.
  return cache(text, parsed.get(u.name) ?? cache(u.name, u));
}

function cache(text: string, u: Unit): Unit {
  parsed.set(text, u);
  return u;
}

function addNamed(symbol: string, u: Unit, prefixable: boolean, aliases: readonly string[] = []): void {
  named.set(symbol, { unit: u, prefixable });
  for (const a of aliases) named.set(a, { unit: single(a, u), prefixable: false });
}

/**
 * Adds a unit for domain packages: `defineUnit('b', '1e-28 m^2')`, `defineUnit('GeVc', 'GeV/c')`.
 * `definition` is a unit string in known units (numbers exact), or a number (dimensionless).
 * Defined units take SI prefixes (`pb`, `fb` once `b` exists). Defining a symbol that already
 * resolves (itself or as prefix + unit) throws UnitError `UNIT_CLASH`, unless the definition is
 * the same (so installing a domain package twice is harmless).
 */
export function defineUnit(name: string, definition: string | number): void {
  if (!/^[A-Za-z_][A-Za-z_]*$/.test(name)) throw new UnitError(`invalid unit name '${name}' (letters and '_' only)`, 'UNIT_NAME');
  const def = typeof definition === 'number'
    ? single(name, { dims: NO_DIMS, factor: { q: fromNumber(definition), f: 1 } })
    : parseUnit(definition);
  if (def.offset !== undefined) throw new UnitError(`'${name}': a defined unit cannot be an offset unit`, 'OFFSET_UNIT');
  let existing: Unit | undefined;
  try { existing = lookup(name); } catch { existing = undefined; }
  if (existing !== undefined) {
    const same = sameDims(existing.dims, def.dims) && existing.factor.q.n * def.factor.q.d === def.factor.q.n * existing.factor.q.d && existing.factor.f === def.factor.f;
    if (same) return;
    throw new UnitError(`unit '${name}' is already defined (${dimsToString(existing.dims)}); pick another name`, 'UNIT_CLASH');
  }
  addNamed(name, single(name, def), true);
}

function install(): void {
  for (const [symbol, index, factor] of BASE_UNITS) {
    const dims = NO_DIMS.map((_, i) => (i === index ? 1 : 0));
    addNamed(symbol, single(symbol, { dims, factor: { q: parseDecimal(factor)!, f: 1 } }), true);
  }
  for (const [symbol, definition, aliases] of DERIVED_UNITS) {
    const u = fromTerms(parseTerms(definition, (s) => void lookup(s)), lookup);
    addNamed(symbol, single(symbol, u), symbol !== 'percent', aliases);
  }
  for (const [symbol, q, aliases] of ANGLE_UNITS) {
    addNamed(symbol, single(symbol, { dims: NO_DIMS, factor: { q: parseFraction(q), f: Math.PI } }), false, aliases);
  }
  const au = named.get('au')!.unit;
  addNamed('pc', single('pc', { dims: au.dims, factor: { q: au.factor.q, f: 1 / TANSEC } }), true, ['parsec']);
  for (const [symbol, offset, scale, delta, aliases] of OFFSET_UNITS) {
    const s = fromTerms(parseTerms(scale, (x) => void lookup(x)), lookup);
    addNamed(delta, single(delta, s), false);
    addNamed(symbol, single(symbol, { dims: s.dims, factor: s.factor, offset: parseFraction(offset), delta }), false, aliases);
  }
}

function parseFraction(s: string): Rational {
  const [a, b] = s.split('/');
  const n = parseDecimal(a!)!;
  return b === undefined ? n : mul(n, { n: 1n, d: parseDecimal(b)!.n });
}

install();
export const DIMENSIONLESS: Unit = parseUnit('1');
export { ONE };
