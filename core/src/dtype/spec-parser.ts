import { DTypeError } from '../errors.js';

/** A parsed spec: `quantity[float64,m/s]` → { name: 'quantity', args: ['float64', 'm/s'] }. */
export interface ParsedSpec {
  readonly name: string;
  readonly args: readonly string[] | null;
}

/**
 * Deepest bracket nesting a spec may have (`list[list[...]]`). The registry re-parses each
 * argument, so a spec of length n costs O(n · depth): the cap keeps that linear and the
 * registry's recursion shallow.
 */
export const MAX_SPEC_DEPTH = 32;

/** The spec for an error message, shortened so a hostile 1e5-character spec gives a short message. */
function shown(spec: string): string {
  return spec.length > 60 ? `${spec.slice(0, 60)}…' (${spec.length} characters)` : `${spec}'`;
}

const malformed = (spec: string, why: string): DTypeError => new DTypeError(`malformed dtype spec '${shown(spec)}${why}`, 'DTYPE_SPEC');

/**
 * Splits a dtype spec into its family name and top-level bracket arguments. Nested brackets
 * stay inside one argument (`list[masked[int32]]` → ['masked[int32]']). One linear scan.
 */
export function parseSpec(spec: string): ParsedSpec {
  const s = spec.trim();
  const open = s.indexOf('[');
  if (open < 0) {
    if (s.includes(']') || s.length === 0) throw malformed(spec, '');
    return { name: s, args: null };
  }
  if (!s.endsWith(']')) throw malformed(spec, ": missing ']'");
  const name = s.slice(0, open).trim();
  if (name.length === 0) throw malformed(spec, ': no family name');
  const body = s.slice(open + 1, -1);
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '[') {
      if (++depth >= MAX_SPEC_DEPTH) throw malformed(spec, `: brackets nested more than ${MAX_SPEC_DEPTH} deep`);
    } else if (c === ']') {
      if (--depth < 0) throw malformed(spec, ": unbalanced ']'");
    } else if (c === ',' && depth === 0) {
      args.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) throw malformed(spec, ": unbalanced '['");
  args.push(body.slice(start).trim());
  return { name, args };
}
