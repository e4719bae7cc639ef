/**
 * The Source Sans 3 styles the house-style template uses (shared/export/agenda.typ), as TTF
 * files inside the `@expo-google-fonts/source-sans-3` package. The Node exporter and the
 * desktop app's export worker both read exactly these.
 */
export const BUNDLED_FONT_FILES = [
  '400Regular/SourceSans3_400Regular.ttf',
  '400Regular_Italic/SourceSans3_400Regular_Italic.ttf',
  '600SemiBold/SourceSans3_600SemiBold.ttf',
  '600SemiBold_Italic/SourceSans3_600SemiBold_Italic.ttf',
  '700Bold/SourceSans3_700Bold.ttf',
  '700Bold_Italic/SourceSans3_700Bold_Italic.ttf',
] as const;
