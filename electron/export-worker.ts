import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createPdfExporter } from '../shared/export/pdf-exporter';
import type { TypstCompilerClass } from '../shared/export/typst-compiler';
import { BUNDLED_FONT_FILES } from '../shared/export/bundled-font-files';
import { runExportJob, type AgendaPdfMaker } from './export-worker-protocol';

/**
 * The PDF export worker: the entry of an Electron utility process (dist/electron/export-worker.cjs)
 * that main starts for one export. It reads the template and fonts itself, runs the shared
 * exporter (shared/export), and posts the PDF bytes back; main writes the file. It never
 * touches the user's files and is ended by main to cancel.
 */
const maker: AgendaPdfMaker = {
  async makePdf(agenda, options, resources) {
    const [template, ...fonts] = await Promise.all([
      readFile(resources.templateFile, 'utf8'),
      ...BUNDLED_FONT_FILES.map((file) => readFile(path.join(resources.fontDirectory, file))),
    ]);
    // The native compiler is CommonJS and stays outside the bundle (its .node file is unpacked from the asar).
    const require = createRequire(__filename);
    const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler') as { NodeCompiler: TypstCompilerClass };
    const exporter = createPdfExporter({ template: template as string, typst: { compilerClass: NodeCompiler, fonts: fonts as Buffer[] } });
    return exporter.exportPdf(agenda, options);
  },
};

process.parentPort.on('message', (event) => {
  void runExportJob(event.data, maker, (message) => process.parentPort.postMessage(message));
});
