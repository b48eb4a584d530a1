import type { DType } from '../dtype/dtype.js';
import type { StridedLoop } from '../dtype/loop.js';
import type { Registry } from '../registry/registry.js';

/**
 * `overflow: 'saturate'` for the builtin casts into float16, float32 and complex64: a finite
 * source value too large for the target becomes ±max finite instead of ±inf (the meaning the
 * bfloat16/float8 casts give the option, so `astype('float16', { overflow: 'saturate' })` does
 * the same from float64 as from bfloat16). Infinite sources stay infinite, NaN stays NaN.
 * Implemented as a pass after the cast loop over the elements it wrote (O(n), only when asked).
 */
const F16_INF = 0x7c00;
const F16_MAX = 0x7bff;
const F32_MAX = 3.4028234663852886e38;

const BUILTIN_SOURCES = new Set([
  'bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
  'float16', 'float32', 'float64', 'complex64', 'complex128',
]);
const TARGETS = new Set(['float16', 'float32', 'complex64']);

function isBuiltin(reg: Registry, d: DType, names: ReadonlySet<string>): boolean {
  return names.has(d.name) && reg.families.get(d.name) === d.family && d.storage.kind === 'typed';
}

/** True when the builtin cast `from -> to` can overflow and honours `overflow: 'saturate'` here. */
export function saturates(reg: Registry, from: DType, to: DType): boolean {
  return from !== to && isBuiltin(reg, to, TARGETS) && isBuiltin(reg, from, BUILTIN_SOURCES);
}

type Finite = (data: ArrayLike<number | bigint>, i: number) => boolean;

function finiteTest(from: DType): Finite {
  if (from.name === 'float16') return (d, i) => ((d[i] as number) & F16_INF) !== F16_INF;
  if (from.kind === 'float' || from.kind === 'complex') return (d, i) => Number.isFinite(d[i] as number);
  return () => true; // integers and bool are always finite
}

/** Wraps a builtin cast loop so that overflow of finite values saturates. */
export function saturatingLoop(inner: StridedLoop, from: DType, to: DType): StridedLoop {
  const srcLanes = from.kind === 'complex' ? 2 : 1;
  const dstLanes = to.kind === 'complex' ? 2 : 1;
  const finite = finiteTest(from);
  const half = to.name === 'float16';
  return (n, data, offs, strides, ctx) => {
    inner(n, data, offs, strides, ctx);
    const src = data[0] as ArrayLike<number | bigint>;
    const dst = data[1] as Float32Array | Uint16Array;
    for (let i = 0; i < n; i++) {
      const s = (offs[0]! + i * strides[0]!) * srcLanes;
      const t = (offs[1]! + i * strides[1]!) * dstLanes;
      for (let l = 0; l < dstLanes; l++) {
        if (l >= srcLanes) break; // a real source gives a zero imaginary part
        const v = dst[t + l]!;
        if (half) {
          if ((v & 0x7fff) === F16_INF && finite(src, s + l)) dst[t + l] = (v & 0x8000) | F16_MAX;
        } else if ((v === Infinity || v === -Infinity) && finite(src, s + l)) dst[t + l] = v > 0 ? F32_MAX : -F32_MAX;
      }
    }
  };
}
