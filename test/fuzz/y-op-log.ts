import * as Y from 'yjs';
import { isDelimiter } from './fuzz-tokens';

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
  /** Its place in the order of all logged transactions. */
  seq: number;
  /** The document's state vector just before it: what its client had seen. */
  before: Map<number, number>;
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
  /** Per document: each token delimiter → every character of it the document holds (typed or copied). */
  private readonly delimiters = new Map<Y.Doc, Map<string, Y.ID[]>>();
  /** A delimiter character a local transaction created (`client:clock`) → the same delimiter's characters live in that document just before. */
  private readonly sources = new Map<string, Y.ID[]>();

  /** Logs the local transactions of `doc`; transactions with origin `remote` are skipped. */
  watch(doc: Y.Doc, remote: unknown): void {
    this.delimiters.set(doc, new Map());
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      this.noteDelimiters(doc, tr, tr.origin !== remote);
      if (tr.origin === remote) return;
      const client = doc.clientID;
      const deleted: LoggedOp['deleted'] = [];
      tr.deleteSet.clients.forEach((ranges, owner) => {
        for (const range of ranges) deleted.push({ client: owner, clock: range.clock, len: range.len });
      });
      const from = tr.beforeState.get(client) ?? 0;
      const to = tr.afterState.get(client) ?? 0;
      if (deleted.length > 0 || to > from) this.ops.push({ ...this.current, client, from, to, deleted, seq: this.ops.length, before: tr.beforeState });
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

  /**
   * Indexes the token delimiters `tr` created in `doc`. For a local transaction (a copy made
   * by a move, split, join or undo) each one's sources are noted: the characters of the same
   * delimiter that were live in `doc` just before (live now, or deleted by `tr`). What the
   * rescue puts back was deleted on arrival (its container was), so a rescued copy has no
   * live source and starts a new line, as does text an undo writes anew.
   */
  private noteDelimiters(doc: Y.Doc, tr: Y.Transaction, local: boolean): void {
    const index = this.delimiters.get(doc)!;
    const created: Array<[string, Y.ID]> = [];
    tr.afterState.forEach((to, client) => {
      const from = tr.beforeState.get(client) ?? 0;
      if (to <= from) return;
      const structs = doc.store.clients.get(client) ?? [];
      for (let i = Y.findIndexSS(structs, from); i < structs.length && structs[i]!.id.clock < to; i++) {
        const struct = structs[i]!;
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
        const text = struct.content.str;
        for (let offset = Math.max(0, from - struct.id.clock); offset < text.length && struct.id.clock + offset < to; offset++) {
          if (isDelimiter(text[offset]!)) created.push([text[offset]!, Y.createID(struct.id.client, struct.id.clock + offset)]);
        }
      }
    });
    for (const [char, id] of created) {
      const known = index.get(char) ?? [];
      if (local && known.length > 0) {
        const live = known.filter((other) => !isDeletedIn(doc, other) || Y.isDeleted(tr.deleteSet, other));
        this.sources.set(`${id.client}:${id.clock}`, live);
      }
    }
    for (const [char, id] of created) {
      const known = index.get(char);
      if (known) known.push(id);
      else index.set(char, [id]);
    }
  }

  /**
   * Every character of the delimiter `char` that a watched document holds, live or deleted,
   * once each (a document may have received one after its content was collected elsewhere).
   */
  delimiterIds(char: string): Y.ID[] {
    const found = new Map<string, Y.ID>();
    for (const index of this.delimiters.values()) for (const id of index.get(char) ?? []) found.set(`${id.client}:${id.clock}`, id);
    return [...found.values()];
  }

  /** What the transaction that created the delimiter character `id` could have copied it from (undefined: typed, or nothing to copy). */
  sourcesOf(id: Y.ID): Y.ID[] | undefined {
    return this.sources.get(`${id.client}:${id.clock}`);
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

/** Whether the character `id` is deleted in `doc` (collected counts as deleted). */
export function isDeletedIn(doc: Y.Doc, id: Y.ID): boolean {
  return Y.getItem(doc.store, id).deleted;
}
