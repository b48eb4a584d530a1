// Compiles the AssemblyScript kernels in plugins/bfloat16/wasm/ and writes
// plugins/bfloat16/src/wasm/kernels.generated.ts (the wasm bytes as base64), so consumers and
// tests never need the compiler.
//   node plugins/bfloat16/scripts/build-wasm.mjs [--wat] [--check]
// --check compiles and exits 1 if the checked-in kernels.generated.ts is stale.
import { fileURLToPath } from 'node:url';
import { buildKernels } from '../../../scripts/wasm-kernels.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

await buildKernels({
  entry: here('../wasm/kernels.ts'),
  out: here('../src/wasm/kernels.generated.ts'),
  constName: 'BF16_KERNELS_WASM_BASE64',
  script: 'plugins/bfloat16/scripts/build-wasm.mjs',
  sources: 'plugins/bfloat16/wasm/kernels.ts',
  watPath: here('../wasm/kernels.wat'),
});
