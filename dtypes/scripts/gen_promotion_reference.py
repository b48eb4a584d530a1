#!/usr/bin/env python3
"""NumPy 2 reference for ufunc type resolution of bool/integer inputs, and for divmod / frexp.

Writes dtypes/tests/reference/promotion.json:
- `legacyPromoted`: catalog ufuncs whose NumPy loop list lacks a loop for some bool/integer
  input that NumPy still accepts (derived from `ufunc.types`, e.g. sqrt: e f d only).
- `dispatch`: for every catalog ufunc and every input dtype (unary) or ordered pair of dtypes
  (binary) over the 14 builtins, the output dtypes NumPy resolves, or null where it raises.
- `values`: outputs for those ufuncs on bool/integer edge values (homogeneous inputs, plus a few
  mixed pairs), computed by NumPy.
- `weak`: JS-scalar cases (NEP 50 weak Python scalars) with their result dtype and values.
- `loops`: divmod and frexp on edge values (0, -0, inf, nan, subnormals, division by zero,
  INT_MIN // -1) for every signature, arrays as base64 of little-endian bytes.

Usage: python3 dtypes/scripts/gen_promotion_reference.py
"""
import base64
import itertools
import json
import pathlib
import re
import warnings

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / 'tests' / 'reference' / 'promotion.json'
CATALOG = ROOT.parent / 'ufunc-registry' / 'src' / 'catalog.ts'

NAMES = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64',
         'float16', 'float32', 'float64', 'complex64', 'complex128']
INTEGRAL = NAMES[:9]
CHAR_TO_NAME = {np.dtype(n).char: n for n in NAMES}
CHAR_TO_NAME[np.dtype(np.longlong).char] = 'int64'
CHAR_TO_NAME[np.dtype(np.ulonglong).char] = 'uint64'

warnings.simplefilter('ignore')  # division by zero, invalid value: NumPy warns, we compare values
rng = np.random.default_rng(20250219)


def b64(arr):
    return base64.b64encode(np.ascontiguousarray(arr).astype(arr.dtype.newbyteorder('<')).tobytes()).decode()


def catalog():
    names = re.findall(r"\{ name: '([a-z0-9_]+)', nin: (\d), nout: (\d)", CATALOG.read_text())
    return [(n, int(i), int(o)) for n, i, o in names]


def resolve(ufunc, dtypes):
    """Output dtype names NumPy picks for arrays of `dtypes`, or None when it raises."""
    args = [np.ones(2, dtype=d) for d in dtypes]
    try:
        r = ufunc(*args)
    except (TypeError, ValueError):
        return None
    rs = r if isinstance(r, tuple) else (r,)
    return [CHAR_TO_NAME[x.dtype.char] for x in rs]


def loop_inputs(ufunc):
    sigs = []
    for t in ufunc.types:
        ins = t.split('->')[0]
        if all(c in CHAR_TO_NAME for c in ins):
            sigs.append(tuple(CHAR_TO_NAME[c] for c in ins))
    return sigs


def legacy_promoted(cat):
    out = []
    for name, nin, _ in cat:
        ufunc = getattr(np, name)
        have = set(loop_inputs(ufunc))
        if any((d,) * nin not in have and resolve(ufunc, [d] * nin) is not None for d in INTEGRAL):
            out.append(name)
    return out


def dispatch_table(cat):
    rows = []
    for name, nin, _ in cat:
        ufunc = getattr(np, name)
        for ins in itertools.product(NAMES, repeat=nin):
            rows.append({'ufunc': name, 'inputs': list(ins), 'outputs': resolve(ufunc, ins)})
    return rows


def int_edges(name):
    if name == 'bool':
        return np.array([False, True, True, False])
    info = np.iinfo(name)
    vals = [0, 1, 2, 3, 4, 7, 10, 100, 1000, -1, -2, -7, -100, info.min, info.min + 1, info.max, info.max - 1]
    return np.array(sorted({v for v in vals if info.min <= v <= info.max}), dtype=name)


def shift_counts(name):
    info = np.iinfo(name)
    return np.array([c for c in [0, 1, 2, 3, 7, 8, 15, 16, 31, 32, 63, 64, -1] if info.min <= c <= info.max], dtype=name)


def binary_operands(name, d1, d2):
    a0 = int_edges(d1) if d1 in INTEGRAL else float_edges(d1)
    if name in ('left_shift', 'right_shift') and d2 != 'bool':
        b0 = shift_counts(d2)
    elif name == 'power' and d2 != 'bool' and np.dtype(d2).kind in 'iu':
        b0 = np.array([0, 1, 2, 3, 5, 7], dtype=d2)
    else:
        b0 = int_edges(d2) if d2 in INTEGRAL else float_edges(d2)
    pairs = list(itertools.product(range(len(a0)), range(len(b0))))
    a = np.array([a0[i] for i, _ in pairs], dtype=d1)
    b = np.array([b0[j] for _, j in pairs], dtype=d2)
    return a, b


