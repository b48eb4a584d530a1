import type { Registry, Plugin } from '@dtkit/core';
import { makeUFunc, type UFunc } from './ufunc.js';
import type { UFuncDef } from './ufunc-def.js';

/** The standard catalog (NumPy names): definitions only; dtype packages register the loops. */
export const CATALOG: readonly UFuncDef[] = [
  { name: 'add', nin: 2, nout: 1, identity: 0 },
  { name: 'subtract', nin: 2, nout: 1 },
  { name: 'multiply', nin: 2, nout: 1, identity: 1 },
  { name: 'divide', nin: 2, nout: 1 },
  { name: 'floor_divide', nin: 2, nout: 1 },
  { name: 'remainder', nin: 2, nout: 1 },
  { name: 'fmod', nin: 2, nout: 1 },
  { name: 'power', nin: 2, nout: 1 },
  { name: 'negative', nin: 1, nout: 1 },
  { name: 'positive', nin: 1, nout: 1 },
  { name: 'absolute', nin: 1, nout: 1 },
  { name: 'sign', nin: 1, nout: 1 },
  { name: 'equal', nin: 2, nout: 1 },
  { name: 'not_equal', nin: 2, nout: 1 },
  { name: 'less', nin: 2, nout: 1 },
  { name: 'less_equal', nin: 2, nout: 1 },
  { name: 'greater', nin: 2, nout: 1 },
  { name: 'greater_equal', nin: 2, nout: 1 },
  { name: 'logical_and', nin: 2, nout: 1, identity: true },
  { name: 'logical_or', nin: 2, nout: 1, identity: false },
  { name: 'logical_xor', nin: 2, nout: 1, identity: false },
  { name: 'logical_not', nin: 1, nout: 1 },
  { name: 'bitwise_and', nin: 2, nout: 1, identity: -1 },
  { name: 'bitwise_or', nin: 2, nout: 1, identity: 0 },
  { name: 'bitwise_xor', nin: 2, nout: 1, identity: 0 },
  { name: 'invert', nin: 1, nout: 1 },
  { name: 'left_shift', nin: 2, nout: 1 },
  { name: 'right_shift', nin: 2, nout: 1 },
  { name: 'maximum', nin: 2, nout: 1 },
  { name: 'minimum', nin: 2, nout: 1 },
  { name: 'fmax', nin: 2, nout: 1 },
  { name: 'fmin', nin: 2, nout: 1 },
  { name: 'sqrt', nin: 1, nout: 1 },
  { name: 'cbrt', nin: 1, nout: 1 },
  { name: 'square', nin: 1, nout: 1 },
  { name: 'exp', nin: 1, nout: 1 },
  { name: 'exp2', nin: 1, nout: 1 },
  { name: 'expm1', nin: 1, nout: 1 },
  { name: 'log', nin: 1, nout: 1 },
  { name: 'log2', nin: 1, nout: 1 },
  { name: 'log10', nin: 1, nout: 1 },
  { name: 'log1p', nin: 1, nout: 1 },
  { name: 'sin', nin: 1, nout: 1 },
  { name: 'cos', nin: 1, nout: 1 },
  { name: 'tan', nin: 1, nout: 1 },
  { name: 'arcsin', nin: 1, nout: 1 },
  { name: 'arccos', nin: 1, nout: 1 },
  { name: 'arctan', nin: 1, nout: 1 },
  { name: 'arctan2', nin: 2, nout: 1 },
  { name: 'sinh', nin: 1, nout: 1 },
  { name: 'cosh', nin: 1, nout: 1 },
  { name: 'tanh', nin: 1, nout: 1 },
  { name: 'arcsinh', nin: 1, nout: 1 },
  { name: 'arccosh', nin: 1, nout: 1 },
  { name: 'arctanh', nin: 1, nout: 1 },
  { name: 'hypot', nin: 2, nout: 1 },
  { name: 'logaddexp', nin: 2, nout: 1, identity: -Infinity },
  { name: 'logaddexp2', nin: 2, nout: 1, identity: -Infinity },
  { name: 'deg2rad', nin: 1, nout: 1 },
  { name: 'rad2deg', nin: 1, nout: 1 },
  { name: 'degrees', nin: 1, nout: 1 },
  { name: 'radians', nin: 1, nout: 1 },
  { name: 'floor', nin: 1, nout: 1 },
  { name: 'ceil', nin: 1, nout: 1 },
  { name: 'trunc', nin: 1, nout: 1 },
  { name: 'rint', nin: 1, nout: 1 },
  { name: 'isnan', nin: 1, nout: 1 },
  { name: 'isinf', nin: 1, nout: 1 },
  { name: 'isfinite', nin: 1, nout: 1 },
  { name: 'signbit', nin: 1, nout: 1 },
  { name: 'copysign', nin: 2, nout: 1 },
  { name: 'nextafter', nin: 2, nout: 1 },
  { name: 'spacing', nin: 1, nout: 1 },
  { name: 'ldexp', nin: 2, nout: 1 },
  { name: 'frexp', nin: 1, nout: 2 },
  { name: 'divmod', nin: 2, nout: 2 },
];

/** `floor_divide` → `floorDivide`: DESIGN §2's export names. */
export function camelName(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The catalog's UFunc objects by NumPy name (`ufuncs['floor_divide']`). */
export const ufuncs: Readonly<Record<string, UFunc>> = Object.fromEntries(CATALOG.map((d) => [d.name, makeUFunc(d)]));

/** Defines the catalog's ufuncs in a registry (loops come from dtype packages). */
export const catalogPlugin: Plugin = {
  name: '@dtkit/ufunc-registry/catalog',
  install(registry: Registry): void {
    for (const d of CATALOG) registry.defineUfunc(d);
  },
};

/** Defines a new ufunc (plugins: string functions, fma) and returns its callable object. */
export function defineUfunc(def: UFuncDef, registry?: Registry): UFunc {
  registry?.defineUfunc(def);
  return makeUFunc(def);
}
