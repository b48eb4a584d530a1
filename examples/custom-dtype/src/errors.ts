import { DTKitError } from '@dtkit/core';

/** Stable codes of the errors this dtype throws. */
export type RationalErrorCode =
  | 'RATIONAL_ZERO_DIVISION' // x / 0, or a Rational with denominator 0
  | 'RATIONAL_OVERFLOW' // numerator or denominator does not fit in int32
  | 'RATIONAL_INVALID'; // a value that is not a rational (0.5, 'abc', {}, NaN)

/**
 * The rational dtype's error. It is a DTKitError, so callers can branch on `err.code` just as
 * they do for the kernel's errors (NumPy's rational test dtype raises ZeroDivisionError /
 * OverflowError / TypeError for the same three cases).
 */
export class RationalError extends DTKitError {
  declare readonly code: RationalErrorCode;
  constructor(code: RationalErrorCode, message: string) {
    super(code, message);
  }
}
