/**
 * The part of `@myriaddreamin/typst-ts-node-compiler` the exporter uses, typed here so that
 * shared/ need not import the native module: the Node edge passes the real `NodeCompiler`
 * class (or an instance), tests may pass their own.
 */

/** One diagnostic from Typst. */
export interface TypstDiagnostic {
  message: string;
  severity?: number | string;
  path?: string;
  hints?: string[];
}

/** Typst's error or warning bundle (NodeError). */
export interface TypstDiagnostics {
  readonly shortDiagnostics: TypstDiagnostic[];
}

/** The outcome of one compile (NodeTypstCompileResult). */
export interface TypstCompileResult {
  readonly result: unknown;
  takeWarnings(): TypstDiagnostics | null;
  takeError(): TypstDiagnostics | null;
}

/** A Typst compiler instance (NodeCompiler). */
export interface TypstCompiler {
  compile(options: { mainFileContent: string; inputs: Record<string, string> }): TypstCompileResult;
  pdf(document: unknown, options?: { pdfStandard?: string; creationTimestamp?: number; pdfTags?: boolean }): Uint8Array;
  /** Drops memoized results older than `maxAge` compilations (keeps a long-running process small). */
  evictCache?(maxAge: number): void;
}

/** The compiler class (NodeCompiler), used to create an instance with the bundled fonts. */
export interface TypstCompilerClass {
  create(args?: { fontArgs?: Array<{ fontBlobs: Uint8Array[] }> }): TypstCompiler;
}
