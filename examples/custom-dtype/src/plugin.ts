/** Step 7 of the tutorial: everything above, bundled as a plugin for `dt.use(plugin)`. */
import type { Plugin, Registry } from '@dtkit/core';
import { builtinsPlugin } from 'dtkit';
import { rationalFamily } from './family.js';
import { rationalCasts } from './casts.js';
import { rationalArgLoops, rationalLoops } from './loops.js';

function install(registry: Registry): void {
  registry.addDType(rationalFamily);
  for (const cast of rationalCasts()) registry.registerCast(cast);
  for (const [ufunc, loop] of rationalLoops()) registry.registerLoop(ufunc, loop);
  for (const argLoop of rationalArgLoops()) registry.registerArgLoop(argLoop);
}

/**
 * The rational dtype plugin. Its casts and loops name builtin families ('int8', 'bool',
 * 'float64'), so the builtins are a dependency: `use()` installs them first in a fresh
 * registry, and skips them in dtkit's default registry, which already has them.
 */
export const plugin: Plugin = { name: '@dtkit/example-custom-dtype', dependencies: [builtinsPlugin], install };
