"""Writes tests/reference/builtins-misc.json: finfo/iinfo and reduction results from NumPy 2."""
import json, pathlib
import numpy as np

cases = {}
for n in ['float16', 'float32', 'float64']:
    f = np.finfo(n)
    cases[n] = {'eps': float(f.eps), 'max': float(f.max), 'tiny': float(f.tiny), 'smallest_subnormal': float(f.smallest_subnormal),
                'precision': int(f.precision), 'resolution': float(f.resolution)}
for n in ['int8', 'uint16', 'int64', 'uint64']:
    i = np.iinfo(n)
    cases[n] = {'min': str(int(i.min)), 'max': str(int(i.max)), 'bits': int(i.bits)}
rng = np.random.default_rng(7)
m = rng.standard_normal((4, 5)).round(3)
red = {'m': m.tolist(), 'sum0': m.sum(0).tolist(), 'sum1': m.sum(1).tolist(), 'prod1': m.prod(1).tolist(), 'max0': m.max(0).tolist(),
       'min1': m.min(1).tolist(), 'argmax1': m.argmax(1).tolist(), 'argmin0': m.argmin(0).tolist(), 'mean0': m.mean(0).tolist(),
       'cumsum1': np.cumsum(m, 1).tolist(), 'subtract_reduce1': np.subtract.reduce(m, 1).tolist(),
       'maximum_accumulate0': np.maximum.accumulate(m, 0).tolist(), 'sumT': m.T.sum(1).tolist()}
i8 = np.array([100, 100, -100, 27], dtype=np.int8)
red['i8sum'] = int(i8.sum()); red['i8sum_dtype'] = str(i8.sum().dtype)
red['u8prod'] = int(np.array([200, 3], dtype=np.uint8).prod()); red['bool_sum'] = int(np.array([True, False, True]).sum())
pathlib.Path(__file__).with_name('builtins-misc.json').write_text(json.dumps({'info': cases, 'reductions': red}))
