import * as Y from 'yjs';

/** The kind of action behind a Yjs transaction: a fuzz step's name, or `receive` for the binding's own repairs while applying remote updates. */
export type OpKind = string;

/** One local Yjs transaction: what it created and deleted, and which step made it. */
export interface LoggedOp {
  kind: OpKind;
  label: string;
  client: number;
  /** Clocks [from, to) of `client` created by the transaction. */
  from: number;
  to: number;
  /** Struct ranges the transaction deleted, of any client. */
  deleted: Array<{ client: number; clock: number; len: number }>;
}

/**
 * A record of every local Yjs transaction of every client (remote applications are left
 * out: they repeat what another client's log already holds). The fuzz uses it to explain
 * a token that went missing or doubled: which step deleted its characters or one of their
 * containers, and which step created each copy.
 */
export class YOpLog {
  private readonly ops: LoggedOp[] = [];
  private current: { kind: OpKind; label: string } = { kind: 'setup', label: 'setup' };

  /** Logs the local transactions of `doc`; transactions with origin `remote` are skipped. */
  watch(doc: Y.Doc, remote: unknown): void {
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === remote) return;
      const client = doc.clientID;
      const deleted: LoggedOp['deleted'] = [];
      tr.deleteSet.clients.forEach((ranges, owner) => {
        for (const range of ranges) deleted.push({ client: owner, clock: range.clock, len: range.len });
      });
      const from = tr.beforeState.get(client) ?? 0;
      const to = tr.afterState.get(client) ?? 0;
      if (deleted.length > 0 || to > from) this.ops.push({ ...this.current, client, from, to, deleted });
    });
  }

  /** Runs `action`, attributing the transactions it causes to `kind` / `label`. */
  during<T>(kind: OpKind, label: string, action: () => T): T {
    const outer = this.current;
    this.current = { kind, label };
    try {
      return action();
    } finally {
      this.current = outer;
    }
  }

  /** The steps that deleted the struct `id`. */
  deleters(id: Y.ID): LoggedOp[] {
    return this.ops.filter((op) => op.deleted.some((range) => range.client === id.client && id.clock >= range.clock && id.clock < range.clock + range.len));
  }

  /** The step that created the struct `id`. */
  creator(id: Y.ID): LoggedOp | undefined {
    return this.ops.find((op) => op.client === id.client && id.clock >= op.from && id.clock < op.to);
  }

  /**
   * Nodes that the editor binding deleted on its own while applying remote updates (kind
   * `receive`). y-tiptap does that to a Y element that no longer fits the schema, with all
   * it holds; `doc` must keep deleted content (gc: false) to name them.
   */
  bindingDeletions(doc: Y.Doc): string[] {
    const found: string[] = [];
    for (const op of this.ops) {
      if (op.kind !== 'receive') continue;
      for (const range of op.deleted) {
        for (const struct of doc.store.clients.get(range.client) ?? []) {
          if (!(struct instanceof Y.Item) || struct.id.clock < range.clock || struct.id.clock >= range.clock + range.len) continue;
          if (struct.content instanceof Y.ContentType && struct.content.type instanceof Y.XmlElement) {
            // An element that held no text (an empty list left by concurrent edits) loses nothing when the binding drops it.
            if (struct.content.type.toString().replace(/<[^>]*>/g, '') === '') continue;
            found.push(`<${struct.content.type.nodeName}> ${struct.id.client}:${struct.id.clock} (${struct.content.type.toString().length} characters of XML) on the client with Yjs id ${op.client}`);
          }
        }
      }
    }
    return found;
  }
}
