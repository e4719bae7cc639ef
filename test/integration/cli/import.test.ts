import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgendaFileText } from '../../../shared/agenda/agenda-file';
import { agendaLinks } from '../../support/agenda-words';
import { sampleAgendaPdf, textPdf } from '../../support/text-pdf';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = path.join(root, 'server/cli/bin.js');
const reference = path.join(root, 'test/fixtures/kkr-midtjylland-2024-06-18.txt');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node server/cli/bin.js …` from the repository root. */
function dagsorden(...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ code: error ? (typeof code === 'number' ? code : 1) : 0, stdout, stderr });
    });
  });
}

describe('npx dagsorden import', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dagsorden-import-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports the reference text layer into an agenda file, with meeting facts from flags', async () => {
    const out = path.join(dir, 'reference.json');
    const run = await dagsorden('import', reference, '-o', out, '--date', '2024-06-18', '--time', '10.00-12.00', '--place', 'Regionshuset Viborg');
    expect(run.stderr).toContain('Advarsel (linje 672): Tomt punkt');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('7 afsnit, 9 punkter, 6 bilagstegn (./.), 2 links');
    expect(run.stdout).toContain('Forsidetekst genkendt (ikke lagt i dagsordenen): Mission');
    const agenda = parseAgendaFileText(await readFile(out, 'utf8'));
    expect(agenda.meeting).toEqual({ committee: 'KKR Midtjylland', kind: 'dagsorden', date: '2024-06-18', time: '10.00-12.00', place: 'Regionshuset Viborg' });
    expect(agenda.body.content).toHaveLength(7);
    expect(agenda.body.content!.map((s) => s.content!.length - 1)).toEqual([1, 1, 5, 0, 0, 1, 1]);
    // Only the agenda file is left in the folder: the temporary file was renamed into place.
    expect(await readdir(dir)).toEqual(['reference.json']);
  });

  it('imports a PDF through its text layer', async () => {
    const pdf = path.join(dir, 'dagsorden.pdf');
    const out = path.join(dir, 'fra-pdf.json');
    await writeFile(pdf, sampleAgendaPdf());
    const run = await dagsorden('import', pdf, '-o', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 afsnit, 2 punkter, 1 bilagstegn (./.), 1 link\n');
    const agenda = parseAgendaFileText(await readFile(out, 'utf8'));
    expect(agenda.meeting).toEqual({ committee: 'KKR Midtjylland', kind: 'dagsorden', date: '2024-06-18', time: '10.00-12.00', place: 'Regionshuset Viborg' });
    expect(agendaLinks(agenda.body)).toEqual([{ text: 'kan læses her', href: 'https://www.kl.dk/referat.pdf' }]);
  });

  describe.concurrent('bad input', () => {
    const refused = async (args: string[], message: RegExp | string) => {
      const out = path.join(dir, `afvist-${Math.random().toString(36).slice(2)}.json`);
      const run = await dagsorden('import', ...args.map((a) => (a === 'OUT' ? out : a)));
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
      await expect(readFile(out)).rejects.toThrow();
    };

    it('a missing file', () => refused([path.join(dir, 'findes-ikke.txt'), '-o', 'OUT'], 'filen findes ikke'));

    it('a file that is neither text nor PDF', async () => {
      const binary = path.join(dir, 'billede.png');
      await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
      await refused([binary, '-o', 'OUT'], 'er hverken en tekstfil eller en PDF');
    });

    it('a text with nothing recognisable', async () => {
      const letter = path.join(dir, 'brev.txt');
      await writeFile(letter, 'Kære alle\n\nTak for sidst.\n');
      await refused([letter, '-o', 'OUT'], 'Ingen dagsorden fundet i teksten');
    });

    it('a PDF without a text layer', async () => {
      const scanned = path.join(dir, 'skannet.pdf');
      await writeFile(scanned, textPdf([{ texts: [] }]));
      await refused([scanned, '-o', 'OUT'], 'PDF uden tekstlag');
    });

    it('a broken PDF', async () => {
      const broken = path.join(dir, 'i-stykker.pdf');
      await writeFile(broken, '%PDF-1.4\nikke en rigtig pdf\n');
      await refused([broken, '-o', 'OUT'], 'kunne ikke læses som PDF');
    });

    it('a missing -o and an invalid --date', async () => {
      await refused([reference], 'Brug: dagsorden import');
      await refused([reference, '-o', 'OUT', '--date', '18-06-2024'], '--date: "18-06-2024" er ikke en dato');
    });
  });
});
