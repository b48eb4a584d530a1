/**
 * State that every loaded copy of `@dtkit/core` in one process must share (duplicated
 * node_modules, an ESM and a CJS build side by side): it lives on `globalThis` under a
 * `Symbol.for` key, and the first copy that asks creates it. Leaf module (no imports), so
 * errors, storage and lifetime code can use it without import cycles.
 */
export function processWide<T>(key: string, create: () => T): T {
  const g = globalThis as unknown as Record<symbol, T | undefined>;
  const symbol = Symbol.for(key);
  let value = g[symbol];
  if (value === undefined) {
    value = create();
    g[symbol] = value;
  }
  return value;
}
