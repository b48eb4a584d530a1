import { KERNELS_WASM_BASE64 } from './kernels.generated.js';

/** Kernel signatures (pointers are byte addresses, strides are in elements). */
export type BinaryKernel = (a: number, sa: number, b: number, sb: number, o: number, so: number, n: number) => void;
/** One transposed input `t` (element stride `cs` between columns), contiguous input `c` and output. */
export type TransposedKernel = (
  tFirst: number, t: number, cs: number, c: number, rsC: number, o: number, rsO: number, rows: number, cols: number,
) => void;
export type UnaryKernel = (a: number, sa: number, o: number, so: number, n: number) => void;
export type ReduceKernel = (a: number, s: number, acc: number, n: number) => void;
export type KernelExports = Readonly<Record<string, unknown>>;

export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let compiled: WebAssembly.Module | undefined;

/**
 * Compiles the embedded kernels synchronously (once per realm). Throws where WebAssembly
 * compilation is refused, e.g. a CSP without 'wasm-unsafe-eval'; some browsers also refuse
 * synchronous compilation of large modules on the main thread (use the async variant there).
 */
export function compileKernelsSync(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(decodeBase64(KERNELS_WASM_BASE64));
  return compiled;
}

export async function compileKernels(): Promise<WebAssembly.Module> {
  compiled ??= await WebAssembly.compile(decodeBase64(KERNELS_WASM_BASE64));
  return compiled;
}

const pluginModules = new Map<string, WebAssembly.Module>();

/**
 * Compiles a plugin's kernels (wasm bytes as base64, checked in like ours) once per realm and
 * instantiates them on `memory`. Throws where WebAssembly compilation is refused (CSP).
 */
export function instantiateBase64(base64: string, memory: WebAssembly.Memory): Readonly<Record<string, unknown>> {
  let module = pluginModules.get(base64);
  if (module === undefined) pluginModules.set(base64, (module = new WebAssembly.Module(decodeBase64(base64))));
  return new WebAssembly.Instance(module, { env: { memory } }).exports;
}

export function instantiateKernels(module: WebAssembly.Module, memory: WebAssembly.Memory): KernelExports {
  return new WebAssembly.Instance(module, { env: { memory } }).exports;
}
