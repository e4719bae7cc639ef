import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeAgendaFile } from '../../../shared/agenda/agenda-file';
import { everyNodeAgenda } from '../../support/every-node-agenda';
import { pdfPages } from './pdf-tools';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = path.join(root, 'server/cli/bin.js');

async function dagsorden(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
let agendaPath: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dagsorden-cli-'));
  agendaPath = path.join(dir, 'moede.dagsorden.json');
  writeFileSync(agendaPath, serializeAgendaFile(everyNodeAgenda()));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npx dagsorden export', () => {
  it('writes the public PDF of an agenda file', async () => {
    const out = path.join(dir, 'offentlig.pdf');
    const result = await dagsorden(['export', agendaPath, '-o', out, '--public', '--pdf-ua']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfPages(out).join('\n');
    expect(text).toContain('Fortrolig personsag');
    expect(text).not.toContain('zyxwvu');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an invalid agenda file with a message, and writes nothing at the output path', async () => {
    const bad = path.join(dir, 'forkert.json');
    writeFileSync(bad, JSON.stringify({ format: 'dagsorden-agenda', version: 1, meeting: {}, body: { type: 'doc', content: [{ type: 'paragraph' }] } }));
    const out = path.join(dir, 'aldrig.pdf');
    const result = await dagsorden(['export', bad, '-o', out]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Ugyldig dagsordensfil/);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves an existing file at the output path untouched when the export fails', async () => {
    const out = path.join(dir, 'gammel.pdf');
    writeFileSync(out, 'gammel udgave');
    const result = await dagsorden(['export', path.join(dir, 'findes-ikke.json'), '-o', out]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/kan ikke læse/);
    expect(readFileSync(out, 'utf8')).toBe('gammel udgave');
  });

  it('explains its usage when the output is missing', async () => {
    const result = await dagsorden(['export', agendaPath]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Brug: dagsorden export/);
  });
});
