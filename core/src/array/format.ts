import type { NDArray } from './ndarray.js';
import { formatFloatArray } from './format-floats.js';

/** Dtypes NumPy's repr leaves implicit. */
const IMPLICIT_DTYPES = new Set(['float64', 'int64', 'bool', 'complex128']);

function formatElements(a: NDArray): string[] {
  const fmt = a.dtype.family.spec.format;
  if (a.dtype.kind === 'float') {
    const values = collect(a);
    if (values.every((v) => typeof v === 'number')) return formatFloatArray(values as number[], a.dtype.family.spec.roundScalar);
  }
  const out: string[] = [];
  const walk = (dim: number, k: number): void => {
    if (dim === a.ndim) {
      const v = a.dtype.family.spec.getItem(a.dtype, a.store, k);
      out.push(fmt ? fmt(v, a.dtype) : typeof v === 'string' ? `'${v}'` : String(v));
      return;
    }
    for (let i = 0; i < a.shape[dim]!; i++) walk(dim + 1, k + i * a.strides[dim]!);
  };
  walk(0, a.offset);
  return out;
}

function collect(a: NDArray): unknown[] {
  const out: unknown[] = [];
  const get = a.dtype.family.spec.getItem;
  const walk = (dim: number, k: number): void => {
    if (dim === a.ndim) { out.push(get(a.dtype, a.store, k)); return; }
    for (let i = 0; i < a.shape[dim]!; i++) walk(dim + 1, k + i * a.strides[dim]!);
  };
  walk(0, a.offset);
  return out;
}

/** NumPy-like repr: `array([[1., 2.],\n       [3., 4.]], dtype=float32)`. */
export function formatArray(a: NDArray): string {
  const items = formatElements(a);
  const width = items.reduce((w, s) => Math.max(w, s.length), 0);
  const padded = items.map((s) => s.padStart(width));
  let pos = 0;
  const indent = 'array('.length;
  const build = (dim: number): string => {
    if (dim === a.ndim) return padded[pos++]!;
    const n = a.shape[dim]!;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(build(dim + 1));
    const sep = dim === a.ndim - 1 ? ', ' : ',' + '\n'.repeat(a.ndim - 1 - dim) + ' '.repeat(indent + dim + 1);
    return '[' + parts.join(sep) + ']';
  };
  const body = a.ndim === 0 ? padded[0]! : build(0);
  const suffix = IMPLICIT_DTYPES.has(a.dtype.name) && a.size > 0 ? '' : `, dtype=${a.dtype.name}`;
  return `array(${body}${suffix})`;
}
