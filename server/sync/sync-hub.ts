import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/message-types';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { DocumentStorage } from '../storage/document-storage';
import type { Logger } from '../log';
import type { SyncConnection } from './sync-connection';
import { SharedDocument } from './shared-document';
import { checkUpdate } from './update-check';
import { Limits } from '../../shared/protocol/limits';

/** What the websocket layer does with a connection once the hub has it. */
export interface ConnectionHandle {
  /** Hands one received frame to the hub. */
  receive(message: Uint8Array): void;
  /** Tells the hub the connection has closed. */
  closed(): void;
}

/** Options of the sync core. */
export interface SyncHubOptions {
  storage: DocumentStorage;
  log: Logger;
  /** Largest stored size of one document (default Limits.maxDocumentBytes). */
  maxDocumentBytes?: number;
  /** Awareness entries one connection may announce (default Limits.maxAwarenessEntriesPerConnection). */
  maxAwarenessEntriesPerConnection?: number;
  /** Called after a document's updates were stored and applied. */
  onStored?: (name: string, ydoc: Y.Doc) => void;
  /** Called when a document leaves memory (no connections, writes done). */
  onReleased?: (name: string, ydoc: Y.Doc) => void;
}

/**
 * The sync core: the y-websocket protocol (y-protocols sync and awareness) over any
 * connection, one shared document per name. It holds all its state in the instance and
 * takes storage and connections as parameters, so tests and servers can run several.
 */
export class SyncHub {
  private readonly documents = new Map<string, SharedDocument>();

  constructor(private readonly options: SyncHubOptions) {}

  /**
   * Starts serving `conn` on document `name`. Frames that arrive before the document's stored
   * state is loaded wait, so no client is ever told it is in sync with an unloaded document.
   */
  connect(name: string, conn: SyncConnection): ConnectionHandle {
    const doc = this.document(name);
    doc.connections.set(conn, new Set());
    let open = true;
    let loaded = false;
    const queue: Uint8Array[] = [];
    const fail = (error: unknown) => {
      if (!open) return;
      this.options.log.warn('malformed-message', { doc: name, client: conn.label, error: (error as Error).message });
      conn.close(CloseCode.MalformedMessage, 'Ugyldig besked');
    };
    const handle = (message: Uint8Array) => {
      try {
        this.handleMessage(doc, conn, message);
      } catch (error) {
        fail(error);
      }
    };
    doc.ready.then(
      () => {
        if (!open) return;
        loaded = true;
        doc.addConnection(conn);
        for (const message of queue.splice(0)) if (open) handle(message);
      },
      (error: unknown) => {
        this.options.log.error('load-failure', { doc: name, error: (error as Error).message });
        conn.close(CloseCode.StorageFailure, 'Dokumentet kunne ikke indlæses');
      },
    );
    return {
      receive: (message) => {
        if (!open) return;
        if (loaded) handle(message);
        else queue.push(message);
      },
      closed: () => {
        if (!open) return;
        open = false;
        doc.removeConnection(conn);
        this.releaseIfUnused(doc);
      },
    };
  }

  /** The names of the documents currently held in memory. */
  openDocuments(): string[] {
    return [...this.documents.keys()];
  }

  /** Closes every connection to document `name` (e.g. when the agenda is deleted). */
  closeDocument(name: string, code: number, reason: string): void {
    const doc = this.documents.get(name);
    if (doc) for (const conn of [...doc.connections.keys()]) conn.close(code, reason);
  }

  /** Waits for every queued write to be stored. */
  async flush(): Promise<void> {
    await Promise.all([...this.documents.values()].map((doc) => doc.flushed()));
  }

  private document(name: string): SharedDocument {
    let doc = this.documents.get(name);
    if (!doc) {
      doc = new SharedDocument(name, {
        storage: this.options.storage,
        log: this.options.log,
        maxDocumentBytes: this.options.maxDocumentBytes ?? Limits.maxDocumentBytes,
        onStored: this.options.onStored && ((stored) => this.options.onStored!(stored.name, stored.ydoc)),
      });
      this.documents.set(name, doc);
    }
    return doc;
  }

  private releaseIfUnused(doc: SharedDocument): void {
    if (doc.connections.size > 0) return;
    void doc.flushed().then(() => {
      if (doc.connections.size === 0 && this.documents.get(doc.name) === doc) {
        this.documents.delete(doc.name);
        this.options.onReleased?.(doc.name, doc.ydoc);
        doc.destroy();
      }
    });
  }

  private handleMessage(doc: SharedDocument, conn: SyncConnection, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        this.handleSync(doc, conn, decoder);
        break;
      case MessageType.Awareness: {
        const update = decoding.readVarUint8Array(decoder);
        const problem = this.awarenessProblem(doc, conn, update);
        if (problem === 'limit') {
          this.options.log.warn('too-many-awareness-entries', { doc: doc.name, client: conn.label });
          conn.close(CloseCode.TooManyAwarenessEntries, 'For mange tilstedeværelser fra én forbindelse');
          return;
        }
        if (problem === 'foreign') {
          this.options.log.warn('foreign-awareness-entry', { doc: doc.name, client: conn.label });
          conn.close(CloseCode.MalformedMessage, 'Tilstedeværelse for en anden forbindelse');
          return;
        }
        awarenessProtocol.applyAwarenessUpdate(doc.awareness, update, conn);
        break;
      }
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  /**
   * What is wrong with an awareness update from `conn`, if anything: it would leave `conn`
   * controlling more entries than allowed ('limit'), or it speaks for an entry a connection of
   * another user controls ('foreign': renaming or removing someone else in everyone's list).
   * The same user may take over an entry: that is their own tab reconnecting before the
   * server noticed the old connection was gone.
   */
  private awarenessProblem(doc: SharedDocument, conn: SyncConnection, update: Uint8Array): 'limit' | 'foreign' | null {
    const limit = this.options.maxAwarenessEntriesPerConnection ?? Limits.maxAwarenessEntriesPerConnection;
    const controlled = doc.controlledBy(conn);
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const added = new Set<number>();
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const left = decoding.readVarString(decoder) === 'null';
      // What y-protocols will ignore (not newer than what the server has) changes nothing: y-websocket
      // clients echo every entry they receive back unchanged, those of people who left too.
      const current = doc.awareness.meta.get(clientId)?.clock ?? 0;
      if (clock < current || (clock === current && !(left && doc.awareness.states.has(clientId)))) continue;
      if (controlled.has(clientId)) continue;
      const owner = [...doc.connections].find(([other, ids]) => other !== conn && ids.has(clientId))?.[0];
      if (owner) {
        // A newer clock is an attempt to change someone else's entry.
        if (owner.userId !== conn.userId && clock > current) return 'foreign';
        continue;
      }
      added.add(clientId);
      if (controlled.size + added.size > limit) return 'limit';
    }
    return null;
  }

  private handleSync(doc: SharedDocument, conn: SyncConnection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        Y.decodeStateVector(stateVector); // throws on a malformed state vector
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, MessageType.Sync);
        syncProtocol.writeSyncStep2(reply, doc.ydoc, stateVector);
        conn.send(encoding.toUint8Array(reply));
        break;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        checkUpdate(update); // throws on a malformed or self-contradictory update, before anything is stored
        if (conn.readOnly) return;
        void doc.receiveUpdate(update, conn);
        break;
      }
      default:
        throw new Error(`unknown sync message type ${syncType}`);
    }
  }
}
