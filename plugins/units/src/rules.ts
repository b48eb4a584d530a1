/**
 * What each ufunc does to units. A rule sees the operands' units (`null`: a bare number, which
 * counts as unit 1) and says which unit every input must be converted to before the base loop
 * runs (the kernel casts those operands once) and which unit each output carries (`null`: bare).
 */
import { UnitError } from './errors.js';
import { DIMENSIONLESS, parseUnit } from './registry.js';
import { conversion, dimsToString, fromTerms, invTerms, isDimensionless, powTerms, sameDims, type Term, type Unit } from './unit.js';
import { dimensionError } from './family.js';
import type { NDArray } from '@dtkit/core';

/** An operand's unit; `null` (or `undefined`) for a bare number. */
type U = Unit | null | undefined;
export interface RuleResult {
  readonly inputs: readonly U[];
  readonly outputs: readonly U[];
}
export type Rule = (units: readonly U[], operands: readonly NDArray[] | undefined, ufunc: string) => RuleResult;

const one = (u: U): Unit => u ?? DIMENSIONLESS;
const termLookup = (symbol: string): Unit => parseUnit(symbol);
const combine = (terms: Term[]): Unit => fromTerms(terms, termLookup);
const deltaOf = (u: Unit): Unit => parseUnit(u.delta!);

function noOffset(ufunc: string, ...us: U[]): void {
  for (const u of us) {
    if (u?.offset !== undefined) {
      throw new UnitError(`${ufunc} of the offset unit '${u.name}' is ambiguous; convert to K or use delta_${u.name}`, 'OFFSET_UNIT');
    }
  }
}

function needDimensionless(ufunc: string, u: U): void {
  if (u != null && !isDimensionless(u)) {
    throw new UnitError(`${ufunc} needs a dimensionless input, got '${u.name}' (${dimsToString(u.dims)})`, 'DIMENSION');
  }
}

function sameDimsOr(ufunc: string, l: Unit, r: Unit): void {
  if (!sameDims(l.dims, r.dims)) throw dimensionError(ufunc, l, r);
}

/** + and −, with pint's offset rules: degC − degC → delta_degC, degC ± delta → degC, degC + degC → error. */
function addSub(subtract: boolean): Rule {
  return ([a, b], _ops, ufunc) => {
    const l = one(a), r = one(b);
    sameDimsOr(ufunc, l, r);
    if (l.offset === undefined && r.offset === undefined) return { inputs: [a == null ? null : l, l], outputs: [l] };
    if (l.offset !== undefined && r.offset !== undefined) {
      if (!subtract) throw new UnitError(`cannot add two offset temperatures ('${l.name}' + '${r.name}'); add a delta_${l.name}`, 'OFFSET_UNIT');
      return { inputs: [l, l], outputs: [deltaOf(l)] };
    }
    if (l.offset !== undefined) return { inputs: [l, deltaOf(l)], outputs: [l] };
    if (subtract) throw new UnitError(`cannot subtract the offset temperature '${r.name}' from the difference '${l.name}'`, 'OFFSET_UNIT');
    return { inputs: [deltaOf(r), r], outputs: [r] };
  };
}

/** Both operands in the left operand's unit; the output in it (or bare: comparisons). */
function convertRight(out: 'left' | 'bare' | 'one' | 'rad'): Rule {
  return ([a, b], _ops, ufunc) => {
    const l = one(a), r = one(b);
    sameDimsOr(ufunc, l, r);
    const o = out === 'left' ? l : out === 'bare' ? null : out === 'one' ? DIMENSIONLESS : parseUnit('rad');
    return { inputs: [a == null ? null : l, l], outputs: [o] };
  };
}

const multiplyRule: Rule = ([a, b]) => {
  noOffset('multiply', a, b);
  return { inputs: [a, b], outputs: [combine([...one(a).terms, ...one(b).terms])] };
};

const divideRule: Rule = ([a, b]) => {
  noOffset('divide', a, b);
  return { inputs: [a, b], outputs: [combine([...one(a).terms, ...invTerms(one(b))])] };
};

const keepUnit: Rule = ([a]) => ({ inputs: [a], outputs: [a] });
const bareOut: Rule = ([a]) => ({ inputs: [a], outputs: [null] });

