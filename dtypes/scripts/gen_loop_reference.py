#!/usr/bin/env python3
"""NumPy 2 reference outputs for the plain-JS builtin loops (dtypes/src/loops).

For every (ufunc, signature) NumPy has over our dtypes, evaluates the ufunc on edge-value and
random inputs and writes dtypes/tests/reference/loops.json. Arrays are stored as base64 of their
little-endian bytes, so NaN payloads, -0, subnormals and int64 survive exactly.

Also: reduce references (np.<ufunc>.reduce with an explicit initial), pairwise-sum checks on
1e5-element data produced by a tiny PRNG (mulberry32) that the TS test re-implements, and
argmin/argmax references.

Usage: python3 dtypes/scripts/gen_loop_reference.py
"""
import base64
import itertools
import json
import pathlib
import sys

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / 'tests' / 'reference' / 'loops.json'

UFUNCS = ('add subtract multiply divide floor_divide remainder power negative positive absolute sign '
          'equal not_equal less less_equal greater greater_equal logical_and logical_or logical_xor '
          'logical_not bitwise_and bitwise_or bitwise_xor invert left_shift right_shift maximum minimum '
          'fmax fmin sqrt square exp exp2 expm1 log log2 log10 log1p sin cos tan arcsin arccos arctan '
          'arctan2 sinh cosh tanh hypot floor ceil trunc rint isnan isinf isfinite signbit copysign').split()
# Added later: drawn from their own generator so the data of the ufuncs above stays unchanged.
LATER_UFUNCS = 'cbrt arcsinh arccosh arctanh nextafter spacing fmod ldexp logaddexp logaddexp2 deg2rad rad2deg degrees radians'.split()

NAMES = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64',
         'float16', 'float32', 'float64', 'complex64', 'complex128']
CHAR_TO_NAME = {}
for name in NAMES:
    CHAR_TO_NAME[np.dtype(name).char] = name
# 'l' and 'q' (and 'L' / 'Q') are both 64-bit on LP64 platforms.
CHAR_TO_NAME[np.dtype(np.longlong).char] = 'int64'
CHAR_TO_NAME[np.dtype(np.ulonglong).char] = 'uint64'

rng = np.random.default_rng(20240601)


def b64(arr):
    return base64.b64encode(np.ascontiguousarray(arr).astype(arr.dtype.newbyteorder('<')).tobytes()).decode()


def signatures(ufunc):
    seen = []
    for t in ufunc.types:
        ins, outs = t.split('->')
        if all(c in CHAR_TO_NAME for c in ins + outs):
            sig = tuple(CHAR_TO_NAME[c] for c in ins + outs)
            if sig not in seen:
                seen.append(sig)
    return seen


def float_edges(name):
    info = np.finfo(name)
    vals = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -2.5, 3.0, -7.25, 0.1, 100.75, 1e-3,
            float(info.smallest_subnormal), float(info.smallest_normal), -float(info.max), float(info.max),
            np.nan, np.inf, -np.inf]
    return np.array(vals, dtype=name)


def int_edges(name):
    info = np.iinfo(name)
    vals = [0, 1, 2, 3, 7, 10, 100, -1, -2, -7, -100, info.min, info.min + 1, info.max, info.max - 1]
    vals = sorted({v for v in vals if info.min <= v <= info.max})
    return np.array(vals, dtype=name)


def complex_edges(name):
    parts = [0.0, -0.0, 1.0, -1.0, 2.5, 1e-3, np.nan, np.inf, -np.inf]
    return np.array([complex(r, i) for r in parts for i in parts], dtype=name)


def edges(name):
    if name == 'bool':
        return np.array([False, True])
    if name.startswith('complex'):
        return complex_edges(name)
    if name.startswith('float'):
        return float_edges(name)
    return int_edges(name)


