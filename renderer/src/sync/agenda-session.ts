import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import type { IndexeddbPersistence } from 'y-indexeddb';
import { SCHEMA_VERSION, SCHEMA_VERSION_PARAM } from '../../../shared/protocol/schema-version';
import { CloseCode } from '../../../shared/protocol/close-codes';
import { MessageType } from '../../../shared/protocol/message-types';
import { TOKEN_PARAM } from '../../../shared/protocol/agenda-api';
import { serverHasAll } from '../../../shared/protocol/saved-state';
import { announcePresenceOnConnect } from '../../../shared/protocol/presence-on-connect';
import { meetingMap, readMeetingFacts } from '../../../shared/agenda/ydoc-agenda';
import { documentTitle } from '../../../shared/agenda/meeting-facts';
import type { UserProfile } from '../user/user-profile';
import { AgendaApiError, listAgendas, registerAgenda, whoAmI } from './agenda-api-client';
import { localAgenda, rememberAgenda } from './local-agendas';
import { PendingChanges } from './pending-changes';
import type { SyncTarget } from './sync-target';

/** The connection state shown in the status line. */
export type ConnectionStatus = 'local' | 'connected' | 'connecting' | 'offline' | 'refused';

/** Someone else in the same agenda. */
export interface Peer {
  clientId: number;
  name: string;
  initials: string;
  color: string;
}

/** What the UI shows of a session; a new object whenever something changes. */
export interface SessionSnapshot {
  status: ConnectionStatus;
  /** Why the server refused the connection, when status is "refused". */
  refusal: string | null;
  /** True when the server has confirmed it holds everything this client has. */
  confirmed: boolean;
  /** Local changes the server has not confirmed (kept across reloads). */
  pending: number;
  /** The user may only read this agenda (the server drops their edits), so the editor is read-only. */
  readOnly: boolean;
  peers: Peer[];
}

/** Danish explanations of refusals that stop reconnecting. */
const REFUSALS: Record<number, string> = {
  [CloseCode.Unauthorized]: 'Adgang nægtet: din adgangsnøgle er forkert eller trukket tilbage.',
  [CloseCode.Forbidden]: 'Du har ikke adgang til denne dagsorden.',
  [CloseCode.AgendaGone]: 'Dagsordenen er slettet på serveren.',
  [CloseCode.OutdatedClient]: 'Opdater Dagsorden: serveren bruger en nyere version af dokumentformatet.',
};

/** API answers that mean reconnecting will not help ("" = use the server's own message). */
const API_REFUSALS: Record<number, string> = {
  401: '',
  403: REFUSALS[CloseCode.Forbidden]!,
  410: REFUSALS[CloseCode.AgendaGone]!,
};

/**
 * One open agenda: its Y.Doc (already loaded from the local store), its connection to the
 * sync server when one is configured, and the truth about what the server has confirmed.
 */
export class AgendaSession {
  readonly awareness: WebsocketProvider['awareness'];
  /** The sync provider; it also owns the awareness (carets, presence), and without a server it never connects. */
  readonly provider: WebsocketProvider;
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly pending: PendingChanges;
  private lastSavedState: Uint8Array | null = null;
  private registering: Promise<void> | null = null;
  private destroyed = false;
  private lastExplained = 0;

  constructor(
    readonly id: string,
    readonly ydoc: Y.Doc,
    private readonly persistence: IndexeddbPersistence,
    private readonly target: SyncTarget | null,
    readonly profile: UserProfile,
  ) {
    this.pending = new PendingChanges(id);
    this.snapshot = { status: target ? 'connecting' : 'local', refusal: null, confirmed: false, pending: this.pending.value, readOnly: false, peers: [] };
    // The provider owns the awareness; without a server an unconnected one still gives the editor its carets API.
    this.provider = new WebsocketProvider(target?.url ?? 'ws://127.0.0.1:9', id, ydoc, {
      connect: false,
      // Tabs sync through the server only: an update from another tab must not look confirmed.
      disableBc: true,
      params: { [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION), [TOKEN_PARAM]: target?.token ?? '' },
      maxBackoffTime: 10_000,
    });
    this.awareness = this.provider.awareness;
    this.awareness.setLocalStateField('user', { ...profile });
    this.awareness.on('change', this.onAwarenessChange);
    ydoc.on('update', this.onUpdate);
    meetingMap(ydoc).observe(this.rememberFacts);
    this.rememberFacts();
    if (target) {
      this.wireProvider(this.provider);
      void this.connect();
    }
  }

  /** The current snapshot (stable between changes, for useSyncExternalStore). */
  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** True while some local change has not been confirmed by the server. */
  hasUnconfirmedChanges(): boolean {
    return this.target !== null && !this.snapshot.confirmed && this.snapshot.pending > 0;
  }

  /** Connects (again), registering the agenda on the server first if it was created offline. */
  async connect(): Promise<void> {
    if (!this.target || this.destroyed) return;
    this.update({ status: 'connecting', refusal: null });
    try {
      const me = await whoAmI(this.target);
      if (me.readOnly !== this.snapshot.readOnly) this.update({ readOnly: me.readOnly });
      if (!me.readOnly) await this.ensureRegistered();
    } catch (error) {
      const refusal = error instanceof AgendaApiError ? API_REFUSALS[error.status] ?? null : null;
      if (refusal !== null) {
        this.update({ status: 'refused', refusal: refusal || (error as Error).message });
        return;
      }
      // Offline or the server is away: the provider's backoff retries, and registration with it.
    }
    if (!this.destroyed) this.provider.connect();
  }

