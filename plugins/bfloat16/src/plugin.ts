import type { Plugin, Registry } from '@dtkit/core';
import { plugin as builtinsPlugin } from '@dtkit/dtypes';
import { MINIFLOAT_FAMILIES } from './families.js';
import { registerMinifloatCasts } from './casts/register.js';
import { registerMinifloatLoops } from './loops/register.js';
import { registerBFloat16WasmLoops } from './wasm/index.js';

/** Registers bfloat16, float8_e4m3fn and float8_e5m2 with their casts, JS loops and bfloat16 wasm loops. */
function install(reg: Registry): void {
  for (const fam of Object.values(MINIFLOAT_FAMILIES)) reg.addDType(fam);
  registerMinifloatCasts(reg);
  registerMinifloatLoops(reg);
  // SIMD128 kernels for bfloat16 arithmetic on the 'wasm' backend (none without WebAssembly).
  registerBFloat16WasmLoops(reg);
}

/** `use(plugin)` installs the three types; the builtins (their cast partners) come first. */
export const plugin: Plugin = {
  name: '@dtkit/bfloat16',
  dependencies: [builtinsPlugin],
  install,
};
