import { isDTypeFamily, type DTypeFamily } from '../dtype/dtype.js';
import { CASTING_LEVELS } from '../casting/levels.js';
import { DTypeError, ValueError } from '../errors.js';
import type { Plugin } from './types.js';

/**
 * Argument checks for registration calls and plugins. Each throws a typed error before the
 * registry changes; all are O(arguments), never per element, so installing the builtins stays
 * as fast as before.
 */

/** What a spec string can name: an identifier (as `defineDType` requires). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Identifiers that would read as JS values or reach prototypes when a name ends up as an
 * object key (`ufuncs[name]`, option tables): never family, ufunc or backend names.
 */
const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'undefined', 'null', 'true', 'false', 'NaN', 'Infinity', 'prototype',
  ...Object.getOwnPropertyNames(Object.prototype), // constructor, __proto__, toString, valueOf, ...
]);

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * Messages are composed only on failure (from the field and its owner, e.g. `loop for 'add'`),
 * so the checks cost no string building on the ~1,200 registrations of the builtins.
 */
function bad(field: string, owner: string, name: string, rule: string, value: unknown): ValueError {
  const where = owner === '' ? field : `${owner} '${name}': ${field}`;
  return new ValueError(`${where} ${rule}, got ${describe(value)}`, 'REGISTRATION');
}

/** A name usable in specs and as a key: identifier, not reserved. `code` says which kind. */
export function checkName(name: unknown, what: string, code: string): asserts name is string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name) || RESERVED_NAMES.has(name)) {
    throw new DTypeError(`invalid ${what} name ${describe(name)}: use an identifier (letters, digits, '_'; not a number or a reserved word such as 'undefined' or '__proto__')`, code);
  }
}

/** A real DType family (made by `defineDType`), not a look-alike object. */
export function checkFamily(value: unknown): asserts value is DTypeFamily {
  const spec = isDTypeFamily(value) ? (value as { spec?: unknown }).spec : undefined;
  if (typeof spec !== 'object' || spec === null) {
    throw new DTypeError(`expected a DType family made by defineDType, got ${describe(value)}`, 'DTYPE_FAMILY');
  }
  checkName((value as DTypeFamily).name, 'dtype family', 'DTYPE_NAME');
}

export function checkFunction(value: unknown, field: string, owner = '', name = ''): void {
  if (typeof value !== 'function') throw bad(field, owner, name, 'must be a function', value);
}

export function checkOptionalFunction(value: unknown, field: string, owner = '', name = ''): void {
  if (value !== undefined && typeof value !== 'function') throw bad(field, owner, name, 'must be a function', value);
}

export function checkArray(value: unknown, field: string, owner = '', name = ''): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) throw bad(field, owner, name, 'must be an array', value);
}

export function checkObject(value: unknown, field: string, owner = '', name = ''): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(field, owner, name, 'must be an object', value);
}

/** Backend and device names may also contain '-' (`'wasm-threads'`). */
const BACKEND_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Names already accepted: each wasm loop names its backend, and a regex test per loop shows. */
const acceptedBackendNames = new Set<string>(['js', 'wasm', 'webgpu', 'cpu']);

export function checkBackendName(name: unknown, kind = 'backend'): asserts name is string {
  if (acceptedBackendNames.has(name as string)) return;
  if (typeof name !== 'string' || !BACKEND_NAME.test(name) || RESERVED_NAMES.has(name)) {
    throw bad(`a ${kind} name`, '', '', "must be an identifier (letters, digits, '_', '-'; not reserved such as '__proto__')", name);
  }
  if (acceptedBackendNames.size < 64) acceptedBackendNames.add(name);
}

/** A list of backend (or device) names: `setBackendPreference`, `forbidBackends`, `devices`. */
export function checkBackendNames(value: unknown, field: string, kind = 'backend'): asserts value is readonly string[] {
  checkArray(value, field);
  for (const name of value) checkBackendName(name, kind);
}

const CASTING_NAMES: ReadonlySet<unknown> = new Set(CASTING_LEVELS);

export function checkCasting(value: unknown): void {
  if (!CASTING_NAMES.has(value)) {
    throw bad('casting', '', '', `must be one of ${CASTING_LEVELS.join(', ')}`, value);
  }
}

export function checkArity(value: unknown, field: string, name: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 32) throw bad(field, 'ufunc', name, 'must be an integer from 1 to 32', value);
}

/** The ufunc a loop or promoter is for: its name, or an object with a `name` (a UFunc). */
export function ufuncName(ufunc: unknown): string {
  const name = typeof ufunc === 'object' && ufunc !== null || typeof ufunc === 'function' ? (ufunc as { name?: unknown }).name : ufunc;
  if (typeof name !== 'string') throw new DTypeError(`expected a ufunc or a ufunc name, got ${describe(ufunc)}`, 'UFUNC_UNKNOWN');
  return name;
}

/** A plugin object: a non-empty string name, an `install` function, an array of plugin dependencies. */
export function checkPlugin(plugin: unknown): asserts plugin is Plugin {
  checkPluginShape(plugin, 'use() needs a plugin ({ name, install(registry), dependencies? })');
  const { name, dependencies } = plugin as { name: string; dependencies?: unknown };
  if (dependencies === undefined) return;
  if (!Array.isArray(dependencies)) throw new DTypeError(`plugin '${name}': dependencies must be an array of plugins, got ${describe(dependencies)}`, 'PLUGIN');
  // Shallow checks of every dependency up front, so a bad one is found before any installs.
  for (const dep of dependencies) checkPluginShape(dep, `plugin '${name}': dependencies must be plugins`);
}

function checkPluginShape(plugin: unknown, what: string): void {
  if (typeof plugin !== 'object' || plugin === null || Array.isArray(plugin)) throw new DTypeError(`${what}, got ${describe(plugin)}`, 'PLUGIN');
  const { name, install } = plugin as { name?: unknown; install?: unknown };
  if (typeof name !== 'string' || name.trim().length === 0) throw new DTypeError(`${what}: a plugin needs a non-empty string name, got ${describe(name)}`, 'PLUGIN');
  if (typeof install !== 'function') throw new DTypeError(`${what}: plugin '${name}' needs an install(registry) function, got ${describe(install)}`, 'PLUGIN');
}
