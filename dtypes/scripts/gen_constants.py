"""Regenerates dtypes/src/families/constants.ts (finfo/iinfo) from NumPy 2."""
import numpy as np, pathlib
out = ["/** finfo / iinfo constants, generated once from NumPy 2 (see dtypes/scripts/gen_constants.py). */", ""]
out.append("export const INT_INFO = {")
for n in ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']:
    i = np.iinfo(n)
    out.append(f"  {n}: {{ dtype: '{n}', bits: {i.bits}, min: {int(i.min)}n, max: {int(i.max)}n }},")
out.append("} as const;\n")
out.append("export const FLOAT_INFO = {")
r = lambda x: repr(float(x))
for n in ['float16', 'float32', 'float64', 'complex64', 'complex128']:
    f = np.finfo(n)
    out.append(f"  {n}: {{ dtype: '{f.dtype}', bits: {f.bits}, eps: {r(f.eps)}, epsneg: {r(f.epsneg)}, max: {r(f.max)}, min: {r(f.min)}, tiny: {r(f.tiny)}, smallest_normal: {r(f.smallest_normal)}, smallest_subnormal: {r(f.smallest_subnormal)}, precision: {f.precision}, resolution: {r(f.resolution)}, maxexp: {f.maxexp}, minexp: {f.minexp}, nmant: {f.nmant}, nexp: {f.nexp} }},")
out.append("} as const;")
pathlib.Path(__file__).resolve().parent.parent.joinpath('src/families/constants.ts').write_text("\n".join(out) + "\n")
