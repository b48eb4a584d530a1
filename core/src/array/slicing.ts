import { IndexError } from '../errors.js';

/** One axis of a slice: an index, `null` (all), `[start, stop, step?]`, or `'start:stop:step'`. */
export type SliceSpec = number | null | readonly [number | null, (number | null)?, (number | null)?] | string;

export type ResolvedSlice =
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'range'; readonly start: number; readonly step: number; readonly length: number };

function parseBound(s: string, axis: number): number | null {
  const t = s.trim();
  if (t === '') return null;
  const v = Number(t);
  if (!Number.isInteger(v)) throw new IndexError(`invalid slice bound '${s}' for axis ${axis}`, 'SLICE');
  return v;
}

/** Python slice semantics (`slice.indices`): clamps bounds, supports negative steps. */
export function parseSliceSpec(spec: SliceSpec, dim: number, axis: number): ResolvedSlice {
  if (typeof spec === 'number') {
    if (!Number.isInteger(spec) || spec < -dim || spec >= dim) throw new IndexError(`index ${spec} is out of bounds for axis ${axis} with size ${dim}`);
    return { kind: 'index', index: spec < 0 ? spec + dim : spec };
  }
  let start: number | null = null;
  let stop: number | null = null;
  let step: number | null = null;
  if (typeof spec === 'string') {
    const parts = spec.split(':');
    if (parts.length < 2 || parts.length > 3) throw new IndexError(`invalid slice '${spec}' for axis ${axis}`, 'SLICE');
    start = parseBound(parts[0]!, axis);
    stop = parseBound(parts[1]!, axis);
    step = parts.length === 3 ? parseBound(parts[2]!, axis) : null;
  } else if (spec !== null) {
    start = spec[0] ?? null;
    stop = spec[1] ?? null;
    step = spec[2] ?? null;
  }
  const st = step ?? 1;
  if (st === 0 || !Number.isInteger(st)) throw new IndexError(`slice step must be a non-zero integer (axis ${axis})`, 'SLICE');
  let lo: number;
  let hi: number;
  if (st > 0) {
    lo = start === null ? 0 : start < 0 ? Math.max(start + dim, 0) : Math.min(start, dim);
    hi = stop === null ? dim : stop < 0 ? Math.max(stop + dim, 0) : Math.min(stop, dim);
  } else {
    lo = start === null ? dim - 1 : start < 0 ? Math.max(start + dim, -1) : Math.min(start, dim - 1);
    hi = stop === null ? -1 : stop < 0 ? Math.max(stop + dim, -1) : Math.min(stop, dim - 1);
  }
  const length = st > 0 ? Math.max(0, Math.ceil((hi - lo) / st)) : Math.max(0, Math.ceil((lo - hi) / -st));
  return { kind: 'range', start: length > 0 ? lo : 0, step: st, length };
}
