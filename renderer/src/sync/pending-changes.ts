/**
 * How many local changes of an agenda have not been confirmed by the server. Kept in
 * localStorage so the count survives a reload while offline.
 */
export class PendingChanges {
  private readonly key: string;
  private count: number;

  constructor(agendaId: string, private readonly storage: Storage = localStorage) {
    this.key = `dagsorden.pending.${agendaId}`;
    const stored = Number(storage.getItem(this.key) ?? '0');
    this.count = Number.isInteger(stored) && stored > 0 ? stored : 0;
  }

  get value(): number {
    return this.count;
  }

  /** One more local change. */
  add(): void {
    this.count += 1;
    this.storage.setItem(this.key, String(this.count));
  }

  /** The server holds everything: nothing is pending. */
  clear(): void {
    if (this.count === 0) return;
    this.count = 0;
    this.storage.removeItem(this.key);
  }
}