def random_values(name, count, ufunc=None):
    if name == 'bool':
        return rng.integers(0, 2, count).astype(bool)
    if name.startswith('complex'):
        real = random_values('float64', count, ufunc)
        imag = random_values('float64', count, ufunc)
        return (real + 1j * imag).astype(name)
    if name.startswith('float'):
        mixes = [rng.uniform(-10, 10, count), rng.uniform(-1, 1, count),
                 np.sign(rng.uniform(-1, 1, count)) * 10.0 ** rng.uniform(-6, 6, count),
                 np.round(rng.uniform(-20, 20, count) * 2) / 2]  # halfway values for rint
        pick = rng.integers(0, len(mixes), count)
        return np.choose(pick, mixes).astype(name)
    info = np.iinfo(name)
    small = rng.integers(max(info.min, -50), min(info.max, 50) + 1, count)
    full = rng.integers(info.min, info.max, count, dtype=name, endpoint=True)
    return np.where(rng.integers(0, 2, count) == 1, small.astype(name), full)


def binary_inputs(ufunc, d1, d2):
    name = ufunc.__name__
    a_edges = edges(d1)
    if name in ('left_shift', 'right_shift'):
        info = np.iinfo(d2)
        counts = [c for c in [0, 1, 2, 3, 7, 8, 15, 16, 31, 32, 63, 64, 100, -1, -5] if info.min <= c <= info.max]
        b_edges = np.array(counts, dtype=d2)
    elif name == 'power' and d2 != 'bool' and np.dtype(d2).kind in 'iu':
        info = np.iinfo(d2)
        b_edges = np.array([e for e in [0, 1, 2, 3, 5, 7, 8, 15, 16, 31, 32, 63, 64, 100] if e <= info.max], dtype=d2)
    else:
        b_edges = edges(d2)
    pairs = list(itertools.product(range(len(a_edges)), range(len(b_edges))))
    if len(pairs) > 400:
        keep = rng.choice(len(pairs), 400, replace=False)
        pairs = [pairs[k] for k in sorted(keep)]
    a = np.array([a_edges[i] for i, _ in pairs], dtype=d1)
    b = np.array([b_edges[j] for _, j in pairs], dtype=d2)
    ra, rb = random_values(d1, 80), random_values(d2, 80)
    if name in ('left_shift', 'right_shift', 'power') and np.dtype(d2).kind in 'iu':
        rb = rng.choice(b_edges, 80).astype(d2)
    return np.concatenate([a, ra]), np.concatenate([b, rb])


def unary_inputs(d):
    return np.concatenate([edges(d), random_values(d, 200)])


def loop_entries():
    global rng
    entries = loop_entries_of(UFUNCS)
    saved, rng = rng, np.random.default_rng(20250219)
    entries += loop_entries_of(LATER_UFUNCS)
    rng = saved
    return entries


def loop_entries_of(names):
    entries = []
    for name in names:
        ufunc = getattr(np, name)
        for sig in signatures(ufunc):
            ins, outs = sig[:ufunc.nin], sig[ufunc.nin:]
            inputs = unary_inputs(ins[0]) if ufunc.nin == 1 else binary_inputs(ufunc, *ins)
            if ufunc.nin == 1:
                inputs = (inputs,)
            try:
                result = ufunc(*inputs, signature=sig)
            except TypeError:  # the int64 <-> uint64 comparisons are only reachable by promotion
                result = ufunc(*inputs)
            results = result if isinstance(result, tuple) else (result,)
            assert all(r.dtype == np.dtype(o) for r, o in zip(results, outs)), (name, sig)
            entries.append({'ufunc': name, 'dtypes': list(sig), 'n': len(inputs[0]),
                            'inputs': [b64(x) for x in inputs], 'outputs': [b64(r) for r in results]})
            if name == 'power' and np.dtype(ins[1]).kind == 'i':
                a = np.array([2, 3], dtype=ins[0])
                b = np.array([1, -1], dtype=ins[1])
                try:
                    ufunc(a, b, signature=sig)
                    raise AssertionError('expected ValueError')
                except ValueError:
                    entries.append({'ufunc': name, 'dtypes': list(sig), 'n': 2, 'error': 'ValueError',
                                    'inputs': [b64(a), b64(b)], 'outputs': []})
    return entries


REDUCE = {'add': np.add, 'multiply': np.multiply, 'maximum': np.maximum, 'minimum': np.minimum,
          'logical_and': np.logical_and, 'logical_or': np.logical_or}


