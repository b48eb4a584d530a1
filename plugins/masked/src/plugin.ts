import type { DType, DTypeFamily, Plugin, Registry } from '@dtkit/core';
import { plugin as builtinsPlugin } from '@dtkit/dtypes';
import { baseOf, isMasked, masked, maskedFamily } from './family.js';
import { wrapMaskedLoop } from './loops.js';
import { registerMaskedCasts } from './casts.js';
import { registerMaskedReductions } from './reductions.js';

/** masked → its base on inputs; outputs too (a plain `out` is left to the wrapped dispatch: null). */
function unwrap(nin: number) {
  return (given: readonly (DType | null)[]): (DType | null)[] =>
    given.map((d, j) => (d === null ? null : isMasked(d) ? baseOf(d) : j < nin ? d : null));
}

/** Plain inputs stay plain (read as all-valid); masked inputs and every output are masked. */
function rewrap(nin: number) {
  return (wrapped: readonly DType[], given: readonly (DType | null)[]): DType[] =>
    wrapped.map((d, j) => (j < nin && !isMasked(given[j]!) ? d : masked(d)));
}

/** Every input pattern with at least one masked operand (`null`: any family). */
function patterns(nin: number, nout: number): (DTypeFamily | null)[][] {
  const out: (DTypeFamily | null)[][] = [];
  for (let m = 1; m < 1 << nin; m++) {
    const p: (DTypeFamily | null)[] = [];
    for (let j = 0; j < nin; j++) p.push(m & (1 << j) ? maskedFamily : null);
    for (let j = 0; j < nout; j++) p.push(maskedFamily);
    out.push(p);
  }
  return out;
}

/** Wrapping loops for every ufunc defined so far, derived from the loops of whatever T is masked. */
function install(reg: Registry): void {
  reg.addDType(maskedFamily);
  for (const u of reg.ufuncSpecs.values()) {
    const spec = { unwrap: unwrap(u.nin), rewrap: rewrap(u.nin), wrapLoop: wrapMaskedLoop };
    for (const dtypes of patterns(u.nin, u.nout)) reg.registerWrappingLoop(u.name, { ...spec, dtypes });
  }
  registerMaskedCasts(reg);
  registerMaskedReductions(reg);
}

/** `use(plugin)` installs masked[T] (after the builtins, whose ufunc catalog it wraps). */
export const plugin: Plugin = {
  name: '@dtkit/masked',
  dependencies: [builtinsPlugin],
  install,
};
