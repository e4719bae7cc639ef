import { defineConfig, type Plugin } from 'vite';
import { builtinModules } from 'node:module';
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The entries built into dist/electron, one per run (DAGSORDEN_ELECTRON_ENTRY). */
const ENTRIES = ['main', 'preload', 'export-worker'] as const;
type Entry = (typeof ENTRIES)[number];

const entry = (process.env.DAGSORDEN_ELECTRON_ENTRY ?? 'main') as Entry;
if (!ENTRIES.includes(entry)) throw new Error(`DAGSORDEN_ELECTRON_ENTRY must be one of ${ENTRIES.join(', ')}, not "${entry}"`);

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * The PDF export worker reads the house-style template at run time: copy it to
 * dist/export/agenda.typ, next to the built code that electron-builder packs.
 */
function copyExportTemplate(): Plugin {
  return {
    name: 'dagsorden-copy-export-template',
    async closeBundle() {
      await mkdir(`${dist}export`, { recursive: true });
      await copyFile(fileURLToPath(new URL('../shared/export/agenda.typ', import.meta.url)), `${dist}export/agenda.typ`);
    },
  };
}

/**
 * Builds Electron's main process, the preload and the PDF export worker (a utility process)
 * to dist/electron as CommonJS. Each is built on its own so the sandboxed preload is one file
 * that requires nothing but `electron`. Only Electron, Node's built-ins and the native Typst
 * compiler (its .node file must stay loadable from outside the asar) and pdfjs-dist are left external;
 * everything else (shared/, TipTap's schema for checking agenda files) is bundled.
 */
export default defineConfig({
  plugins: entry === 'export-worker' ? [copyExportTemplate()] : [],
  build: {
    outDir: `${dist}electron`,
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
      external: [
        'electron',
        '@myriaddreamin/typst-ts-node-compiler',
        // pdfjs loads its own worker module by path at run time: it cannot be bundled.
        /^pdfjs-dist(\/|$)/,
        ...builtinModules,
        ...builtinModules.map((name) => `node:${name}`),
      ],
    },
  },
});
