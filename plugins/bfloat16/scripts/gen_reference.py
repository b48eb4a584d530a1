#!/usr/bin/env python3
"""Exact-rational reference vectors for bfloat16 / float16 / float8_e4m3fn / float8_e5m2.

Rounding is computed with fractions.Fraction only (no numpy, no float rounding): a value is
rounded to the nearest representable value of the format, ties to the even code (IEEE 754-2019
§4.3.1 roundTiesToEven). Overflow follows §4.3.1 as well: a value at or beyond
max + ulp(max)/2 rounds past max; for IEEE-like formats that is ±inf, for float8_e4m3fn (no inf)
it is NaN -- the rounding itself is done as if the exponent range were unbounded, so 464 (a tie
between 448 and the virtual 480) gives 448. With overflow='saturate' a past-max result becomes
±max, and ±inf inputs too (like ml_dtypes' saturating casts).

Arithmetic vectors follow the documented semantics "computed in float32 and rounded once": the
exact rational result of the two decoded operands is rounded once to binary32, and that binary32
value is rounded once to the target format.

Output: plugins/bfloat16/tests/vectors/{casts,arith}.json. Deterministic (fixed seed).
Run: python3 plugins/bfloat16/scripts/gen_reference.py
"""
import bisect
import json
import os
import random
import struct
from fractions import Fraction

OUT_DIR = os.path.join(os.path.dirname(__file__), '..', 'tests', 'vectors')


class Fmt:
    def __init__(self, name, exp_bits, mant_bits, bias, style):
        self.name, self.e, self.m, self.bias, self.style = name, exp_bits, mant_bits, bias, style
        self.nbits = 1 + exp_bits + mant_bits
        self.sign = 1 << (exp_bits + mant_bits)
        all_ones = (1 << exp_bits) - 1
        if style == 'ieee':
            self.inf = all_ones << mant_bits
            self.max_code = self.inf - 1
            self.qnan = self.inf | (1 << (mant_bits - 1))
            self.overflow_code = self.inf
        else:  # 'fn': only S.1111.111 is NaN
            self.inf = None
            self.max_code = self.sign - 2
            self.qnan = self.sign - 1
            self.overflow_code = self.qnan
        # Every finite non-negative value, in code order (= increasing value).
        self.values = [self.decode(c) for c in range(self.max_code + 1)]
        top_ulp = Fraction(2) ** (self.max_exp() - mant_bits)
        # A virtual code one past max, as if the exponent range went on: overflow threshold.
        self.virtual = self.values[-1] + top_ulp

    def max_exp(self):
        field = (self.max_code >> self.m)
        return field - self.bias

    def decode(self, code):
        """Exact value of a code: Fraction, or 'nan' / 'inf' / '-inf'."""
        neg = bool(code & self.sign)
        mag = code & (self.sign - 1)
        field, frac = mag >> self.m, mag & ((1 << self.m) - 1)
        if mag > self.max_code:
            if self.inf is not None and mag == self.inf:
                return '-inf' if neg else 'inf'
            return 'nan'
        if field == 0:
            v = Fraction(frac) * Fraction(2) ** (1 - self.bias - self.m)
        else:
            v = Fraction((1 << self.m) + frac) * Fraction(2) ** (field - self.bias - self.m)
        return -v if neg else v

    def round_exact(self, q, negative, saturate):
        """Rounds |q| (Fraction ≥ 0) with the given sign: nearest value, ties to even code."""
        s = self.sign if negative else 0
        top = len(self.values) - 1
        i = bisect.bisect_left(self.values, q)
        if i <= top and self.values[i] == q:
            return s | i
        if i > top:  # beyond max: compare with the virtual next value
            lo_code, lo, hi = top, self.values[top], self.virtual
        else:
            lo_code, lo, hi = i - 1, self.values[i - 1], self.values[i]
        if q >= hi and lo_code == top:
            code = top + 1
        elif q - lo < hi - q:
            code = lo_code
        elif q - lo > hi - q:
            code = lo_code + 1
        else:
            code = lo_code if lo_code % 2 == 0 else lo_code + 1
        if code > top:
            code = top if saturate else self.overflow_code
        return s | code

    def encode(self, x, saturate=False):
        """x: ('nan', neg) | ('inf', neg) | ('num', Fraction, neg) → code."""
        kind = x[0]
        if kind == 'nan':
            return (self.sign if x[1] else 0) | self.qnan
        if kind == 'inf':
            s = self.sign if x[1] else 0
            return s | (self.max_code if saturate else self.overflow_code)
        return self.round_exact(abs(x[1]), x[2], saturate)


BF16 = Fmt('bfloat16', 8, 7, 127, 'ieee')
F16 = Fmt('float16', 5, 10, 15, 'ieee')
E4M3 = Fmt('float8_e4m3fn', 4, 3, 7, 'fn')
E5M2 = Fmt('float8_e5m2', 5, 2, 15, 'ieee')
FORMATS = [BF16, F16, E4M3, E5M2]


