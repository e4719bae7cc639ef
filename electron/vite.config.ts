import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const entry = (process.env.DAGSORDEN_ELECTRON_ENTRY ?? 'main') as 'main' | 'preload';

/**
 * Builds Electron's main process and preload to dist/electron as CommonJS. Each is built on
 * its own (DAGSORDEN_ELECTRON_ENTRY=main|preload) so the sandboxed preload is one file that
 * requires nothing but `electron`.
 */
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('../dist/electron', import.meta.url)),
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: true,
    lib: {
      entry: fileURLToPath(new URL(`./${entry}.ts`, import.meta.url)),
      formats: ['cjs'],
      fileName: () => `${entry}.cjs`,
    },
    rollupOptions: {
      external: ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
    },
  },
});
