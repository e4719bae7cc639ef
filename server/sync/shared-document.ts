import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '../../shared/protocol/message-types';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { DocumentStorage } from '../storage/document-storage';
import type { Logger } from '../log';
import type { SyncConnection } from './sync-connection';

/**
 * One document on the server: its Y.Doc, the awareness of the people in it, and their
 * connections. Every update is stored before it is applied and relayed, one at a time in
 * arrival order; an update that could not be stored is neither applied nor relayed.
 */
export class SharedDocument {
  readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  /** Each connection and the awareness client ids it controls. */
  readonly connections = new Map<SyncConnection, Set<number>>();
  /** Resolves once the stored state is loaded; rejects if it could not be. */
  readonly ready: Promise<void>;
  private writes: Promise<void> = Promise.resolve();
  private queuedWrites = 0;
  /** Connections whose updates were stored since they were last sent a SavedState. */
  private readonly unconfirmed = new Set<SyncConnection>();

  constructor(
    readonly name: string,
    private readonly storage: DocumentStorage,
    private readonly log: Logger,
  ) {
    this.awareness.setLocalState(null);
    this.ready = this.load();
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => this.relayUpdate(update, origin));
    this.awareness.on('update', (changes: AwarenessChanges, origin: unknown) => this.relayAwareness(changes, origin));
  }

  private async load(): Promise<void> {
    const state = await this.storage.load(this.name);
    if (state) Y.applyUpdate(this.ydoc, state, 'storage');
  }

  /**
   * Stores `update`, then applies it (which relays it to the other connections). Updates are
   * queued so they are stored and relayed in arrival order. If storing fails, the sender is
   * disconnected with StorageFailure: its client still holds the change and sends it again
   * on reconnect, so nothing it sent is lost.
   */
  receiveUpdate(update: Uint8Array, from: SyncConnection): Promise<void> {
    const store = async () => {
      const news = this.newPart(update);
      if (news) {
        try {
          await this.storage.append(this.name, news);
        } catch (error) {
          this.log.error('storage-failure', { doc: this.name, client: from.label, error: (error as Error).message });
          this.unconfirmed.delete(from);
          from.close(CloseCode.StorageFailure, 'Ændringen kunne ikke gemmes på serveren');
          return;
        }
        Y.applyUpdate(this.ydoc, news, from);
      }
      if (this.connections.has(from)) this.unconfirmed.add(from);
    };
    const run = () =>
      store().finally(() => {
        this.queuedWrites -= 1;
        if (this.queuedWrites === 0) this.confirmSaved();
      });
    this.queuedWrites += 1;
    this.writes = this.writes.then(run, run);
    return this.writes;
  }

  /**
   * Tells each connection whose updates were stored what the server now holds, once the
   * write queue is idle (so a burst of keystrokes gets one confirmation).
   */
  private confirmSaved(): void {
    if (this.unconfirmed.size === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.SavedState);
    encoding.writeVarUint8Array(encoder, Y.encodeSnapshot(Y.snapshot(this.ydoc)));
    const message = encoding.toUint8Array(encoder);
    for (const conn of this.unconfirmed) if (this.connections.has(conn)) conn.send(message);
    this.unconfirmed.clear();
  }

  /** The part of `update` the document does not have yet, or null when it adds nothing. */
  private newPart(update: Uint8Array): Uint8Array | null {
    const stateVector = Y.encodeStateVector(this.ydoc);
    const diff = Y.diffUpdate(update, stateVector);
    const decoded = Y.decodeUpdate(diff);
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return null;
    return diff;
  }

  /** Resolves when every queued update has been stored (or has failed). */
  flushed(): Promise<void> {
    return this.writes;
  }

  /** Starts syncing with `conn`: sends the server's state vector and everyone's awareness. */
  addConnection(conn: SyncConnection): void {
    if (!this.connections.has(conn)) this.connections.set(conn, new Set());
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MessageType.Sync);
    syncProtocol.writeSyncStep1(step1, this.ydoc);
    conn.send(encoding.toUint8Array(step1));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, MessageType.Awareness);
      encoding.writeVarUint8Array(message, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]));
      conn.send(encoding.toUint8Array(message));
    }
  }

  /** Forgets `conn` and removes the awareness states it controlled. */
  removeConnection(conn: SyncConnection): void {
    this.unconfirmed.delete(conn);
    const controlled = this.connections.get(conn);
    this.connections.delete(conn);
    if (controlled && controlled.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
  }

  /** Awareness client ids the connection has announced. */
  controlledBy(conn: SyncConnection): Set<number> {
    return this.connections.get(conn) ?? new Set();
  }

  /** Releases the document's memory. */
  destroy(): void {
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  private relayUpdate(update: Uint8Array, origin: unknown): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const conn of this.connections.keys()) if (conn !== origin) conn.send(message);
  }

  private relayAwareness({ added, updated, removed }: AwarenessChanges, origin: unknown): void {
    const changed = [...added, ...updated, ...removed];
    if (origin && this.connections.has(origin as SyncConnection)) {
      const controlled = this.connections.get(origin as SyncConnection)!;
      for (const id of added) controlled.add(id);
      for (const id of removed) controlled.delete(id);
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    const message = encoding.toUint8Array(encoder);
    for (const conn of this.connections.keys()) conn.send(message);
  }
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}
