import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PdfExports, type ExportWorkerProcess } from '../../../electron/pdf-export';
import { isWorkerMessage, runExportJob, type ExportJob, type WorkerMessage } from '../../../electron/export-worker-protocol';
import type { FileDialogs } from '../../../electron/file-dialogs';
import type { ExportProgress } from '../../../shared/protocol/ipc-contract';
import { everyNodeAgenda } from '../../support/every-node-agenda';

const PDF = new TextEncoder().encode('%PDF-1.7 fake\n%%EOF\n');
const resources = { templateFile: '/app/dist/export/agenda.typ', fontDirectory: '/app/node_modules/@expo-google-fonts/source-sans-3' };

/** A worker process that runs the real worker protocol against a fake PDF maker. */
class FakeWorker implements ExportWorkerProcess {
  jobs: ExportJob[] = [];
  killed = false;
  private messageListeners: Array<(message: unknown) => void> = [];
  private exitListeners: Array<(code: number) => void> = [];
  constructor(private readonly behaviour: 'pdf' | 'fail' | 'hang' | 'crash' | 'garbage') {}
  postMessage(job: ExportJob) {
    this.jobs.push(job);
    const post = (message: WorkerMessage) => queueMicrotask(() => this.emit(message));
    if (this.behaviour === 'crash') return void queueMicrotask(() => this.exit(134));
    if (this.behaviour === 'garbage') return post({ type: 'done', pdf: 'not bytes' } as never);
    if (this.behaviour === 'hang') return post({ type: 'progress', stage: 'compiling' });
    void runExportJob(job, { makePdf: async () => (this.behaviour === 'pdf' ? PDF : Promise.reject(new Error('Eksporten fejlede i punkt 3.2. «Budget»: unknown variable'))) }, post);
  }
  onMessage(listener: (message: unknown) => void) {
    this.messageListeners.push(listener);
  }
  onExit(listener: (code: number) => void) {
    this.exitListeners.push(listener);
  }
  kill() {
    if (this.killed) return;
    this.killed = true;
    queueMicrotask(() => this.exit(0));
  }
  private emit(message: unknown) {
    if (!this.killed) this.messageListeners.forEach((l) => l(message));
  }
  private exit(code: number) {
    this.exitListeners.forEach((l) => l(code));
  }
}

