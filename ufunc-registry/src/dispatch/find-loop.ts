import {
  NoLoopError, DTypeError, commonFamilyOf,
  type DTypeFamily, type LoopEntry, type Registry, type WrappingLoopEntry,
} from '@dtkit/core';

/** A dispatch decision: the loop (or wrapping loop) and the families its inputs must have. */
export type FoundLoop =
  | { readonly kind: 'loop'; readonly entry: LoopEntry; readonly backend: string }
  | { readonly kind: 'wrap'; readonly entry: WrappingLoopEntry; readonly backend: string };

function exact(list: readonly LoopEntry[] | undefined, fams: readonly DTypeFamily[], backend: string, nin: number): LoopEntry | undefined {
  if (list === undefined) return undefined;
  outer: for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    if (e.backendName !== backend) continue;
    for (let k = 0; k < nin; k++) if (e.families[k] !== fams[k]) continue outer;
    return e;
  }
  return undefined;
}

function wrapping(list: readonly WrappingLoopEntry[] | undefined, fams: readonly DTypeFamily[], backend: string, nin: number): WrappingLoopEntry | undefined {
  if (list === undefined) return undefined;
  for (const e of list) {
    if ((e.backend ?? 'js') !== backend) continue;
    let ok = true;
    let anyWrapper = false;
    for (let k = 0; k < nin; k++) {
      const f = e.families[k];
      if (f === null || f === undefined) continue;
      if (f !== fams[k]) { ok = false; break; }
      anyWrapper = true;
    }
    if (ok && anyWrapper) return e;
  }
  return undefined;
}

/**
 * Promoters whose pattern matches; the most specific (fewest wildcards) wins, ties are an error.
 */
function promote(reg: Registry, name: string, fams: readonly DTypeFamily[], nin: number): readonly DTypeFamily[] | undefined {
  const list = reg.promoters.get(name);
  if (list === undefined) return undefined;
  let best: { score: number; result: readonly DTypeFamily[] } | undefined;
  let tie = false;
  for (const p of list) {
    let ok = true;
    let score = 0;
    for (let k = 0; k < nin && k < p.pattern.length; k++) {
      const f = p.pattern[k];
      if (f === null || f === undefined) continue;
      if (f !== fams[k]) { ok = false; break; }
      score++;
    }
    if (!ok) continue;
    const result = p.promoter(fams);
    if (result === undefined) continue;
    if (best === undefined || score > best.score) { best = { score, result }; tie = false; }
    else if (score === best.score && !sameList(result, best.result)) tie = true;
  }
  if (tie) throw new DTypeError(`ambiguous promoters for ${name}(${fams.map((f) => f.name).join(', ')}): two equally specific promoters disagree`, 'PROMOTER_TIE');
  return best?.result;
}

function sameList(a: readonly DTypeFamily[], b: readonly DTypeFamily[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Dispatch (DESIGN §3): for each backend in preference order — exact loop on the input families,
 * then wrapping loops, then registered promoters, then the default promoter (common DType of all
 * inputs). Returns the loop and the input families operands must be cast to.
 */
export function findLoop(
  reg: Registry, name: string, nin: number, fams: readonly DTypeFamily[], backends: readonly string[],
): { found: FoundLoop; inputFamilies: readonly DTypeFamily[] } {
  const list = reg.loops.get(name);
  const wraps = reg.wrappingLoops.get(name);
  for (const backend of backends) {
    const e = exact(list, fams, backend, nin);
    if (e) return { found: { kind: 'loop', entry: e, backend }, inputFamilies: fams };
    const w = wrapping(wraps, fams, backend, nin);
    if (w) return { found: { kind: 'wrap', entry: w, backend }, inputFamilies: fams };
  }
  const promoted = promote(reg, name, fams, nin);
  if (promoted !== undefined) {
    const pin = promoted.slice(0, nin);
    for (const backend of backends) {
      const e = exact(list, pin, backend, nin);
      if (e) return { found: { kind: 'loop', entry: e, backend }, inputFamilies: pin };
      const w = wrapping(wraps, pin, backend, nin);
      if (w) return { found: { kind: 'wrap', entry: w, backend }, inputFamilies: pin };
    }
  }
  let common: DTypeFamily | undefined;
  try {
    common = nin > 1 ? commonFamilyOf(reg, fams.slice(0, nin)) : undefined;
  } catch {
    common = undefined;
  }
  if (common !== undefined) {
    const cin = new Array<DTypeFamily>(nin).fill(common);
    for (const backend of backends) {
      const e = exact(list, cin, backend, nin);
      if (e) return { found: { kind: 'loop', entry: e, backend }, inputFamilies: cin };
      const w = wrapping(wraps, cin, backend, nin);
      if (w) return { found: { kind: 'wrap', entry: w, backend }, inputFamilies: cin };
    }
  }
  const have = (list ?? []).map((l) => `${l.backendName}:(${l.families.map((f) => f.name).join(',')})`);
  throw new NoLoopError(
    `no loop for ufunc '${name}' with dtypes (${fams.slice(0, nin).map((f) => f.name).join(', ')}) on backend ${backends.join('/')}; ` +
      `registered: ${have.length ? have.slice(0, 40).join(' ') + (have.length > 40 ? ` … (${have.length} in all)` : '') : 'none'}`,
  );
}
