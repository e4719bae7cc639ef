/**
 * A file name (without folder) proposed in a save dialog, made from text the renderer sent
 * (an agenda title): characters that are not allowed in file names on Windows, macOS or Linux
 * and control characters become "-", leading dots and trailing dots/spaces are removed, and
 * the name is cut to 100 characters. "Dagsorden" when nothing is left.
 */
export function safeFileName(text: string): string {
  const cleaned = text
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '')
    .slice(0, 100)
    .trim();
  // Windows reserves these device names whatever the extension.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned)) return `${cleaned}-dagsorden`;
  return cleaned || 'Dagsorden';
}

/** `name` with `.extension` added unless it already ends so (case-insensitive). */
export function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(`.${extension.toLowerCase()}`) ? name : `${name}.${extension}`;
}

/**
 * The file to write for a path chosen in a save dialog: the path with `extension` added when
 * it has none — unless a file of that name already exists, which the dialog's overwrite
 * question did not cover; then exactly the chosen path.
 */
export function savePathFor(chosen: string, extension: string, exists: (file: string) => boolean): string {
  const extended = withExtension(chosen, extension);
  return extended !== chosen && exists(extended) ? chosen : extended;
}
