import { describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importableArguments, OpenedFiles } from '../../../electron/opened-files';
import { AgendaFiles } from '../../../electron/agenda-copies';
import { serializeAgendaFile } from '../../../shared/agenda/agenda-file';
import { everyNodeAgenda } from '../../support/every-node-agenda';

describe('files the operating system asks the app to open', () => {
  it('takes agenda files, texts and PDFs from a command line, not flags or other files', () => {
    expect(importableArguments(['/opt/Dagsorden/dagsorden', '--allow-file-access', 'møde.dagsorden.json', 'noter.txt', 'bilag.pdf', 'billede.png'])).toEqual([
      'møde.dagsorden.json',
      'noter.txt',
      'bilag.pdf',
    ]);
    const opened = new OpenedFiles();
    expect(opened.add('billede.png')).toBe(false);
    expect(opened.hasWaiting()).toBe(false);
    expect(opened.add('a.json')).toBe(true);
    expect(opened.take()).toBe(path.resolve('a.json'));
    expect(opened.take()).toBeNull();
  });

  it('are imported by the next "Importér …" without a dialog', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dagsorden-opened-'));
    try {
      const file = path.join(dir, 'kkr.dagsorden.json');
      await writeFile(file, serializeAgendaFile(everyNodeAgenda()));
      const opened = new OpenedFiles();
      opened.add(file);
      const dialogs = { saveFile: vi.fn(), openFile: vi.fn(async () => null) };
      const files = new AgendaFiles(dialogs, undefined, opened);
      expect(await files.importAgendaFile(null)).toMatchObject({ status: 'opened', fileName: 'kkr.dagsorden.json' });
      expect(dialogs.openFile).not.toHaveBeenCalled();
      expect(await files.importAgendaFile(null)).toEqual({ status: 'canceled' });
      expect(dialogs.openFile).toHaveBeenCalledTimes(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
