import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportJob, WorkerMessage } from '../../../electron/export-worker-protocol';
import { everyNodeAgenda } from '../../support/every-node-agenda';

/**
 * The real worker entry (electron/export-worker.ts) with the real shared exporter and the
 * native Typst compiler, driven through a stand-in for Electron's `process.parentPort`, the
 * one piece of Electron a utility process uses.
 */
class FakeParentPort extends EventEmitter {
  posted: WorkerMessage[] = [];
  postMessage(message: WorkerMessage) {
    this.posted.push(message);
    this.emit('posted');
  }
}
const parentPort = new FakeParentPort();
(process as unknown as { parentPort: unknown }).parentPort = parentPort;
await import('../../../electron/export-worker');

const root = fileURLToPath(new URL('../../..', import.meta.url));
const resources = {
  templateFile: path.join(root, 'shared', 'export', 'agenda.typ'),
  fontDirectory: path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/source-sans-3/package.json')),
};

function run(job: unknown): Promise<WorkerMessage[]> {
  parentPort.posted = [];
  return new Promise((resolve) => {
    const check = () => {
      if (parentPort.posted.some((m) => m.type !== 'progress')) {
        parentPort.off('posted', check);
        resolve(parentPort.posted);
      }
    };
    parentPort.on('posted', check);
    parentPort.emit('message', { data: job, ports: [] });
  });
}

describe('export worker (utility process entry)', () => {
  it('compiles an agenda with every node type to a PDF', async () => {
    const job: ExportJob = { type: 'export', agenda: everyNodeAgenda(), public: false, pdfUa: false, resources };
    const messages = await run(job);
    expect(messages[0]).toEqual({ type: 'progress', stage: 'compiling' });
    const done = messages[1]!;
    expect(done.type).toBe('done');
    const pdf = (done as { pdf: Uint8Array }).pdf;
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
  });

  it('answers a missing template with a failure message, not a crash', async () => {
    const messages = await run({ type: 'export', agenda: everyNodeAgenda(), public: true, pdfUa: false, resources: { ...resources, templateFile: path.join(root, 'no-such.typ') } });
    expect(messages.at(-1)).toEqual({ type: 'failed', message: expect.stringMatching(/no-such\.typ/) });
  });

  it('refuses a malformed job', async () => {
    expect(await run({ type: 'export', agenda: everyNodeAgenda() })).toEqual([{ type: 'failed', message: 'Eksporten fik en ugyldig opgave.' }]);
  });
});
