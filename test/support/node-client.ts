import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { SCHEMA_VERSION, SCHEMA_VERSION_PARAM } from '../../shared/protocol/schema-version';
import { TOKEN_PARAM } from '../../shared/protocol/agenda-api';
import { defaultTestToken } from './test-server';
import { MessageType } from '../../shared/protocol/message-types';
import { announcePresenceOnConnect } from '../../shared/protocol/presence-on-connect';

/** A Node Y.Doc client of the sync server, as y-websocket's own clients connect. */
export interface NodeClient {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** Options of a Node client. */
export interface ConnectOptions {
  ydoc?: Y.Doc;
  /** Access token; default the test server's editor token (`server.token`); "" sends none. */
  token?: string;
  params?: Record<string, string>;
  connect?: boolean;
}

/**
 * Connects a new Y.Doc to agenda `name` on the server at `httpUrl`. The agenda must be
 * registered (`server.registerAgenda(id)` or `POST /api/agendas`), or the server refuses it.
 */
export function connectClient(httpUrl: string, name: string, options: ConnectOptions = {}): NodeClient {
  const ydoc = options.ydoc ?? new Y.Doc();
  const token = options.token ?? defaultTestToken(httpUrl) ?? '';
  const provider = new WebsocketProvider(httpUrl.replace(/^http/, 'ws'), name, ydoc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    params: { [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION), ...(token ? { [TOKEN_PARAM]: token } : {}), ...options.params },
  });
  announcePresenceOnConnect(provider);
  // Dagsorden's SavedState confirmations: tests that need them install their own handler.
  (provider.messageHandlers as unknown[])[MessageType.SavedState] ??= () => {};
  return {
    ydoc,
    provider,
    destroy() {
      provider.destroy();
      ydoc.destroy();
    },
  };
}

/** Resolves once the provider has synced with the server. */
export function whenSynced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced in time')), timeoutMs);
    const onSync = (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** Records the SavedState snapshots the server sends to `client` from now on. */
export function recordSavedStates(client: NodeClient): Uint8Array[] {
  const received: Uint8Array[] = [];
  (client.provider.messageHandlers as unknown[])[MessageType.SavedState] = (_encoder: unknown, decoder: decoding.Decoder) => {
    received.push(decoding.readVarUint8Array(decoder));
  };
  return received;
}

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
