/**
 * The 'wasm' backend's bfloat16 loops: SIMD128 kernels (wasm/kernels.ts, embedded as base64 in
 * kernels.generated.ts) for add, subtract, multiply, divide, maximum and minimum, running on the
 * shared memory of @dtkit/dtypes' wasm runtime. They are bit-identical to the JS loops (NaN
 * outputs included; tests/wasm.test.ts); runs shorter than WASM_MIN_RUN and operands outside
 * that memory take the JS loop, so results never depend on where memory lives.
 * Without WebAssembly (or when instantiation fails) nothing is registered.
 */
import type { Registry, StridedLoop } from '@dtkit/core';
import { wasmRuntime } from '@dtkit/dtypes';
import { BF16 } from '../formats.js';
import { jsBinaryLoops } from '../loops/register.js';
import { BF16_KERNELS_WASM_BASE64 } from './kernels.generated.js';

/** Pointers are byte addresses, strides count elements. */
type BinaryKernel = (a: number, sa: number, b: number, sb: number, o: number, so: number, n: number) => void;

/** Runs shorter than this stay in JS: the JS→wasm call costs more than it saves. */
const WASM_MIN_RUN = 64;

/** ufunc → exported kernel. */
export const BF16_WASM_KERNELS: Readonly<Record<string, string>> = {
  add: 'add_bf16', subtract: 'subtract_bf16', multiply: 'multiply_bf16', divide: 'divide_bf16',
  maximum: 'maximum_bf16', minimum: 'minimum_bf16',
};

function kernelLoop(kernel: BinaryKernel, js: StridedLoop, owns: (a: { readonly buffer: ArrayBufferLike }) => boolean): StridedLoop {
  return (n, d, o, st, ctx) => {
    const a = d[0] as Uint16Array;
    const b = d[1] as Uint16Array;
    const c = d[2] as Uint16Array;
    if (n < WASM_MIN_RUN || !owns(a) || !owns(b) || !owns(c)) return js(n, d, o, st, ctx);
    kernel(a.byteOffset + o[0]! * 2, st[0]!, b.byteOffset + o[1]! * 2, st[1]!, c.byteOffset + o[2]! * 2, st[2]!, n);
  };
}

/** Registers the bfloat16 wasm loops (backend 'wasm'); returns the ufuncs covered. */
export function registerBFloat16WasmLoops(reg: Registry): string[] {
  const runtime = wasmRuntime();
  if (runtime === null || !reg.backends.has('wasm')) return [];
  const exports = runtime.instantiate(BF16_KERNELS_WASM_BASE64);
  if (exports === null) return [];
  const done: string[] = [];
  for (const [ufunc, name] of Object.entries(BF16_WASM_KERNELS)) {
    const kernel = exports[name];
    const js = jsBinaryLoops(ufunc, BF16);
    if (typeof kernel !== 'function' || js === undefined) continue;
    const loop = kernelLoop(kernel as BinaryKernel, js.loop, runtime.owns);
    reg.registerLoop(ufunc, {
      dtypes: ['bfloat16', 'bfloat16', 'bfloat16'], backend: 'wasm', loop,
      ...(js.reduceLoop ? { reduceLoop: js.reduceLoop } : {}),
    });
    done.push(ufunc);
  }
  return done;
}