let dir: string;
beforeEach(async () => (dir = await mkdtemp(path.join(tmpdir(), 'dagsorden-export-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

function setup(behaviour: ConstructorParameters<typeof FakeWorker>[0], chosen: string | null = path.join(dir, 'Dagsorden.pdf')) {
  const workers: FakeWorker[] = [];
  const dialogs: FileDialogs = { saveFile: vi.fn(async () => chosen), openFile: vi.fn() };
  const log = vi.fn();
  const exports = new PdfExports({
    dialogs,
    startWorker: () => {
      const worker = new FakeWorker(behaviour);
      workers.push(worker);
      return worker;
    },
    resources,
    log,
  });
  const steps: ExportProgress['stage'][] = [];
  const progress = (step: ExportProgress) => steps.push(step.stage);
  return { exports, workers, dialogs, steps, progress, log };
}

const request = () => ({ agenda: everyNodeAgenda(), public: true, pdfUa: false });

describe('PDF export from the app', () => {
  it('asks where to save, compiles in the worker with progress, and writes the PDF atomically', async () => {
    const { exports, workers, dialogs, steps, progress } = setup('pdf');
    const result = await exports.export(1, null, request(), progress);
    expect(result).toEqual({ status: 'saved', fileName: 'Dagsorden.pdf' });
    expect(await readFile(path.join(dir, 'Dagsorden.pdf'))).toEqual(Buffer.from(PDF));
    expect(await readdir(dir)).toEqual(['Dagsorden.pdf']);
    expect(steps).toEqual(['starting', 'compiling', 'writing', 'done']);
    expect(workers[0]!.jobs[0]).toMatchObject({ type: 'export', public: true, pdfUa: false, resources });
    expect(workers[0]!.killed).toBe(true);
    expect(vi.mocked(dialogs.saveFile).mock.calls[0]![1]).toMatchObject({ title: 'Eksportér PDF', defaultName: expect.stringMatching(/\(offentlig\)\.pdf$/), filter: { extensions: ['pdf'] } });
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const { exports, workers, steps, progress } = setup('pdf', null);
    expect(await exports.export(1, null, request(), progress)).toEqual({ status: 'canceled' });
    expect(workers).toHaveLength(0);
    expect(steps).toEqual([]);
  });

  it('reports the exporter\'s message when the compile fails, and writes nothing', async () => {
    const { exports, progress } = setup('fail');
    expect(await exports.export(1, null, request(), progress)).toEqual({ status: 'failed', message: 'Eksporten fejlede i punkt 3.2. «Budget»: unknown variable' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('cancels a running compile by ending the worker; an existing file at the path is untouched', async () => {
    const target = path.join(dir, 'Dagsorden.pdf');
    await writeFile(target, 'old version');
    const { exports, workers, steps, progress } = setup('hang', target);
    const running = exports.export(1, null, request(), progress);
    await vi.waitFor(() => expect(steps).toContain('compiling'));
    exports.cancel(1);
    expect(await running).toEqual({ status: 'canceled' });
    expect(workers[0]!.killed).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('old version');
    expect(await readdir(dir)).toEqual(['Dagsorden.pdf']);
  });

  it('runs one export per window at a time, but windows independently', async () => {
    const { exports, progress } = setup('hang');
    const first = exports.export(1, null, request(), progress);
    expect(await exports.export(1, null, request(), progress)).toEqual({ status: 'failed', message: 'Der kører allerede en eksport fra dette vindue.' });
    const other = exports.export(2, null, request(), progress);
    exports.cancel(1);
    exports.cancel(2);
    expect(await first).toEqual({ status: 'canceled' });
    expect(await other).toEqual({ status: 'canceled' });
    // The window can export again afterwards.
    exports.cancel(1);
  });

  it('fails clearly, and logs, when the worker dies or answers nonsense', async () => {
    const crashing = setup('crash');
    expect(await crashing.exports.export(1, null, request(), crashing.progress)).toEqual({ status: 'failed', message: 'Eksporten stoppede uventet (kode 134).' });
    expect(crashing.log).toHaveBeenCalledWith(expect.stringMatching(/stoppede uventet \(kode 134\)/));
    const garbage = setup('garbage');
    expect(await garbage.exports.export(1, null, request(), garbage.progress)).toEqual({ status: 'failed', message: 'Eksporten svarede uforståeligt.' });
  });
});

describe('export worker protocol', () => {
  it('posts progress then the PDF, or the failure, and refuses a malformed job', async () => {
    const posted: WorkerMessage[] = [];
    const maker = { makePdf: vi.fn(async () => PDF) };
    await runExportJob({ type: 'export', agenda: everyNodeAgenda(), public: false, pdfUa: true, resources }, maker, (m) => posted.push(m));
    expect(posted).toEqual([{ type: 'progress', stage: 'compiling' }, { type: 'done', pdf: PDF }]);
    expect(maker.makePdf).toHaveBeenCalledWith(expect.objectContaining({ format: 'dagsorden-agenda' }), { public: false, pdfUa: true }, resources);

    posted.length = 0;
    await runExportJob({ type: 'export', agenda: {}, public: 'no', pdfUa: true, resources }, maker, (m) => posted.push(m));
    expect(posted).toEqual([{ type: 'failed', message: 'Eksporten fik en ugyldig opgave.' }]);
    expect(maker.makePdf).toHaveBeenCalledTimes(1);
  });

  it('accepts only well-formed worker messages', () => {
    expect(isWorkerMessage({ type: 'done', pdf: PDF })).toBe(true);
    expect(isWorkerMessage({ type: 'failed', message: 'x' })).toBe(true);
    expect(isWorkerMessage({ type: 'progress', stage: 'compiling' })).toBe(true);
    for (const bad of [null, 'done', { type: 'done', pdf: [1] }, { type: 'progress', stage: 'other' }, { type: 'write', path: '/etc/passwd' }]) {
      expect(isWorkerMessage(bad)).toBe(false);
    }
  });
});
