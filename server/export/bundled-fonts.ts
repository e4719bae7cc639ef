import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The Source Sans 3 styles the template uses, as TTF files of `@expo-google-fonts/source-sans-3`. */
export const BUNDLED_FONT_FILES = [
  '400Regular/SourceSans3_400Regular.ttf',
  '400Regular_Italic/SourceSans3_400Regular_Italic.ttf',
  '600SemiBold/SourceSans3_600SemiBold.ttf',
  '600SemiBold_Italic/SourceSans3_600SemiBold_Italic.ttf',
  '700Bold/SourceSans3_700Bold.ttf',
  '700Bold_Italic/SourceSans3_700Bold_Italic.ttf',
] as const;

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
