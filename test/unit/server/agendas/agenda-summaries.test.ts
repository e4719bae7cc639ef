import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase, type SqliteDatabase } from '../../../../server/storage/sqlite-database';
import { AgendaStore } from '../../../../server/agendas/agenda-store';
import { AgendaSummaries } from '../../../../server/agendas/agenda-summaries';
import { meetingMap, writeMeetingFacts } from '../../../../shared/agenda/ydoc-agenda';
import { recordingLogger } from '../../../support/test-server';

describe('AgendaSummaries', () => {
  let dir: string;
  let db: SqliteDatabase;
  let agendas: AgendaStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dagsorden-summaries-'));
    db = openDatabase(dir);
    agendas = new AgendaStore(db);
    agendas.create({ id: 'agenda-1', title: 'Ny dagsorden', committee: 'KKR', meetingDate: '' }, new Date('2024-01-01T00:00:00Z'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes title, committee and date from the meeting facts once per debounce, with the time of the last change', async () => {
    const summaries = new AgendaSummaries(agendas, recordingLogger(), 30);
    const ydoc = new Y.Doc();
    writeMeetingFacts(ydoc, { committee: 'KKR Midtjylland' });
    summaries.changed('agenda-1', ydoc, new Date('2024-06-01T10:00:00Z'));
    writeMeetingFacts(ydoc, { date: '2024-06-18' });
    summaries.changed('agenda-1', ydoc, new Date('2024-06-01T10:00:05Z'));
    expect(agendas.get('agenda-1')!.title).toBe('Ny dagsorden');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(agendas.get('agenda-1')).toEqual({
      id: 'agenda-1', title: 'Dagsorden – KKR Midtjylland – 18. juni 2024', committee: 'KKR Midtjylland', meetingDate: '2024-06-18', updatedAt: '2024-06-01T10:00:05.000Z',
    });
  });

  it('keeps the posted title while the document has no meeting facts, and survives facts it cannot read', () => {
    const log = recordingLogger();
    const summaries = new AgendaSummaries(agendas, log, 10_000);
    const empty = new Y.Doc();
    summaries.changed('agenda-1', empty, new Date('2024-06-02T00:00:00Z'));
    summaries.flush('agenda-1');
    expect(agendas.get('agenda-1')).toMatchObject({ title: 'Ny dagsorden', committee: 'KKR', updatedAt: '2024-06-02T00:00:00.000Z' });

    const broken = new Y.Doc();
    meetingMap(broken).set('date', 'not a date');
    summaries.changed('agenda-1', broken, new Date('2024-06-03T00:00:00Z'));
    summaries.flushAll();
    expect(agendas.get('agenda-1')).toMatchObject({ title: 'Ny dagsorden', updatedAt: '2024-06-03T00:00:00.000Z' });
    expect(log.lines.some((l) => l.event === 'agenda-summary-unreadable' && l.fields.doc === 'agenda-1')).toBe(true);
  });
});
