import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '../../shared/protocol/message-types';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { DocumentStorage } from '../storage/document-storage';
import type { Logger } from '../log';
import type { SyncConnection } from './sync-connection';
import { keepDeletedContainers, OrphanRescuer, RescueOrigin } from '../../shared/rescue/orphan-rescuer';
import { agendaRescuerOptions } from '../../shared/rescue/agenda-rescuer-options';

/** What a shared document needs from the hub. */
export interface SharedDocumentOptions {
  storage: DocumentStorage;
  log: Logger;
  /** Largest stored size of the document, in bytes of one Yjs update. */
  maxDocumentBytes: number;
  /** Called after updates were stored and applied. */
  onStored?: (doc: SharedDocument) => void;
}

interface QueuedUpdate {
  update: Uint8Array;
  from: SyncConnection;
}

/**
 * One document on the server: its Y.Doc, the awareness of the people in it, and their
 * connections. Every update is stored before it is applied and relayed, in arrival order;
 * an update that could not be stored is neither applied nor relayed. Updates that arrive
 * while a write is in flight are stored together in the next write (group commit).
 */
export class SharedDocument {
  readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  /** Each connection and the awareness client ids it controls. */
  readonly connections = new Map<SyncConnection, Set<number>>();
  /** Resolves once the stored state is loaded; rejects if it could not be. */
  readonly ready: Promise<void>;
  private queue: QueuedUpdate[] = [];
  /** Bytes of the updates queued or being stored. */
  private queuedBytes = 0;
  private draining: Promise<void> | null = null;
  /** Size of the stored state: measured on load and when near the limit, grown by each write. */
  private storedBytes = 0;
  /** Connections whose updates were stored since they were last sent a SavedState. */
  private readonly unconfirmed = new Set<SyncConnection>();
  /** Puts back text typed concurrently into moved blocks (shared/rescue); attached once loaded. */
  private rescuer: OrphanRescuer | null = null;
  /** The rescuer's updates, to be stored before they are relayed. */
  private rescued: Uint8Array[] = [];

