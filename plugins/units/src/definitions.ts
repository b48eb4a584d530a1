/**
 * The built-in units, as data. Values:
 * - SI: BIPM, "The International System of Units (SI)", 9th edition (2019), v2.01 (2022):
 *   Table 2 (base units), Table 4 (derived units with special names), Table 7 (prefixes, with
 *   ronna/quetta/ronto/quecto from CGPM 2022 Resolution 3), Table 8 (non-SI units accepted for use
 *   with the SI: min, h, d, au, deg, arcmin, arcsec, ha, L, t, Da, eV). The elementary charge
 *   e = 1.602176634e-19 C and c = 299792458 m/s are exact defining constants (Table 1).
 * - Others: NIST Special Publication 811 (2008 edition), Appendix B.8/B.9 "Factors for units
 *   listed alphabetically": 1 in = 0.0254 m, 1 lb = 0.45359237 kg (exact, international
 *   yard and pound agreement 1959), g_n = 9.80665 m/s² (3rd CGPM 1901), 1 atm = 101325 Pa,
 *   1 torr = 101325/760 Pa, 1 cal_th = 4.184 J, 1 dyn = 1e-5 N, 1 erg = 1e-7 J,
 *   1 hp = 550 ft·lbf/s, 1 gal (US) = 231 in³, 1 knot = 1852 m/h, 1 bar = 1e5 Pa, 1 Å = 1e-10 m,
 *   1 b = 1e-28 m², °F: T/K = (t/°F + 459.67)·5/9, °C: T/K = t/°C + 273.15.
 * - Astronomy: IAU 2012 Resolution B2 (au = 149597870700 m exactly); the light year is c times a
 *   Julian year of 365.25 d (IAU); the parsec is defined as pint 0.19 does (1 au / tan(1″)),
 *   which differs from IAU 2015 B2 (648000/π au) by 8e-12 relative.
 * Every factor below is an exact decimal or rational, except π (angles) and tan(1″) (parsec).
 */

/** [symbol, definition in other units (numbers exact), aliases]. */
export type UnitRow = readonly [symbol: string, definition: string, aliases?: readonly string[]];

/** Base dimensions: symbol → index into the dimension vector (gram carries the kg factor). */
export const BASE_UNITS: readonly (readonly [string, number, string])[] = [
  ['m', 0, '1'], ['g', 1, '0.001'], ['s', 2, '1'], ['A', 3, '1'], ['K', 4, '1'], ['mol', 5, '1'], ['cd', 6, '1'],
];

export const DERIVED_UNITS: readonly UnitRow[] = [
  // SI brochure Table 4: coherent derived units with special names.
  ['rad', '1'], ['sr', '1'], ['Hz', '1/s'], ['N', 'kg*m/s^2'], ['Pa', 'N/m^2'], ['J', 'N*m'], ['W', 'J/s'],
  ['C', 'A*s'], ['V', 'W/A'], ['F', 'C/V'], ['ohm', 'V/A', ['Ω']], ['S', 'A/V'], ['Wb', 'V*s'], ['T', 'Wb/m^2'],
  ['H', 'Wb/A'], ['lm', 'cd*sr'], ['lx', 'lm/m^2'], ['Bq', '1/s'], ['Gy', 'J/kg'], ['Sv', 'J/kg'], ['kat', 'mol/s'],
  // SI brochure Table 8.
  ['min', '60 s'], ['h', '3600 s'], ['d', '86400 s'], ['au', '149597870700 m'], ['ha', '10000 m^2'],
  ['L', '0.001 m^3', ['l']], ['t', '1000 kg'], ['Da', '1.66053906660e-27 kg'], ['eV', '1.602176634e-19 J'],
  // NIST SP 811 Appendix B.
  ['in', '0.0254 m'], ['ft', '12 in'], ['yd', '3 ft'], ['mi', '5280 ft'], ['Å', '1e-10 m', ['angstrom']],
  ['lb', '0.45359237 kg'], ['oz', 'lb/16'], ['lbf', '9.80665 lb*m/s^2'], ['dyn', '1e-5 N'], ['erg', '1e-7 J'],
  ['cal', '4.184 J'], ['Wh', 'W*h'], ['hp', '550 ft*lbf/s'], ['bar', '100000 Pa'], ['atm', '101325 Pa'],
  ['psi', 'lbf/in^2'], ['torr', 'atm/760', ['Torr']], ['gal', '231 in^3'], ['mph', 'mi/h'], ['knot', '1852 m/h', ['kn']],
  ['c', '299792458 m/s'], ['ly', '299792458 m/s * 365.25 d'], ['barn', '1e-28 m^2'], ['percent', '0.01', ['%']],
];

/** Angles: π is irrational, so these carry a double factor (see `PI_UNITS` in registry.ts). */
export const ANGLE_UNITS: readonly (readonly [string, string, readonly string[]])[] = [
  ['deg', '1/180', ['°', 'degree']], ['arcmin', '1/10800', []], ['arcsec', '1/648000', []],
];

/** tan(1 arcsec), as pint 0.19 defines it (default_en.txt, `tansec`). */
export const TANSEC = 4.8481368111333441675396429478852851658848753880815e-6;

/** Offset temperatures: offset in kelvin (exact), scale definition, and the delta unit. */
export const OFFSET_UNITS: readonly (readonly [string, string, string, string, readonly string[]])[] = [
  ['degC', '273.15', '1 K', 'delta_degC', ['°C']],
  ['degF', '45967/180', '5/9 K', 'delta_degF', ['°F']],
];

/** SI prefixes (Table 7 and CGPM 2022): symbol → power of ten. `u` and Greek mu alias micro. */
export const PREFIXES: readonly (readonly [string, number])[] = [
  ['Q', 30], ['R', 27], ['Y', 24], ['Z', 21], ['E', 18], ['P', 15], ['T', 12], ['G', 9], ['M', 6], ['k', 3],
  ['h', 2], ['da', 1], ['d', -1], ['c', -2], ['m', -3], ['µ', -6], ['μ', -6], ['u', -6], ['n', -9], ['p', -12],
  ['f', -15], ['a', -18], ['z', -21], ['y', -24], ['r', -27], ['q', -30],
];