def f64_from_bits(bits):
    return struct.unpack('<d', struct.pack('<Q', bits))[0]


def f64_bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def classify_f64(bits):
    neg = bool(bits >> 63)
    x = f64_from_bits(bits)
    if x != x:
        return ('nan', neg)
    if x in (float('inf'), float('-inf')):
        return ('inf', neg)
    return ('num', Fraction(x), neg)  # Fraction(float) is exact


def round_to_f32(q):
    """Exact rational → nearest binary32 (ties to even), as a Python float; ±inf on overflow."""
    if q == 0:
        return 0.0
    a = abs(q)
    e = a.numerator.bit_length() - a.denominator.bit_length()
    if Fraction(2) ** e > a:
        e -= 1
    binade = max(e, -126)
    scaled = a / Fraction(2) ** (binade - 23)
    n = scaled.numerator // scaled.denominator
    rest = scaled - n
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and n % 2 == 1):
        n += 1
    v = Fraction(n) * Fraction(2) ** (binade - 23)
    if v >= Fraction(2) ** 128:
        r = float('inf')
    else:
        r = float(v)  # exact: v has ≤ 24 significant bits and is in range
    return -r if q < 0 else r


def f64_cases(fmt, rng):
    """Interesting binary64 inputs for casting to fmt, as bit patterns."""
    out = []
    for _ in range(600):  # uniform random bit patterns
        out.append(rng.getrandbits(64))
    emin, emax = 1 - fmt.bias - fmt.m, fmt.max_exp() + 1
    for _ in range(900):  # random values around the format's exponent range
        e = rng.randint(emin - 3, emax + 1) + 1023
        out.append((rng.getrandbits(1) << 63) | (e << 52) | rng.getrandbits(52))
    for _ in range(300):  # exact midpoints between neighbours, and one binary64 ulp either side
        c = rng.randint(0, fmt.max_code - 1)
        mid = (fmt.values[c] + fmt.values[c + 1]) / 2
        b = f64_bits(float(mid))
        out += [b, b + 1, b - 1 if mid > 0 else b, b | (1 << 63)]
    for _ in range(300):  # double-rounding traps: just above a tie, invisible to binary32
        c = rng.randrange(0, fmt.max_code - 1, 2)  # even code: the tie itself goes down
        mid = (fmt.values[c] + fmt.values[c + 1]) / 2
        if mid == 0:
            continue
        out.append(f64_bits(float(mid) * (1 + 2 ** -40)))
    top, virt = fmt.values[-1], fmt.virtual
    edge = [top, (top + virt) / 2, fmt.values[1] / 2, fmt.values[1] / 4, fmt.values[1] * 3 / 4]
    for v in edge:  # overflow and underflow edges, ± one binary64 ulp
        b = f64_bits(float(v))
        out += [b, b + 1, b - 1, b | (1 << 63)]
    specials = [0, 1 << 63, 0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000000,
                0xFFF8000000000000, 0x7FF0000000000001, 1, 0x000FFFFFFFFFFFFF,
                f64_bits(16842753.0), f64_bits(1e300), f64_bits(-1e-300)]
    return out + specials


def int_cases(fmt, rng):
    out = [0, 1, -1, 16842753, 2 ** 63 - 1, -(2 ** 63), 2 ** 53 + 1, 464, 465, 448, 65520,
           61440, 57344, 2 ** 24 + 2 ** 16, 2 ** 24 + 2 ** 16 + 1]
    for _ in range(400):
        bits = rng.randint(1, 63)
        out.append(rng.getrandbits(bits) * rng.choice([1, -1]))
    for _ in range(200):  # ties and near-ties at a random binade, beyond 2^53 too
        k = rng.randint(fmt.m + 2, 62)
        base = (1 << k) + (rng.getrandbits(fmt.m) << (k - fmt.m))
        half = 1 << (k - fmt.m - 1)
        out += [base + half, base + half + 1, base + half - 1]
    return [x for x in out if -(2 ** 63) <= x < 2 ** 63]


def cast_vectors(rng):
    result = {}
    for fmt in FORMATS:
        f64 = []
        for bits in f64_cases(fmt, rng):
            x = classify_f64(bits)
            f64.append('%016x %x %x' % (bits, fmt.encode(x), fmt.encode(x, saturate=True)))
        ints = []
        for n in int_cases(fmt, rng):
            x = ('num', Fraction(n), n < 0)
            ints.append('%d %x %x' % (n, fmt.encode(x), fmt.encode(x, saturate=True)))
        result[fmt.name] = {'float64': f64, 'int64': ints}
    return result


def as_signed_float(value, negative):
    """A decoded operand as a Python float with its sign (−0.0 for a negative zero)."""
    if value == 'nan':
        return float('nan')
    f = float(value)
    return -0.0 if f == 0 and negative else f


