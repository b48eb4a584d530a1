/**
 * Quantity loops for every ufunc in RULES, derived from the base dtypes' loops by the kernel's
 * wrapping loops: the unit rule runs once per call in `rewrap`; operands it converts are cast
 * by the kernel (a multiply-add in the base); the base loop then runs on the storage as is.
 */
import { allocateStore, loopDataOf, type DType, type LoopData, type NDArray, type Registry, type StridedLoop } from '@dtkit/core';
import { conversionLoop } from './convert-loop.js';
import { ufuncs } from '@dtkit/ufunc-registry';
import { baseOf, isQuantity, quantityFamily, quantityOf, unitOfDescr } from './family.js';
import { RULES, READS_OPERANDS } from './rules.js';
import { conversion, sameDims, type Unit } from './unit.js';

const unwrap = (given: readonly (DType | null)[]): (DType | null)[] => given.map((d) => (d === null ? null : isQuantity(d) ? baseOf(d) : d));

/**
 * The descriptor an input needs: itself when its values are already right (no copy) or when
 * only its unit differs (`fused`: wrapLoop converts it chunk by chunk), else the converted
 * descriptor (the kernel casts the operand first: a base change, or a bare number into m/km).
 */
function inputDescriptor(given: DType, wrapped: DType, target: Unit | null | undefined, fused: boolean): DType {
  if (target == null) return wrapped;
  if (!isQuantity(given)) {
    if (target.name === '1') return wrapped; // a bare number already is unit 1
    return quantityOf(wrapped, target);
  }
  if (baseOf(given) === wrapped && (unitOfDescr(given) === target || (sameDims(unitOfDescr(given).dims, target.dims) && (fused || conversion(unitOfDescr(given), target).identity)))) return given;
  return quantityOf(wrapped, target);
}

const CHUNK = 16384;

/**
 * The base loop with some inputs converted on the fly: each chunk of CHUNK elements of such an
 * input is converted (`* scale + shift`, by the base's own loops) into a small cache-resident
 * scratch, then the base loop runs on the chunk. m + km thus costs one extra in-cache multiply
 * per element, no temporary array.
 */
function fusedLoop(reg: Registry, inner: StridedLoop, convs: readonly { k: number; base: DType; scale: number; shift: number }[]): StridedLoop {
  const loops = convs.map((c) => conversionLoop(reg, c.base, c.base, c.scale, c.shift));
  const scratch: (LoopData | undefined)[] = convs.map(() => undefined);
  return (n, data, offs, strides, ctx) => {
    const d = data.slice(), o = Array.from(offs), s = Array.from(strides);
    for (let c = 0; c < convs.length; c++) {
      scratch[c] ??= loopDataOf(allocateStore(convs[c]!.base, CHUNK, false));
      d[convs[c]!.k] = scratch[c]!;
      s[convs[c]!.k] = 1;
    }
    const pair: LoopData[] = [data[0]!, data[0]!];
    const po = [0, 0], ps = [0, 1];
    for (let start = 0; start < n; start += CHUNK) {
      const m = Math.min(CHUNK, n - start);
      for (let j = 0; j < data.length; j++) o[j] = offs[j]! + start * strides[j]!;
      for (let c = 0; c < convs.length; c++) {
        const k = convs[c]!.k;
        pair[0] = data[k]!; pair[1] = scratch[c]!;
        po[0] = o[k]!; ps[0] = strides[k]!;
        loops[c]!(m, pair, po, ps, ctx);
        o[k] = 0;
      }
      inner(m, d, o, s, ctx);
    }
  };
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
          for (let i = 0; i < nin; i++) res.push(inputDescriptor(given[i]!, wrapped[i]!, r.inputs[i], !readsOperands));
          for (let j = 0; j < nout; j++) {
            const out = r.outputs[j];
            res.push(out == null ? wrapped[nin + j]! : quantityOf(wrapped[nin + j]!, out));
          }
          return res;
        },
        wrapLoop(inner, _wrapped, descriptors) {
          if (readsOperands) return inner;
          const units = descriptors.slice(0, nin).map((d) => (isQuantity(d) ? unitOfDescr(d) : null));
          const r = rule(units, undefined, name);
          const convs: { k: number; base: DType; scale: number; shift: number }[] = [];
          for (let k = 0; k < nin; k++) {
            const d = descriptors[k]!, target = r.inputs[k];
            if (!isQuantity(d) || target == null || unitOfDescr(d) === target) continue;
            const c = conversion(unitOfDescr(d), target);
            if (!c.identity) convs.push({ k, base: baseOf(d), scale: c.scale, shift: c.shift });
          }
          return convs.length === 0 ? inner : fusedLoop(reg, inner, convs);
        },
      });
    }
  }
}
