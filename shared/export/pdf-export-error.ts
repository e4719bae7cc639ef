/** Thrown when an agenda cannot be exported to PDF; the message says why, in Danish. */
export class PdfExportError extends Error {
  override name = 'PdfExportError';

  constructor(
    message: string,
    /** The item ("3.2.") or section ("4.") whose content made the compile fail, when one could be found. */
    readonly culprit: string | null = null,
  ) {
    super(message);
  }
}
