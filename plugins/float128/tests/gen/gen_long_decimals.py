#!/usr/bin/env python3
"""Reference bits for long decimal inputs (parse-hostile.test.ts): exact rationals, RNE to binary128.

Each case is a recipe the test rebuilds the same way (see buildDecimal in parse-hostile.test.ts):
  {"parts": [[piece, count], ...]}                  -> concatenation of piece * count
  {"odd": "<int>", "q": <int>, "tail": t, "sign": s} -> the exact decimal of odd * 2^q (q < 0), written
      '<odd*5^-q>e<q>'; tail 'exact', 'plus' (then 5000 zeros and a 1: m + 10^(q-5001)) or 'minus'
      (m - 10^(q-5000): digits-1 then 5000 nines).
Run: python3 plugins/float128/tests/gen/gen_long_decimals.py > plugins/float128/tests/vectors/long-decimals.json
"""
import json
import sys
from decimal import Decimal
from fractions import Fraction

sys.set_int_max_str_digits(0)

BIAS, MANT, EMIN, EMAX = 16383, 112, -16382, 16383


def build(case):
    if "parts" in case:
        return "".join(piece * count for piece, count in case["parts"])
    odd, q = int(case["odd"]), case["q"]
    digits = odd * 5 ** (-q)
    sign = "-" if case.get("sign") == "-" else ""
    if case["tail"] == "exact":
        return f"{sign}{digits}e{q}"
    if case["tail"] == "plus":
        return f"{sign}{digits}{'0' * 5000}1e{q - 5001}"
    return f"{sign}{digits - 1}{'9' * 5000}e{q - 5000}"


def exact(text):
    t = text.strip().replace("_", "")
    return Fraction(t)


def rne_bits(x):
    """IEEE binary128 bits of the rational x, round to nearest even."""
    sign = 1 if x < 0 else 0
    a = -x if x < 0 else x
    if a == 0:
        return sign << 127
    e = a.numerator.bit_length() - a.denominator.bit_length()
    if Fraction(2) ** e > a:
        e -= 1
    e = max(e, EMIN)
    scaled = a / Fraction(2) ** (e - MANT)
    n = scaled.numerator // scaled.denominator
    rem = scaled - n
    if rem > Fraction(1, 2) or (rem == Fraction(1, 2) and n % 2 == 1):
        n += 1
    if n == 2 ** (MANT + 1):
        n //= 2
        e += 1
    if e > EMAX:
        return (sign << 127) | (0x7FFF << 112)
    if n < 2 ** MANT:  # subnormal
        return (sign << 127) | n
    return (sign << 127) | ((e + BIAS) << 112) | (n - 2 ** MANT)


def by_magnitude(text):
    """±inf / ±0 for decimals far outside binary128's range (10^huge is too big for Fraction)."""
    d = Decimal(text.strip().replace("_", ""))
    sign = 1 << 127 if d.is_signed() else 0
    if d.is_zero():
        return sign
    if d.adjusted() > 4933:  # >= 1e4934 > max + ulp/2
        return sign | (0x7FFF << 112)
    if d.adjusted() < -4968:  # < 1e-4967 < min subnormal / 2
        return sign
    return None


