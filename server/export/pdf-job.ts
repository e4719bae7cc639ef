/** A PDF export job sent to the worker thread. */
export interface PdfJob {
  id: number;
  /** The agenda file (validated again in the worker). */
  agenda: unknown;
  public: boolean;
  pdfUa: boolean;
  /** ISO timestamp for the PDF's creation date (reproducible output); now when absent. */
  createdAt?: string;
}

/** The worker's answer. */
export type PdfJobResult = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; message: string; name: string };
