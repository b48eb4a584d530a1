import { DTKitError } from '@dtkit/core';

/**
 * A unit problem: an unknown unit token (`UNKNOWN_UNIT`), a malformed unit string
 * (`UNIT_SYNTAX`), operands of different dimensions (`DIMENSION`), arithmetic on offset units
 * that has no meaning (`OFFSET_UNIT`), a non-scalar or non-integer exponent (`POWER`), a clashing
 * `defineUnit` (`UNIT_CLASH`), or a float base that is not one (`QUANTITY_BASE`).
 */
export class UnitError extends DTKitError {
  constructor(message: string, code = 'UNIT') {
    super(code, message);
  }
}
