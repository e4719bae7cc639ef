import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SCHEMA_VERSION, SCHEMA_VERSION_PARAM } from '../../../shared/protocol/schema-version';
import { isPermanentRefusal, CloseCode } from '../../../shared/protocol/close-codes';
import type { UserProfile } from '../user/user-profile';

/** The connection state shown in the status line. */
export type ConnectionStatus = 'connected' | 'connecting' | 'offline' | 'refused';

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
  peers: Peer[];
}

/** Danish explanations of refusals that stop reconnecting. */
const REFUSALS: Record<number, string> = {
  [CloseCode.Unauthorized]: 'Adgang nægtet: din adgangsnøgle er forkert eller trukket tilbage.',
  [CloseCode.Forbidden]: 'Du har ikke adgang til denne dagsorden.',
  [CloseCode.AgendaGone]: 'Dagsordenen er slettet på serveren.',
  [CloseCode.OutdatedClient]: 'Opdater Dagsorden: serveren bruger en nyere version af dokumentformatet.',
};

/**
 * One open agenda: its Y.Doc and its connection to the sync server. The Y.Doc is handed in
 * already loaded (a new agenda's template is written into it before it connects).
 */
export class AgendaSession {
  readonly provider: WebsocketProvider;
  private snapshot: SessionSnapshot = { status: 'connecting', refusal: null, peers: [] };
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly id: string,
    readonly ydoc: Y.Doc,
    serverUrl: string,
    readonly profile: UserProfile,
  ) {
    this.provider = new WebsocketProvider(serverUrl, id, ydoc, {
      params: { [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION) },
      maxBackoffTime: 10_000,
    });
    this.provider.awareness.setLocalStateField('user', { ...profile });
    this.provider.on('status', ({ status }: { status: string }) => {
      if (this.snapshot.status === 'refused') return;
      this.update({ status: status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline' });
    });
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event && isPermanentRefusal(event.code)) {
        this.provider.shouldConnect = false;
        this.update({ status: 'refused', refusal: REFUSALS[event.code] ?? `Serveren afviste forbindelsen (${event.code}).` });
      }
    });
    this.provider.awareness.on('change', () => this.update({ peers: this.readPeers() }));
  }

  /** The current snapshot (stable between changes, for useSyncExternalStore). */
  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Reconnects after a refusal or a manual disconnect. */
  reconnect(): void {
    this.update({ status: 'connecting', refusal: null });
    this.provider.connect();
  }

  /** Disconnects and releases everything. */
  destroy(): void {
    this.provider.destroy();
    this.listeners.clear();
  }

  private readPeers(): Peer[] {
    const peers: Peer[] = [];
    this.provider.awareness.getStates().forEach((state, clientId) => {
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
