import type { Plugin, Registry } from '@dtkit/core';
import { plugin as builtinsPlugin } from '@dtkit/dtypes';
import { Float128DType } from './family.js';
import { registerFloat128Casts } from './casts/register.js';
import { registerFloat128Loops } from './loops/register.js';
import { FMA_DEF } from './ufuncs.js';

/** Adds the float128 family, its casts with the builtins, the fma ufunc and every loop. */
function install(reg: Registry): void {
  reg.addDType(Float128DType);
  registerFloat128Casts(reg);
  reg.defineUfunc(FMA_DEF);
  registerFloat128Loops(reg, FMA_DEF.name);
}

/** `use(plugin)` installs float128; the builtins (its cast and promotion partners) come first. */
export const plugin: Plugin = {
  name: '@dtkit/float128',
  dependencies: [builtinsPlugin],
  install,
};
