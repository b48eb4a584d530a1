/**
 * @dtkit/example-custom-dtype — a rational-number dtype (int32 numerator / denominator),
 * written only against dtkit's public authoring API. See README.md for the walkthrough.
 * @packageDocumentation
 */
export { Rational } from './scalar.js';
export { RationalError, type RationalErrorCode } from './errors.js';
export { rational, rationalFamily } from './family.js';
export { plugin } from './plugin.js';
