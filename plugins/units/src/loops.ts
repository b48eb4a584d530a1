/**
 * Quantity loops for every ufunc in RULES, derived from the base dtypes' loops by the kernel's
 * wrapping loops: the unit rule runs once per call in `rewrap`; operands it converts are cast
 * by the kernel (a multiply-add in the base); the base loop then runs on the storage as is.
 */
import type { DType, NDArray, Registry } from '@dtkit/core';
import { ufuncs } from '@dtkit/ufunc-registry';
import { baseOf, isQuantity, quantityFamily, quantityOf, unitOfDescr } from './family.js';
import { RULES, READS_OPERANDS } from './rules.js';
import { conversion, sameDims, type Unit } from './unit.js';

const unwrap = (given: readonly (DType | null)[]): (DType | null)[] => given.map((d) => (d === null ? null : isQuantity(d) ? baseOf(d) : d));

/** The descriptor an input needs: itself when its values are already right (no copy), else converted. */
function inputDescriptor(given: DType, wrapped: DType, target: Unit | null | undefined): DType {
  if (target == null) return wrapped;
  if (!isQuantity(given)) {
    if (target.name === '1') return wrapped; // a bare number already is unit 1
    return quantityOf(wrapped, target);
  }
  if (baseOf(given) === wrapped && (unitOfDescr(given) === target || (sameDims(unitOfDescr(given).dims, target.dims) && conversion(unitOfDescr(given), target).identity))) return given;
  return quantityOf(wrapped, target);
}

export function registerQuantityLoops(reg: Registry): void {
  for (const [name, rule] of Object.entries(RULES)) {
    const u = ufuncs[name];
    if (u === undefined) continue;
    const { nin, nout } = u;
    const outs = new Array<null>(nout).fill(null);
    const patterns: (typeof quantityFamily | null)[][] = nin === 1
      ? [[quantityFamily]]
      : [[quantityFamily, quantityFamily], [quantityFamily, null], [null, quantityFamily]];
    const readsOperands = READS_OPERANDS.has(name);
    for (const p of patterns) {
      reg.registerWrappingLoop(name, {
        dtypes: [...p, ...outs],
        unwrap,
        readsOperands,
        rewrap(wrapped, given, operands?: readonly NDArray[]) {
          const units = given.slice(0, nin).map((d) => (d !== null && isQuantity(d) ? unitOfDescr(d) : null));
          const r = rule(units, operands, name);
          const res: DType[] = [];
          for (let i = 0; i < nin; i++) res.push(inputDescriptor(given[i]!, wrapped[i]!, r.inputs[i]));
          for (let j = 0; j < nout; j++) {
            const out = r.outputs[j];
            res.push(out == null ? wrapped[nin + j]! : quantityOf(wrapped[nin + j]!, out));
          }
          return res;
        },
      });
    }
  }
}
