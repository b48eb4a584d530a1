import { defineUnit } from '@dtkit/units';

/**
 * HEP units on top of @dtkit/units. eV, keV, MeV, GeV, TeV come with the package (SI prefixes on
 * eV); `GeV/c` and `GeV/c^2` are ordinary unit expressions (c is the speed of light). Only the
 * barn's HEP symbol is new: `b` = 1e-28 m², so `pb` and `fb` follow from the SI prefixes.
 * Idempotent.
 */
export function defineHepUnits(): void {
  defineUnit('b', '1e-28 m^2');
}
