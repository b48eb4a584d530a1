// Compiles the AssemblyScript float128 kernels in plugins/float128/wasm/ and writes
// plugins/float128/src/wasm/kernels.generated.ts (the wasm bytes as base64), so consumers and
// tests never need the compiler (same model as dtypes/scripts/build-wasm.mjs).
//   node plugins/float128/scripts/build-wasm.mjs [--wat] [--check]
// --check compiles and exits 1 if the checked-in kernels.generated.ts is stale.
import { fileURLToPath } from 'node:url';
import { buildKernels } from '../../../scripts/wasm-kernels.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

await buildKernels({
  entry: here('../wasm/arith.ts'),
  out: here('../src/wasm/kernels.generated.ts'),
  constName: 'FLOAT128_WASM_BASE64',
  script: 'plugins/float128/scripts/build-wasm.mjs',
  sources: 'plugins/float128/wasm/*.ts',
  watPath: here('../wasm/kernels.wat'),
  label: 'float128 ',
});