def values_entries(promoted):
    entries = []
    for name in promoted:
        ufunc = getattr(np, name)
        combos = [(d,) * ufunc.nin for d in INTEGRAL]
        if ufunc.nin == 2:
            combos += [('int8', 'float32'), ('int16', 'uint8'), ('bool', 'int8'), ('uint64', 'int64'), ('int32', 'float16')]
        for ins in combos:
            if resolve(ufunc, ins) is None:
                continue
            args = (int_edges(ins[0]),) if ufunc.nin == 1 else binary_operands(name, *ins)
            try:
                r = ufunc(*args)
            except ValueError:  # integer power with a negative exponent (not produced above)
                continue
            rs = r if isinstance(r, tuple) else (r,)
            entries.append({'ufunc': name, 'inputs': list(ins), 'outputs': [CHAR_TO_NAME[x.dtype.char] for x in rs],
                            'n': len(args[0]), 'in': [b64(x) for x in args], 'out': [b64(x) for x in rs]})
    return entries


def weak_entries():
    """(ufunc, operands) where an operand is a dtype name (an array of edge values) or a JS scalar."""
    cases = [
        ('sqrt', [4]), ('sqrt', [True]), ('exp', [1]), ('log', [10]), ('sin', [False]),
        ('arctan2', [1, 2]), ('arctan2', ['int16', 2]), ('arctan2', [3, 'int16']), ('arctan2', ['int8', 2.5]),
        ('arctan2', ['uint8', True]), ('hypot', ['int32', 3]), ('divide', ['int8', 2]), ('divide', [7, 'int16']),
        ('floor_divide', ['bool', True]), ('power', ['bool', 2]), ('divmod', ['int16', 3]), ('divmod', [7.5, 'float32']),
        ('frexp', [8]), ('frexp', ['int8']),
    ]
    out = []
    for name, ops in cases:
        ufunc = getattr(np, name)
        args = [(int_edges(o) if o in INTEGRAL else float_edges(o))[:6] if isinstance(o, str) else o for o in ops]
        r = ufunc(*args)
        rs = r if isinstance(r, tuple) else (r,)
        rs = [np.asarray(x) for x in rs]
        out.append({'ufunc': name,
                    'operands': [{'dtype': o, 'values': b64(a)} if isinstance(o, str) else {'scalar': o} for o, a in zip(ops, args)],
                    'outputs': [CHAR_TO_NAME[x.dtype.char] for x in rs], 'out': [b64(x.reshape(-1)) for x in rs],
                    'shape': list(rs[0].shape)})
    return out


def float_edges(name):
    info = np.finfo(name)
    vals = [0.0, -0.0, 1.0, -1.0, 0.5, -0.75, 1.5, -2.5, 3.0, 7.0, -7.25, 0.1, 100.75, 1e-3,
            float(info.smallest_subnormal), -float(info.smallest_subnormal), float(info.smallest_normal) * 3,
            float(info.smallest_normal), -float(info.max), float(info.max), np.nan, np.inf, -np.inf]
    return np.array(vals, dtype=name)


def loop_entries():
    entries = []
    for name in ('divmod', 'frexp'):
        ufunc = getattr(np, name)
        seen = []
        for t in ufunc.types:
            ins, outs = t.split('->')
            if not all(c in CHAR_TO_NAME for c in ins + outs):
                continue
            sig = [CHAR_TO_NAME[c] for c in ins + outs]
            if sig in seen:
                continue
            seen.append(sig)
            if ufunc.nin == 1:
                args = (float_edges(sig[0]),)
            else:
                args = binary_operands(name, sig[0], sig[1])
                if len(args[0]) > 400:
                    keep = np.sort(rng.choice(len(args[0]), 400, replace=False))
                    args = (args[0][keep], args[1][keep])
            r = ufunc(*args, signature=tuple(sig))
            entries.append({'ufunc': name, 'dtypes': sig, 'n': len(args[0]),
                            'in': [b64(x) for x in args], 'out': [b64(x) for x in r]})
    return entries


def main():
    cat = catalog()
    promoted = legacy_promoted(cat)
    ref = {
        'numpy': np.__version__,
        'legacyPromoted': promoted,
        'dispatch': dispatch_table(cat),
        'values': values_entries(promoted),
        'weak': weak_entries(),
        'loops': loop_entries(),
    }
    OUT.write_text(json.dumps(ref, separators=(',', ':')) + '\n')
    print(f"wrote {OUT}: {len(ref['dispatch'])} dispatch rows, {len(ref['values'])} value sets, "
          f"{len(ref['weak'])} weak-scalar cases, {len(ref['loops'])} divmod/frexp signatures")


if __name__ == '__main__':
    main()
