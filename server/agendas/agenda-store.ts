import type { AgendaSummary } from '../../shared/protocol/agenda-api';
import type { SqliteDatabase } from '../storage/sqlite-database';

/** How long a deleted agenda stays recoverable. */
export const DELETED_AGENDA_RETENTION_DAYS = 30;

/** What a new agenda's list entry starts as (the document's meeting facts take over once edited). */
export interface NewAgenda {
  id: string;
  title?: string;
  committee?: string;
  meetingDate?: string;
}

/** The outcome of registering an agenda. */
export type CreateOutcome = 'created' | 'exists' | 'deleted';

interface AgendaRow {
  id: string;
  title: string;
  committee: string;
  meeting_date: string;
  updated_at: string;
  deleted_at: string | null;
}

/**
 * The server's list of agendas (table `agendas`): which document names are agendas, and
 * the title, committee, meeting date and last change shown in the list. A deleted agenda is
 * only marked deleted; its document stays stored for 30 days and can be restored.
 */
export class AgendaStore {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare(
        'INSERT INTO agendas (id, title, committee, meeting_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
      ),
      byId: db.prepare('SELECT * FROM agendas WHERE id = ?'),
      live: db.prepare('SELECT * FROM agendas WHERE deleted_at IS NULL ORDER BY meeting_date DESC, updated_at DESC'),
      summary: db.prepare('UPDATE agendas SET title = ?, committee = ?, meeting_date = ?, updated_at = ? WHERE id = ?'),
      markDeleted: db.prepare('UPDATE agendas SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
      restore: db.prepare('UPDATE agendas SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL'),
      expired: db.prepare('SELECT id FROM agendas WHERE deleted_at IS NOT NULL AND deleted_at < ?'),
      purge: db.prepare('DELETE FROM agendas WHERE id = ?'),
    };
  }

  /** Registers an agenda under a (checked) id. Registering one that exists changes nothing. */
  create(agenda: NewAgenda, now = new Date()): CreateOutcome {
    const at = now.toISOString();
    const result = this.statements.insert.run(agenda.id, agenda.title ?? '', agenda.committee ?? '', agenda.meetingDate ?? '', at, at);
    if (result.changes > 0) return 'created';
    return this.row(agenda.id)?.deleted_at ? 'deleted' : 'exists';
  }

  /** The agenda's list entry, or null when it is unknown or deleted. */
  get(id: string): AgendaSummary | null {
    const row = this.row(id);
    return row && !row.deleted_at ? toSummary(row) : null;
  }

  /** True when `id` names an agenda that is not deleted. */
  exists(id: string): boolean {
    return this.get(id) !== null;
  }

  /** Every agenda that is not deleted, newest meeting first. */
  list(): AgendaSummary[] {
    return (this.statements.live.all() as AgendaRow[]).map(toSummary);
  }

  /** Updates the list entry from the document. */
  updateSummary(id: string, summary: Omit<AgendaSummary, 'id'>): void {
    this.statements.summary.run(summary.title, summary.committee, summary.meetingDate, summary.updatedAt, id);
  }

  /** Marks the agenda deleted; false when it is unknown or already deleted. */
  markDeleted(id: string, now = new Date()): boolean {
    return this.statements.markDeleted.run(now.toISOString(), id).changes > 0;
  }

  /** Brings back a deleted agenda; false when there is no deleted agenda with this id. */
  restore(id: string): boolean {
    return this.statements.restore.run(id).changes > 0;
  }

  /** Ids of agendas deleted more than 30 days before `now`. */
  expired(now = new Date()): string[] {
    const cutoff = new Date(now.getTime() - DELETED_AGENDA_RETENTION_DAYS * 24 * 3600 * 1000).toISOString();
    return (this.statements.expired.all(cutoff) as Array<{ id: string }>).map((row) => row.id);
  }

  /** Forgets an agenda's list entry for good (its document is removed by the caller). */
  purge(id: string): void {
    this.statements.purge.run(id);
  }

  private row(id: string): AgendaRow | undefined {
    return this.statements.byId.get(id) as AgendaRow | undefined;
  }
}

function toSummary(row: AgendaRow): AgendaSummary {
  return { id: row.id, title: row.title, committee: row.committee, meetingDate: row.meeting_date, updatedAt: row.updated_at };
}