  /** Goes offline on purpose (the provider stops reconnecting until `connect`). */
  disconnect(): void {
    this.provider.disconnect();
  }

  /** Disconnects and releases everything. */
  destroy(): void {
    this.destroyed = true;
    this.ydoc.off('update', this.onUpdate);
    meetingMap(this.ydoc).unobserve(this.rememberFacts);
    this.provider.destroy();
    this.awareness.off('change', this.onAwarenessChange);
    this.awareness.destroy();
    void this.persistence.destroy();
    this.listeners.clear();
    // After the editor bound to it has been torn down in the same unmount.
    setTimeout(() => this.ydoc.destroy(), 0);
  }

  private ensureRegistered(): Promise<void> {
    if (!this.target) return Promise.resolve();
    const known = localAgenda(this.id);
    if (known?.registered) return Promise.resolve();
    this.registering ??= (async () => {
      const facts = readMeetingFacts(this.ydoc);
      await registerAgenda(this.target!, { id: this.id, title: documentTitle(facts), committee: facts.committee, meetingDate: facts.date });
      rememberAgenda({ id: this.id, registered: true });
    })().finally(() => {
      this.registering = null;
    });
    return this.registering;
  }

  private wireProvider(provider: WebsocketProvider): void {
    announcePresenceOnConnect(provider);
    (provider.messageHandlers as unknown[])[MessageType.SavedState] = (_encoder: unknown, decoder: decoding.Decoder) => {
      this.lastSavedState = decoding.readVarUint8Array(decoder);
      this.checkConfirmed();
    };
    provider.on('status', ({ status }: { status: string }) => {
      if (this.snapshot.status === 'refused') return;
      if (status === 'connected') this.update({ status: 'connected' });
      else if (status === 'disconnected') this.update({ status: 'offline', confirmed: false });
    });
    provider.on('sync', (synced: boolean) => {
      if (synced) this.checkConfirmed();
    });
    provider.on('connection-error', () => {
      if (this.snapshot.status !== 'refused') this.update({ status: 'offline', confirmed: false });
      void this.explainFailure();
    });
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (event && REFUSALS[event.code]) {
        this.update({ status: 'refused', refusal: REFUSALS[event.code]!, confirmed: false });
      } else if (this.snapshot.status !== 'refused') {
        // Closed before or after opening (network gone, server stopped, storage failure): offline until it reconnects.
        this.update({ status: 'offline', confirmed: false });
      }
    });
  }

  /**
   * A websocket that fails before opening does not say why (browsers hide the HTTP status of a
   * refused upgrade). Ask the HTTP API: a 401 means the token is wrong, so stop retrying.
   */
  private async explainFailure(): Promise<void> {
    if (!this.target || Date.now() - this.lastExplained < 10_000) return;
    this.lastExplained = Date.now();
    try {
      const agendas = await listAgendas(this.target);
      if (!agendas.some((a) => a.id === this.id)) {
        rememberAgenda({ id: this.id, registered: false });
        await this.ensureRegistered();
      }
    } catch (error) {
      const refusal = error instanceof AgendaApiError ? API_REFUSALS[error.status] ?? null : null;
      if (refusal !== null) {
        this.provider.disconnect();
        this.update({ status: 'refused', refusal: refusal || (error as Error).message });
      }
    }
  }

  /** Keeps this machine's agenda list current, for the start screen when offline. */
  private rememberFacts = () => {
    try {
      const facts = readMeetingFacts(this.ydoc);
      rememberAgenda({ id: this.id, title: documentTitle(facts), committee: facts.committee, meetingDate: facts.date, openedAt: new Date().toISOString() });
    } catch {
      rememberAgenda({ id: this.id, openedAt: new Date().toISOString() });
    }
  };

  /** Awareness changes with every caret move; the peer list only when someone comes, goes or renames. */
  private onAwarenessChange = () => {
    const peers = this.readPeers();
    if (JSON.stringify(peers) !== JSON.stringify(this.snapshot.peers)) this.update({ peers });
  };

  private onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.provider || origin === this.persistence) return;
    this.pending.add();
    this.update({ confirmed: false, pending: this.pending.value });
  };

  private checkConfirmed(): void {
    if (!this.lastSavedState || !this.provider.synced) return;
    if (serverHasAll(this.ydoc, this.lastSavedState)) {
      this.pending.clear();
      this.update({ confirmed: true, pending: 0 });
    }
  }

  private readPeers(): Peer[] {
    const peers: Peer[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.ydoc.clientID) return;
      const user = (state as { user?: Partial<Peer> }).user;
      if (!user || typeof user.name !== 'string') return;
      peers.push({
        clientId,
        name: user.name.slice(0, 80),
        initials: String(user.initials ?? '').slice(0, 8),
        color: /^#[0-9a-f]{6}$/i.test(String(user.color)) ? String(user.color) : '#6e7781',
      });
    });
    return peers.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }

  private update(change: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
