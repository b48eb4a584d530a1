import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // import.meta.url in the CJS build too: it locates the kernel worker script next to the bundle.
  shims: true,
  // The kernel worker is plain JS loaded by URL (worker_threads), not bundled.
  onSuccess: 'cp src/wasm/threads/dtkit-wasm-worker.js dist/',
  // Kernel packages stay external: one kernel per app (peer dependencies).
  external: [/^@dtkit\//, 'dtkit'],
});
