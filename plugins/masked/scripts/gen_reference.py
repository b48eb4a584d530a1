"""Reference values for @dtkit/masked tests, from numpy.ma where its semantics agree with
pandas' nullable arrays (elementwise NA propagation, skipna reductions, mean by the valid count).
Rules numpy.ma does not share (Kleene logic, minCount, skipna=False, all-NA sum = 0) are tested
with hand-derived values in the test files. Run: python3 plugins/masked/scripts/gen_reference.py
"""
import json
import numpy as np
import numpy.ma as ma

def enc(x):
    """masked array / scalar -> JSON (None = NA)"""
    if x is ma.masked:
        return None
    if isinstance(x, ma.MaskedArray):
        return [enc(v) for v in x] if x.ndim > 0 else enc(x[()])
    if isinstance(x, (np.bool_, bool)):
        return bool(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    v = float(x)
    return 'NaN' if v != v else v

A = [[1.5, None, -3.0, 4.25], [None, 2.0, 0.5, None], [7.0, -1.0, None, 8.0]]
B = [[2.0, 3.0, None, -0.5], [1.0, None, 4.0, 2.0], [0.25, 5.0, 6.0, None]]
I = [[3, None, -7, 9], [None, 4, 0, None], [5, -2, None, 8]]

def marr(rows, dtype):
    data = np.array([[0 if v is None else v for v in r] for r in rows], dtype=dtype)
    mask = np.array([[v is None for v in r] for r in rows])
    return ma.array(data, mask=mask)

a, b, i = marr(A, 'f8'), marr(B, 'f8'), marr(I, 'i4')
out = {'A': A, 'B': B, 'I': I, 'elementwise': {}, 'reductions': {}}
for name, f in [('add', np.add), ('subtract', np.subtract), ('multiply', np.multiply), ('divide', np.divide),
                ('maximum', np.maximum), ('less', np.less), ('equal', np.equal), ('greater_equal', np.greater_equal)]:
    out['elementwise'][name] = enc(f(a, b))
out['elementwise']['sqrt_abs'] = enc(ma.sqrt(ma.abs(a)))
out['elementwise']['int_plus_float'] = enc(np.add(i, b))
for axis in [None, 0, 1]:
    key = 'all' if axis is None else str(axis)
    r = out['reductions'].setdefault(key, {})
    r['sum'] = enc(a.sum(axis=axis))
    r['prod'] = enc(a.prod(axis=axis))
    r['min'] = enc(a.min(axis=axis))
    r['max'] = enc(a.max(axis=axis))
    r['mean'] = enc(a.mean(axis=axis))
    r['isum'] = enc(i.sum(axis=axis, dtype='i8'))
# accumulate: numpy.ma's cumsum fills masked lanes with 0 and keeps them masked (same rule).
out['cumsum1'] = enc(ma.cumsum(a, axis=1))
print(json.dumps(out))