function powerOf(num: number, den: number): Rule {
  return ([a], _ops, ufunc) => {
    noOffset(ufunc, a);
    return { inputs: [a], outputs: [combine(powTerms(one(a), num, den))] };
  };
}

/** exp, log, sin, ...: the input converted to unit 1 (m/km → ×1e-3, deg → rad), output unit 1 (or rad). */
function dimensionlessIn(out: 'one' | 'rad'): Rule {
  return ([a], _ops, ufunc) => {
    needDimensionless(ufunc, a);
    return { inputs: [a == null ? null : DIMENSIONLESS], outputs: [out === 'one' ? DIMENSIONLESS : parseUnit('rad')] };
  };
}

/** power(q, n): n must be one integer when q has dimensions (it becomes the unit's exponent). */
const powerRule: Rule = ([a, b], ops, ufunc) => {
  needDimensionless(ufunc, b);
  const exponentIn: U = b == null ? null : DIMENSIONLESS;
  if (a == null || isDimensionless(a)) {
    noOffset(ufunc, a);
    return { inputs: [a == null ? null : DIMENSIONLESS, exponentIn], outputs: [a == null ? DIMENSIONLESS : DIMENSIONLESS] };
  }
  noOffset(ufunc, a);
  const e = ops?.[1];
  if (e === undefined || e.size !== 1) {
    throw new UnitError(`power of '${a.name}' needs one scalar exponent (the result's unit depends on it), got ${e === undefined ? 'none' : `shape (${e.shape.join(',')})`}`, 'POWER');
  }
  let x = Number(e.item());
  if (b != null) x *= conversion(b, DIMENSIONLESS).scale;
  if (!Number.isInteger(x)) throw new UnitError(`power of '${a.name}' needs an integer exponent, got ${x}`, 'POWER');
  return { inputs: [a, exponentIn], outputs: [combine(powTerms(a, x, 1))] };
};

const add = addSub(false), subtract = addSub(true);
const compare = convertRight('bare');

/** Rules by NumPy ufunc name; ufuncs not listed here have no quantity loops (NoLoopError). */
export const RULES: Readonly<Record<string, Rule>> = {
  add, subtract,
  maximum: convertRight('left'), minimum: convertRight('left'), fmax: convertRight('left'), fmin: convertRight('left'),
  hypot: convertRight('left'), remainder: convertRight('left'), fmod: convertRight('left'),
  floor_divide: convertRight('one'), arctan2: convertRight('rad'),
  equal: compare, not_equal: compare, less: compare, less_equal: compare, greater: compare, greater_equal: compare,
  multiply: multiplyRule, divide: divideRule, true_divide: divideRule, power: powerRule,
  copysign: ([a, b]) => ({ inputs: [a, b], outputs: [a] }),
  negative: keepUnit, positive: keepUnit, absolute: keepUnit, fabs: keepUnit, floor: keepUnit, ceil: keepUnit,
  trunc: keepUnit, rint: keepUnit, spacing: keepUnit,
  isnan: bareOut, isinf: bareOut, isfinite: bareOut, signbit: bareOut,
  sign: ([a]) => ({ inputs: [a], outputs: [DIMENSIONLESS] }),
  square: powerOf(2, 1), sqrt: powerOf(1, 2), cbrt: powerOf(1, 3), reciprocal: powerOf(-1, 1),
  exp: dimensionlessIn('one'), exp2: dimensionlessIn('one'), expm1: dimensionlessIn('one'),
  log: dimensionlessIn('one'), log2: dimensionlessIn('one'), log10: dimensionlessIn('one'), log1p: dimensionlessIn('one'),
  sin: dimensionlessIn('one'), cos: dimensionlessIn('one'), tan: dimensionlessIn('one'),
  sinh: dimensionlessIn('one'), cosh: dimensionlessIn('one'), tanh: dimensionlessIn('one'),
  arcsinh: dimensionlessIn('one'), arccosh: dimensionlessIn('one'), arctanh: dimensionlessIn('one'),
  arcsin: dimensionlessIn('rad'), arccos: dimensionlessIn('rad'), arctan: dimensionlessIn('rad'),
};

/** Ufuncs whose rule reads operand values. */
export const READS_OPERANDS = new Set(['power']);
