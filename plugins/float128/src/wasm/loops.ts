// The float128 'wasm' backend loops: add/subtract/multiply/divide/sqrt kernels compiled from
// plugins/float128/wasm/arith.ts, run on arrays in the shared dtypes wasm memory. Operands
// elsewhere (small arrays, a user's TypedArray) and short runs take the JS loops, which give
// bit-identical results.
import type { StridedLoop } from '@dtkit/core';
import { wasmRuntime } from '@dtkit/dtypes';
import { FLOAT128_WASM_BASE64 } from './kernels.generated.js';

/** (a, sa, b, sb, out, so, n): byte pointers, strides in elements. */
type BinaryKernel = (a: number, sa: number, b: number, sb: number, o: number, so: number, n: number) => void;
/** (a, sa, out, so, n): byte pointers, strides in elements. */
type UnaryKernel = (a: number, sa: number, o: number, so: number, n: number) => void;

/** Runs shorter than this stay in JS (the JS→wasm call costs more than it saves). */
const WASM_MIN_RUN = 8;

const KERNEL_NAMES = { add: 'add_f128', subtract: 'sub_f128', multiply: 'mul_f128', divide: 'div_f128' } as const;
const UNARY_KERNEL_NAMES = { sqrt: 'sqrt_f128' } as const;
export type WasmBinaryUfunc = keyof typeof KERNEL_NAMES;
export type WasmUnaryUfunc = keyof typeof UNARY_KERNEL_NAMES;
export type WasmUfunc = WasmBinaryUfunc | WasmUnaryUfunc;

interface Loaded {
  readonly owns: (array: { readonly buffer: ArrayBufferLike }) => boolean;
  readonly kernels: ReadonlyMap<WasmBinaryUfunc, BinaryKernel>;
  readonly unary: ReadonlyMap<WasmUnaryUfunc, UnaryKernel>;
}

let loaded: Loaded | null | undefined;

function load(): Loaded | null {
  const rt = wasmRuntime();
  if (rt === null) return null;
  try {
    const exports = rt.instantiate(FLOAT128_WASM_BASE64);
    if (exports === null) return null;
    const kernels = new Map<WasmBinaryUfunc, BinaryKernel>();
    for (const [ufunc, name] of Object.entries(KERNEL_NAMES) as [WasmBinaryUfunc, string][]) {
      const f = exports[name];
      if (typeof f !== 'function') return null;
      kernels.set(ufunc, f as BinaryKernel);
    }
    const unary = new Map<WasmUnaryUfunc, UnaryKernel>();
    for (const [ufunc, name] of Object.entries(UNARY_KERNEL_NAMES) as [WasmUnaryUfunc, string][]) {
      const f = exports[name];
      if (typeof f !== 'function') return null;
      unary.set(ufunc, f as UnaryKernel);
    }
    return { owns: rt.owns, kernels, unary };
  } catch {
    return null; // e.g. a CSP without 'wasm-unsafe-eval': keep the JS loops only
  }
}

/**
 * The wasm loops (each wrapping its JS loop as the fallback), or an empty list when WebAssembly
 * or the dtypes wasm runtime is unavailable. Instantiated once per process.
 */
export function float128WasmLoops(js: Readonly<Record<WasmUfunc, StridedLoop>>): { ufunc: WasmUfunc; loop: StridedLoop }[] {
  if (loaded === undefined) loaded = load();
  const set = loaded;
  if (set === null) return [];
  const owns = set.owns;
  const out: { ufunc: WasmUfunc; loop: StridedLoop }[] = [];
  for (const [ufunc, kernel] of set.kernels) {
    const fallback = js[ufunc];
    const loop: StridedLoop = (n, d, o, st, ctx) => {
      const a = d[0] as Uint32Array, b = d[1] as Uint32Array, c = d[2] as Uint32Array;
      if (n < WASM_MIN_RUN || !owns(a) || !owns(b) || !owns(c)) return fallback(n, d, o, st, ctx);
      kernel(a.byteOffset + 16 * o[0]!, st[0]!, b.byteOffset + 16 * o[1]!, st[1]!, c.byteOffset + 16 * o[2]!, st[2]!, n);
    };
    out.push({ ufunc, loop });
  }
  for (const [ufunc, kernel] of set.unary) {
    const fallback = js[ufunc];
    const loop: StridedLoop = (n, d, o, st, ctx) => {
      const a = d[0] as Uint32Array, c = d[1] as Uint32Array;
      if (n < WASM_MIN_RUN || !owns(a) || !owns(c)) return fallback(n, d, o, st, ctx);
      kernel(a.byteOffset + 16 * o[0]!, st[0]!, c.byteOffset + 16 * o[1]!, st[1]!, n);
    };
    out.push({ ufunc, loop });
  }
  return out;
}