def signed_apply(op, fmt, ca, cb):
    """Exact a op b → ('nan', neg) | ('inf', neg) | ('num', Fraction, neg).

    Fraction has no −0, inf or NaN, so those are tracked from the codes' sign bits following
    IEEE 754 §6.1-§6.3 and §7.2-§7.3 (invalid → NaN, divide by zero → ±inf)."""
    a, b = fmt.decode(ca), fmt.decode(cb)
    sa, sb = bool(ca & fmt.sign), bool(cb & fmt.sign)
    if a == 'nan' or b == 'nan':
        return ('nan', False)
    if op == 'div' and not isinstance(b, str) and b == 0:
        if not isinstance(a, str) and a == 0:
            return ('nan', False)  # 0/0 is invalid
        return ('inf', sa != sb)  # x/±0, including ±inf/±0
    if isinstance(a, str) or isinstance(b, str):
        # An infinite operand: binary64 arithmetic gives the IEEE answer (inf, NaN or ±0).
        x, y = as_signed_float(a, sa), as_signed_float(b, sb)
        r = {'add': x + y, 'sub': x - y, 'mul': x * y, 'div': x / y if op == 'div' else 0}[op]
        neg = struct.pack('>d', r)[0] >= 0x80
        if r != r:
            return ('nan', False)
        if r in (float('inf'), float('-inf')):
            return ('inf', neg)
        return ('num', Fraction(r), neg)
    q = {'add': a + b, 'sub': a - b, 'mul': a * b, 'div': a / b if op == 'div' else 0}[op]
    if q != 0:
        return ('num', q, q < 0)
    # Exact zero. Products and quotients: sign is the xor of the operand signs (§6.3).
    if op in ('mul', 'div'):
        return ('num', q, sa != sb)
    # Sums: x + (−x) is +0 under roundTiesToEven; (−0) + (−0) is −0 (§6.3).
    eff_b = sb if op == 'add' else not sb
    return ('num', q, sa and eff_b)


def arith_code(op, fmt, ca, cb):
    r = signed_apply(op, fmt, ca, cb)
    if r[0] != 'num':
        return fmt.encode(r)
    q, neg = r[1], r[2]
    f = round_to_f32(q)  # first rounding: to binary32
    if f in (float('inf'), float('-inf')):
        return fmt.encode(('inf', neg))
    return fmt.encode(('num', Fraction(f), neg))  # second rounding: binary32 → format


OPS = ['add', 'sub', 'mul', 'div']


def arith_vectors(rng):
    result = {}
    # bfloat16: random code pairs (half of them from a narrower exponent band so that sums
    # and differences interact), plus specials. Entries: "aaaa bbbb add sub mul div" in hex.
    special = [0x0000, 0x8000, 0x7F80, 0xFF80, 0x7FC0, 0x0001, 0x8001, 0x7F7F, 0xFF7F, 0x0080,
               0x3F80, 0xBF80, 0x4B80, 0x3F81]
    pairs = [(a, b) for a in special for b in special]
    for _ in range(3000):
        pairs.append((rng.getrandbits(16), rng.getrandbits(16)))
    for _ in range(3000):
        pairs.append(((rng.getrandbits(1) << 15) | rng.randint(0x3A00, 0x4500),
                      (rng.getrandbits(1) << 15) | rng.randint(0x3A00, 0x4500)))
    result['bfloat16'] = ['%04x %04x %s' % (a, b, ' '.join('%04x' % arith_code(op, BF16, a, b)
                                                           for op in OPS)) for a, b in pairs]
    # float8: every (a, b) pair; one hex string per op, result for (a, b) at index a*256+b.
    for fmt in (E4M3, E5M2):
        result[fmt.name] = {op: ''.join('%02x' % arith_code(op, fmt, a, b)
                                        for a in range(256) for b in range(256)) for op in OPS}
    return result


def self_check():
    """The bisect rounding against an independent scaled-integer rounding on random values."""
    rng = random.Random(7)
    for fmt in FORMATS:
        for _ in range(2000):
            q = Fraction(rng.getrandbits(40), 1 << rng.randint(0, 60))
            e = q.numerator.bit_length() - q.denominator.bit_length() if q else 0
            if q == 0 or e > fmt.max_exp():
                continue
            if Fraction(2) ** e > q:
                e -= 1
            binade = max(e, 1 - fmt.bias)
            scaled = q / Fraction(2) ** (binade - fmt.m)
            n = scaled.numerator // scaled.denominator
            rest = scaled - n
            if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and n % 2):
                n += 1
            want = Fraction(n) * Fraction(2) ** (binade - fmt.m)
            code = fmt.round_exact(q, False, True)
            got = fmt.decode(code)
            assert want > fmt.values[-1] or got == want, (fmt.name, q, got, want)


def main():
    self_check()
    rng = random.Random(20261121)
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, 'casts.json'), 'w') as f:
        json.dump(cast_vectors(rng), f, separators=(',', ':'))
    with open(os.path.join(OUT_DIR, 'arith.json'), 'w') as f:
        json.dump(arith_vectors(rng), f, separators=(',', ':'))


if __name__ == '__main__':
    main()
