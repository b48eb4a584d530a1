"""Reference conversion factors from pint, for tests/pint-reference.test.ts.

pint 0.19 from Debian bookworm, unpacked privately (no system change, numpy hidden because
pint 0.19 predates NumPy 2; scalar conversions need no numpy):

    apt-get update; mkdir -p /tmp/pint && cd /tmp/pint
    apt-get download python3-pint python3-packaging
    for f in *.deb; do dpkg -x $f root; done
    mkdir -p nonumpy && echo "raise ImportError" > nonumpy/numpy.py
    PYTHONPATH=/tmp/pint/nonumpy:/tmp/pint/root/usr/lib/python3/dist-packages \
        python3 plugins/units/scripts/pint-reference.py > plugins/units/tests/data/pint-reference.json
"""
import json
import pint

u = pint.UnitRegistry()

# (our unit, pint's spelling, target in both spellings, value)
CASES = [
    ('min', 'minute', 's', 1), ('h', 'hour', 's', 1), ('d', 'day', 's', 1),
    ('in', 'inch', 'm', 1), ('ft', 'foot', 'm', 1), ('yd', 'yard', 'm', 1), ('mi', 'mile', 'm', 1),
    ('au', 'astronomical_unit', 'm', 1), ('ly', 'light_year', 'm', 1), ('pc', 'parsec', 'm', 1),
    ('Å', 'angstrom', 'm', 1), ('lb', 'pound', 'kg', 1), ('oz', 'ounce', 'kg', 1), ('t', 'metric_ton', 'kg', 1),
    ('lbf', 'force_pound', 'N', 1), ('dyn', 'dyne', 'N', 1), ('erg', 'erg', 'J', 1), ('cal', 'calorie', 'J', 1),
    ('kcal', 'kilocalorie', 'J', 1), ('eV', 'electron_volt', 'J', 1), ('keV', 'kiloelectron_volt', 'J', 1),
    ('MeV', 'megaelectron_volt', 'J', 1), ('GeV', 'gigaelectron_volt', 'J', 1), ('TeV', 'teraelectron_volt', 'J', 1),
    ('Wh', 'watt_hour', 'J', 1), ('kWh', 'kilowatt_hour', 'J', 1), ('hp', 'horsepower', 'W', 1),
    ('bar', 'bar', 'Pa', 1), ('mbar', 'millibar', 'Pa', 1), ('atm', 'atmosphere', 'Pa', 1), ('psi', 'psi', 'Pa', 1),
    ('torr', 'torr', 'Pa', 1), ('L', 'liter', 'm^3', 1), ('mL', 'milliliter', 'm^3', 1), ('gal', 'gallon', 'm^3', 1),
    ('km/h', 'kilometer/hour', 'm/s', 1), ('mph', 'mile/hour', 'm/s', 1), ('knot', 'knot', 'm/s', 1),
    ('c', 'speed_of_light', 'm/s', 1), ('ha', 'hectare', 'm^2', 1), ('barn', 'barn', 'm^2', 1),
    ('deg', 'degree', 'rad', 1), ('arcmin', 'arcminute', 'rad', 1), ('arcsec', 'arcsecond', 'rad', 1),
    # pint 0.19 has no percent unit: % = 0.01 is checked in tests against the exact value.
    # SI derived units and prefixes
    ('N', 'newton', 'kg*m/s^2', 1), ('Pa', 'pascal', 'N/m^2', 1), ('J', 'joule', 'N*m', 1), ('W', 'watt', 'J/s', 1),
    ('V', 'volt', 'W/A', 1), ('ohm', 'ohm', 'V/A', 1), ('F', 'farad', 'C/V', 1), ('T', 'tesla', 'Wb/m^2', 1),
    ('H', 'henry', 'Wb/A', 1), ('lx', 'lux', 'cd*sr/m^2', 1), ('Gy', 'gray', 'J/kg', 1), ('kat', 'katal', 'mol/s', 1),
    ('Ym', 'yottameter', 'm', 1), ('Zm', 'zettameter', 'm', 1), ('Em', 'exameter', 'm', 1), ('Pm', 'petameter', 'm', 1),
    ('Tm', 'terameter', 'm', 1), ('Gm', 'gigameter', 'm', 1), ('Mm', 'megameter', 'm', 1), ('km', 'kilometer', 'm', 1),
    ('hm', 'hectometer', 'm', 1), ('dam', 'decameter', 'm', 1), ('dm', 'decimeter', 'm', 1), ('cm', 'centimeter', 'm', 1),
    ('mm', 'millimeter', 'm', 1), ('µm', 'micrometer', 'm', 1), ('um', 'micrometer', 'm', 1), ('nm', 'nanometer', 'm', 1),
    ('pm', 'picometer', 'm', 1), ('fm', 'femtometer', 'm', 1), ('am', 'attometer', 'm', 1), ('zm', 'zeptometer', 'm', 1),
    ('ym', 'yoctometer', 'm', 1), ('mg', 'milligram', 'kg', 1), ('GHz', 'gigahertz', '1/s', 1),
    ('kg*m/s^2', 'kilogram*meter/second**2', 'lbf', 1), ('mi/h', 'mile/hour', 'km/h', 1), ('ft*lbf', 'foot*force_pound', 'J', 1),
    ('kWh/km', 'kilowatt_hour/kilometer', 'N', 1), ('psi*in^2', 'psi*inch**2', 'lbf', 1), ('gal/mi', 'gallon/mile', 'L/km', 1),
    # offset temperatures (values chosen away from 0 so relative comparison means something)
    ('degC', 'degC', 'K', 25), ('degF', 'degF', 'K', 98.6), ('degF', 'degF', 'degC', 451), ('degC', 'degC', 'degF', 37),
    ('K', 'kelvin', 'degF', 300), ('delta_degF', 'delta_degF', 'delta_degC', 9), ('delta_degC', 'delta_degC', 'K', 7),
]

PINT_TARGET = {'1': 'dimensionless', 'm^3': 'meter**3', 'm^2': 'meter**2', 'kg*m/s^2': 'kilogram*meter/second**2',
               'N/m^2': 'newton/meter**2', 'Wb/m^2': 'weber/meter**2', 'cd*sr/m^2': 'candela*steradian/meter**2',
               'lbf': 'force_pound', 'km/h': 'kilometer/hour', 'L/km': 'liter/kilometer', 'degF': 'degF', 'degC': 'degC',
               'delta_degC': 'delta_degC'}

rows = []
for ours, theirs, target, value in CASES:
    q = u.Quantity(value, theirs).to(PINT_TARGET.get(target, target))
    rows.append({'unit': ours, 'to': target, 'value': value, 'expected': float(q.magnitude)})
print(json.dumps({'generator': 'plugins/units/scripts/pint-reference.py', 'pint': pint.__version__, 'cases': rows}, indent=1, ensure_ascii=False))
