import type { Plugin, Registry } from '@dtkit/core';
import { quantityFamily } from './family.js';
import { registerQuantityCasts } from './casts.js';
import { registerQuantityLoops } from './loops.js';
import { registerQuantityReductions } from './reductions.js';

/** Installs `quantity[base,unit]`, its casts, its wrapping loops and reductions: `use(plugin)`. */
export const plugin: Plugin = {
  name: '@dtkit/units',
  install(reg: Registry): void {
    reg.addDType(quantityFamily);
    registerQuantityCasts(reg);
    registerQuantityLoops(reg);
    registerQuantityReductions(reg);
  },
};
