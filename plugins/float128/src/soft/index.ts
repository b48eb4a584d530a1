// Public surface of the binary128 soft-float core (lane-level ops + Float128 scalar).
export { add128, sub128 } from './add.js';
export { mul128 } from './mul.js';
export { div128 } from './div.js';
export { sqrt128 } from './sqrt.js';
export { fma128 } from './fma.js';
export {
  abs128, compare128, copysign128, eq128, isFinite128, isInf128, isNaN128, isZero128, le128, lt128,
  max128, min128, neg128, signBit128,
} from './compare.js';
export {
  fromBigInt, fromNumber, toBigInt, toBinaryFormat, toFloat16, toFloat32, toNumber, writeNaN,
} from './convert.js';
export { parseDecimal } from './decimal-parse.js';
export { formatDecimal, shortestDecimal, type ShortestDecimal } from './decimal-format.js';
export {
  ceil128, floor128, fmod128, frexp128, ldexp128, nextafter128, remainder128, rint128, round128,
  roundIntegral128, trunc128, type IntegralMode,
} from './exact-ops.js';
export { bitsToLanes, lanesToBits } from './bigint-bridge.js';
export {
  acosh128, asinh128, atanh128, cosh128, exp128, exp2_128, expm1_128, log10_128, log128, log1p128, log2_128,
  sinh128, tanh128,
} from './transcendental-exp-log.js';
export { acos128, asin128, atan128, atan2_128, cos128, sin128, tan128 } from './transcendental-trig.js';
export { cbrt128, hypot128, pow128 } from './transcendental-power.js';
export { Float128, type Float128Like } from './Float128.js';