CASES = [
    # name, recipe, what the rounding must give (cross-checked below where stated)
    ("1 + half ulp exact (tie to even: 1)", {"odd": str(2 ** 113 + 1), "q": -113, "tail": "exact"}),
    ("1 + half ulp + tiny (up)", {"odd": str(2 ** 113 + 1), "q": -113, "tail": "plus"}),
    ("1 + half ulp - tiny (down)", {"odd": str(2 ** 113 + 1), "q": -113, "tail": "minus"}),
    ("1 + 3 half ulps exact (tie to even: up)", {"odd": str(2 ** 113 + 3), "q": -113, "tail": "exact"}),
    ("midpoint with the most digits (11564), tie up to 2^-16381", {"odd": str(2 ** 114 - 1), "q": -16495, "tail": "exact"}),
    ("midpoint with the most digits minus tiny", {"odd": str(2 ** 114 - 1), "q": -16495, "tail": "minus"}),
    ("midpoint with the most digits plus tiny", {"odd": str(2 ** 114 - 1), "q": -16495, "tail": "plus"}),
    ("long subnormal midpoint exact (tie down to even)", {"odd": str(2 ** 114 - 3), "q": -16495, "tail": "exact"}),
    ("long subnormal midpoint plus tiny", {"odd": str(2 ** 114 - 3), "q": -16495, "tail": "plus", "sign": "-"}),
    ("half of min subnormal exact (tie to 0)", {"odd": "1", "q": -16495, "tail": "exact"}),
    ("half of min subnormal plus tiny (min subnormal)", {"odd": "1", "q": -16495, "tail": "plus"}),
    ("3/2 min subnormal exact (tie up to 2)", {"odd": "3", "q": -16495, "tail": "exact"}),
    ("mid-range midpoint exact", {"odd": str(0x1921FB54442D18469898CC51701B9 * 2 + 1), "q": -1114, "tail": "exact"}),
    ("mid-range midpoint plus tiny", {"odd": str(0x1921FB54442D18469898CC51701B9 * 2 + 1), "q": -1114, "tail": "plus"}),
    ("mid-range midpoint minus tiny", {"odd": str(0x1921FB54442D18469898CC51701B9 * 2 + 1), "q": -1114, "tail": "minus"}),
    ("1e5 ones after the point", {"parts": [["0.", 1], ["1", 100000]]}),
    ("1e5 ones", {"parts": [["1", 100000]]}),
    ("1e5 digits in the subnormal range", {"parts": [["0.", 1], ["0", 4960], ["123456789", 11112]]}),
    ("1 then 1e5 zeros then 1 (1)", {"parts": [["1.", 1], ["0", 100000], ["1", 1]]}),
    ("1e5 nines after the point (1)", {"parts": [["0.", 1], ["9", 100000]]}),
    ("1e5 zeros then digits, exponent", {"parts": [["0", 100000], ["31415926535897932384626433832795028841971", 1], ["e-40", 1]]}),
    ("digits grouped by underscores", {"parts": [["2", 1], ["_718281828", 5000]]}),
    ("huge positive exponent", {"parts": [["1e999999999999", 1]]}),
    ("huge negative exponent", {"parts": [["-1e-999999999999", 1]]}),
    ("huge exponent, many digits", {"parts": [["0.", 1], ["0", 50000], ["7", 1], ["e50004932", 1]]}),
    ("1e5-digit exponent", {"parts": [["1e", 1], ["0", 99990], ["4000", 1]]}),
]


def main():
    out = []
    for name, recipe in CASES:
        text = build(recipe)
        bits = by_magnitude(text)
        if bits is None:
            bits = rne_bits(exact(text))
        out.append({"name": name, "recipe": recipe, "bits": f"{bits:032x}"})
    # Cross-checks on what the rounding must do (independent of rne_bits' tie logic).
    one, eps = 0x3FFF << 112, 1
    by = {o["name"]: int(o["bits"], 16) for o in out}
    assert by["1 + half ulp exact (tie to even: 1)"] == one
    assert by["1 + half ulp + tiny (up)"] == one + eps
    assert by["1 + half ulp - tiny (down)"] == one
    assert by["1 + 3 half ulps exact (tie to even: up)"] == one + 2
    assert by["midpoint with the most digits (11564), tie up to 2^-16381"] == 2 << 112
    assert by["midpoint with the most digits minus tiny"] == (1 << 112) | (2 ** 112 - 1)
    assert by["half of min subnormal exact (tie to 0)"] == 0
    assert by["half of min subnormal plus tiny (min subnormal)"] == 1
    assert by["3/2 min subnormal exact (tie up to 2)"] == 2
    assert by["1 then 1e5 zeros then 1 (1)"] == one
    assert by["1e5 nines after the point (1)"] == one
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