  constructor(
    readonly name: string,
    private readonly options: SharedDocumentOptions,
  ) {
    this.awareness.setLocalState(null);
    // Deleted blocks keep their structure, so that text typed into them offline can still be put back.
    this.ydoc.gcFilter = keepDeletedContainers;
    this.ready = this.load();
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => this.relayUpdate(update, origin));
    this.awareness.on('update', (changes: AwarenessChanges, origin: unknown) => this.relayAwareness(changes, origin));
  }

  private async load(): Promise<void> {
    const state = await this.options.storage.load(this.name);
    if (state) {
      Y.applyUpdate(this.ydoc, state, 'storage');
      this.storedBytes = state.byteLength;
    }
    // After loading: what the stored state holds was rescued when it arrived.
    this.rescuer = new OrphanRescuer(this.ydoc, agendaRescuerOptions());
  }

  /**
   * Stores `update`, then applies it (which relays it to the other connections). Updates are
   * queued so they are stored and relayed in arrival order. If storing fails, the sender is
   * disconnected with StorageFailure: its client still holds the change and sends it again
   * on reconnect, so nothing it sent is lost. An update that would make the document larger
   * than its limit is refused, and its sender disconnected with DocumentTooLarge.
   */
  receiveUpdate(update: Uint8Array, from: SyncConnection): Promise<void> {
    if (!this.fits(update)) {
      this.options.log.warn('document-too-large', { doc: this.name, client: from.label, bytes: this.storedBytes + this.queuedBytes + update.byteLength });
      from.close(CloseCode.DocumentTooLarge, 'Dagsordenen er blevet for stor');
      return this.flushed();
    }
    this.queue.push({ update, from });
    this.queuedBytes += update.byteLength;
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /** Whether the document stays within its size limit with `update` added. */
  private fits(update: Uint8Array): boolean {
    const limit = this.options.maxDocumentBytes;
    if (this.storedBytes + this.queuedBytes + update.byteLength <= limit) return true;
    // The running total overcounts (overwritten and deleted content shrinks when merged): measure.
    this.storedBytes = Y.encodeStateAsUpdate(this.ydoc).byteLength;
    return this.storedBytes + this.queuedBytes + update.byteLength <= limit;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const batchBytes = batch.reduce((sum, queued) => sum + queued.update.byteLength, 0);
      try {
        await this.storeBatch(batch);
      } catch (error) {
        // Not a storage error (those are handled in storeBatch): updates Yjs could decode but not merge.
        for (const from of new Set(batch.map((queued) => queued.from))) {
          this.options.log.error('update-failure', { doc: this.name, client: from.label, error: (error as Error).message });
          from.close(CloseCode.MalformedMessage, 'Ugyldig besked');
        }
      } finally {
        this.queuedBytes -= batchBytes;
      }
    }
    this.confirmSaved();
  }

  private async storeBatch(batch: QueuedUpdate[]): Promise<void> {
    const single = batch.length === 1;
    const part = this.newPart(single ? batch[0]!.update : Y.mergeUpdates(batch.map((queued) => queued.update)));
    if (part) {
      const news = part.update;
      try {
        await this.options.storage.append(this.name, news);
      } catch (error) {
        const failed = new Set(batch.map((queued) => queued.from));
        for (const from of failed) {
          this.options.log.error('storage-failure', { doc: this.name, client: from.label, error: (error as Error).message });
          this.unconfirmed.delete(from);
          from.close(CloseCode.StorageFailure, 'Ændringen kunne ikke gemmes på serveren');
        }
        // Their later updates build on the failed ones; the clients send everything again on reconnect.
        const dropped = this.queue.filter((queued) => failed.has(queued.from));
        if (dropped.length > 0) {
          this.queue = this.queue.filter((queued) => !failed.has(queued.from));
          this.queuedBytes -= dropped.reduce((sum, queued) => sum + queued.update.byteLength, 0);
        }
        return;
      }
      this.storedBytes += news.byteLength;
      for (const { update, from } of batch) {
        // Its sender: the Yjs clients its awareness speaks for (none known yet: null).
        const controlled = this.connections.get(from);
        const sender = controlled && controlled.size > 0 ? controlled : null;
        try {
          // The rescuer needs each update's own deletions; a lone update's were decoded above.
          if (single) this.rescuer?.noteDeletions(part.deleteSet, sender);
          else this.rescuer?.noteIncoming(update, sender);
          Y.applyUpdate(this.ydoc, update, from);
        } catch (error) {
          this.rescuer?.forgetIncoming();
          this.options.log.error('apply-failure', { doc: this.name, client: from.label, error: (error as Error).message });
          from.close(CloseCode.MalformedMessage, 'Ugyldig besked');
        }
      }
      await this.rescue();
      this.options.onStored?.(this);
    }
    for (const { from } of batch) if (this.connections.has(from)) this.unconfirmed.add(from);
  }

  /**
   * Puts back what the batch orphaned (text typed into a block someone moved meanwhile), then
   * stores that change and relays it to everyone. The rescue is in the document from the
   * moment it is made (a sync reply in the meantime may carry it); if storing fails, it is
   * kept and stored with the next batch's, and a client that received it sends it back on
   * reconnect if the server restarts first. Nothing sent is lost either way: the orphaned
   * text stays in the stored updates it came with.
   */
  private async rescue(): Promise<void> {
    try {
      this.rescuer?.rescue();
    } catch (error) {
      this.options.log.error('rescue-failure', { doc: this.name, error: (error as Error).message });
    }
    if (this.rescued.length === 0) return;
    const update = Y.mergeUpdates(this.rescued);
    try {
      await this.options.storage.append(this.name, update);
      this.rescued = [];
      this.storedBytes += update.byteLength;
    } catch (error) {
      // Kept, and stored with the next batch's rescue (the document already holds it).
      this.options.log.error('storage-failure', { doc: this.name, client: 'rescue', error: (error as Error).message });
      return;
    }
    this.relayUpdate(update, null);
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

  /** The part of `update` the document does not have yet (and its delete set), or null when it adds nothing. */
  private newPart(update: Uint8Array): { update: Uint8Array; deleteSet: Y.Transaction['deleteSet'] } | null {
    const stateVector = Y.encodeStateVector(this.ydoc);
    const diff = Y.diffUpdate(update, stateVector);
    const decoded = Y.decodeUpdate(diff);
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return null;
    return { update: diff, deleteSet: decoded.ds };
  }

  /** Resolves when every queued update has been stored (or has failed). */
  flushed(): Promise<void> {
    return this.draining ?? Promise.resolve();
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
    this.rescuer?.destroy();
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  private relayUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === RescueOrigin) {
      this.rescued.push(update);
      return;
    }
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
      // A newer entry speaks for its client from now on: a new one, one announced again after
      // a reconnect (the server kept its clock, so it counts as updated), or one taken over
      // from an older connection of the same user (see the hub). Echoes of others' entries
      // carry no newer clock and change nothing.
      for (const id of [...added, ...updated]) {
        if (controlled.has(id)) continue;
        for (const ids of this.connections.values()) ids.delete(id);
        controlled.add(id);
      }
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