def reduce_entries():
    entries = []
    for name, ufunc in REDUCE.items():
        for dtype in NAMES:
            if (dtype,) * 3 not in signatures(ufunc) and not (name.startswith('logical') and dtype == 'bool'):
                continue
            if name.startswith('logical') and dtype != 'bool':
                continue
            for data in (edges(dtype), random_values(dtype, 300), random_values(dtype, 7)):
                if dtype.startswith('float') or dtype.startswith('complex'):
                    data = data[~np.isnan(data)] if name in ('maximum', 'minimum') and len(data) > 20 else data
                if name == 'multiply' and dtype.startswith(('float', 'complex')):
                    data = data[np.abs(data) < 4] if len(data) > 20 else data
                initial = data[0]
                result = ufunc.reduce(data[1:], initial=initial, dtype=dtype)
                entries.append({'ufunc': name, 'dtype': dtype, 'n': len(data) - 1, 'initial': b64(np.array([initial], dtype=dtype)),
                                'input': b64(data[1:]), 'output': b64(np.array([result], dtype=dtype))})
    return entries


def mulberry32(seed, count):
    """32-bit PRNG mirrored in the TS test (no data needs to be stored)."""
    out = np.empty(count, dtype=np.uint32)
    a = seed & 0xffffffff
    for i in range(count):
        a = (a + 0x6D2B79F5) & 0xffffffff
        t = a
        t = ((t ^ (t >> 15)) * (t | 1)) & 0xffffffff
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & 0xffffffff)) & 0xffffffff
        out[i] = (t ^ (t >> 14)) & 0xffffffff
    return out


def prng_floats(seed, count):
    """value = (u/2^32 - 0.5) * 2^(v % 41 - 20): exact in float64, spans many binades."""
    u = mulberry32(seed, 2 * count).astype(np.float64)
    mant, expo = u[0::2], u[1::2]
    return (mant / 2.0 ** 32 - 0.5) * np.exp2(np.mod(expo, 41) - 20)


def sum_entries():
    entries = []
    for dtype, seed in (('float64', 1), ('float32', 2), ('float16', 3), ('complex128', 4), ('complex64', 5)):
        count = 100000 if dtype in ('float64', 'float32') else 3000
        base = prng_floats(seed, 2 * count)
        if dtype.startswith('complex'):
            data = (base[0::2] + 1j * base[1::2]).astype(dtype)
        else:
            data = base[:count].astype(dtype) if dtype != 'float16' else (base[:count] / 2 ** 10).astype(dtype)
        for n in (0, 1, 5, 7, 8, 9, 15, 16, 17, 100, 127, 128, 129, 255, 256, 1000, 2999, 8192, 8193, 20000, 100000):
            if n > len(data):
                continue
            entries.append({'dtype': dtype, 'seed': seed, 'count': count, 'n': n, 'stride': 1,
                            'sum': b64(np.array([np.sum(data[:n])], dtype=dtype))})
        entries.append({'dtype': dtype, 'seed': seed, 'count': count, 'n': count // 3, 'stride': 3,
                        'sum': b64(np.array([np.sum(data[::3][:count // 3])], dtype=dtype))})
    neg_zero = {'float64': b64(np.array([np.sum(np.array([-0.0]))])),
                'float64_empty': b64(np.array([np.sum(np.array([], dtype=np.float64))]))}
    return entries, neg_zero


def arg_entries():
    entries = []
    for dtype in NAMES:
        for data in (edges(dtype), random_values(dtype, 200), edges(dtype)[::-1]):
            for kind in ('argmax', 'argmin'):
                entries.append({'kind': kind, 'dtype': dtype, 'n': len(data), 'input': b64(data),
                                'result': int(getattr(np, kind)(data))})
            if dtype.startswith(('float', 'complex')):
                clean = data[~np.isnan(data)]
                for kind in ('argmax', 'argmin'):
                    entries.append({'kind': kind, 'dtype': dtype, 'n': len(clean), 'input': b64(clean),
                                    'result': int(getattr(np, kind)(clean))})
    return entries


def main():
    with np.errstate(all='ignore'):
        import warnings
        warnings.simplefilter('ignore')
        sums, neg_zero = sum_entries()
        doc = {'numpy': np.__version__, 'loops': loop_entries(), 'reduce': reduce_entries(),
               'sums': sums, 'sumSignedZero': neg_zero, 'arg': arg_entries()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, separators=(',', ':')))
    print(f'wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB, {len(doc["loops"])} loop signatures)', file=sys.stderr)


if __name__ == '__main__':
    main()
