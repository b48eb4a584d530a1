import {
  DTypeError, type DType, type NDArray, type DTypeFamily, type LoopEntry, type Registry, type StridedLoop,
} from '@dtkit/core';
import { findLoop, type FoundLoop } from './find-loop.js';
import type { UFuncDef } from '../ufunc-def.js';

/** A resolved ArrayMethod for one call: descriptors plus how to get its inner loops. */
export interface ResolvedMethod {
  /** Descriptors of the loop, inputs then outputs; operands are cast to these. */
  readonly descriptors: readonly DType[];
  readonly backend: string;
  readonly auxdata: unknown;
  /** The inner loop for this call's layout. */
  pick(contiguous: boolean, options: Readonly<Record<string, unknown>>): StridedLoop;
  /** Fast reduction loop, when the method has one usable on this storage. */
  readonly reduceLoop: StridedLoop | undefined;
  /** Start value for reductions declared by the loop. */
  readonly initial: unknown;
  /** The loop reads and writes element by element in order (safe for accumulate aliasing). */
  readonly sequential: boolean;
  /** The loop may throw part-way, so `out` is only written after it succeeded. */
  readonly mayThrow: boolean;
  /** The descriptors depend on operand values, not only on the operands' descriptors. */
  readonly valueDependent?: boolean;
}

interface CacheSlot {
  version: number;
  map: Map<string, { found: FoundLoop; inputFamilies: readonly DTypeFamily[]; fixed: ResolvedMethod | undefined }>;
}

const caches = new WeakMap<Registry, Map<string, CacheSlot>>();

function cacheFor(reg: Registry, ufunc: string): CacheSlot {
  let m = caches.get(reg);
  if (m === undefined) caches.set(reg, (m = new Map()));
  let slot = m.get(ufunc);
  if (slot === undefined || slot.version !== reg.version) m.set(ufunc, (slot = { version: reg.version, map: new Map() }));
  return slot;
}

function defaultDescriptors(entry: LoopEntry, given: readonly (DType | null)[]): DType[] {
  return entry.families.map((fam, i) => {
    const g = given[i];
    if (g != null && g.family === fam) return g;
    if (fam.parametric) throw new DTypeError(`the ${entry.families.map((f) => f.name).join(',')} loop needs resolveDescriptors: ${fam.name} is parametric`, 'RESOLVE');
    return fam.default;
  });
}

function methodFromEntry(entry: LoopEntry, backend: string, descriptors: readonly DType[]): ResolvedMethod {
  const loop = entry.loop;
  const getLoop = entry.getLoop;
  return {
    descriptors, backend, auxdata: entry.auxdata,
    pick: loop !== undefined ? () => loop : (contiguous, options) => getLoop!({ descriptors, contiguous, options }),
    reduceLoop: entry.reduceLoop,
    initial: entry.initial,
    sequential: entry.backendName === 'js' || entry.flags?.sequential === true,
    mayThrow: entry.flags?.mayThrow === true,
  };
}

/**
 * Dispatches `u` for the given descriptors (outputs may be null) on the backends of `device`,
 * and resolves the loop descriptors. Loop choice is cached per (input families, device);
 * descriptor resolution is cached too when no family involved is parametric. `operands` (the
 * call's inputs) reach wrapping loops that read operand values (`readsOperands`).
 */
export function resolveMethod(
  reg: Registry, u: UFuncDef, given: readonly (DType | null)[], device: string, backends?: readonly string[],
  operands?: readonly NDArray[],
): ResolvedMethod {
  const nin = u.nin;
  let key = backends === undefined ? device : `${device}[${backends.join(',')}]`;
  for (let i = 0; i < nin; i++) key += ':' + given[i]!.family.id;
  const slot = cacheFor(reg, u.name);
  let hit = slot.map.get(key);
  if (hit === undefined) {
    const fams = given.slice(0, nin).map((d) => d!.family);
    const r = findLoop(reg, u.name, nin, fams, backends ?? reg.backendsFor(device));
    hit = { ...r, fixed: undefined };
    slot.map.set(key, hit);
  }
  if (hit.fixed !== undefined) return hit.fixed;
  const { found } = hit;
  if (found.kind === 'loop') {
    const entry = found.entry;
    if (entry.resolveDescriptors) {
      const inGiven = given.map((g, i) => (i < nin && g !== null && g.family !== hit!.inputFamilies[i] ? null : g));
      return methodFromEntry(entry, found.backend, entry.resolveDescriptors(inGiven));
    }
    const descriptors = defaultDescriptors(entry, given);
    const m = methodFromEntry(entry, found.backend, descriptors);
    // Non-parametric families have one descriptor each: the method depends only on the families.
    if (!entry.families.some((f) => f.parametric)) hit.fixed = m;
    return m;
  }
  // Wrapping loop: resolve the wrapped call, then rewrap its descriptors.
  const w = found.entry;
  const innerGiven = w.unwrap(given);
  if (innerGiven.slice(0, nin).some((d) => d === null)) throw new DTypeError(`wrapping loop for ${u.name} could not unwrap its inputs`, 'RESOLVE');
  const inner = resolveMethod(reg, u, innerGiven, device, backends, operands);
  const descriptors = w.readsOperands === true ? w.rewrap(inner.descriptors, given, operands) : w.rewrap(inner.descriptors, given);
  const wrapLoop = w.wrapLoop;
  const info = { ufunc: u.name, nin, nout: u.nout, mayThrow: inner.mayThrow };
  return {
    descriptors, backend: found.backend, auxdata: inner.auxdata,
    pick: wrapLoop ? (c, o) => wrapLoop(inner.pick(c, o), inner.descriptors, descriptors, info) : (c, o) => inner.pick(c, o),
    reduceLoop: wrapLoop ? undefined : inner.reduceLoop,
    initial: inner.initial,
    sequential: inner.sequential,
    mayThrow: inner.mayThrow,
    valueDependent: w.readsOperands === true || inner.valueDependent === true,
  };
}
