// Entry of the PDF worker thread: the server is TypeScript run by tsx, and a worker thread
// does not inherit the main thread's loader, so it loads the worker module through tsx itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./pdf-worker.ts', import.meta.url);
