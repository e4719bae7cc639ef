import type * as Y from 'yjs';
import { readMeetingFacts } from '../../shared/agenda/ydoc-agenda';
import { documentTitle } from '../../shared/agenda/meeting-facts';
import type { Logger } from '../log';
import type { AgendaStore } from './agenda-store';

interface PendingSummary {
  ydoc: Y.Doc;
  changedAt: Date;
  timer: NodeJS.Timeout;
}

/**
 * Keeps the agenda list current as documents are edited: after a change is stored, the
 * list entry's title, committee and meeting date are read from the document's meeting facts,
 * at most once per `debounceMs` per agenda; the last-change time is that of the change.
 */
export class AgendaSummaries {
  private readonly pending = new Map<string, PendingSummary>();

  constructor(
    private readonly agendas: AgendaStore,
    private readonly log: Logger,
    private readonly debounceMs = 1000,
  ) {}

  /** Notes that `ydoc` (agenda `id`) has a newly stored change. */
  changed(id: string, ydoc: Y.Doc, at = new Date()): void {
    const existing = this.pending.get(id);
    if (existing) {
      existing.ydoc = ydoc;
      existing.changedAt = at;
      return;
    }
    const timer = setTimeout(() => this.write(id), this.debounceMs);
    timer.unref();
    this.pending.set(id, { ydoc, changedAt: at, timer });
  }

  /** Writes the pending entry of one agenda now (e.g. before its document leaves memory). */
  flush(id: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.write(id);
  }

  /** Writes every pending entry now. */
  flushAll(): void {
    for (const id of [...this.pending.keys()]) this.flush(id);
  }

  private write(id: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    try {
      const current = this.agendas.get(id);
      if (!current) return;
      const updatedAt = entry.changedAt.toISOString();
      let facts;
      try {
        facts = readMeetingFacts(entry.ydoc);
      } catch (error) {
        // Meeting facts a client wrote wrongly do not stop the list from showing the change.
        this.log.warn('agenda-summary-unreadable', { doc: id, error: (error as Error).message });
      }
      const hasFacts = !!facts && (facts.committee.trim() !== '' || facts.date !== '');
      this.agendas.updateSummary(
        id,
        hasFacts
          ? { title: documentTitle(facts!), committee: facts!.committee.trim(), meetingDate: facts!.date, updatedAt }
          : { title: current.title, committee: current.committee, meetingDate: current.meetingDate, updatedAt },
      );
    } catch (error) {
      this.log.error('agenda-summary-failure', { doc: id, error: (error as Error).message });
    }
  }
}
