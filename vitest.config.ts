import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests run against the TypeScript sources (no build needed); CI also type-checks and builds.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@dtkit\/core$/, replacement: src('./core/src/index.ts') },
      { find: /^@dtkit\/ufunc-registry$/, replacement: src('./ufunc-registry/src/index.ts') },
      { find: /^@dtkit\/dtypes$/, replacement: src('./dtypes/src/index.ts') },
      { find: /^dtkit$/, replacement: src('./dtkit/src/index.ts') },
      { find: /^@dtkit\/float128$/, replacement: src('./plugins/float128/src/index.ts') },
      { find: /^@dtkit\/bfloat16$/, replacement: src('./plugins/bfloat16/src/index.ts') },
      { find: /^@dtkit\/masked$/, replacement: src('./plugins/masked/src/index.ts') },
      { find: /^@dtkit\/units$/, replacement: src('./plugins/units/src/index.ts') },
    ],
  },
  test: {
    include: ['**/tests/**/*.test.ts', '**/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'threads',
    testTimeout: 60000,
  },
});
