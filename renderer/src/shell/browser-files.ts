/** Offers `bytes` as a download named `fileName` (the browser client's "save"). */
export function downloadBytes(bytes: Uint8Array | Blob, fileName: string, type: string): void {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Lets the user pick one file; resolves to it, or null when the dialog was closed. */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/** A file name made from a title: letters, digits, spaces and dashes only. */
export function fileNameFrom(title: string, extension: string): string {
  const base = title.replace(/[^\p{L}\p{N} –-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || 'Dagsorden';
  return `${base}.${extension}`;
}
