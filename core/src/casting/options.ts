import { CastingError, ValueError } from '../errors.js';
import type { Registry } from '../registry/registry.js';
import { CASTING_LEVELS, isCasting } from './levels.js';

/**
 * Cast options every call understands. `overflow` ('inf' | 'saturate', see saturate.ts) is
 * honoured by the builtin float casts and the minifloat plugins; other cast options (`rounding`,
 * `errors`, ...) are accepted once a registered cast or loop declares them (`options: [...]`).
 */
export const STANDARD_CAST_OPTIONS: readonly string[] = ['overflow'];

const OVERFLOW: readonly string[] = ['inf', 'saturate'];

/** A read-only record with no prototype: options are looked up as own keys only. */
export type OwnOptions = Readonly<Record<string, unknown>>;

/** The empty options record (frozen, null prototype). */
export const NO_OPTIONS: OwnOptions = Object.freeze(Object.create(null) as Record<string, unknown>);

/**
 * Copies the own enumerable string keys of `options` into a null-prototype record, rejecting
 * names that are neither in `standard` nor declared by the registry (NumPy raises TypeError for
 * an unexpected keyword; here ValueError 'OPTION'). Inherited keys are ignored, never read.
 */
export function ownOptions(
  options: unknown, standard: ReadonlySet<string>, reg: Registry | ((own: OwnOptions) => Registry) | undefined, what: string,
): OwnOptions {
  if (options === undefined || options === null) return NO_OPTIONS;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ValueError(`${what} options must be an object, got ${describeValue(options)}`, 'OPTION');
  }
  const src = options as Record<string, unknown>;
  const own = Object.create(null) as Record<string, unknown>;
  let unknown: string | undefined;
  for (const k of Object.keys(src)) {
    if (unknown === undefined && !standard.has(k)) unknown = k;
    own[k] = src[k];
  }
  if (unknown !== undefined) {
    // Extras are checked against the call's registry, which may come from `registry` or the operands.
    const r = typeof reg === 'function' ? reg(own) : reg ?? registryIn(own);
    const declared = r?.declaredOptions();
    for (const k of Object.keys(own)) {
      if (standard.has(k) || declared?.has(k) === true) continue;
      throw new ValueError(`${what} got an unexpected option '${k}'; expected one of ${[...standard].join(', ')}${declared !== undefined && declared.size > 0 ? ` or a declared option (${[...declared].join(', ')})` : ''}`, 'OPTION');
    }
  }
  checkCastOptionValues(own);
  return own;
}

function registryIn(own: OwnOptions): Registry | undefined {
  const r = own['registry'];
  return typeof r === 'object' && r !== null && typeof (r as Registry).declaredOptions === 'function' ? (r as Registry) : undefined;
}

/** Validates the values of `casting` and `overflow` when present (own keys of a null-prototype record). */
export function checkCastOptionValues(own: OwnOptions): void {
  const casting = own['casting'];
  if (casting !== undefined && !isCasting(casting)) {
    throw new ValueError(`casting must be one of ${CASTING_LEVELS.join(', ')}, got ${describeValue(casting)}`, 'OPTION');
  }
  const overflow = own['overflow'];
  if (overflow !== undefined && (typeof overflow !== 'string' || !OVERFLOW.includes(overflow))) {
    // The code the minifloat casts have always used for this option.
    throw new CastingError(`cast option overflow must be 'inf' or 'saturate', got ${describeValue(overflow)}`, 'CAST_OPTION');
  }
}

/** A short description of a bad value for error messages (never calls user toString). */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 40 ? v.slice(0, 40) + '…' : v}'`;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v === undefined || v === null) return String(v);
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
