/**
 * @dtkit/units — physical units on the dtype: `quantity[float64,m/s]` for any float base. The
 * unit is resolved once per call; elements are the base's values in the descriptor's unit.
 * Install with `use(plugin)`.
 * @packageDocumentation
 */
export { plugin } from './plugin.js';
export { quantity, quantityFamily } from './family.js';
export { convert, unitOf } from './api.js';
export { defineUnit } from './registry.js';
export { UnitError } from './errors.js';
