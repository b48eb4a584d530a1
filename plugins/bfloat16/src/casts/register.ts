import type { Registry } from '@dtkit/core';
import { BUILTIN_DTYPE_NAMES } from '@dtkit/dtypes';
import { MINIFLOAT_TYPES } from '../formats.js';
import { castLevelFrom, castLevelInto } from '../rules.js';
import { castIntoLoop } from './into.js';
import { castBetweenLoop, castFromLoop } from './from.js';

/** Casts between each minifloat and every builtin, and among the minifloats (both ways). */
export function registerMinifloatCasts(reg: Registry): void {
  for (const t of MINIFLOAT_TYPES) {
    for (const b of BUILTIN_DTYPE_NAMES) {
      reg.registerCast({ from: b, to: t.name, casting: castLevelInto(t.name, b), loop: castIntoLoop(t, b) });
      reg.registerCast({ from: t.name, to: b, casting: castLevelFrom(t.name, b), loop: castFromLoop(t, b) });
    }
    for (const u of MINIFLOAT_TYPES) {
      if (u === t) continue;
      reg.registerCast({ from: t.name, to: u.name, casting: castLevelInto(u.name, t.name), loop: castBetweenLoop(t, u) });
    }
  }
}
