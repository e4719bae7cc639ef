import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AgendaFiles, readLimited } from '../../../electron/agenda-copies';
import { writeFileAtomic } from '../../../electron/atomic-write';
import { safeFileName, withExtension } from '../../../electron/file-name';
import type { FileDialogs } from '../../../electron/file-dialogs';
import { serializeAgendaFile } from '../../../shared/agenda/agenda-file';
import { everyNodeAgenda } from '../../support/every-node-agenda';
import { sampleAgendaPdf } from '../../support/text-pdf';
import { nodePdfReader } from '../../../server/import/pdf-text';

/** The desktop app gives pdfjs-dist from its own bundle; in Node the same package serves. */
const nodePdfReaderForTests = async () => nodePdfReader();
const REFERENCE = path.join(import.meta.dirname, '../../fixtures/kkr-midtjylland-2024-06-18.txt');

let dir: string;
beforeEach(async () => (dir = await mkdtemp(path.join(tmpdir(), 'dagsorden-copies-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

function dialogsAnswering(file: string | null): FileDialogs {
  return { saveFile: vi.fn(async () => file), openFile: vi.fn(async () => file) };
}

describe('Gem kopi / Åbn kopi', () => {
  it('saves the state bytes under the chosen name with the copy extension, and opens them back unchanged', async () => {
    const state = Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) % 256);
    const dialogs = dialogsAnswering(path.join(dir, 'KKR juni'));
    const files = new AgendaFiles(dialogs);
    expect(await files.saveCopy(null, state, 'KKR Midtjylland / juni: 2024')).toEqual({ status: 'saved', fileName: 'KKR juni.dagsorden-kopi' });
    expect(vi.mocked(dialogs.saveFile).mock.calls[0]![1].defaultName).toBe('KKR Midtjylland - juni- 2024.dagsorden-kopi');
    expect(await readdir(dir)).toEqual(['KKR juni.dagsorden-kopi']);

    const opened = await new AgendaFiles(dialogsAnswering(path.join(dir, 'KKR juni.dagsorden-kopi'))).openCopy(null);
    expect(opened).toEqual({ status: 'opened', state, fileName: 'KKR juni.dagsorden-kopi' });
  });

  it('reports cancelled dialogs', async () => {
    const files = new AgendaFiles(dialogsAnswering(null));
    expect(await files.saveCopy(null, new Uint8Array([1]), 'x')).toEqual({ status: 'canceled' });
    expect(await files.openCopy(null)).toEqual({ status: 'canceled' });
    expect(await files.importAgendaFile(null)).toEqual({ status: 'canceled' });
  });

  it('refuses empty, missing and non-file paths with a message', async () => {
    await writeFile(path.join(dir, 'tom.dagsorden-kopi'), '');
    expect(await new AgendaFiles(dialogsAnswering(path.join(dir, 'tom.dagsorden-kopi'))).openCopy(null)).toEqual({ status: 'failed', message: 'tom.dagsorden-kopi er tom og er ikke en kopi af en dagsorden.' });
    expect(await new AgendaFiles(dialogsAnswering(path.join(dir, 'findes-ikke'))).openCopy(null)).toMatchObject({ status: 'failed', message: expect.stringMatching(/findes-ikke kunne ikke åbnes/) });
    await mkdir(path.join(dir, 'mappe'));
    expect(await new AgendaFiles(dialogsAnswering(path.join(dir, 'mappe'))).openCopy(null)).toMatchObject({ status: 'failed', message: expect.stringMatching(/ikke en fil|kunne ikke/) });
  });

  it('reads no more than the limit', async () => {
    const file = path.join(dir, 'stor');
    await writeFile(file, Buffer.alloc(2048, 7));
    expect(await readLimited(file, 2048)).toHaveLength(2048);
    expect(await readLimited(file, 2047)).toMatch(/stor er for stor/);
  });

  it('reports a failed write without leaving a temporary file', async () => {
    const files = new AgendaFiles(dialogsAnswering(path.join(dir, 'no-such-folder', 'kopi')));
    expect(await files.saveCopy(null, new Uint8Array([1]), 'x')).toMatchObject({ status: 'failed', message: expect.stringMatching(/^Kopien kunne ikke gemmes/) });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('Importér …', () => {
  it('returns a valid agenda file checked', async () => {
    const file = path.join(dir, 'kkr.dagsorden.json');
    await writeFile(file, serializeAgendaFile(everyNodeAgenda()));
    const result = await new AgendaFiles(dialogsAnswering(file)).importAgendaFile(null);
    expect(result).toMatchObject({ status: 'opened', fileName: 'kkr.dagsorden.json', agenda: { format: 'dagsorden-agenda', version: 1 } });
  });

  it('rebuilds an existing agenda from its text layer, as text or as PDF', async () => {
    const text = path.join(dir, 'kkr.txt');
    await writeFile(text, await readFile(REFERENCE));
    const fromText = await new AgendaFiles(dialogsAnswering(text), nodePdfReaderForTests).importAgendaFile(null);
    expect(fromText).toMatchObject({ status: 'opened', fileName: 'kkr.txt' });
    const sections = fromText.status === 'opened' ? fromText.agenda.body.content ?? [] : [];
    expect(sections).toHaveLength(7);

    const pdf = path.join(dir, 'kkr.pdf');
    await writeFile(pdf, sampleAgendaPdf());
    const fromPdf = await new AgendaFiles(dialogsAnswering(pdf), nodePdfReaderForTests).importAgendaFile(null);
    expect(fromPdf).toMatchObject({ status: 'opened', fileName: 'kkr.pdf' });
    expect(JSON.stringify(fromPdf)).toContain('Frigastudvalget');
  });

  it('says what is wrong with a file that is not an agenda file', async () => {
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['tekst.json', 'hej', /tekst\.json: Ugyldig dagsordensfil: ikke gyldig JSON/],
      ['andet.json', '{"format":"noget-andet"}', /andet\.json: Ugyldig dagsordensfil: "format"/],
      ['binaer.json', Buffer.from([0xff, 0xfe, 0x00, 0x41]), /binaer\.json er hverken en dagsordensfil, en tekstfil eller en PDF/],
      ['noter.txt', 'Bare nogle noter uden punkter.', /noter\.txt: Ingen dagsorden fundet/],
      ['defekt.pdf', '%PDF-1.7 men resten mangler', /defekt\.pdf: Filen kunne ikke læses som PDF/],
    ];
    for (const [name, content, message] of cases) {
      await writeFile(path.join(dir, name), content);
      expect(await new AgendaFiles(dialogsAnswering(path.join(dir, name)), nodePdfReaderForTests).importAgendaFile(null)).toEqual({ status: 'failed', message: expect.stringMatching(message) });
    }
  });
});

describe('atomic write', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const file = path.join(dir, 'a.pdf');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.pdf']);
  });

  it('keeps the old file when the write fails', async () => {
    const file = path.join(dir, 'a.pdf');
    await mkdir(file);
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['a.pdf']);
  });
});

describe('file names from the renderer', () => {
  it('cannot name a folder, a device or a hidden file', () => {
    expect(safeFileName('../../.ssh/authorized_keys')).toBe('-..-.ssh-authorized_keys');
    expect(safeFileName('..')).toBe('Dagsorden');
    expect(safeFileName('C:\\Windows\\x')).toBe('C--Windows-x');
    expect(safeFileName('CON')).toBe('CON-dagsorden');
    expect(safeFileName('a\u0000b\nc')).toBe('a-b-c');
    expect(safeFileName('   ')).toBe('Dagsorden');
    expect(safeFileName('x'.repeat(300))).toHaveLength(100);
    expect(withExtension('Referat.PDF', 'pdf')).toBe('Referat.PDF');
    expect(withExtension('Referat', 'pdf')).toBe('Referat.pdf');
  });
});

describe('the path written after a save dialog', () => {
  it('adds the extension, but never onto a name whose file exists (the dialog did not ask about it)', async () => {
    const { savePathFor } = await import('../../../electron/file-name');
    const existing = new Set(['/d/møde.dagsorden-kopi']);
    const exists = (file: string) => existing.has(file);
    expect(savePathFor('/d/ny', 'dagsorden-kopi', exists)).toBe('/d/ny.dagsorden-kopi');
    expect(savePathFor('/d/møde', 'dagsorden-kopi', exists)).toBe('/d/møde');
    expect(savePathFor('/d/møde.dagsorden-kopi', 'dagsorden-kopi', exists)).toBe('/d/møde.dagsorden-kopi');
  });
});
