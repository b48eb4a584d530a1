import { Registry } from './registry.js';

/**
 * The default registry lives on `globalThis` under a `Symbol.for` key, so two copies of
 * `@dtkit/core` in one app (duplicated node_modules, ESM + CJS) share one registry.
 */
const REGISTRY_KEY = Symbol.for('dtkit.registry');

type GlobalWithRegistry = typeof globalThis & { [REGISTRY_KEY]?: Registry };

export function defaultRegistry(): Registry {
  const g = globalThis as GlobalWithRegistry;
  let r = g[REGISTRY_KEY];
  if (r === undefined) {
    r = new Registry();
    g[REGISTRY_KEY] = r;
  }
  return r;
}

/** A fresh, isolated registry (for tests, or an app that wants its own dtype universe). */
export function createRegistry(): Registry {
  return new Registry();
}
