import { describe, expect, it } from 'vitest';
import { createPdfExporter, AGENDA_INPUT_KEY } from '../../../../shared/export/pdf-exporter';
import { PdfExportError } from '../../../../shared/export/pdf-export-error';
import type { AgendaExportData } from '../../../../shared/export/export-data';
import type { TypstCompiler, TypstCompilerClass, TypstDiagnostics } from '../../../../shared/export/typst-compiler';
import { everyNodeAgenda } from '../../../support/every-node-agenda';

const TEMPLATE = '#let agenda = json(bytes(sys.inputs.agenda))\n= #agenda.title\n';

interface Call { mainFileContent: string; data: AgendaExportData }

/**
 * A stand-in for the native compiler that records what it is given and fails as told: it
 * checks the exporter's own logic (data passing, warnings, fault finding, PDF options).
 * The real compiler is exercised by test/integration/export.
 */
function recordingCompiler(behaviour: { failWhen?: (data: AgendaExportData) => boolean; warning?: string } = {}) {
  const calls: Call[] = [];
  const pdfOptions: unknown[] = [];
  const diagnostics = (message: string): TypstDiagnostics => ({ shortDiagnostics: [{ message }] });
  const compiler: TypstCompiler = {
    compile({ mainFileContent, inputs }) {
      const data = JSON.parse(inputs[AGENDA_INPUT_KEY]!) as AgendaExportData;
      calls.push({ mainFileContent, data });
      const failed = behaviour.failWhen?.(data) ?? false;
      return {
        result: failed ? null : { pages: 1 },
        takeError: () => (failed ? diagnostics('expected content, found none') : null),
        takeWarnings: () => (behaviour.warning ? diagnostics(behaviour.warning) : null),
      };
    },
    pdf(_document, options) {
      pdfOptions.push(options);
      return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    },
  };
  return { compiler, calls, pdfOptions };
}

describe('createPdfExporter', () => {
  it('passes the agenda as data in sys.inputs and the template unchanged', () => {
    const { compiler, calls } = recordingCompiler();
    const agenda = everyNodeAgenda();
    agenda.body.content![0]!.content![0]!.content = [{ type: 'text', text: '#import "/etc/passwd" $x$' }];
    const pdf = createPdfExporter({ template: TEMPLATE, typst: { compiler } }).exportPdf(agenda, { public: false, pdfUa: false });
    expect([...pdf]).toEqual([0x25, 0x50, 0x44, 0x46]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.mainFileContent).toBe(TEMPLATE);
    expect(calls[0]!.data.sections[0]!.title).toBe('#import "/etc/passwd" $x$');
  });

  it('creates the compiler from the class with the bundled fonts, once', () => {
    const { compiler } = recordingCompiler();
    const created: unknown[] = [];
    const compilerClass: TypstCompilerClass = { create: (args) => { created.push(args); return compiler; } };
    const font = new Uint8Array([1, 2, 3]);
    const exporter = createPdfExporter({ template: TEMPLATE, typst: { compilerClass, fonts: [font] } });
    expect(created).toEqual([]);
    exporter.exportPdf(everyNodeAgenda(), { public: false, pdfUa: false });
    exporter.exportPdf(everyNodeAgenda(), { public: true, pdfUa: false });
    expect(created).toEqual([{ fontArgs: [{ fontBlobs: [font] }] }]);
  });

  it('writes the given creation time, or the meeting date, and PDF/UA-1 when asked', () => {
    const { compiler, pdfOptions } = recordingCompiler();
    const exporter = createPdfExporter({ template: TEMPLATE, typst: { compiler } });
    exporter.exportPdf(everyNodeAgenda(), { public: false, pdfUa: true, createdAt: new Date('2024-06-11T09:30:00Z') });
    exporter.exportPdf(everyNodeAgenda(), { public: false, pdfUa: false });
    expect(pdfOptions).toEqual([
      { creationTimestamp: Date.parse('2024-06-11T09:30:00Z') / 1000, pdfStandard: 'ua-1' },
      { creationTimestamp: Date.parse('2024-06-18T00:00:00Z') / 1000 },
    ]);
  });

  it('treats an unknown-font warning as an error', () => {
    const { compiler } = recordingCompiler({ warning: 'unknown font family: source sans 3' });
    const exporter = createPdfExporter({ template: TEMPLATE, typst: { compiler } });
    expect(() => exporter.exportPdf(everyNodeAgenda(), { public: false, pdfUa: false })).toThrow(/skrifttypen findes ikke.*unknown font family/);
  });

  it('names the item whose content makes the compile fail', () => {
    const { compiler } = recordingCompiler({ failWhen: (data) => data.sections.some((s) => s.items.some((i) => i.title === 'Årlig beretning fra Central Denmark EU Office')) });
    const exporter = createPdfExporter({ template: TEMPLATE, typst: { compiler } });
    let error: unknown;
    try {
      exporter.exportPdf(everyNodeAgenda(), { public: false, pdfUa: false });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PdfExportError);
    expect((error as PdfExportError).message).toBe('Eksporten fejlede i punkt 2.1. «Årlig beretning fra Central Denmark EU Office»: expected content, found none');
    expect((error as PdfExportError).culprit).toBe('2.1.');
  });

  it('blames the template, not an item, when even the bare cover fails', () => {
    const { compiler } = recordingCompiler({ failWhen: () => true });
    const exporter = createPdfExporter({ template: TEMPLATE, typst: { compiler } });
    expect(() => exporter.exportPdf(everyNodeAgenda(), { public: false, pdfUa: false })).toThrow(/^Eksporten fejlede \(forside eller skabelon\): expected content/);
  });

  it('reports a PDF writing failure with the compiler’s messages', () => {
    const { compiler } = recordingCompiler();
    compiler.pdf = () => {
      throw new Error('[SourceDiagnostic { severity: Error, message: "PDF/UA-1 error: missing alt text", trace: [], hints: ["add alt"] }]');
    };
    const exporter = createPdfExporter({ template: TEMPLATE, typst: { compiler } });
    expect(() => exporter.exportPdf(everyNodeAgenda(), { public: false, pdfUa: true })).toThrow("PDF'en kunne ikke skrives som PDF/UA-1: PDF/UA-1 error: missing alt text (add alt)");
  });
});
