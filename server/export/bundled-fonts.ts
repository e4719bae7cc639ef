import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BUNDLED_FONT_FILES } from '../../shared/export/bundled-font-files';

export { BUNDLED_FONT_FILES };

/** The folder of the installed font package. */
export function bundledFontDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@expo-google-fonts/source-sans-3/package.json'));
}

/** The bytes of every bundled font file. */
export async function readBundledFonts(): Promise<Buffer[]> {
  const dir = bundledFontDirectory();
  return Promise.all(BUNDLED_FONT_FILES.map((file) => readFile(path.join(dir, file))));
}
