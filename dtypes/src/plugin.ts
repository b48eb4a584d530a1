import type { Plugin, Registry, StridedLoop } from '@dtkit/core';
import { catalogPlugin } from '@dtkit/ufunc-registry';
import { BUILTIN_FAMILIES, builtinNameOf } from './families/builtin.js';
import { registerBuiltinCasts } from './casts/builtin-casts.js';
import {
  builtinLoops, builtinReduceLoops, builtinArgLoops, builtinMultiOutputLoops, LEGACY_PROMOTED_UFUNCS, legacyPromoter,
} from './loops/index.js';
import { wasmBackend } from './wasm-backend.js';

/** Registers the builtin families, their casts and the JS loops of the standard catalog. */
function install(reg: Registry): void {
  for (const fam of Object.values(BUILTIN_FAMILIES)) reg.addDType(fam);
  registerBuiltinCasts(reg);
  const reduceByKey = new Map<string, StridedLoop>();
  for (const r of builtinReduceLoops) reduceByKey.set(`${r.ufunc}:${r.dtype}`, r.loop);
  for (const l of builtinLoops) {
    const [a, b, c] = l.dtypes;
    const reduceLoop = l.dtypes.length === 3 && a === b && b === c ? reduceByKey.get(`${l.ufunc}:${a}`) : undefined;
    // Integer power throws on negative exponents: compute into a temporary so `out` stays intact.
    const mayThrow = l.ufunc === 'power' && !String(a).startsWith('float') && !String(a).startsWith('complex');
    reg.registerLoop(l.ufunc, { dtypes: l.dtypes, loop: l.loop, ...(reduceLoop ? { reduceLoop } : {}), ...(mayThrow ? { flags: { mayThrow } } : {}) });
  }
  for (const l of builtinMultiOutputLoops) reg.registerLoop(l.ufunc, { dtypes: l.dtypes, loop: l.loop });
  // NumPy's "first loop the inputs cast to safely" for ufuncs without bool/int loops (sqrt(int8) → float16).
  const allLoops = [...builtinLoops, ...builtinMultiOutputLoops];
  for (const ufunc of [...LEGACY_PROMOTED_UFUNCS, 'divide']) {
    const nin = reg.ufuncSpecs.get(ufunc)!.nin;
    reg.registerPromoter(ufunc, new Array<null>(nin).fill(null), legacyPromoter(allLoops, ufunc, nin, (n) => BUILTIN_FAMILIES[n], builtinNameOf));
  }
  for (const a of builtinArgLoops) reg.registerArgLoop({ dtype: a.dtype, kind: a.kind, loop: a.loop });
  reg.use(wasmBackend);
}

/** The builtin numeric dtypes (bool, int8–uint64, float16–64, complex64/128) with JS loops. */
export const plugin: Plugin = {
  name: '@dtkit/dtypes',
  dependencies: [catalogPlugin],
  install,
};
