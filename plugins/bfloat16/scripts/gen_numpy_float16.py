#!/usr/bin/env python3
"""numpy's own float16 casts, as vectors for checking dtkit's float16 codecs against numpy.

numpy converts binary64 → binary16 and binary32 → binary16 directly (one rounding, ties to
even). Output: plugins/bfloat16/tests/vectors/numpy_float16.json with lines
"<source bits hex> <float16 bits hex>". Deterministic (fixed seed).
Run: python3 plugins/bfloat16/scripts/gen_numpy_float16.py   (needs numpy)
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'vectors', 'numpy_float16.json')


def main():
    rng = np.random.default_rng(20261121)
    # binary64: exponents spread around binary16's range (2^-26 .. 2^17), random sign/fraction.
    n = 6000
    exps = rng.integers(1023 - 27, 1023 + 18, n, dtype=np.uint64)
    frac = rng.integers(0, 1 << 52, n, dtype=np.uint64)
    sign = rng.integers(0, 2, n, dtype=np.uint64) << np.uint64(63)
    bits64 = sign | (exps << np.uint64(52)) | frac
    bits64[::5] &= ~np.uint64((1 << 29) - 1)  # some exact ties / short fractions
    specials = np.array([0, 1 << 63, 0x7FF0000000000000, 0xFFF0000000000000,
                         0x40EFFE0000000000, 0x40EFFDFFFFFFFFFF, 0x3E70000000000000,
                         0x3E60000000000000, 0x3E60000000000001], dtype=np.uint64)
    bits64 = np.concatenate([bits64, specials])
    with np.errstate(over='ignore'):
        f16_from64 = bits64.view(np.float64).astype(np.float16).view(np.uint16)
    # binary32: uniformly random patterns plus the same exponent band.
    m = 6000
    bits32 = rng.integers(0, 1 << 32, m, dtype=np.uint64).astype(np.uint32)
    e32 = rng.integers(127 - 27, 127 + 18, m, dtype=np.uint32)
    band = (bits32 & np.uint32(0x807FFFFF)) | (e32 << np.uint32(23))
    bits32 = np.concatenate([bits32, band])
    with np.errstate(over='ignore'):
        f16_from32 = bits32.view(np.float32).astype(np.float16).view(np.uint16)
    data = {
        'numpy': np.__version__,
        'float64': ['%016x %04x' % (int(a), int(b)) for a, b in zip(bits64, f16_from64)],
        'float32': ['%08x %04x' % (int(a), int(b)) for a, b in zip(bits32, f16_from32)],
    }
    with open(OUT, 'w') as f:
        json.dump(data, f, separators=(',', ':'))


if __name__ == '__main__':
    main()
