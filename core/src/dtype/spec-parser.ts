import { DTypeError } from '../errors.js';

/** A parsed spec: `quantity[float64,m/s]` → { name: 'quantity', args: ['float64', 'm/s'] }. */
export interface ParsedSpec {
  readonly name: string;
  readonly args: readonly string[] | null;
}

/**
 * Splits a dtype spec into its family name and top-level bracket arguments. Nested brackets
 * stay inside one argument (`list[masked[int32]]` → ['masked[int32]']).
 */
export function parseSpec(spec: string): ParsedSpec {
  const s = spec.trim();
  const open = s.indexOf('[');
  if (open < 0) {
    if (s.includes(']') || s.length === 0) throw new DTypeError(`malformed dtype spec '${spec}'`, 'DTYPE_SPEC');
    return { name: s, args: null };
  }
  if (!s.endsWith(']')) throw new DTypeError(`malformed dtype spec '${spec}': missing ']'`, 'DTYPE_SPEC');
  const name = s.slice(0, open).trim();
  const body = s.slice(open + 1, -1);
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth < 0) throw new DTypeError(`malformed dtype spec '${spec}': unbalanced ']'`, 'DTYPE_SPEC');
    } else if (c === ',' && depth === 0) {
      args.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) throw new DTypeError(`malformed dtype spec '${spec}': unbalanced '['`, 'DTYPE_SPEC');
  args.push(body.slice(start).trim());
  if (name.length === 0) throw new DTypeError(`malformed dtype spec '${spec}': no family name`, 'DTYPE_SPEC');
  return { name, args };
}
